/* qurb-records.c — the rows of the import files, checked field by field */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-phone.h"
#include "qurb-records.h"

G_DEFINE_QUARK (qurb-record-error-quark, qurb_record_error)

const gchar *const qurb_member_columns[] = {
  "member_no", "cin", "last_name", "first_name", "last_name_ar", "first_name_ar",
  "birth_date", "phone", "lang", "province", NULL
};
const gchar *const qurb_claim_columns[] = {
  "dossier_no", "member_no", "kind", "deposited_on", "status", "status_date",
  "amount_claimed", "amount_paid", "reason", NULL
};
const gchar *const qurb_caravan_columns[] = {
  "code", "specialty", "title_fr", "title_ar", "province", "site_fr", "site_ar",
  "date", "start_time", "end_time", "slot_minutes", "seats_per_slot", NULL
};

static const gchar *const claim_kinds[] = {
  "MALADIE", "OPTIQUE", "DENTAIRE", "HOSPITALISATION", "MATERNITE", NULL
};
/* In QurbClaimStatus order. */
static const gchar *const claim_statuses[] = {
  "RECU", "EN_COURS", "TRANSMIS", "PAYE", "REJETE", "INCOMPLET", NULL
};
static const gchar *const specialties[] = {
  "OPHTALMOLOGIE", "DENTAIRE", "DEPISTAGE", "GENERALE", "PEDIATRIE", "GYNECOLOGIE", NULL
};

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError **error, const gchar *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

static void
strip_all (gchar **fields, guint n)
{
  /* Most fields have nothing around them, and g_strstrip() would
   * still move every one: a million rows of nine. */
  for (guint i = 0; i < n; i++)
    if (g_ascii_isspace (fields[i][0]) ||
        (fields[i][0] != '\0' && g_ascii_isspace (fields[i][strlen (fields[i]) - 1])))
      g_strstrip (fields[i]);
}

