/* test-phone-register.c — a member registers a phone with a code sent by
 * SMS: the code through the outbox, a wrong code, an expired one, the
 * limits, and imports keeping the phone */
#include "config.h"

#include <string.h>

#include "qurb-import.h"
#include "qurb-phone-register.h"
#include "qurb-test-util.h"

#define SAID "100004"   /* no phone on file */

static void
setup (QurbFixture *fixture, gconstpointer data)
{
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_fixture_setup (fixture, data);
  qurb_fixture_load_corpus (fixture);
}

static void
teardown (QurbFixture *fixture, gconstpointer data)
{
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_fixture_teardown (fixture, data);
}

static gint64
said (QurbFixture *fixture)
{
  return qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '" SAID "'");
}

static QurbPhoneStartOutcome
start (QurbFixture *fixture, const gchar *typed, const gchar *lang, gint *wait)
{
  g_autoptr(GError) error = NULL;
  QurbPhoneStart result;
  QurbPhoneStartOutcome outcome;

  g_assert_true (qurb_phone_register_start (fixture->db, said (fixture), typed, lang, &result, &error));
  g_assert_no_error (error);
  outcome = result.outcome;
  if (wait != NULL)
    *wait = result.wait_seconds;
  qurb_phone_start_clear (&result);
  return outcome;
}

static QurbPhoneConfirmOutcome
confirm (QurbFixture *fixture, const gchar *code, gint *attempts_left)
{
  g_autoptr(GError) error = NULL;
  QurbPhoneConfirm result;
  QurbPhoneConfirmOutcome outcome;

  g_assert_true (qurb_phone_register_confirm (fixture->db, said (fixture), code, "kiosk", &result, &error));
  g_assert_no_error (error);
  outcome = result.outcome;
  if (attempts_left != NULL)
    *attempts_left = result.attempts_left;
  qurb_phone_confirm_clear (&result);
  return outcome;
}

/* The six digits of the last code the outbox holds for that number. */
static gchar *
code_sent_to (QurbFixture *fixture, const gchar *phone)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT text FROM messages WHERE dir = 'out' AND state = 'queued'"
                                           " AND peer = '%s' ORDER BY id DESC LIMIT 1", phone);
  g_autofree gchar *text = qurb_test_query_text (fixture->db, sql);
  const gchar *p;

  g_assert_nonnull (text);
  for (p = text; *p && !g_ascii_isdigit (*p); p++)
    ;
  g_assert_cmpuint (strspn (p, "0123456789"), ==, 6);
  return g_strndup (p, 6);
}

