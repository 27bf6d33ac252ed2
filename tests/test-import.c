/* test-import.c — CSV imports: bad rows, upserts, status changes, slots */
#include "config.h"

#include "qurb-booking.h"
#include "qurb-import.h"
#include "qurb-schema.h"
#include "qurb-test-util.h"

typedef struct {
  GPtrArray *reports;  /* "LINE: reason" */
} Reports;

static void
collect_bad_row (const gchar *path, guint line, const gchar *reason, gpointer user_data)
{
  Reports *reports = user_data;
  g_ptr_array_add (reports->reports, g_strdup_printf ("%u: %s", line, reason));
}

/* Imports text as a file; the reports land in *out (free with unref). */
static QurbImportStats
import_text (QurbFixture *fixture, QurbImportKind kind, const gchar *name, const gchar *text,
             GPtrArray **out)
{
  g_autofree gchar *path = qurb_fixture_write (fixture, name, text);
  g_autoptr(GError) error = NULL;
  Reports reports = { g_ptr_array_new_with_free_func (g_free) };
  QurbImportCallbacks callbacks = { collect_bad_row, NULL, &reports };
  QurbImportStats stats;

  g_assert_true (qurb_import_file (fixture->db, kind, path, &callbacks, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.skipped, ==, reports.reports->len);
  if (out)
    *out = reports.reports;
  else
    g_ptr_array_unref (reports.reports);
  return stats;
}

static void
assert_report (GPtrArray *reports, guint index, guint line, const gchar *part)
{
  g_autofree gchar *prefix = g_strdup_printf ("%u: ", line);
  const gchar *report;

  g_assert_cmpuint (index, <, reports->len);
  report = reports->pdata[index];
  g_test_message ("report: %s", report);
  g_assert_true (g_str_has_prefix (report, prefix));
  g_assert_nonnull (strstr (report, part));
}

#define MEMBERS_HEADER "member_no,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,phone,lang,province\n"
#define CLAIMS_HEADER "dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason\n"
#define CARAVANS_HEADER "code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,start_time,end_time,slot_minutes,seats_per_slot\n"

static void
test_corpus (QurbFixture *fixture, gconstpointer data)
{
  qurb_fixture_load_corpus (fixture);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM members"), ==, 7);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==, 11);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM caravans"), ==, 5);
  /* LAA1: 09:00–13:00 in 30-minute slots of 6 seats. */
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM slots s JOIN caravans c ON c.id = s.caravan_id"
                   " WHERE c.code = 'LAA1' AND s.seats = 6"), ==, 8);
  qurb_assert_query_text (fixture->db, "SELECT phone FROM members WHERE member_no = '100006'", "+212662000111");
  qurb_assert_query_text (fixture->db, "SELECT phone FROM members WHERE member_no = '100004'", NULL);
  qurb_assert_query_text (fixture->db, "SELECT last_name FROM members WHERE member_no = '100007'",
                          "EL FASSI, née BERRADA");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT amount_paid FROM claims WHERE dossier_no = '2024001234'"), ==, 81250);
  qurb_assert_query_text (fixture->db, "SELECT reason FROM claims WHERE dossier_no = '2025000018'",
                          "Devis du dentiste manquant");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims WHERE past_statuses != ''"), ==, 0);
  /* A first import is not news: no notices. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit WHERE action LIKE 'import %'"), ==, 3);
}

static void
test_bad_member_rows (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) reports = NULL;
  QurbImportStats stats = import_text (fixture, QURB_IMPORT_MEMBERS, "members.csv",
      MEMBERS_HEADER
      "100001,AB123456,ALAOUI,Fatima,العلوي,فاطمة,1975-03-12,0612345678,ar,Laâyoune\n"   /* 2 ok */
      "1234,AB1,X,Y,,,1990-01-01,,fr,Rabat\n"                                           /* 3 */
      "100003,J987654,\"EL AMRANI\"x,Khadija,,,1962-11-30,,ar,Guelmim\n"                /* 4 */
      "100004,K112233,OUAZZANI,Saïd\n"                                                  /* 5 */
      "100005,C445566,TAZI,Nadia,,,1985-05-05,0522000000,fr,Rabat\n"                    /* 6 */
      "\n"
      "100006,SH778899,AIT BAHA,Brahim,,,1958-09-09,212 662-000-111,ar,Smara\n"         /* 8 ok */
      "100007,LA334455,\"EL FASSI,\nnée BERRADA\",Leïla,,,1993-12-24,,fr,Laâyoune\n"    /* 9-10 ok */
      "100008,ZZ1,X,Y,,,1990-01-01,,en,Rabat\n",                                        /* 11 */
      &reports);

  g_assert_cmpuint (stats.rows, ==, 8);
  g_assert_cmpuint (stats.inserted, ==, 3);
  g_assert_cmpuint (stats.skipped, ==, 5);
  assert_report (reports, 0, 3, "member_no must be 5 to 10 digits");
  assert_report (reports, 1, 4, "text after a closing quote");
  assert_report (reports, 2, 5, "expected 10 fields, found 4");
  assert_report (reports, 3, 6, "not a Moroccan mobile number");
  assert_report (reports, 4, 11, "lang must be ar or fr");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM members"), ==, 3);
}