static gboolean
all_digits (const gchar *s, gsize min, gsize max)
{
  gsize len = strlen (s);

  if (len < min || len > max)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* The code from a closed list, whatever its case. */
static const gchar *
one_of (const gchar *value, const gchar *const *allowed)
{
  /* Exports write codes in capitals: try that first. */
  for (guint i = 0; allowed[i]; i++)
    if (strcmp (value, allowed[i]) == 0)
      return allowed[i];
  for (guint i = 0; allowed[i]; i++)
    if (g_ascii_strcasecmp (value, allowed[i]) == 0)
      return allowed[i];
  return NULL;
}

static gboolean
check_date (const gchar *column, const gchar *value, const gchar *not_after,
            gchar out[11], GError **error)
{
  if (!qurb_parse_date (value, NULL, NULL, NULL))
    return invalid (error, _("%s must be a date as YYYY-MM-DD, not “%s”"), column, value);
  if (not_after != NULL && strcmp (value, not_after) > 0)
    return invalid (error, _("%s %s is in the future"), column, value);
  memcpy (out, value, 11);
  return TRUE;
}

static gboolean
check_required (const gchar *column, const gchar *value, GError **error)
{
  if (*value == '\0')
    return invalid (error, _("%s is empty"), column);
  return TRUE;
}

gboolean
qurb_member_row_parse (gchar **fields, const gchar *today, QurbMemberRow *row, GError **error)
{
  const gchar *cin;
  gsize letters = 0;

  memset (row, 0, sizeof *row);
  strip_all (fields, 10);

  if (!all_digits (fields[0], 5, 10))
    return invalid (error, _("member_no must be 5 to 10 digits, not “%s”"), fields[0]);
  memcpy (row->member_no, fields[0], strlen (fields[0]) + 1);

  /* CIN: one or two letters, then digits. */
  cin = fields[1];
  while (g_ascii_isalpha (cin[letters]))
    letters++;
  if (letters < 1 || letters > 2 || !all_digits (cin + letters, 1, 10))
    return invalid (error, _("cin must be one or two letters followed by digits, not “%s”"), cin);
  for (gsize i = 0; cin[i]; i++)
    row->cin[i] = g_ascii_toupper (cin[i]);

  if (!check_required ("last_name", fields[2], error) ||
      !check_required ("first_name", fields[3], error))
    return FALSE;
  row->last_name = fields[2];
  row->first_name = fields[3];
  row->last_name_ar = fields[4];
  row->first_name_ar = fields[5];

  if (!check_date ("birth_date", fields[6], today, row->birth_date, error))
    return FALSE;

  if (fields[7][0] != '\0')
    {
      row->phone = qurb_phone_normalize (fields[7]);
      if (row->phone == NULL)
        return invalid (error, _("phone “%s” is not a Moroccan mobile number"), fields[7]);
    }

  if (g_ascii_strcasecmp (fields[8], "ar") != 0 && g_ascii_strcasecmp (fields[8], "fr") != 0)
    {
      qurb_member_row_clear (row);
      return invalid (error, _("lang must be ar or fr, not “%s”"), fields[8]);
    }
  row->lang[0] = g_ascii_tolower (fields[8][0]);
  row->lang[1] = g_ascii_tolower (fields[8][1]);

  if (!check_required ("province", fields[9], error))
    {
      qurb_member_row_clear (row);
      return FALSE;
    }
  row->province = fields[9];
  return TRUE;
}

void
qurb_member_row_clear (QurbMemberRow *row)
{
  g_clear_pointer (&row->phone, g_free);
}

/* Spaces that may separate thousands: a plain one, and the no-break
 * spaces a French-locale spreadsheet writes (U+00A0, U+202F). */
static gsize
thousands_space (const gchar *p)
{
  if (*p == ' ')
    return 1;
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
    return 3;
  return 0;
}

static gboolean
has_currency (const gchar *text)
{
  g_autofree gchar *lower = g_utf8_strdown (text, -1);

  return strstr (lower, "dh") != NULL || strstr (lower, "mad") != NULL ||
         strstr (lower, "درهم") != NULL || strstr (lower, "€") != NULL;
}

/* Dirhams into centimes, as exports write them: "1250", "812.5",
 * "812,50" (a decimal comma), "1 250,50" (thousands apart by a space).
 * A dot or comma between thousands ("1.250", "1,250.00") is refused: it
 * cannot be told from decimals. */
static QurbAmountCheck
parse_centimes (const gchar *text, gint64 *centimes)
{
  gint64 whole = 0, fraction = 0;
  gint decimals = 0;
  guint group = 0;        /* digits since the last thousands space */
  gboolean grouped = FALSE;
  const gchar *p = text;

  if (!g_ascii_isdigit (*p))
    return QURB_AMOUNT_INVALID;
  for (;;)
    {
      gsize space;

      if (g_ascii_isdigit (*p))
        {
          if (whole > G_GINT64_CONSTANT (100000000000))
            return QURB_AMOUNT_INVALID;
          whole = whole * 10 + (*p++ - '0');
          group++;
        }
      else if ((space = thousands_space (p)) > 0)
        {
          /* "1 250": a first group of 1–3 digits, then groups of three. */
          if (group == 0 || group > 3 || (grouped && group != 3) || !g_ascii_isdigit (p[space]))
            return QURB_AMOUNT_INVALID;
          grouped = TRUE;
          group = 0;
          p += space;
        }
      else
        break;
    }
  if (grouped && group != 3)
    return QURB_AMOUNT_INVALID;
  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          decimals++;
          fraction = decimals <= 2 ? fraction * 10 + (*p - '0') : fraction;
        }
      if (decimals == 0)
        return QURB_AMOUNT_INVALID;
      /* "1.250,50", "1,250.00", "1.250.000", or "1.250" alone. */
      if (*p == '.' || *p == ',' || (decimals == 3 && !grouped))
        return QURB_AMOUNT_GROUPING;
      if (decimals > 2)
        return QURB_AMOUNT_DECIMALS;
    }
  if (*p != '\0')
    return QURB_AMOUNT_INVALID;
  if (decimals == 1)
    fraction *= 10;
  *centimes = whole * 100 + fraction;
  return QURB_AMOUNT_OK;
}

QurbAmountCheck
qurb_amount_parse (const gchar *text, gint64 *centimes)
{
  QurbAmountCheck check;

  if (*text == '-')
    return QURB_AMOUNT_NEGATIVE;
  /* Only digits, spaces and a decimal mark make an amount, so a currency
   * is looked for only in what is not one, to say why. */
  check = parse_centimes (text, centimes);
  if (check != QURB_AMOUNT_OK && has_currency (text))
    return QURB_AMOUNT_CURRENCY;
  return check;
}

gboolean
qurb_parse_amount (const gchar *text, gint64 *centimes)
{
  return qurb_amount_parse (text, centimes) == QURB_AMOUNT_OK;
}

/* A reason that tells how to write the amount. */
static gboolean
check_amount (const gchar *column, const gchar *text, gint64 *centimes, GError **error)
{
  switch (qurb_amount_parse (text, centimes))
    {
    case QURB_AMOUNT_OK:
      return TRUE;
    case QURB_AMOUNT_NEGATIVE:
      return invalid (error, _("%s “%s” cannot be negative"), column, text);
    case QURB_AMOUNT_CURRENCY:
      return invalid (error, _("%s “%s”: write the amount without its currency, as 1250,50"), column, text);
    case QURB_AMOUNT_GROUPING:
      return invalid (error, _("%s “%s”: write thousands apart by a space or not at all, and decimals "
                               "after a comma or a point: 1 250,50 or 1250.50"), column, text);
    case QURB_AMOUNT_DECIMALS:
    case QURB_AMOUNT_INVALID:
    default:
      return invalid (error, _("%s must be dirhams with at most two decimals, not “%s”"), column, text);
    }
}

