/* test-records.c — what makes an import row valid, kind by kind */
#include "config.h"

#include "qurb-records.h"

typedef struct {
  const gchar *fields;   /* '|'-separated, in the kind's column order */
  const gchar *error;    /* a part of the reason, or NULL for a valid row */
} RowCase;

#define TODAY "2027-01-15"

static const RowCase member_cases[] = {
  { "100001|AB123456|ALAOUI|Fatima|العلوي|فاطمة|1975-03-12|0612345678|ar|Laâyoune", NULL },
  { " 100002 | be654321|BENNANI|Youssef|||1980-07-01|+212 6 61 23 45 67|FR|Salé", NULL },
  { "100004|K112233|OUAZZANI|Saïd|الوزاني|سعيد|1990-01-15||fr|Dakhla", NULL },
  { "1234|AB1|X|Y|||1990-01-01||fr|Rabat", "member_no must be 5 to 10 digits" },
  { "12345678901|AB1|X|Y|||1990-01-01||fr|Rabat", "member_no must be 5 to 10 digits" },
  { "10000A|AB1|X|Y|||1990-01-01||fr|Rabat", "member_no must be 5 to 10 digits" },
  { "100001|123456|X|Y|||1990-01-01||fr|Rabat", "cin must be" },
  { "100001|ABC123|X|Y|||1990-01-01||fr|Rabat", "cin must be" },
  { "100001|AB|X|Y|||1990-01-01||fr|Rabat", "cin must be" },
  { "100001|AB12-3|X|Y|||1990-01-01||fr|Rabat", "cin must be" },
  { "100001|AB1||Y|||1990-01-01||fr|Rabat", "last_name is empty" },
  { "100001|AB1|X| |||1990-01-01||fr|Rabat", "first_name is empty" },
  { "100001|AB1|X|Y|||1990-02-30||fr|Rabat", "birth_date must be a date" },
  { "100001|AB1|X|Y|||12/03/1975||fr|Rabat", "birth_date must be a date" },
  { "100001|AB1|X|Y|||2030-01-01||fr|Rabat", "is in the future" },
  { "100001|AB1|X|Y|||1990-01-01|0522123456|fr|Rabat", "is not a Moroccan mobile number" },
  { "100001|AB1|X|Y|||1990-01-01|0612345678|en|Rabat", "lang must be ar or fr" },
  { "100001|AB1|X|Y|||1990-01-01|0612345678|fr|", "province is empty" },
};