static void
test_bad_claim_rows (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) reports = NULL;
  QurbImportStats stats;

  qurb_fixture_load_corpus (fixture);
  stats = import_text (fixture, QURB_IMPORT_CLAIMS, "claims.csv",
      CLAIMS_HEADER
      "2026000001,100001,MALADIE,2026-11-02,RECU,2026-11-02,100.00,0,\n"       /* 2 ok */
      "2026000002,999999,MALADIE,2026-11-02,RECU,2026-11-02,100.00,0,\n"       /* 3 unknown member */
      "2026000003,100001,VISION,2026-11-02,RECU,2026-11-02,100.00,0,\n"        /* 4 */
      "2026000004,100001,MALADIE,2026-11-02,RECU,2026-11-02,100.00,200.00,\n"  /* 5 */
      "2026000005,100001,MALADIE,2026-11-02,FINI,2026-11-02,100.00,0,\n"       /* 6 */
      "2026000006,100001,MALADIE,2026-11-02,RECU,2026-11-02,100.00,0,\"ok, fine\"\n", /* 7 ok */
      &reports);

  g_assert_cmpuint (stats.inserted, ==, 2);
  g_assert_cmpuint (stats.skipped, ==, 4);
  assert_report (reports, 0, 3, "member_no 999999 is not a known member");
  assert_report (reports, 1, 4, "kind “VISION”");
  assert_report (reports, 2, 5, "more than amount_claimed");
  assert_report (reports, 3, 6, "status “FINI”");
}

static void
test_header_errors (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *missing = qurb_fixture_write (fixture, "m.csv", "member_no,cin,last_name\n1,2,3\n");
  g_autofree gchar *empty = qurb_fixture_write (fixture, "e.csv", "");
  g_autoptr(GError) error = NULL;

  g_assert_false (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, missing, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "m.csv:1: the header has no column “first_name”"));
  g_clear_error (&error);
  g_assert_false (qurb_import_file (fixture->db, QURB_IMPORT_CLAIMS, empty, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "the file is empty"));
  g_clear_error (&error);
  g_assert_false (qurb_import_file (fixture->db, QURB_IMPORT_CLAIMS, "/nonexistent.csv", NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_columns_in_any_order (QurbFixture *fixture, gconstpointer data)
{
  QurbImportStats stats = import_text (fixture, QURB_IMPORT_MEMBERS, "members.csv",
      "province,lang,phone,birth_date,first_name_ar,last_name_ar,first_name,last_name,cin,member_no,extra\n"
      "Dakhla,fr,,1990-01-15,سعيد,الوزاني,Saïd,OUAZZANI,K112233,100004,ignored\n", NULL);

  g_assert_cmpuint (stats.inserted, ==, 1);
  qurb_assert_query_text (fixture->db, "SELECT province || '/' || cin FROM members", "Dakhla/K112233");
}

static void
test_upsert (QurbFixture *fixture, gconstpointer data)
{
  QurbImportStats stats;
  g_autofree gchar *members = NULL;

  qurb_fixture_load_corpus (fixture);
  /* The same files again change nothing. */
  members = qurb_test_corpus_path ("members.csv");
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, members, NULL, &stats, NULL));
  g_assert_cmpuint (stats.unchanged, ==, 7);
  g_assert_cmpuint (stats.updated + stats.inserted, ==, 0);

  /* A new phone and a new member. */
  stats = import_text (fixture, QURB_IMPORT_MEMBERS, "members2.csv",
      MEMBERS_HEADER
      "100004,K112233,OUAZZANI,Saïd,الوزاني,سعيد,1990-01-15,0600000004,fr,Dakhla\n"
      "100008,M1,NEW,Member,,,1990-01-01,,ar,Tata\n", NULL);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpuint (stats.inserted, ==, 1);
  qurb_assert_query_text (fixture->db, "SELECT phone FROM members WHERE member_no = '100004'", "+212600000004");

  /* A language the member chose is kept over the export's. */
  g_assert_true (qurb_db_exec (fixture->db,
                 "UPDATE members SET lang = 'ar', lang_chosen = 1 WHERE member_no = '100004'", NULL));
  stats = import_text (fixture, QURB_IMPORT_MEMBERS, "members3.csv",
      MEMBERS_HEADER "100004,K112233,OUAZZANI,Saïd,الوزاني,سعيد,1990-01-15,0600000004,fr,Laâyoune\n", NULL);
  g_assert_cmpuint (stats.updated, ==, 1);
  qurb_assert_query_text (fixture->db, "SELECT lang || '/' || province FROM members WHERE member_no = '100004'",
                          "ar/Laâyoune");
}

