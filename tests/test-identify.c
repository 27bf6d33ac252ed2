/* test-identify.c — lockout rules, kiosk identification, claim timelines */
#include "config.h"

#include <stdlib.h>

#include "qurb-clock.h"
#include <string.h>

#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-identify.h"
#include "qurb-staff-pin.h"
#include "qurb-test-util.h"

/* Each kind of subject has its policy: a kiosk slows down and never
 * locks, a member number locks only after many failures, the staff
 * console after five. Now is 2027-01-15T10:00:00. */
static void
test_lockout_rule (void)
{
  static const struct {
    const QurbLockoutPolicy *policy;
    gint failures; const gchar *last_failure; const gchar *locked_until;
    gboolean locked; gint seconds_left; gint minutes_left; gint attempts_left;
  } cases[] = {
    { &qurb_lockout_staff, 0, NULL, NULL, FALSE, 0, 0, 5 },
    { &qurb_lockout_staff, 3, "2027-01-15T09:58:00", NULL, FALSE, 0, 0, 2 },
    { &qurb_lockout_staff, 4, "2027-01-15T09:59:59", NULL, FALSE, 0, 0, 1 },
    { &qurb_lockout_staff, 4, "2027-01-15T09:45:00", NULL, FALSE, 0, 0, 5 },     /* old mistakes are forgotten */
    { &qurb_lockout_staff, 0, "2027-01-15T09:50:00", "2027-01-15T10:05:00", TRUE, 300, 5, 0 },
    { &qurb_lockout_staff, 0, "2027-01-15T09:50:00", "2027-01-15T10:00:01", TRUE, 1, 1, 0 },  /* rounded up */
    { &qurb_lockout_staff, 0, "2027-01-15T09:45:00", "2027-01-15T10:00:00", FALSE, 0, 0, 5 }, /* ended */
    { &qurb_lockout_staff, 9, "2027-01-15T09:59:00", NULL, FALSE, 0, 0, 0 },
    /* A member number: a whole day's failures count, from any kiosk. */
    { &qurb_lockout_member, 12, "2027-01-14T12:00:00", NULL, FALSE, 0, 0, 8 },
    { &qurb_lockout_member, 12, "2027-01-14T09:00:00", NULL, FALSE, 0, 0, 20 },
    { &qurb_lockout_member, 0, "2027-01-15T09:30:00", "2027-01-15T10:30:00", TRUE, 1800, 30, 0 },
    /* A kiosk waits seconds, and never runs out of attempts. */
    { &qurb_lockout_kiosk, 4, "2027-01-15T09:59:50", "2027-01-15T10:00:20", TRUE, 20, 1, 0 },
    { &qurb_lockout_kiosk, 4, "2027-01-15T09:59:50", "2027-01-15T10:00:00", FALSE, 0, 0, G_MAXINT },
  };
  g_autoptr(GDateTime) now = qurb_now ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QurbLockoutRecord record = { cases[i].failures, cases[i].last_failure, cases[i].locked_until };
      QurbLockoutState state = qurb_lockout_state (&record, cases[i].policy, now);

      g_test_message ("case %u", i);
      g_assert_cmpint (state.locked, ==, cases[i].locked);
      g_assert_cmpint (state.seconds_left, ==, cases[i].seconds_left);
      g_assert_cmpint (state.minutes_left, ==, cases[i].minutes_left);
      if (!state.locked)
        g_assert_cmpint (state.attempts_left, ==, cases[i].attempts_left);
    }
}