static void
test_register (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = NULL, *wrong = NULL;
  gint left = -1;

  g_assert_cmpint (start (fixture, "0522 12 34 56", "fr", NULL), ==, QURB_PHONE_NOT_MOBILE);
  g_assert_cmpint (confirm (fixture, "123456", NULL), ==, QURB_PHONE_NO_CODE);
  g_assert_cmpint (start (fixture, "06 12 34 99 88", "fr", NULL), ==, QURB_PHONE_CODE_SENT);
  /* The code goes through the outbox before other notices, in the
   * member's language; the database keeps only its salted hash. */
  code = code_sent_to (fixture, "+212612349988");
  qurb_assert_query_text (fixture->db, "SELECT kind || ' ' || priority || ' ' || lang FROM messages", "notice 0 fr");
  {
    g_autofree gchar *stored = qurb_test_query_text (fixture->db, "SELECT code_hash FROM phone_codes");

    g_assert_true (g_str_has_prefix (stored, "$y$"));
    g_assert_null (strstr (stored, code));
  }

  wrong = g_strdup (g_str_equal (code, "000000") ? "111111" : "000000");
  g_assert_cmpint (confirm (fixture, wrong, &left), ==, QURB_PHONE_WRONG_CODE);
  g_assert_cmpint (left, ==, 4);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT phone IS NULL FROM members WHERE member_no = '" SAID "'"),
                   ==, 1);
  g_assert_cmpint (confirm (fixture, code, NULL), ==, QURB_PHONE_REGISTERED);
  qurb_assert_query_text (fixture->db, "SELECT phone || ' ' || phone_chosen FROM members WHERE member_no = '" SAID "'",
                          "+212612349988 1");
  qurb_assert_query_text (fixture->db, "SELECT actor || ' ' || subject || ' ' || detail FROM audit"
                          " WHERE action = 'phone-register'", "kiosk " SAID " +2126*****988");
  /* Spent: the same code registers nothing again. */
  g_assert_cmpint (confirm (fixture, code, NULL), ==, QURB_PHONE_NO_CODE);
  /* A first phone: no old number to tell. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages"), ==, 1);
}

static void
test_expired_and_limits (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = NULL, *second = NULL;
  gint wait = 0;

  g_assert_cmpint (start (fixture, "0612349988", "ar", NULL), ==, QURB_PHONE_CODE_SENT);
  code = code_sent_to (fixture, "+212612349988");
  /* A second code only after a minute. */
  g_setenv ("QURB_NOW", "2027-01-15T10:00:20", TRUE);
  g_assert_cmpint (start (fixture, "0612349988", "ar", &wait), ==, QURB_PHONE_WAIT);
  g_assert_cmpint (wait, ==, 40);
  /* Ten minutes later the code is void. */
  g_setenv ("QURB_NOW", "2027-01-15T10:10:00", TRUE);
  g_assert_cmpint (confirm (fixture, code, NULL), ==, QURB_PHONE_CODE_EXPIRED);
  /* A new one works; the old one no more. */
  g_assert_cmpint (start (fixture, "0612349988", "ar", NULL), ==, QURB_PHONE_CODE_SENT);
  second = code_sent_to (fixture, "+212612349988");
  if (!g_str_equal (code, second))
    g_assert_cmpint (confirm (fixture, code, NULL), ==, QURB_PHONE_WRONG_CODE);
  /* Five wrong codes void it, even for the right one. */
  for (guint i = 0; i < 5; i++)
    confirm (fixture, "999999", NULL);
  g_assert_cmpint (confirm (fixture, second, NULL), ==, QURB_PHONE_CODE_EXPIRED);

  /* Five codes a day at most. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree gchar *later = g_strdup_printf ("2027-01-15T11:%02u:00", i * 2);

      g_setenv ("QURB_NOW", later, TRUE);
      g_assert_cmpint (start (fixture, "0612349988", "ar", NULL), ==, QURB_PHONE_CODE_SENT);
    }
  g_setenv ("QURB_NOW", "2027-01-15T12:00:00", TRUE);
  g_assert_cmpint (start (fixture, "0612349988", "ar", NULL), ==, QURB_PHONE_TOO_MANY_CODES);
  g_setenv ("QURB_NOW", "2027-01-16T09:00:00", TRUE);
  g_assert_cmpint (start (fixture, "0612349988", "ar", NULL), ==, QURB_PHONE_CODE_SENT);
}

/* The nightly members import, with no phone for Saïd, keeps the one he
 * registered; a member who registered none gets the import's. */
static void
test_import_keeps_it (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = NULL;
  QurbImportStats stats;

  g_assert_true (qurb_member_set_phone (fixture->db, said (fixture), "+212612349988", "kiosk", &error));
  path = qurb_fixture_write (fixture, "members.csv",
      "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n"
      "100004,K112233,OUAZZANI,Saïd,الوزاني,سعيد,1990-01-15,,fr,Dakhla\n"
      "100005,C445566,TAZI,Nadia,التازي,نادية,1985-05-05,0711223399,fr,Rabat\n");
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, path, NULL, &stats, &error));
  g_assert_no_error (error);
  qurb_assert_query_text (fixture->db, "SELECT phone FROM members WHERE member_no = '" SAID "'", "+212612349988");
  qurb_assert_query_text (fixture->db, "SELECT phone FROM members WHERE member_no = '100005'", "+212711223399");
}

/* A member who changes their phone: the old number is told too, in the
 * member's language, with nothing of their files; a first phone tells
 * nobody else (test_register). */
static void
test_old_phone_told (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '100001'");
  QurbPhoneStart started;
  QurbPhoneConfirm confirmed;
  g_autofree gchar *code = NULL;

  g_assert_true (qurb_phone_register_start (fixture->db, id, "0612349988", "ar", &started, &error));
  g_assert_cmpint (started.outcome, ==, QURB_PHONE_CODE_SENT);
  qurb_phone_start_clear (&started);
  code = code_sent_to (fixture, "+212612349988");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE peer = '+212612345678'"),
                   ==, 0);
  g_assert_true (qurb_phone_register_confirm (fixture->db, id, code, "kiosk", &confirmed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (confirmed.outcome, ==, QURB_PHONE_REGISTERED);
  qurb_phone_confirm_clear (&confirmed);
  qurb_assert_query_text (fixture->db, "SELECT kind || ' ' || priority || ' ' || lang || ' ' || text FROM messages"
                          " WHERE dir = 'out' AND peer = '+212612345678'",
                          "notice 1 ar قرب: غُيّر هاتف ملفكم بالشباك الآلي. إن لم تغيروه، تفضلوا إلى وكالتكم.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, setup, func, teardown)
  ADD ("/phone-register/register", test_register);
  ADD ("/phone-register/expired-and-limits", test_expired_and_limits);
  ADD ("/phone-register/import-keeps-it", test_import_keeps_it);
  ADD ("/phone-register/old-phone-told", test_old_phone_told);
#undef ADD
  return g_test_run ();
}
