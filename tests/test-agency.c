/* test-agency.c — agency boxes fed the same national export: no member
 * texted twice, no seat sold by two boxes */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-booking.h"
#include "qurb-broadcast.h"
#include "qurb-import.h"
#include "qurb-members.h"
#include "qurb-sms.h"
#include "qurb-test-util.h"

typedef struct {
  QurbFixture box[2];   /* 0: Laâyoune's agency, 1: Guelmim's */
} Boxes;

static void
boxes_setup (Boxes *b, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      qurb_fixture_setup (&b->box[i], NULL);
      qurb_fixture_load_corpus (&b->box[i]);
    }
  /* Every province of the fixtures is some box's, each spelled its own way. */
  g_assert_true (qurb_agency_set (b->box[0].db, "laa-01", "Laayoune, السمارة, Dakhla",
                                  "GLM-01=Guelmim,Salé,Rabat", &error));
  g_assert_true (qurb_agency_set (b->box[1].db, "GLM-01", "كلميم,sale, Rabat",
                                  "LAA-01=Laâyoune,Smara,Dakhla", &error));
  g_assert_no_error (error);
}

static void
boxes_teardown (Boxes *b, gconstpointer data)
{
  for (guint i = 0; i < 2; i++)
    qurb_fixture_teardown (&b->box[i], NULL);
}

/* Messages of one kind to each phone, over both boxes. */
static GHashTable *
messages_per_phone (Boxes *b, const gchar *kind)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 2; i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (b->box[i].db),
                       "SELECT peer FROM messages WHERE dir = 'out' AND kind = ?", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const gchar *peer = (const gchar *) sqlite3_column_text (stmt, 0);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, peer));
          g_hash_table_insert (counts, g_strdup (peer), GUINT_TO_POINTER (n + 1));
        }
      sqlite3_finalize (stmt);
    }
  return counts;
}

/* The members with a phone in the fixtures, each in some box's province. */
static const gchar *const phones[] = {
  "+212612345678", "+212661234567", "+212700112233", "+212711223344", "+212662000111", "+212699887766",
};

static void
assert_once_each (GHashTable *counts)
{
  g_assert_cmpuint (g_hash_table_size (counts), ==, G_N_ELEMENTS (phones));
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_test_message ("%s: %u", phones[i], GPOINTER_TO_UINT (g_hash_table_lookup (counts, phones[i])));
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, phones[i])), ==, 1);
    }
}

/* The national export moves one claim of every member on: each member
 * is told once, by the box of their province. */
static void
test_one_notice_each (Boxes *b, gconstpointer data)
{
  g_autoptr(GHashTable) notices = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree gchar *csv = qurb_fixture_write (&b->box[i], "national.csv",
          "dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason\n"
          "2025000017,100001,OPTIQUE,2025-01-05,PAYE,2025-01-14,2400.00,1800.00,\n"
          "2025000101,100002,MALADIE,2025-01-02,EN_COURS,2025-01-14,430.00,0,\n"
          "2024007777,100003,MALADIE,2024-12-20,TRANSMIS,2025-01-14,960.00,0,\n"
          "2025000202,100004,MALADIE,2025-01-03,PAYE,2025-01-14,780.00,500.00,\n"
          "2024003333,100005,OPTIQUE,2024-08-08,REJETE,2025-01-14,1800.00,0,hors délai\n"
          "2025000303,100006,MALADIE,2025-01-09,EN_COURS,2025-01-14,300.00,0,\n"
          "2025000404,100007,DENTAIRE,2025-01-11,TRANSMIS,2025-01-14,2200.00,0,\n");
      g_autoptr(GError) error = NULL;
      QurbImportStats stats;

      g_assert_true (qurb_import_file (b->box[i].db, QURB_IMPORT_CLAIMS, csv, NULL, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.skipped, ==, 0);
    }
  notices = messages_per_phone (b, "notice");
  assert_once_each (notices);
}