gboolean
qurb_claim_status_parse (const gchar *code, QurbClaimStatus *status)
{
  for (guint i = 0; claim_statuses[i]; i++)
    if (g_strcmp0 (code, claim_statuses[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
qurb_claim_row_parse (gchar **fields, const gchar *today, QurbClaimRow *row, GError **error)
{
  memset (row, 0, sizeof *row);
  strip_all (fields, 9);

  if (!all_digits (fields[0], 6, 15))
    return invalid (error, _("dossier_no must be 6 to 15 digits, not “%s”"), fields[0]);
  memcpy (row->dossier_no, fields[0], strlen (fields[0]) + 1);

  if (!all_digits (fields[1], 5, 10))
    return invalid (error, _("member_no must be 5 to 10 digits, not “%s”"), fields[1]);
  memcpy (row->member_no, fields[1], strlen (fields[1]) + 1);

  row->kind = one_of (fields[2], claim_kinds);
  if (row->kind == NULL)
    return invalid (error, _("kind “%s” is not one of MALADIE, OPTIQUE, DENTAIRE, HOSPITALISATION, MATERNITE"),
                    fields[2]);

  if (!check_date ("deposited_on", fields[3], today, row->deposited_on, error))
    return FALSE;

  row->status = one_of (fields[4], claim_statuses);
  if (row->status == NULL)
    return invalid (error, _("status “%s” is not one of RECU, EN_COURS, TRANSMIS, PAYE, REJETE, INCOMPLET"),
                    fields[4]);

  if (!check_date ("status_date", fields[5], today, row->status_date, error))
    return FALSE;
  if (strcmp (row->status_date, row->deposited_on) < 0)
    return invalid (error, _("status_date %s is before deposited_on %s"),
                    row->status_date, row->deposited_on);

  if (!check_amount ("amount_claimed", fields[6], &row->amount_claimed, error) ||
      !check_amount ("amount_paid", fields[7], &row->amount_paid, error))
    return FALSE;
  if (row->amount_paid > row->amount_claimed)
    return invalid (error, _("amount_paid %s is more than amount_claimed %s"), fields[7], fields[6]);

  row->reason = fields[8];
  return TRUE;
}

static gboolean
parse_small_int (const gchar *text, gint min, gint max, gint *out)
{
  if (!all_digits (text, 1, 4))
    return FALSE;
  *out = atoi (text);
  return *out >= min && *out <= max;
}

gboolean
qurb_caravan_row_parse (gchar **fields, QurbCaravanRow *row, GError **error)
{
  gsize code_len;

  memset (row, 0, sizeof *row);
  strip_all (fields, 12);

  code_len = strlen (fields[0]);
  if (code_len < 3 || code_len > 8)
    return invalid (error, _("code must be 3 to 8 letters or digits, not “%s”"), fields[0]);
  for (gsize i = 0; i < code_len; i++)
    {
      if (!g_ascii_isalnum (fields[0][i]))
        return invalid (error, _("code must be 3 to 8 letters or digits, not “%s”"), fields[0]);
      row->code[i] = g_ascii_toupper (fields[0][i]);
    }

  row->specialty = one_of (fields[1], specialties);
  if (row->specialty == NULL)
    return invalid (error, _("specialty “%s” is not one of OPHTALMOLOGIE, DENTAIRE, DEPISTAGE, GENERALE, PEDIATRIE, GYNECOLOGIE"),
                    fields[1]);

  for (guint i = 2; i <= 6; i++)
    if (!check_required (qurb_caravan_columns[i], fields[i], error))
      return FALSE;
  row->title_fr = fields[2];
  row->title_ar = fields[3];
  row->province = fields[4];
  row->site_fr = fields[5];
  row->site_ar = fields[6];

  if (!check_date ("date", fields[7], NULL, row->date, error))
    return FALSE;
  if (!qurb_parse_hhmm (fields[8], &row->start_minute))
    return invalid (error, _("start_time must be HH:MM, not “%s”"), fields[8]);
  if (!qurb_parse_hhmm (fields[9], &row->end_minute))
    return invalid (error, _("end_time must be HH:MM, not “%s”"), fields[9]);
  if (row->end_minute <= row->start_minute)
    return invalid (error, _("end_time %s is not after start_time %s"), fields[9], fields[8]);
  if (!parse_small_int (fields[10], 5, 480, &row->slot_minutes))
    return invalid (error, _("slot_minutes must be a whole number from 5 to 480, not “%s”"), fields[10]);
  if (row->slot_minutes > row->end_minute - row->start_minute)
    return invalid (error, _("a slot of %d minutes does not fit between %s and %s"),
                    row->slot_minutes, fields[8], fields[9]);
  if (!parse_small_int (fields[11], 1, 500, &row->seats_per_slot))
    return invalid (error, _("seats_per_slot must be a whole number from 1 to 500, not “%s”"), fields[11]);
  return TRUE;
}

/* Whole slots only: a last stretch shorter than slot_minutes is not a slot. */
guint
qurb_caravan_row_n_slots (const QurbCaravanRow *row)
{
  return (row->end_minute - row->start_minute) / row->slot_minutes;
}
