/* test-sms-rules.c — privacy and abuse rules, and the message log */
#include "config.h"

#include "qurb-sms.h"
#include "qurb-test-util.h"

/* Sends text from sender; returns the reply (NULL when none). */
static gchar *
send_sms (QurbFixture *fixture, const gchar *sender, const gchar *text, const QurbSmsPolicy *policy,
          QurbIntent *intent)
{
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;
  gint64 id;

  g_assert_true (qurb_sms_receive (fixture->db, sender, text, &id, &error));
  g_assert_true (qurb_sms_process (fixture->db, id, policy, &result, &error));
  g_assert_no_error (error);
  if (intent)
    *intent = result.command.intent;
  return result.reply;
}

static void
at (const gchar *when)
{
  g_setenv ("QURB_NOW", when, TRUE);
}

static void
setup (QurbFixture *fixture, gconstpointer data)
{
  at ("2027-01-15T10:00:00");
  qurb_fixture_setup (fixture, data);
  qurb_fixture_load_corpus (fixture);
}

static void
teardown (QurbFixture *fixture, gconstpointer data)
{
  qurb_fixture_teardown (fixture, data);
  at ("2027-01-15T10:00:00");
}

static void
test_non_mobile_senders (QurbFixture *fixture, gconstpointer data)
{
  const gchar *senders[] = { "MAROCTEL", "5050", "Orange", "+212522123456", "", "+1234" };
  QurbIntent intent;

  for (guint i = 0; i < G_N_ELEMENTS (senders); i++)
    {
      g_autofree gchar *reply = send_sms (fixture, senders[i], "ETAT", NULL, &intent);
      g_assert_null (reply);
      g_assert_cmpint (intent, ==, QURB_INTENT_IGNORED);
    }
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'ignored'"), ==, 6);
}

static void
test_duplicates (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *first = send_sms (fixture, "+212612345678", "ETAT 2024001234", NULL, NULL);
  g_autofree gchar *again = NULL, *other = NULL, *later = NULL;

  at ("2027-01-15T10:04:00");
  again = send_sms (fixture, "+212612345678", "ETAT 2024001234", NULL, NULL);
  other = send_sms (fixture, "+212612345678", "ETAT 2025000017", NULL, NULL);
  at ("2027-01-15T10:06:00");
  later = send_sms (fixture, "+212612345678", "ETAT 2024001234", NULL, NULL);

  g_assert_nonnull (first);
  g_assert_null (again);          /* the same text within five minutes */
  g_assert_nonnull (other);       /* another question is another message */
  g_assert_nonnull (later);
}

static void
test_hourly_cap (QurbFixture *fixture, gconstpointer data)
{
  QurbSmsPolicy policy = { 3 };
  const gchar *texts[] = { "ETAT", "RDV", "CARAVANE", "AIDE" };
  guint answered = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree gchar *reply = send_sms (fixture, "+212612345678", texts[i], &policy, NULL);
      answered += reply != NULL;
    }
  g_assert_cmpuint (answered, ==, 3);
  /* The log tells a capped message from courtesy: the same state, each
   * with its note. */
  {
    g_autofree gchar *thanks = send_sms (fixture, "+212661234567", "merci", &policy, NULL);
    g_auto(QurbRun) json = { 0 }, plain = { 0 };

    g_assert_null (thanks);
    qurb_assert_query_text (fixture->db, "SELECT error FROM messages WHERE dir = 'in' AND text = 'AIDE'", "hourly cap");
    qurb_assert_query_text (fixture->db, "SELECT error FROM messages WHERE dir = 'in' AND text = 'merci'",
                            "nothing asked");
    g_assert_cmpint (qurb_test_query_int (fixture->db,
                     "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'handled' AND error IS NOT NULL"), ==, 0);
    qurb_test_run_qurbctl (&json, fixture->db_path, NULL, "messages", "--json", NULL);
    g_assert_nonnull (strstr (json.out, "\"text\":\"AIDE\",\"state\":\"ignored\","));
    g_assert_nonnull (strstr (json.out, "\"kind\":null,\"note\":\"hourly cap\"}"));
    g_assert_nonnull (strstr (json.out, "\"kind\":null,\"note\":\"nothing asked\"}"));
    g_assert_nonnull (strstr (json.out, "\"text\":\"ETAT\",\"state\":\"handled\""));
    g_assert_null (strstr (json.out, "\"kind\":\"reply\",\"note\""));
    qurb_test_run_qurbctl (&plain, fixture->db_path, NULL, "messages", NULL);
    g_assert_nonnull (strstr (plain.out, "AIDE  (hourly cap)\n"));
  }
  at ("2027-01-15T11:01:00");
  {
    g_autofree gchar *reply = send_sms (fixture, "+212612345678", "AIDE", &policy, NULL);
    g_assert_nonnull (reply);
  }
}

static void
test_unknown_number (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *first = send_sms (fixture, "+212655555555", "ETAT 2024001234", NULL, NULL);
  g_autofree gchar *second = send_sms (fixture, "+212655555555", "CARAVANE", NULL, NULL);
  g_autofree gchar *tomorrow = NULL;

  g_assert_nonnull (first);
  g_assert_null (strstr (first, "2024001234"));   /* nothing about the dossier */
  g_assert_nonnull (strstr (first, "enregistr"));  /* "…n'est pas enregistré…" */
  g_assert_null (second);
  at ("2027-01-16T09:00:00");
  tomorrow = send_sms (fixture, "+212655555555", "حالة", NULL, NULL);
  g_assert_nonnull (tomorrow);
}

