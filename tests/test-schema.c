/* test-schema.c — creating the database, migrating old ones, the clock */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "qurb-clock.h"
#include "qurb-schema.h"
#include "qurb-test-util.h"

/* Every table and index definition, sorted: two databases with the same
 * text have the same schema. */
static gchar *
schema_text (QurbDb *db)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (qurb_db_handle (db),
                   "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                   " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
load_dump (const gchar *db_path, const gchar *dump_name, const gchar *extra_sql)
{
  g_autofree gchar *dump_path = g_test_build_filename (G_TEST_DIST, "data", dump_name, NULL);
  g_autofree gchar *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;

  g_file_get_contents (dump_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (db_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  if (extra_sql)
    g_assert_cmpint (sqlite3_exec (handle, extra_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_fresh (QurbFixture *fixture, gconstpointer data)
{
  g_assert_cmpint (qurb_db_schema_version (fixture->db), ==, qurb_schema_latest_version ());
  g_assert_cmpint (qurb_test_query_int (fixture->db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "PRAGMA busy_timeout"), >=, 1000);
  qurb_assert_query_text (fixture->db, "PRAGMA journal_mode", "wal");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                   " ('members', 'claims', 'caravans', 'slots', 'bookings',"
                   "  'audit', 'messages', 'announcements', 'waitlist', 'phone_codes')"), ==, 10);
}

static void
test_reopen_is_idempotent (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *before = schema_text (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) again = qurb_db_open (fixture->db_path, &error);
  g_autofree gchar *after = NULL;

  g_assert_no_error (error);
  after = schema_text (again);
  g_assert_cmpstr (before, ==, after);
}

/* A dump of each older version (tests/data/schema-vN.sql), with a little
 * data: migrated, it has a fresh database's schema and keeps its rows. */
typedef struct {
  gint         version;
  const gchar *dump;
  gint         messages;   /* rows in the message log (from version 2) */
} OldSchema;

static const OldSchema old_schemas[] = {
  { 1, "schema-v1.sql", 0 },
  { 2, "schema-v2.sql", 1 },
  { 3, "schema-v3.sql", 1 },
  { 4, "schema-v4.sql", 1 },
  { 5, "schema-v5.sql", 1 },
  { 6, "schema-v6.sql", 1 },
  { 7, "schema-v7.sql", 1 },
  { 8, "schema-v8.sql", 1 },
};

static void
test_migrate_from_old (QurbFixture *fixture, gconstpointer data)
{
  const OldSchema *from = data;
  g_autofree gchar *db_name = g_strdup_printf ("v%d.db", from->version);
  g_autofree gchar *old_path = g_build_filename (fixture->dir, db_name, NULL);
  g_autofree gchar *migrated_schema = NULL, *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) old = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  load_dump (old_path, from->dump, NULL);
  /* The dump is the version it says it is. */
  g_assert_cmpint (sqlite3_open (old_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, from->version);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  old = qurb_db_open (old_path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (qurb_db_schema_version (old), ==, qurb_schema_latest_version ());
  migrated_schema = schema_text (old);
  fresh_schema = schema_text (fixture->db);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);
  /* The data came along. */
  qurb_assert_query_text (old, "SELECT status FROM claims WHERE dossier_no = '2024001234'", "PAYE");
  qurb_assert_query_text (old, "SELECT past_statuses FROM claims", "EN_COURS 2024-11-20\n");
  g_assert_cmpint (qurb_test_query_int (old, "SELECT count(*) FROM messages"), ==, from->messages);
}

/* A new schema version adds the dump of the one before it here. */
static void
test_a_dump_per_older_version (void)
{
  g_assert_cmpint (G_N_ELEMENTS (old_schemas), ==, qurb_schema_latest_version () - 1);
  for (gsize i = 0; i < G_N_ELEMENTS (old_schemas); i++)
    {
      g_autofree gchar *dump_path = g_test_build_filename (G_TEST_DIST, "data", old_schemas[i].dump, NULL);

      g_assert_cmpint (old_schemas[i].version, ==, (gint) i + 1);
      g_assert_true (g_file_test (dump_path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_failed_migration_rolls_back (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *old_path = g_build_filename (fixture->dir, "v1-broken.db", NULL);
  g_autoptr(GError) error = NULL;
  QurbDb *db;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A stray view named like a table step 2 creates makes that step fail. */
  load_dump (old_path, "schema-v1.sql", "CREATE VIEW messages AS SELECT 1;");
  db = qurb_db_open (old_path, &error);
  g_assert_null (db);
  g_assert_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED);

  g_assert_cmpint (sqlite3_open (old_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT (SELECT user_version FROM pragma_user_version),"
                   " (SELECT count(*) FROM sqlite_master WHERE name = 'announcements')", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);   /* still version 1 */
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);   /* nothing half-made */
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static void
test_refuses_newer (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbDb *db;

  g_assert_true (qurb_db_exec (fixture->db, "PRAGMA user_version=99", NULL));
  db = qurb_db_open (fixture->db_path, &error);
  g_assert_null (db);
  g_assert_error (error, QURB_DB_ERROR, QURB_DB_ERROR_TOO_NEW);
}

static guint
mode_of (const gchar *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_private (const gchar *db_path, guint expected)
{
  static const gchar *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (db_path, suffixes[i], NULL);

      g_test_message ("%s: %o", file, mode_of (file));
      g_assert_cmpuint (mode_of (file), ==, expected);
    }
}

/* Fault 5: `qurbctl init` under umask 022 made a 0644 file of CINs,
 * phones, claims and the PIN hash. */
static void
test_private_whatever_the_umask (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *fresh = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree gchar *older = g_build_filename (fixture->dir, "older.db", NULL);
  g_autoptr(GError) error = NULL;
  mode_t saved = umask (022);
  sqlite3 *handle = NULL;

  {
    g_autoptr(QurbDb) db = qurb_db_open (fresh, &error);

    g_assert_no_error (error);
    g_assert_true (qurb_db_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL));
    assert_private (fresh, QURB_DB_FILE_MODE);
  }
  /* One an earlier version made world-readable, with its log. */
  g_assert_cmpint (sqlite3_open (older, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (mode_of (older), ==, 0644);
  {
    g_autoptr(QurbDb) db = qurb_db_open (older, &error);

    g_assert_no_error (error);
    assert_private (older, 0640);
  }
  sqlite3_close (handle);
  umask (saved);
}

/* Fault 6: a commit that fails for lack of space checkpoints the
 * write-ahead log and truncates it, so the space it held comes back; the
 * error says so (not "database is locked", not a generic failure). */
static gboolean
fill (QurbDb *db, gpointer user_data, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "INSERT INTO filler VALUES (randomblob (100000))", error);

  return stmt != NULL && qurb_db_step_done (db, stmt, error);
}

static void
test_full_disk_truncates_the_log (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *limit = NULL;
  GStatBuf st;
  gint64 pages;

  g_assert_true (qurb_db_exec (fixture->db, "CREATE TABLE filler (b)", NULL));
  g_assert_true (qurb_db_transact (fixture->db, fill, NULL, &error));
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 100000);
  /* No room for another page: as a full disk, to this connection. */
  pages = qurb_test_query_int (fixture->db, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_cmpint (qurb_test_query_int (fixture->db, limit), ==, pages);
  g_assert_false (qurb_db_transact (fixture->db, fill, NULL, &error));
  g_assert_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FULL);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  /* Nothing lost. */
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM filler"), ==, 1);
}

static void
test_clock (void)
{
  g_autofree gchar *now = NULL, *today = NULL;
  g_autofree gchar *saved = g_strdup (g_getenv ("QURB_NOW"));
  gint minutes = -1, y, m, d;

  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  now = qurb_now_iso ();
  today = qurb_today_iso ();
  g_assert_cmpstr (now, ==, "2027-01-15T10:00:00");
  g_assert_cmpstr (today, ==, "2027-01-15");

  g_setenv ("QURB_NOW", "not a date", TRUE);
  g_test_expect_message ("qurb", G_LOG_LEVEL_WARNING, "QURB_NOW=not a date*");
  {
    g_autoptr(GDateTime) real = qurb_now ();
    g_assert_cmpint (g_date_time_get_year (real), >=, 2024);
  }
  g_test_assert_expected_messages ();
  g_setenv ("QURB_NOW", saved, TRUE);

  g_assert_true (qurb_parse_hhmm ("09:30", &minutes));
  g_assert_cmpint (minutes, ==, 570);
  g_assert_false (qurb_parse_hhmm ("9:30", &minutes));
  g_assert_false (qurb_parse_hhmm ("24:00", &minutes));
  g_assert_true (qurb_parse_date ("2028-02-29", &y, &m, &d));
  g_assert_false (qurb_parse_date ("2027-02-29", NULL, NULL, NULL));
  g_assert_false (qurb_parse_date ("2027-1-15", NULL, NULL, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/schema/fresh", QurbFixture, NULL, qurb_fixture_setup, test_fresh, qurb_fixture_teardown);
  g_test_add ("/schema/reopen", QurbFixture, NULL, qurb_fixture_setup, test_reopen_is_idempotent, qurb_fixture_teardown);
  for (gsize i = 0; i < G_N_ELEMENTS (old_schemas); i++)
    {
      g_autofree gchar *path = g_strdup_printf ("/schema/migrate-from-v%d", old_schemas[i].version);
      g_test_add (path, QurbFixture, &old_schemas[i], qurb_fixture_setup, test_migrate_from_old,
                  qurb_fixture_teardown);
    }
  g_test_add_func ("/schema/a-dump-per-older-version", test_a_dump_per_older_version);
  g_test_add ("/schema/failed-migration-rolls-back", QurbFixture, NULL, qurb_fixture_setup,
              test_failed_migration_rolls_back, qurb_fixture_teardown);
  g_test_add ("/schema/refuses-newer", QurbFixture, NULL, qurb_fixture_setup, test_refuses_newer, qurb_fixture_teardown);
  g_test_add ("/db/private-whatever-the-umask", QurbFixture, NULL, qurb_fixture_setup,
              test_private_whatever_the_umask, qurb_fixture_teardown);
  g_test_add ("/db/full-disk-truncates-the-log", QurbFixture, NULL, qurb_fixture_setup,
              test_full_disk_truncates_the_log, qurb_fixture_teardown);
  g_test_add_func ("/clock/qurb-now", test_clock);
  return g_test_run ();
}