static const RowCase claim_cases[] = {
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|1250.00|812.50|", NULL },
  { "2025000018|100001|dentaire|2025-01-07|INCOMPLET|2025-01-20|3100.5|0|Devis manquant", NULL },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|1 250,00|812,50|", NULL },
  { "12345|100001|MALADIE|2024-11-02|PAYE|2024-12-10|1250.00|812.50|", "dossier_no must be 6 to 15 digits" },
  { "2024-001|100001|MALADIE|2024-11-02|PAYE|2024-12-10|1250.00|812.50|", "dossier_no must be 6 to 15 digits" },
  { "2024001234|1001|MALADIE|2024-11-02|PAYE|2024-12-10|1250.00|812.50|", "member_no must be 5 to 10 digits" },
  { "2024001234|100001|DENTISTE|2024-11-02|PAYE|2024-12-10|1250.00|812.50|", "kind “DENTISTE” is not one of" },
  { "2024001234|100001|MALADIE|2024-13-02|PAYE|2024-12-10|1250.00|812.50|", "deposited_on must be a date" },
  { "2024001234|100001|MALADIE|2024-11-02|PAID|2024-12-10|1250.00|812.50|", "status “PAID” is not one of" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-10-10|1250.00|812.50|", "is before deposited_on" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2027-02-10|1250.00|812.50|", "status_date 2027-02-10 is in the future" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|1.250,00|812.50|",
    "amount_claimed “1.250,00”: write thousands apart by a space or not at all, and decimals after a comma or a point: 1 250,50 or 1250.50" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|1250 DH|0|",
    "amount_claimed “1250 DH”: write the amount without its currency, as 1250,50" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|-5|0|", "amount_claimed “-5” cannot be negative" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|12.3456|0|", "amount_claimed must be dirhams" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|100|abc|", "amount_paid must be dirhams" },
  { "2024001234|100001|MALADIE|2024-11-02|PAYE|2024-12-10|100|100.01|", "is more than amount_claimed" },
};

static const RowCase caravan_cases[] = {
  { "LAA1|OPHTALMOLOGIE|Caravane|القافلة|Laâyoune|Centre|المركز|2027-02-03|09:00|13:00|30|6", NULL },
  { "laa1|dentaire|Caravane|القافلة|Laâyoune|Centre|المركز|2027-02-03|09:00|12:00|60|4", NULL },
  { "LA|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|13:00|30|6", "code must be 3 to 8" },
  { "LAA-1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|13:00|30|6", "code must be 3 to 8" },
  { "LAA1|CARDIOLOGIE|C|ق|L|C|م|2027-02-03|09:00|13:00|30|6", "specialty “CARDIOLOGIE” is not one of" },
  { "LAA1|OPHTALMOLOGIE||ق|L|C|م|2027-02-03|09:00|13:00|30|6", "title_fr is empty" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C||2027-02-03|09:00|13:00|30|6", "site_ar is empty" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|03/02/2027|09:00|13:00|30|6", "date must be a date" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|9h|13:00|30|6", "start_time must be HH:MM" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|24:00|30|6", "end_time must be HH:MM" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|13:00|09:00|30|6", "is not after start_time" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|13:00|0|6", "slot_minutes must be" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|10:00|90|6", "does not fit between" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|13:00|30|0", "seats_per_slot must be" },
  { "LAA1|OPHTALMOLOGIE|C|ق|L|C|م|2027-02-03|09:00|13:00|30|x", "seats_per_slot must be" },
};

typedef gboolean (*ParseFunc) (gchar **fields, GError **error);

static gboolean
parse_member (gchar **fields, GError **error)
{
  QurbMemberRow row;
  gboolean ok = qurb_member_row_parse (fields, TODAY, &row, error);

  if (ok)
    qurb_member_row_clear (&row);
  return ok;
}

static gboolean
parse_claim (gchar **fields, GError **error)
{
  QurbClaimRow row;
  return qurb_claim_row_parse (fields, TODAY, &row, error);
}

static gboolean
parse_caravan (gchar **fields, GError **error)
{
  QurbCaravanRow row;
  return qurb_caravan_row_parse (fields, &row, error);
}

static void
run_cases (const RowCase *cases, guint n, ParseFunc parse)
{
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (cases[i].fields, "|", -1);
      g_autoptr(GError) error = NULL;
      gboolean ok = parse (fields, &error);

      g_test_message ("row %s", cases[i].fields);
      if (cases[i].error == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].error));
        }
    }
}

static void
test_members (void)
{
  run_cases (member_cases, G_N_ELEMENTS (member_cases), parse_member);
}

static void
test_claims (void)
{
  run_cases (claim_cases, G_N_ELEMENTS (claim_cases), parse_claim);
}

static void
test_caravans (void)
{
  run_cases (caravan_cases, G_N_ELEMENTS (caravan_cases), parse_caravan);
}

static void
test_member_normalized (void)
{
  g_auto(GStrv) fields = g_strsplit (" 100002 | be654321|BENNANI|Youssef|||1980-07-01|+212 6 61 23 45 67|FR\t|Salé", "|", -1);
  QurbMemberRow row;

  g_assert_true (qurb_member_row_parse (fields, TODAY, &row, NULL));
  g_assert_cmpstr (row.member_no, ==, "100002");
  g_assert_cmpstr (row.cin, ==, "BE654321");
  g_assert_cmpstr (row.phone, ==, "+212661234567");
  g_assert_cmpstr (row.lang, ==, "fr");
  g_assert_cmpstr (row.province, ==, "Salé");
  qurb_member_row_clear (&row);
}