static void
test_status_change_notices (QurbFixture *fixture, gconstpointer data)
{
  QurbImportStats stats;

  qurb_fixture_load_corpus (fixture);
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE members SET notices = 0 WHERE member_no = '100003'", NULL));
  stats = import_text (fixture, QURB_IMPORT_CLAIMS, "claims-today.csv",
      CLAIMS_HEADER
      /* 100001 (ar): EN_COURS → PAYE */
      "2025000017,100001,OPTIQUE,2025-01-05,PAYE,2025-01-14,2400.00,1560.00,\n"
      /* 100002 (fr): RECU → INCOMPLET */
      "2025000101,100002,MALADIE,2025-01-02,INCOMPLET,2025-01-14,430.00,0,Ordonnance manquante\n"
      /* 100004 has no phone: no notice, but the change is recorded */
      "2025000202,100004,MALADIE,2025-01-03,TRANSMIS,2025-01-14,780.00,0,\n"
      /* 100003 asked for no notices */
      "2024007777,100003,MALADIE,2024-12-20,REJETE,2025-01-14,960.00,0,Doublon\n"
      /* same status, a corrected amount: an update, not news */
      "2024001234,100001,MALADIE,2024-11-02,PAYE,2024-12-10,1250.00,812.00,\n"
      /* untouched */
      "2024005678,100002,HOSPITALISATION,2024-09-15,TRANSMIS,2024-10-01,18500.00,0,\n", NULL);

  g_assert_cmpuint (stats.updated, ==, 5);
  g_assert_cmpuint (stats.unchanged, ==, 1);
  g_assert_cmpuint (stats.status_changes, ==, 4);
  g_assert_cmpuint (stats.notices, ==, 2);

  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages"), ==, 2);
  qurb_assert_query_text (fixture->db,
      "SELECT peer || '|' || lang || '|' || kind || '|' || state || '|' || priority FROM messages"
      " WHERE peer = '+212612345678'", "+212612345678|ar|notice|queued|1");
  qurb_assert_query_text (fixture->db, "SELECT text FROM messages WHERE peer = '+212612345678'",
                          "الملف 2025000017: تم الأداء، 1\u00A0560,00 درهم.");   /* Arabic: thousands apart by a no-break space */
  qurb_assert_query_text (fixture->db, "SELECT text FROM messages WHERE peer = '+212661234567'",
                          "Dossier 2025000101 : En attente de pièces. Détails à votre agence ou à la borne.");
  /* The timeline keeps the status each claim left. */
  qurb_assert_query_text (fixture->db,
      "SELECT past_statuses FROM claims WHERE dossier_no = '2025000017'", "EN_COURS 2025-01-06\n");
  qurb_assert_query_text (fixture->db,
      "SELECT past_statuses FROM claims WHERE dossier_no = '2025000202'", "EN_COURS 2025-01-04\n");
  qurb_assert_query_text (fixture->db,
      "SELECT past_statuses FROM claims WHERE dossier_no = '2024001234'", "");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims WHERE past_statuses != ''"), ==, 4);
}