static void
test_cin_normalize (void)
{
  static const gchar *const cases[][2] = {
    { "AB123456", "AB123456" }, { " ab 123456 ", "AB123456" }, { "j-987654", "J987654" },
    { "", "" }, { "ب123", "123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *got = qurb_cin_normalize (cases[i][0]);
      g_assert_cmpstr (got, ==, cases[i][1]);
    }
}

static QurbIdentifyOutcome
identify_at (QurbFixture *fixture, const gchar *kiosk, const gchar *member_no, const gchar *cin,
             QurbIdentifyResult *out)
{
  g_autoptr(GError) error = NULL;
  QurbIdentifyResult result;

  g_assert_true (qurb_member_identify (fixture->db, kiosk, member_no, cin, &result, &error));
  g_assert_no_error (error);
  g_assert_true ((result.member_found != NULL) == (result.outcome == QURB_IDENTIFY_OK));
  if (result.member_found)
    g_assert_cmpstr (result.member_found->member_no, ==, member_no);
  qurb_member_free (result.member_found);
  result.member_found = NULL;
  if (out != NULL)
    *out = result;
  return result.outcome;
}

static QurbIdentifyOutcome
identify (QurbFixture *fixture, const gchar *member_no, const gchar *cin)
{
  return identify_at (fixture, "LAA-01", member_no, cin, NULL);
}

/* Moves the clock; the lockout rules read it on each call. */
static void
at (const gchar *now)
{
  g_setenv ("QURB_NOW", now, TRUE);
}

static void
test_identify (QurbFixture *fixture, gconstpointer data)
{
  QurbIdentifyResult result;

  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (identify (fixture, "100001", "ab123456"), ==, QURB_IDENTIFY_OK);
  g_assert_cmpint (identify (fixture, "100001", "AB123457"), ==, QURB_IDENTIFY_WRONG);
  g_assert_cmpint (identify_at (fixture, "LAA-01", "100001", "", &result), ==, QURB_IDENTIFY_WRONG);
  g_assert_cmpint (result.member.attempts_left, ==, 18);
  g_assert_false (result.kiosk.locked);
  /* A success wipes the slate. */
  g_assert_cmpint (identify (fixture, "100001", "AB 123456"), ==, QURB_IDENTIFY_OK);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM lockouts"), ==, 0);

  /* An unknown number is "wrong", like a wrong CIN, and counts the same. */
  g_assert_cmpint (identify_at (fixture, "LAA-01", "999999", "AB123456", &result), ==, QURB_IDENTIFY_WRONG);
  g_assert_cmpint (result.member.attempts_left, ==, 19);
}

/* A few wrong answers slow the kiosk down — 15 s, then twice as long
 * each time — and lock nobody: the member still gets in. */
static void
test_kiosk_slows_down (QurbFixture *fixture, gconstpointer data)
{
  QurbIdentifyResult result;

  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (identify (fixture, "100002", "XX000000"), ==, QURB_IDENTIFY_WRONG);
  g_assert_cmpint (identify (fixture, "100003", "XX000000"), ==, QURB_IDENTIFY_WRONG);
  g_assert_cmpint (identify_at (fixture, "LAA-01", "100004", "XX000000", &result), ==, QURB_IDENTIFY_WRONG);
  g_assert_true (result.kiosk.locked);
  g_assert_cmpint (result.kiosk.seconds_left, ==, 15);
  /* Meanwhile no try counts, not even the right one. */
  g_assert_cmpint (identify_at (fixture, "LAA-01", "100002", "BE654321", &result), ==, QURB_IDENTIFY_SLOWED);
  g_assert_cmpint (result.kiosk.seconds_left, ==, 15);
  /* Another kiosk is not slowed. */
  g_assert_cmpint (identify_at (fixture, "SMA-01", "100001", "AB123456", NULL), ==, QURB_IDENTIFY_OK);
  at ("2027-01-15T10:00:15");
  g_assert_cmpint (identify_at (fixture, "LAA-01", "100005", "XX000000", &result), ==, QURB_IDENTIFY_WRONG);
  g_assert_cmpint (result.kiosk.seconds_left, ==, 30);
  at ("2027-01-15T10:00:45");
  g_assert_cmpint (identify (fixture, "100002", "BE654321"), ==, QURB_IDENTIFY_OK);
  at ("2027-01-15T10:00:00");
}

/* A member number locks only after twenty failures, whichever kiosks
 * they came from; time passes or staff lift the lock. */
static void
test_member_lock (QurbFixture *fixture, gconstpointer data)
{
  static const gchar *const kiosks[] = { "LAA-01", "SMA-01", "GLM-01", "TAN-01", "BOJ-01",
                                         "DAK-01", "ESM-01" };
  QurbIdentifyResult result;
  g_autoptr(GError) error = NULL;
  gboolean lifted = FALSE;

  qurb_fixture_load_corpus (fixture);
  /* Three tries at each kiosk: never slowed down, 19 failures. */
  for (guint i = 0; i < 19; i++)
    g_assert_cmpint (identify_at (fixture, kiosks[i / 3], "100002", "XX000000", &result), ==,
                     QURB_IDENTIFY_WRONG);
  g_assert_cmpint (result.member.attempts_left, ==, 1);
  g_assert_cmpint (identify_at (fixture, "ESM-01", "100002", "XX000000", &result), ==, QURB_IDENTIFY_LOCKED);
  g_assert_cmpint (result.member.minutes_left, ==, 60);
  /* Locked: even the right CIN is refused, and the lock is not extended. */
  g_assert_cmpint (identify_at (fixture, "RAB-01", "100002", "BE654321", &result), ==, QURB_IDENTIFY_LOCKED);
  qurb_assert_query_text (fixture->db, "SELECT locked_until FROM lockouts WHERE subject = 'member:100002'",
                          "2027-01-15T11:00:00");
  /* Other members are not affected. */
  g_assert_cmpint (identify_at (fixture, "RAB-01", "100001", "AB123456", NULL), ==, QURB_IDENTIFY_OK);

  /* The desk lifts the lock (audited); or an hour passes. */
  g_assert_true (qurb_lockout_lift (fixture->db, "member:100002", "test", &lifted, &error));
  g_assert_true (lifted);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM audit WHERE action = 'unlock'"
                                                     " AND subject = 'member:100002'"), ==, 1);
  g_assert_cmpint (identify_at (fixture, "RAB-01", "100002", "BE654321", NULL), ==, QURB_IDENTIFY_OK);
}