static void
test_not_yours_is_not_found (QurbFixture *fixture, gconstpointer data)
{
  /* 2024005678 belongs to 100002; 2099000001 belongs to nobody. */
  g_autofree gchar *not_yours = send_sms (fixture, "+212612345678", "ETAT 2024005678", NULL, NULL);
  g_autofree gchar *missing = send_sms (fixture, "+212612345678", "ETAT 2099000001", NULL, NULL);
  g_autofree gchar *yours = send_sms (fixture, "+212661234567", "ETAT 2024005678", NULL, NULL);
  g_autofree gchar *masked_a = NULL, *masked_b = NULL;
  g_autoptr(GString) a = g_string_new (not_yours), b = g_string_new (missing);

  g_string_replace (a, "2024005678", "N", 0);
  g_string_replace (b, "2099000001", "N", 0);
  g_assert_cmpstr (a->str, ==, b->str);
  g_assert_nonnull (strstr (yours, "Transmis"));
  g_assert_null (strstr (not_yours, "Transmis"));
}

static void
test_sql_is_inert (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = {
    "ETAT 1' OR '1'='1", "'; DROP TABLE claims; --", "ANNULER ' OR 1=1 --",
    "RESERVER LAA1'); DELETE FROM bookings; --", "CARAVANE \" OR \"\"=\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree gchar *reply = send_sms (fixture, "+212612345678", texts[i], NULL, NULL);
      g_assert_nonnull (reply);
      g_assert_null (strstr (reply, "2024005678"));   /* nobody else's data */
    }
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==, 11);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM members"), ==, 7);
}

static void
test_log_and_once (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;
  gint64 id;

  g_assert_true (qurb_sms_receive (fixture->db, "0612345678", "حالة 2024001234", &id, &error));
  g_assert_true (qurb_sms_process (fixture->db, id, NULL, &result, &error));
  qurb_sms_result_clear (&result);
  /* The same message processed again (a restart) is not answered twice. */
  g_assert_true (qurb_sms_process (fixture->db, id, NULL, &result, &error));
  g_assert_null (result.reply);
  g_assert_no_error (error);

  qurb_assert_query_text (fixture->db, "SELECT peer || ' ' || state || ' ' || member_id FROM messages WHERE dir = 'in'",
                          "+212612345678 handled 1");
  qurb_assert_query_text (fixture->db,
      "SELECT kind || ' ' || state || ' ' || reply_to || ' ' || lang || ' ' || priority FROM messages WHERE dir = 'out'",
      "reply queued 1 ar 0");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages"), ==, 2);
}

static void
test_language_and_stop (QurbFixture *fixture, gconstpointer data)
{
  QurbIntent intent;
  g_autofree gchar *fr = send_sms (fixture, "+212612345678", "FR", NULL, &intent);
  g_autofree gchar *digits = NULL, *stop = NULL, *start = NULL;

  g_assert_cmpint (intent, ==, QURB_INTENT_LANGUAGE);
  qurb_assert_query_text (fixture->db, "SELECT lang || lang_chosen FROM members WHERE member_no = '100001'", "fr1");
  digits = send_sms (fixture, "+212612345678", "2024001234", NULL, NULL);
  g_assert_nonnull (strstr (digits, "Dossier 2024001234"));   /* now in French */

  stop = send_sms (fixture, "+212612345678", "STOP", NULL, NULL);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT broadcasts FROM members WHERE member_no = '100001'"), ==, 0);
  start = send_sms (fixture, "+212612345678", "START", NULL, NULL);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT broadcasts FROM members WHERE member_no = '100001'"), ==, 1);
}

static void
test_book_by_sms (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *booked = send_sms (fixture, "+212612345678", "RESERVER SMA1 10h30", NULL, NULL);
  g_autofree gchar *mine = NULL, *cancelled = NULL, *full = NULL;
  g_autofree gchar *code = qurb_test_query_text (fixture->db, "SELECT code FROM bookings");
  g_autofree gchar *cancel = g_strdup_printf ("ANNULER %s", code);

  g_assert_nonnull (code);
  g_assert_nonnull (strstr (booked, code));
  g_assert_nonnull (strstr (booked, "10:30"));
  mine = send_sms (fixture, "+212612345678", "MESRDV", NULL, NULL);
  g_assert_nonnull (strstr (mine, code));
  cancelled = send_sms (fixture, "+212612345678", cancel, NULL, NULL);
  g_assert_nonnull (strstr (cancelled, code));
  qurb_assert_query_text (fixture->db, "SELECT state FROM bookings", "cancelled");
  full = send_sms (fixture, "+212612345678", "RESERVER DAK1", NULL, NULL);
  g_assert_nonnull (strstr (full, "DAK1"));   /* closed: the caravan is past */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, setup, func, teardown)
  ADD ("/sms-rules/non-mobile-senders", test_non_mobile_senders);
  ADD ("/sms-rules/duplicates", test_duplicates);
  ADD ("/sms-rules/hourly-cap", test_hourly_cap);
  ADD ("/sms-rules/unknown-number", test_unknown_number);
  ADD ("/sms-rules/not-yours-is-not-found", test_not_yours_is_not_found);
  ADD ("/sms-rules/sql-is-inert", test_sql_is_inert);
  ADD ("/sms-rules/log-and-once", test_log_and_once);
  ADD ("/sms-rules/language-and-stop", test_language_and_stop);
  ADD ("/sms-rules/book-by-sms", test_book_by_sms);
#undef ADD
  return g_test_run ();
}