static void
test_caravan_layout_changes (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  QurbBookingRequest request = { .caravan_code = "SMA1", .requested_minute = 10 * 60 + 30,
                                 .channel = "staff" };
  QurbBookingResult result;
  QurbImportStats stats;

  qurb_fixture_load_corpus (fixture);
  request.member_id = qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '100006'");
  g_assert_true (qurb_booking_take (fixture->db, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, QURB_BOOKING_OK);
  g_assert_cmpstr (result.booking.start_time, ==, "10:30");

  /* SMA1 09:00–11:00 by 30: dropping 10:30 is refused while it is booked, */
  stats = import_text (fixture, QURB_IMPORT_CARAVANS, "c1.csv", CARAVANS_HEADER
      "SMA1,GENERALE,Consultations,استشارات,Smara,Maison des jeunes,دار الشباب,2027-02-12,09:00,10:30,30,2\n",
      &reports);
  g_assert_cmpuint (stats.skipped, ==, 1);
  assert_report (reports, 0, 2, "the slot at 10:30 has 1 booking and would disappear");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM slots s JOIN caravans c ON c.id = s.caravan_id WHERE c.code = 'SMA1'"), ==, 4);

  /* but a longer day with more seats keeps the booking and adds slots. */
  stats = import_text (fixture, QURB_IMPORT_CARAVANS, "c2.csv", CARAVANS_HEADER
      "SMA1,GENERALE,Consultations,استشارات,Smara,Maison des jeunes,دار الشباب,2027-02-12,09:00,12:00,30,3\n",
      NULL);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM slots s JOIN caravans c ON c.id = s.caravan_id"
                   " WHERE c.code = 'SMA1' AND s.seats = 3"), ==, 6);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM bookings b JOIN slots s ON s.id = b.slot_id"
                   " WHERE s.start_time = '10:30' AND b.state = 'active'"), ==, 1);

  /* An unbooked slot may go: 11:30 disappears. */
  stats = import_text (fixture, QURB_IMPORT_CARAVANS, "c3.csv", CARAVANS_HEADER
      "SMA1,GENERALE,Consultations,استشارات,Smara,Maison des jeunes,دار الشباب,2027-02-12,09:00,11:30,30,3\n",
      NULL);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM slots s JOIN caravans c ON c.id = s.caravan_id WHERE c.code = 'SMA1'"), ==, 5);
}

/* n claims for member 100001 from dossier first on; every seventh is
 * PAYE when shift is set (the "next day" of the same export). */
static void
append_claims (GString *csv, guint first, guint n, gboolean shift)
{
  for (guint i = first; i < first + n; i++)
    g_string_append_printf (csv, "%u,100001,MALADIE,2024-11-02,%s,2024-12-10,100.00,0,\n",
                            3000000 + i, shift && i % 7 == 0 ? "PAYE" : "RECU");
}

static void
test_large_files (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GString) first = g_string_new (CLAIMS_HEADER);
  g_autoptr(GString) second = g_string_new (CLAIMS_HEADER);
  QurbImportStats stats;

  qurb_fixture_load_corpus (fixture);
  /* 1000 new claims, and one dossier twice: the later row wins. */
  append_claims (first, 0, 1000, FALSE);
  g_string_append (first, "3000500,100001,MALADIE,2024-11-02,EN_COURS,2024-12-10,100.00,0,\n");
  stats = import_text (fixture, QURB_IMPORT_CLAIMS, "first.csv", first->str, NULL);
  g_assert_cmpuint (stats.inserted, ==, 1000);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==, 1011);
  qurb_assert_query_text (fixture->db, "SELECT status FROM claims WHERE dossier_no = '3000500'", "EN_COURS");
  /* The member index, dropped for the load, is back. */
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM sqlite_master WHERE name = '" QURB_CLAIMS_MEMBER_INDEX "'"), ==, 1);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "PRAGMA foreign_keys"), ==, 1);

  /* Next day: 300 new, the 1000 again with some moved on, in one file
   * whose chunks mix new and known dossiers. */
  append_claims (second, 1000, 300, FALSE);
  append_claims (second, 0, 1000, TRUE);
  stats = import_text (fixture, QURB_IMPORT_CLAIMS, "second.csv", second->str, NULL);
  g_assert_cmpuint (stats.inserted, ==, 300);
  g_assert_cmpuint (stats.updated, ==, 143 + 1);     /* 0, 7, … 994; and 3000500 back to RECU */
  g_assert_cmpuint (stats.unchanged, ==, 1000 - 144);
  g_assert_cmpuint (stats.status_changes, ==, 144);
  g_assert_cmpuint (stats.notices, ==, 144);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==, 1311);
}

/* Into an empty claims table (the first day): staged, then written in
 * one pass in dossier order, whatever the file's order; a dossier listed
 * more than once is inserted from its first row and updated from the
 * next ones, in file order, as a line-by-line import would. */