static void
test_timeline (void)
{
  g_autoptr(GArray) steps = qurb_claim_timeline (
      "RECU 2025-01-05\nbogus line\nEN_COURS 2025-01-06\nNOPE 2025-01-07\n",
      QURB_CLAIM_PAYE, "2025-02-01");
  g_autoptr(GArray) alone = qurb_claim_timeline ("", QURB_CLAIM_RECU, "2025-01-05");

  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpint (g_array_index (steps, QurbClaimStep, 0).status, ==, QURB_CLAIM_RECU);
  g_assert_cmpstr (g_array_index (steps, QurbClaimStep, 1).date, ==, "2025-01-06");
  g_assert_cmpint (g_array_index (steps, QurbClaimStep, 2).status, ==, QURB_CLAIM_PAYE);
  g_assert_cmpstr (g_array_index (steps, QurbClaimStep, 2).date, ==, "2025-02-01");
  g_assert_cmpuint (alone->len, ==, 1);

  /* What is still to come, table-driven. */
  {
    static const struct { QurbClaimStatus status; guint n; QurbClaimStatus first; } cases[] = {
      { QURB_CLAIM_RECU, 3, QURB_CLAIM_EN_COURS }, { QURB_CLAIM_EN_COURS, 2, QURB_CLAIM_TRANSMIS },
      { QURB_CLAIM_TRANSMIS, 1, QURB_CLAIM_PAYE }, { QURB_CLAIM_INCOMPLET, 3, QURB_CLAIM_EN_COURS },
      { QURB_CLAIM_PAYE, 0, 0 }, { QURB_CLAIM_REJETE, 0, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        QurbClaimStatus next[3];

        g_assert_cmpuint (qurb_claim_expected_steps (cases[i].status, next), ==, cases[i].n);
        if (cases[i].n > 0)
          {
            g_assert_cmpint (next[0], ==, cases[i].first);
            g_assert_cmpint (next[cases[i].n - 1], ==, QURB_CLAIM_PAYE);
          }
      }
  }
}

static void
test_caravan_slots (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) caravans = NULL;
  const QurbCaravan *sma = NULL;

  qurb_fixture_load_corpus (fixture);
  caravans = qurb_caravans_upcoming (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < caravans->len; i++)
    if (g_str_equal (((QurbCaravan *) caravans->pdata[i])->code, "SMA1"))
      sma = caravans->pdata[i];
  g_assert_nonnull (sma);
  /* 09:00–11:00 in 30-minute slots of 2 seats. */
  g_assert_cmpuint (sma->slots->len, ==, 4);
  g_assert_cmpstr (g_array_index (sma->slots, QurbCaravanSlot, 0).start_time, ==, "09:00");
  g_assert_cmpstr (g_array_index (sma->slots, QurbCaravanSlot, 3).start_time, ==, "10:30");
  g_assert_cmpint (g_array_index (sma->slots, QurbCaravanSlot, 3).seats_left, ==, 2);
  g_assert_true (g_array_index (sma->slots, QurbCaravanSlot, 3).open);
  g_assert_cmpint (sma->seats_left, ==, 8);
}

/* What an earlier version stored for 2468: SHA-256 iterated 1000 times
 * over the salt "abcd". */
#define LEGACY_2468 "sha256x$1000$abcd$8ca63807d7754253d76d00ef092e9982adfd04876a890949b9f818ff714c2095"

