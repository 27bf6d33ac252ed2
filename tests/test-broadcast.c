/* test-broadcast.c — announcements: audience, language, once, STOP,
 * quiet hours, cancelling mid-way, segment counts */
#include "config.h"

#include "qurb-booking.h"
#include "qurb-broadcast.h"
#include "qurb-import.h"
#include "qurb-outbox.h"
#include "qurb-sms.h"
#include "qurb-sms-store.h"
#include "qurb-test-util.h"

/* The corpus (seven members, six with a phone: 100001, 100003, 100006 in
 * Arabic; 100002, 100005, 100007 in French) and four more: one whose
 * province is spelled without accent, two sharing a phone, one who will
 * send STOP. */
static void
load (QurbFixture *fixture)
{
  g_autofree gchar *path = qurb_fixture_write (fixture, "more.csv",
      "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n"
      "200001,X1,ONE,Amal,,,1970-01-01,0661000001,fr,laayoune\n"
      "200002,X2,TWO,Badr,,,1971-01-01,0661000002,ar,Salé\n"
      "200003,X3,TWO,Chama,,,1999-01-01,0661000002,fr,Salé\n"
      "200004,X4,FOUR,Driss,,,1972-01-01,0661000004,fr,Guelmim\n");
  QurbImportStats stats;
  QurbSmsPolicy policy = QURB_SMS_POLICY_DEFAULT;
  QurbSmsResult result = { 0 };
  gint64 id;

  qurb_fixture_load_corpus (fixture);
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, path, NULL, &stats, NULL));
  g_assert_cmpuint (stats.inserted, ==, 4);
  /* Driss opts out by SMS, through the daemon's own path. */
  g_assert_true (qurb_sms_receive (fixture->db, "+212661000004", "STOP", &id, NULL));
  g_assert_true (qurb_sms_process (fixture->db, id, &policy, &result, NULL));
  qurb_sms_result_clear (&result);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT broadcasts FROM members WHERE member_no = '200004'"), ==, 0);
}

static gint64
announce (QurbFixture *fixture, const gchar *audience, const gchar *send_at)
{
  g_autoptr(GError) error = NULL;
  QurbAnnouncementDraft draft = {
    "Journée portes ouvertes", "يوم الأبواب المفتوحة",
    "Portes ouvertes samedi a l'agence.", "أبواب مفتوحة يوم السبت بالوكالة.",
    audience, send_at, "2027-01-23", "test",
  };
  gint64 id = 0;

  qurb_announcement_create (fixture->db, &draft, &id, &error);
  g_assert_no_error (error);
  return id;
}

static guint
queue_due (QurbFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  qurb_broadcasts_queue_due (fixture->db, &n, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_audience_normalize (void)
{
  static const gchar *const cases[][2] = {
    { "all", "all" }, { " ALL ", "all" },
    { "province:laayoune", "province:Laâyoune" },
    { "province:العيون, Guelmim", "province:Laâyoune,Guelmim" },
    { "caravan:laa1", "caravan:LAA1" },
    { "province:Atlantis", NULL }, { "province:", NULL }, { "everyone", NULL }, { "caravan:", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *got = qurb_audience_normalize (cases[i][0], &error);

      g_assert_cmpstr (got, ==, cases[i][1]);
      g_assert_true ((got == NULL) == (error != NULL));
    }
}

static void
test_all_members (QurbFixture *fixture, gconstpointer data)
{
  gint64 id;

  load (fixture);
  id = announce (fixture, "all", "2027-01-15T09:00:00");
  /* 11 members: one has no phone, one said STOP, two share a phone. */
  g_assert_cmpuint (queue_due (fixture), ==, 8);
  /* Each in the saved language of the member it goes to. */
  qurb_assert_query_text (fixture->db,
      "SELECT group_concat(x, ' ') FROM (SELECT mb.member_no || ':' || messages.lang || ':'"
      " || substr(" QURB_MESSAGE_TEXT_SQL ", 1, 5) AS x"
      " FROM messages JOIN members mb ON mb.id = messages.member_id WHERE messages.kind = 'broadcast'"
      " ORDER BY mb.member_no)",
      "100001:ar:أبواب 100002:fr:Porte 100003:ar:أبواب 100005:fr:Porte 100006:ar:أبواب"
      " 100007:fr:Porte 200001:fr:Porte 200002:ar:أبواب");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE peer = '+212661000004' AND kind = 'broadcast'"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE kind = 'broadcast' AND priority = 3"
                   " AND state = 'queued'"), ==, 8);
  qurb_assert_query_text (fixture->db, "SELECT state || ' ' || recipients FROM announcements", "queued 8");
  /* STOP is about broadcasts only: a booking confirmation still reaches Driss. */
  {
    QurbBookingRequest request = { qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '200004'"),
                                   "GLM1", -1, "kiosk", TRUE };
    QurbBookingResult result;

    g_assert_true (qurb_booking_take (fixture->db, &request, &result, NULL));
    g_assert_cmpint (result.outcome, ==, QURB_BOOKING_OK);
    g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE peer = '+212661000004'"
                                                       " AND dir = 'out' AND kind = 'notice'"), ==, 1);
  }
  /* Once: queueing again finds nothing to do. */
  g_assert_cmpuint (queue_due (fixture), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE kind = 'broadcast'"), ==, 8);
  (void) id;
}