static void
test_first_load_in_any_order (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new (CLAIMS_HEADER);
  g_autofree gchar *members = qurb_test_corpus_path ("members.csv");
  g_autoptr(GError) error = NULL;
  QurbImportStats stats;

  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, members, NULL, &stats, &error));
  /* Big enough next to the database to be a bulk load. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (csv, "%u,100001,MALADIE,2024-11-02,RECU,2024-11-02,100.00,0,\n",
                            3000000 + (i * 7919) % 5000);
  g_string_append (csv, "3000007,100001,MALADIE,2024-11-02,EN_COURS,2024-12-10,100.00,0,\n"
                        "3000003,100001,MALADIE,2024-11-02,RECU,2024-11-02,100.00,0,\n"
                        "3000007,100001,MALADIE,2024-11-02,PAYE,2024-12-20,100.00,80,\n");
  stats = import_text (fixture, QURB_IMPORT_CLAIMS, "first-day.csv", csv->str, NULL);
  g_assert_cmpuint (stats.rows, ==, 5003);
  g_assert_cmpuint (stats.inserted, ==, 5000);
  g_assert_cmpuint (stats.updated, ==, 2);
  g_assert_cmpuint (stats.unchanged, ==, 1);
  g_assert_cmpuint (stats.status_changes, ==, 2);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==, 5000);
  qurb_assert_query_text (fixture->db, "SELECT status || ' ' || past_statuses FROM claims WHERE dossier_no = '3000007'",
                          "PAYE RECU 2024-11-02\nEN_COURS 2024-12-10\n");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE kind = 'notice'"), ==, 2);
  /* The stage is gone, temporary tables are in memory again. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM temp.sqlite_master"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "PRAGMA temp_store"), ==, 2);
  qurb_assert_query_text (fixture->db, "PRAGMA integrity_check", "ok");
}

static void
test_repair_index (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* As a bulk import killed half-way leaves it. */
  g_assert_true (qurb_db_exec (fixture->db, "DROP INDEX " QURB_CLAIMS_MEMBER_INDEX, NULL));
  g_assert_true (qurb_schema_repair (fixture->db, &error));
  g_assert_no_error (error);
  qurb_assert_query_text (fixture->db,
      "SELECT sql FROM sqlite_master WHERE name = '" QURB_CLAIMS_MEMBER_INDEX "'",
      "CREATE INDEX " QURB_CLAIMS_MEMBER_INDEX " ON " QURB_CLAIMS_MEMBER_INDEX_ON);
}

static void
test_caravan_retired_slot (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbBookingRequest request = { .caravan_code = "SMA1", .requested_minute = 10 * 60 + 30,
                                 .channel = "kiosk" };
  QurbBookingResult result, cancelled;
  QurbImportStats stats;

  qurb_fixture_load_corpus (fixture);
  request.member_id = qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '100006'");
  g_assert_true (qurb_booking_take (fixture->db, &request, &result, &error));
  g_assert_true (qurb_booking_cancel (fixture->db, request.member_id, result.booking.code, &cancelled, &error));
  g_assert_cmpint (cancelled.outcome, ==, QURB_BOOKING_OK);

  /* 10:30 leaves the layout; a cancelled booking still points at it. */
  stats = import_text (fixture, QURB_IMPORT_CARAVANS, "c.csv", CARAVANS_HEADER
      "SMA1,GENERALE,Consultations,استشارات,Smara,Maison des jeunes,دار الشباب,2027-02-12,09:00,10:30,30,2\n",
      NULL);
  g_assert_cmpuint (stats.updated, ==, 1);
  qurb_assert_query_text (fixture->db,
      "SELECT group_concat(start_time || '=' || seats, ' ') FROM (SELECT s.start_time, s.seats FROM slots s"
      " JOIN caravans c ON c.id = s.caravan_id WHERE c.code = 'SMA1' ORDER BY s.start_time)",
      "09:00=2 09:30=2 10:00=2 10:30=0");
  request.member_id = qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '100001'");
  g_assert_true (qurb_booking_take (fixture->db, &request, &result, &error));
  g_assert_cmpint (result.outcome, ==, QURB_BOOKING_NO_SUCH_SLOT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, qurb_fixture_setup, func, qurb_fixture_teardown)
  ADD ("/import/corpus", test_corpus);
  ADD ("/import/bad-member-rows", test_bad_member_rows);
  ADD ("/import/bad-claim-rows", test_bad_claim_rows);
  ADD ("/import/header-errors", test_header_errors);
  ADD ("/import/columns-in-any-order", test_columns_in_any_order);
  ADD ("/import/upsert", test_upsert);
  ADD ("/import/status-change-notices", test_status_change_notices);
  ADD ("/import/caravan-layout-changes", test_caravan_layout_changes);
  ADD ("/import/caravan-retired-slot", test_caravan_retired_slot);
  ADD ("/import/large-files", test_large_files);
  ADD ("/import/first-load-in-any-order", test_first_load_in_any_order);
  ADD ("/import/repair-index", test_repair_index);
#undef ADD
  return g_test_run ();
}