static void
test_staff_pin (QurbFixture *fixture, gconstpointer data)
{
  static const gchar *const valid[] = { "1234", "00000000", NULL };
  static const gchar *const invalid[] = { "123", "123456789", "12a4", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *hashed = qurb_staff_pin_hash ("2468", &error);
  g_autofree gchar *again = qurb_staff_pin_hash ("2468", &error);
  g_autofree gchar *stored = NULL;
  QurbLockoutState lockout;
  gboolean accepted = TRUE;

  g_assert_no_error (error);
  for (guint i = 0; valid[i]; i++)
    g_assert_true (qurb_staff_pin_valid (valid[i]));
  for (guint i = 0; invalid[i]; i++)
    g_assert_false (qurb_staff_pin_valid (invalid[i]));
  /* yescrypt, with a salt of its own each time. */
  g_assert_true (g_str_has_prefix (hashed, "$y$"));
  g_assert_cmpstr (hashed, !=, again);
  g_assert_true (qurb_staff_pin_matches ("2468", hashed));
  g_assert_false (qurb_staff_pin_matches ("2469", hashed));
  g_assert_false (qurb_staff_pin_matches ("2468", "plain-2468"));
  g_assert_true (qurb_staff_pin_matches ("2468", LEGACY_2468));
  g_assert_false (qurb_staff_pin_matches ("2469", LEGACY_2468));

  /* No PIN set yet: nobody gets in. */
  g_assert_true (qurb_staff_pin_check (fixture->db, "2468", &accepted, &lockout, NULL));
  g_assert_false (accepted);
  g_assert_false (qurb_staff_pin_set (fixture->db, "12", NULL));
  g_assert_true (qurb_staff_pin_set (fixture->db, "2468", NULL));
  /* Stored salted and stretched, never as typed. */
  stored = qurb_test_query_text (fixture->db, "SELECT value FROM settings WHERE key = 'staff-pin'");
  g_assert_true (g_str_has_prefix (stored, "$y$"));
  g_assert_null (strstr (stored, "2468"));
  g_assert_true (qurb_staff_pin_check (fixture->db, "2468", &accepted, &lockout, NULL));
  g_assert_true (accepted);
}

/* A PIN an earlier version stored still opens the console, and is stored
 * again as yescrypt at its next right entry (not at a wrong one). */
static void
test_staff_pin_legacy (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *stored = NULL;
  QurbLockoutState lockout;
  gboolean accepted = FALSE;

  g_assert_true (qurb_db_exec (fixture->db, "INSERT INTO settings VALUES ('staff-pin', '" LEGACY_2468 "', 'x')", NULL));
  g_assert_true (qurb_staff_pin_check (fixture->db, "1357", &accepted, &lockout, NULL));
  g_assert_false (accepted);
  qurb_assert_query_text (fixture->db, "SELECT value FROM settings WHERE key = 'staff-pin'", LEGACY_2468);
  g_assert_true (qurb_staff_pin_check (fixture->db, "2468", &accepted, &lockout, NULL));
  g_assert_true (accepted);
  stored = qurb_test_query_text (fixture->db, "SELECT value FROM settings WHERE key = 'staff-pin'");
  g_assert_true (g_str_has_prefix (stored, "$y$"));
  g_assert_true (qurb_staff_pin_matches ("2468", stored));
  g_assert_true (qurb_staff_pin_check (fixture->db, "2468", &accepted, &lockout, NULL));
  g_assert_true (accepted);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM lockouts"), ==, 0);
}

/* Fault 4: 100 wrong PINs and the right one, all at once, each from its
 * own connection as from its own console process. */
typedef struct {
  const gchar *db_path;
  const gchar *pin;
  GMutex *mutex;
  GCond *cond;
  guint *waiting;
  gboolean accepted;
  QurbLockoutState lockout;
} Guess;

static gpointer
guess_thread (gpointer data)
{
  Guess *guess = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) db = qurb_db_open (guess->db_path, &error);

  g_assert_no_error (error);
  /* All start together. */
  g_mutex_lock (guess->mutex);
  if (--*guess->waiting == 0)
    g_cond_broadcast (guess->cond);
  while (*guess->waiting > 0)
    g_cond_wait (guess->cond, guess->mutex);
  g_mutex_unlock (guess->mutex);
  g_assert_true (qurb_staff_pin_check (db, guess->pin, &guess->accepted, &guess->lockout, &error));
  g_assert_no_error (error);
  return NULL;
}

#define GUESSES 101

/* Runs 100 wrong guesses and the right one at once, `failures` wrong ones
 * already counted; how many were hashed, and whether the right one got in. */