/* The same announcement, for everyone, created on both boxes. */
static void
test_one_broadcast_each (Boxes *b, gconstpointer data)
{
  g_autoptr(GHashTable) broadcasts = NULL;

  for (guint i = 0; i < 2; i++)
    {
      QurbAnnouncementDraft draft = { "Journée portes ouvertes", "يوم مفتوح", "Samedi à l'agence.",
                                      "السبت بالوكالة.", "all", NULL, NULL, "test" };
      QurbBroadcastEstimate estimate;
      g_autoptr(GError) error = NULL;
      guint queued = 0;

      g_assert_true (qurb_broadcast_estimate (b->box[i].db, "all", draft.text_fr, draft.text_ar, &estimate, &error));
      g_assert_cmpuint (estimate.recipients_fr + estimate.recipients_ar, ==, 3);
      g_assert_true (qurb_announcement_create (b->box[i].db, &draft, NULL, &error));
      g_assert_true (qurb_broadcasts_queue_due (b->box[i].db, &queued, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (queued, ==, 3);
    }
  broadcasts = messages_per_phone (b, "broadcast");
  assert_once_each (broadcasts);
}

static QurbBookingOutcome
book (QurbFixture *box, const gchar *member_no, const gchar *caravan)
{
  g_autoptr(QurbMember) member = qurb_member_find_by_no (box->db, member_no, NULL);
  QurbBookingRequest request = { member->id, caravan, -1, "kiosk", FALSE };
  g_autoptr(GError) error = NULL;
  QurbBookingResult result;

  g_assert_true (qurb_booking_take (box->db, &request, &result, &error));
  g_assert_no_error (error);
  return result.outcome;
}

/* A caravan is booked on the box of its province only; a member of any
 * province books it there. */
static void
test_one_box_per_caravan (Boxes *b, gconstpointer data)
{
  g_assert_cmpint (book (&b->box[1], "100001", "LAA1"), ==, QURB_BOOKING_OTHER_AGENCY);
  g_assert_cmpint (book (&b->box[0], "100003", "GLM1"), ==, QURB_BOOKING_OTHER_AGENCY);
  g_assert_cmpint (book (&b->box[0], "100001", "LAA1"), ==, QURB_BOOKING_OK);
  g_assert_cmpint (book (&b->box[0], "100003", "LAA1"), ==, QURB_BOOKING_OK);   /* from Guelmim */
  g_assert_cmpint (book (&b->box[1], "100003", "GLM1"), ==, QURB_BOOKING_OK);
  g_assert_cmpint (qurb_test_query_int (b->box[1].db, "SELECT count(*) FROM bookings"), ==, 1);
}

/* By SMS, the member is told which agency books it. */
static void
test_sms_names_the_agency (Boxes *b, gconstpointer data)
{
  static const struct { const gchar *text; const gchar *says; } asks[] = {
    { "RESERVER LAA1", "LAA-01" },
    { "caravane laayoune", "LAA-01" },
    { "حجز LAA2", "LAA-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_autoptr(GError) error = NULL;
      QurbSmsResult result;
      gint64 id;

      g_assert_true (qurb_sms_receive (b->box[1].db, "+212661234567", asks[i].text, &id, &error));
      g_assert_true (qurb_sms_process (b->box[1].db, id, NULL, &result, &error));
      g_assert_no_error (error);
      g_test_message ("%s → %s", asks[i].text, result.reply);
      g_assert_nonnull (strstr (result.reply, asks[i].says));
      qurb_sms_result_clear (&result);
    }
  g_assert_cmpint (qurb_test_query_int (b->box[1].db, "SELECT count(*) FROM bookings"), ==, 0);
}

/* From the configuration file; a province nobody can name is refused and
 * nothing is written. */
static void
test_configuration (QurbFixture *f, gconstpointer data)
{
  g_autofree gchar *good = qurb_fixture_write (f, "good.conf",
      "[agency]\ncode=TNT-01\nprovinces=Tan-Tan ; the south\n[agencies]\nLAA-01=Laâyoune\n");
  g_autofree gchar *bad = qurb_fixture_write (f, "bad.conf", "[agency]\ncode=X\nprovinces=Tantan,Atlantis\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbAgency) agency = NULL;

  g_assert_true (qurb_agency_configure_file (f->db, good, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (qurb_agency_configure_file (f->db, bad, TRUE, &error));
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_assert_nonnull (strstr (error->message, "bad.conf"));
  agency = qurb_agency_load (f->db, NULL);
  g_assert_cmpstr (agency->code, ==, "TNT-01");
  g_assert_true (qurb_agency_serves (agency, "طانطان"));
  g_assert_false (qurb_agency_serves (agency, "Laayoune"));
  g_assert_cmpstr (qurb_agency_serving (agency, "العيون"), ==, "LAA-01");
  /* No file where none was asked for: nothing changes. */
  g_assert_true (qurb_agency_configure_file (f->db, "/nonexistent/qurb.conf", FALSE, &error));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Boxes, NULL, boxes_setup, func, boxes_teardown)
  ADD ("/agency/one-notice-each", test_one_notice_each);
  ADD ("/agency/one-broadcast-each", test_one_broadcast_each);
  ADD ("/agency/one-box-per-caravan", test_one_box_per_caravan);
  ADD ("/agency/sms-names-the-agency", test_sms_names_the_agency);
#undef ADD
  g_test_add ("/agency/configuration", QurbFixture, NULL, qurb_fixture_setup, test_configuration,
              qurb_fixture_teardown);
  return g_test_run ();
}