static void
test_caravan_slots (void)
{
  g_auto(GStrv) fields = g_strsplit ("GLM1|DEPISTAGE|D|ك|Guelmim|D|م|2027-02-10|08:30|12:45|30|8", "|", -1);
  QurbCaravanRow row;

  g_assert_true (qurb_caravan_row_parse (fields, &row, NULL));
  g_assert_cmpstr (row.code, ==, "GLM1");
  g_assert_cmpint (row.start_minute, ==, 8 * 60 + 30);
  /* 08:30–12:45 holds eight whole 30-minute slots; the last 15 minutes none. */
  g_assert_cmpuint (qurb_caravan_row_n_slots (&row), ==, 8);
}

static void
test_amounts (void)
{
  static const struct { const gchar *text; QurbAmountCheck check; gint64 centimes; } cases[] = {
    { "0", QURB_AMOUNT_OK, 0 }, { "1250", QURB_AMOUNT_OK, 125000 }, { "812.5", QURB_AMOUNT_OK, 81250 },
    { "3100.50", QURB_AMOUNT_OK, 310050 }, { "0.07", QURB_AMOUNT_OK, 7 },
    { "18500.00", QURB_AMOUNT_OK, 1850000 },
    /* What a French-locale spreadsheet writes. */
    { "1,5", QURB_AMOUNT_OK, 150 }, { "812,50", QURB_AMOUNT_OK, 81250 },
    { "1 250", QURB_AMOUNT_OK, 125000 }, { "1 250,50", QURB_AMOUNT_OK, 125050 },
    { "12 345 678.9", QURB_AMOUNT_OK, 1234567890 },
    { "1\xc2\xa0" "250,50", QURB_AMOUNT_OK, 125050 }, { "1\xe2\x80\xaf" "250", QURB_AMOUNT_OK, 125000 },
    /* Thousands apart by a dot or a comma cannot be told from decimals. */
    { "1.250", QURB_AMOUNT_GROUPING, 0 }, { "1,250", QURB_AMOUNT_GROUPING, 0 },
    { "1.250,50", QURB_AMOUNT_GROUPING, 0 }, { "1,250.50", QURB_AMOUNT_GROUPING, 0 },
    { "1.250.000", QURB_AMOUNT_GROUPING, 0 }, { "1.234", QURB_AMOUNT_GROUPING, 0 },
    { "12.3456", QURB_AMOUNT_DECIMALS, 0 }, { "1 250.505", QURB_AMOUNT_DECIMALS, 0 },
    { "1250 DH", QURB_AMOUNT_CURRENCY, 0 }, { "MAD 12", QURB_AMOUNT_CURRENCY, 0 },
    { "1.250 dh", QURB_AMOUNT_CURRENCY, 0 }, { "12,50 €", QURB_AMOUNT_CURRENCY, 0 },
    { "1 250 درهم", QURB_AMOUNT_CURRENCY, 0 }, { "-5 DH", QURB_AMOUNT_NEGATIVE, 0 },
    { "-1", QURB_AMOUNT_NEGATIVE, 0 },
    { "", QURB_AMOUNT_INVALID, 0 }, { ".5", QURB_AMOUNT_INVALID, 0 }, { "5.", QURB_AMOUNT_INVALID, 0 },
    { "1e3", QURB_AMOUNT_INVALID, 0 }, { " 5", QURB_AMOUNT_INVALID, 0 },
    { "12 50", QURB_AMOUNT_INVALID, 0 }, { "1 2500", QURB_AMOUNT_INVALID, 0 },
    { "1234 567", QURB_AMOUNT_INVALID, 0 }, { "1 ", QURB_AMOUNT_INVALID, 0 },
    { "99999999999999999999", QURB_AMOUNT_INVALID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 centimes = -1;
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (qurb_amount_parse (cases[i].text, &centimes), ==, cases[i].check);
      g_assert_cmpint (qurb_parse_amount (cases[i].text, &centimes), ==, cases[i].check == QURB_AMOUNT_OK);
      if (cases[i].check == QURB_AMOUNT_OK)
        g_assert_cmpint (centimes, ==, cases[i].centimes);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/records/members", test_members);
  g_test_add_func ("/records/members/normalized", test_member_normalized);
  g_test_add_func ("/records/claims", test_claims);
  g_test_add_func ("/records/caravans", test_caravans);
  g_test_add_func ("/records/caravans/slots", test_caravan_slots);
  g_test_add_func ("/records/amounts", test_amounts);
  return g_test_run ();
}