static guint
guess_at_once (QurbFixture *fixture, guint failures, gboolean *accepted)
{
  GMutex mutex;
  GCond cond;
  guint waiting = GUESSES, before = qurb_staff_pin_verifications ();
  Guess guesses[GUESSES];
  GThread *threads[GUESSES];
  QurbLockoutState lockout;
  gboolean wrong_accepted;

  g_assert_true (qurb_db_exec (fixture->db, "DELETE FROM lockouts", NULL));
  for (guint i = 0; i < failures; i++)
    g_assert_true (qurb_staff_pin_check (fixture->db, "0000", &wrong_accepted, &lockout, NULL));
  before = qurb_staff_pin_verifications ();
  g_mutex_init (&mutex);
  g_cond_init (&cond);
  for (guint i = 0; i < GUESSES; i++)
    {
      /* The right one comes in the middle of the crowd. */
      guesses[i] = (Guess) { fixture->db_path, i == GUESSES / 2 ? "2468" : "1111", &mutex, &cond, &waiting };
      threads[i] = g_thread_new ("guess", guess_thread, &guesses[i]);
    }
  for (guint i = 0; i < GUESSES; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
  for (guint i = 0; i < GUESSES; i++)
    if (i != GUESSES / 2)
      g_assert_false (guesses[i].accepted);
  *accepted = guesses[GUESSES / 2].accepted;
  return qurb_staff_pin_verifications () - before;
}

static void
test_staff_pin_guessed_at_once (QurbFixture *fixture, gconstpointer data)
{
  guint in = 0;

  g_assert_true (qurb_staff_pin_set (fixture->db, "2468", NULL));
  for (guint run = 0; run < 5; run++)
    {
      gboolean accepted;
      /* One attempt left: exactly one guess is checked. The right one gets
       * in only when it is that one; then every other was refused. */
      guint checked = guess_at_once (fixture, 4, &accepted);

      g_test_message ("run %u, one attempt left: %u checked, the right one %s", run, checked,
                      accepted ? "in" : "refused");
      g_assert_cmpuint (checked, ==, 1);
      if (!accepted)
        qurb_assert_query_text (fixture->db, "SELECT locked_until FROM lockouts", "2027-01-15T10:15:00");
      in += accepted;

      /* Five attempts: five guesses checked before the lock (five more
       * after a right PIN took its failure back), never a hundred. */
      checked = guess_at_once (fixture, 0, &accepted);
      g_test_message ("run %u, five attempts: %u checked, the right one %s", run, checked,
                      accepted ? "in" : "refused");
      g_assert_cmpuint (checked, <=, accepted ? 10 : 5);
      g_assert_cmpuint (checked, >=, 5);
      /* Locked in the end — unless the right one was itself the fifth and
       * every other guess had been refused before it was through hashing:
       * a right PIN takes back the lock its own count made. */
      if (!accepted || checked > 5)
        qurb_assert_query_text (fixture->db, "SELECT locked_until FROM lockouts", "2027-01-15T10:15:00");
    }
  g_test_message ("the right PIN got in %u times of 5 with one attempt left", in);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lockout/rule", test_lockout_rule);
  g_test_add_func ("/identify/cin-normalize", test_cin_normalize);
  g_test_add ("/identify/member", QurbFixture, NULL, qurb_fixture_setup, test_identify,
              qurb_fixture_teardown);
  g_test_add ("/identify/kiosk-slows-down", QurbFixture, NULL, qurb_fixture_setup, test_kiosk_slows_down,
              qurb_fixture_teardown);
  g_test_add ("/identify/member-lock", QurbFixture, NULL, qurb_fixture_setup, test_member_lock,
              qurb_fixture_teardown);
  g_test_add_func ("/claims/timeline", test_timeline);
  g_test_add ("/staff/pin", QurbFixture, NULL, qurb_fixture_setup, test_staff_pin, qurb_fixture_teardown);
  g_test_add ("/staff/pin-legacy", QurbFixture, NULL, qurb_fixture_setup, test_staff_pin_legacy,
              qurb_fixture_teardown);
  g_test_add ("/staff/pin-guessed-at-once", QurbFixture, NULL, qurb_fixture_setup,
              test_staff_pin_guessed_at_once, qurb_fixture_teardown);
  g_test_add ("/caravans/slots", QurbFixture, NULL, qurb_fixture_setup, test_caravan_slots,
              qurb_fixture_teardown);
  return g_test_run ();
}