static void
test_provinces_and_caravan (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbBroadcastEstimate estimate;

  load (fixture);
  /* "Laâyoune" reaches the member whose file says "laayoune" too. */
  g_assert_true (qurb_broadcast_estimate (fixture->db, "province:Laayoune", "Bonjour", "مرحبا", &estimate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (estimate.recipients_ar, ==, 1);   /* 100001 */
  g_assert_cmpuint (estimate.recipients_fr, ==, 2);   /* 100007, 200001 */
  g_assert_true (qurb_broadcast_estimate (fixture->db, "province:Salé,Guelmim", "x", "y", &estimate, NULL));
  g_assert_cmpuint (estimate.recipients_ar + estimate.recipients_fr, ==, 3);  /* 100002, shared phone once, 100003 */

  /* Members booked on a caravan. */
  g_assert_true (qurb_db_exec (fixture->db,
      "INSERT INTO bookings (code, member_id, caravan_id, slot_id, state, channel, created_at)"
      " SELECT 'AAAAAA', m.id, c.id, s.id, 'active', 'sms', '2027-01-10T10:00:00'"
      " FROM members m, caravans c JOIN slots s ON s.caravan_id = c.id"
      " WHERE m.member_no = '100002' AND c.code = 'GLM1' AND s.start_time = '09:00'", NULL));
  announce (fixture, "caravan:glm1", NULL);
  g_assert_cmpuint (queue_due (fixture), ==, 1);
  qurb_assert_query_text (fixture->db, "SELECT peer FROM messages WHERE kind = 'broadcast'", "+212661234567");
}

static void
test_scheduled (QurbFixture *fixture, gconstpointer data)
{
  load (fixture);
  announce (fixture, "all", "2027-01-15T11:00");
  g_assert_cmpuint (queue_due (fixture), ==, 0);
  g_setenv ("QURB_NOW", "2027-01-15T11:00:00", TRUE);
  g_assert_cmpuint (queue_due (fixture), ==, 8);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

/* Broadcasts wait out the quiet hours in the outbox; replies do not. */
static void
test_quiet_hours (QurbFixture *fixture, gconstpointer data)
{
  QurbOutboxItem item = { 0 };

  load (fixture);
  announce (fixture, "all", NULL);
  queue_due (fixture);
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE messages SET state = 'sent' WHERE kind <> 'broadcast'", NULL));
  g_assert_true (qurb_outbox_claim (fixture->db, "modem", FALSE, 60000, &item, NULL));
  g_assert_cmpint (item.id, ==, 0);   /* quiet: nothing to send */
  g_assert_true (qurb_outbox_claim (fixture->db, "modem", TRUE, 60000, &item, NULL));
  g_assert_cmpint (item.id, >, 0);
  qurb_outbox_item_clear (&item);
}

static void
test_cancel_midway (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbBroadcastProgress progress;
  guint withdrawn = 0;
  gint64 id;

  load (fixture);
  id = announce (fixture, "all", NULL);
  queue_due (fixture);
  /* Two went out, one is on a modem right now. */
  g_assert_true (qurb_db_exec (fixture->db,
      "UPDATE messages SET state = CASE WHEN id = (SELECT max(id) FROM messages WHERE kind = 'broadcast')"
      "  THEN 'sending' ELSE 'sent' END WHERE id IN (SELECT id FROM messages WHERE kind = 'broadcast'"
      "  ORDER BY id DESC LIMIT 3)", NULL));
  g_assert_true (qurb_broadcast_cancel (fixture->db, id, &withdrawn, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (withdrawn, ==, 5);
  g_assert_true (qurb_broadcast_progress (fixture->db, id, &progress, NULL));
  g_assert_cmpint (progress.total, ==, 8);
  g_assert_cmpint (progress.sent, ==, 2);
  g_assert_cmpint (progress.sending, ==, 1);
  g_assert_cmpint (progress.withdrawn, ==, 5);
  g_assert_cmpfloat (qurb_broadcast_progress_done (&progress), ==, 7.0 / 8.0);
  qurb_assert_query_text (fixture->db, "SELECT state FROM announcements", "cancelled");
  /* A second cancel says so. */
  g_assert_false (qurb_broadcast_cancel (fixture->db, id, NULL, &error));
  g_assert_nonnull (error);
  /* Nothing withdrawn is ever queued again. */
  g_assert_cmpuint (queue_due (fixture), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE state = 'queued' AND kind = 'broadcast'"), ==, 0);
}

static void
test_refused_drafts (QurbFixture *fixture, gconstpointer data)
{
  static const QurbAnnouncementDraft drafts[] = {
    { "T", "ت", "", "نص", "all", NULL, NULL, "t" },
    { "T", "ت", "Texte", "  ", "all", NULL, NULL, "t" },
    { "", "ت", "Texte", "نص", "all", NULL, NULL, "t" },
    { "T", "ت", "Texte", "نص", "province:Gotham", NULL, NULL, "t" },
    { "T", "ت", "Texte", "نص", "caravan:NOPE", NULL, NULL, "t" },
    { "T", "ت", "Texte", "نص", "all", "demain", NULL, "t" },
  };

  qurb_fixture_load_corpus (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (qurb_announcement_create (fixture->db, &drafts[i], NULL, &error));
      g_assert_nonnull (error);
    }
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM announcements"), ==, 0);
}

/* What staff see before sending: exact parts per language and the cost. */
static void
test_estimate_segments (QurbFixture *fixture, gconstpointer data)
{
  static const struct {
    const gchar *fr, *ar;
    QurbEncoding fr_encoding;
    guint fr_units, fr_parts, ar_units, ar_parts;
  } cases[] = {
    /* 160 GSM-7 characters: one part; 161: two. */
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "مرحبا", QURB_ENCODING_GSM7, 160, 1, 5, 1 },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "مرحبا", QURB_ENCODING_GSM7, 161, 2, 5, 1 },
    /* The extension table costs two septets: 80 euros are 160. */
    { "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€",
      "", QURB_ENCODING_GSM7, 160, 1, 0, 1 },
    /* One "œ" (not in GSM-7) turns the French text to UCS-2. */
    { "Journée portes ouvertes : cœur de l'agence", "", QURB_ENCODING_UCS2, 42, 1, 0, 1 },
    { "Journée portes ouvertes", "جودة الخدمات مسؤوليتنا: أبواب مفتوحة يوم السبت 23 يناير من 9 إلى 16 بوكالة العيون",
      QURB_ENCODING_GSM7, 23, 1, 81, 2 },
  };

  load (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QurbBroadcastEstimate e;

      g_test_message ("case %u", i);
      g_assert_true (qurb_broadcast_estimate (fixture->db, "all", cases[i].fr, cases[i].ar, &e, NULL));
      g_assert_cmpint (e.fr.encoding, ==, cases[i].fr_encoding);
      g_assert_cmpuint (e.fr.units, ==, cases[i].fr_units);
      g_assert_cmpuint (e.fr.parts, ==, cases[i].fr_parts);
      g_assert_cmpint (e.ar.encoding, ==, QURB_ENCODING_UCS2 * (cases[i].ar_units > 0) +
                                          QURB_ENCODING_GSM7 * (cases[i].ar_units == 0));
      g_assert_cmpuint (e.ar.units, ==, cases[i].ar_units);
      g_assert_cmpuint (e.ar.parts, ==, cases[i].ar_parts);
      /* 4 French and 4 Arabic recipients. */
      g_assert_cmpuint (e.recipients_fr, ==, 4);
      g_assert_cmpuint (e.recipients_ar, ==, 4);
      g_assert_cmpuint (e.total_parts, ==, 4 * cases[i].fr_parts + 4 * cases[i].ar_parts);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/broadcast/audience-normalize", test_audience_normalize);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, qurb_fixture_setup, func, qurb_fixture_teardown)
  ADD ("/broadcast/all-members", test_all_members);
  ADD ("/broadcast/provinces-and-caravan", test_provinces_and_caravan);
  ADD ("/broadcast/scheduled", test_scheduled);
  ADD ("/broadcast/quiet-hours", test_quiet_hours);
  ADD ("/broadcast/cancel-midway", test_cancel_midway);
  ADD ("/broadcast/refused-drafts", test_refused_drafts);
  ADD ("/broadcast/estimate-segments", test_estimate_segments);
#undef ADD
  return g_test_run ();
}
