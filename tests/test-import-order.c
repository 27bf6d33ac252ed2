/* test-import-order.c — a first load of claims in any order: the same
 * database as in dossier order, bad lines reported by their own numbers */
#include "config.h"

#include "qurb-import.h"
#include "qurb-test-util.h"

#define CLAIMS_HEADER "dossier_no,member_no,kind,deposited_on,status,status_date,amount_claimed,amount_paid,reason\n"

/* More rows than one batch of the import (100 000), so that rows held
 * from one batch meet those of the next. */
#define N_ROWS 120000

static const gchar *const statuses[] = { "RECU", "EN_COURS", "TRANSMIS", "PAYE", "REJETE", "INCOMPLET" };
static const gchar *const kinds[] = { "MALADIE", "OPTIQUE", "DENTAIRE", "HOSPITALISATION", "MATERNITE" };

typedef struct {
  gchar *dossier_no;
  gchar *text;     /* the record, its line end included */
  guint n_lines;   /* physical lines: a quoted reason may hold a break */
  gchar *bad;      /* refused by the import, with this in its reason */
} Record;

static void
record_clear (gpointer data)
{
  Record *record = data;

  g_free (record->dossier_no);
  g_free (record->text);
  g_free (record->bad);
}

/* Dossiers of 6 to 15 digits, leading zeros kept: their text order is
 * not their numeric order. */
static Record
make_record (guint i)
{
  Record record = { g_strdup_printf ("%0*u", 6 + (gint) (i % 10), i * 7u + 3u), NULL, 1, NULL };
  const gchar *reason = i % 6 == 4 ? "\"Pièce manquante, voir agence\""
                      : i % 1000 == 5 ? "\"Ordonnance\nillisible\"" : "";

  if (i % 1000 == 5)
    record.n_lines = 2;
  if (i % 9973 == 17)
    {
      record.bad = g_strdup_printf ("“BAD%u”", i);
      record.text = g_strdup_printf ("%s,100001,BAD%u,2024-11-02,RECU,2024-11-02,100.00,0,\n",
                                     record.dossier_no, i);
    }
  else if (i % 9973 == 18)   /* a member the database does not have */
    {
      record.bad = g_strdup_printf ("member_no %u is not a known member", 900000 + i);
      record.text = g_strdup_printf ("%s,%u,MALADIE,2024-11-02,RECU,2024-11-02,100.00,0,\n",
                                     record.dossier_no, 900000 + i);
    }
  else
    record.text = g_strdup_printf ("%s,%u,%s,2024-%02u-%02u,%s,2024-12-%02u,%u.%02u,%s,%s\n",
                                   record.dossier_no, 100001 + i % 7, kinds[i % 5], 1 + i % 12,
                                   1 + i % 28, statuses[i % 6], 1 + i % 28, 100 + i % 5000, i % 100,
                                   i % 6 == 3 ? "50" : "0", reason);
  return record;
}

static gint
compare_records (gconstpointer a, gconstpointer b)
{
  return strcmp (((const Record *) a)->dossier_no, ((const Record *) b)->dossier_no);
}

typedef struct {
  GArray *records;  /* Record, in the file's order */
  GArray *lines;    /* guint: the line each record starts on */
  guint n_reports;
} File;

static void
collect_bad_row (const gchar *path, guint line, const gchar *reason, gpointer user_data)
{
  File *file = user_data;
  guint k = 0;

  /* Reports come in line order, one for each bad record. */
  while (k < file->records->len && g_array_index (file->lines, guint, k) < line)
    k++;
  g_assert_cmpuint (k, <, file->records->len);
  g_assert_cmpuint (g_array_index (file->lines, guint, k), ==, line);
  g_assert_nonnull (g_array_index (file->records, Record, k).bad);
  g_assert_nonnull (strstr (reason, g_array_index (file->records, Record, k).bad));
  file->n_reports++;
}

static QurbImportStats
import_records (QurbFixture *fixture, GArray *records, const gchar *name)
{
  g_autoptr(GString) csv = g_string_new (CLAIMS_HEADER);
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), records->len);
  g_autofree gchar *members = qurb_test_corpus_path ("members.csv");
  g_autofree gchar *path = NULL;
  g_autoptr(GError) error = NULL;
  File file = { records, lines, 0 };
  QurbImportCallbacks callbacks = { collect_bad_row, NULL, &file };
  QurbImportStats stats;
  guint line = 2, n_bad = 0;

  for (guint k = 0; k < records->len; k++)
    {
      Record *record = &g_array_index (records, Record, k);

      g_array_append_val (lines, line);
      g_string_append (csv, record->text);
      line += record->n_lines;
      n_bad += record->bad != NULL;
    }
  path = qurb_fixture_write (fixture, name, csv->str);
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, members, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_CLAIMS, path, &callbacks, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rows, ==, records->len);
  g_assert_cmpuint (stats.skipped, ==, n_bad);
  g_assert_cmpuint (file.n_reports, ==, n_bad);
  g_assert_cmpuint (stats.inserted, ==, records->len - n_bad);
  g_assert_cmpuint (stats.updated + stats.unchanged, ==, 0);
  return stats;
}

/* data: the rows a first load holds at most, or 0 for the default. */
static void
set_hold_rows (gconstpointer data)
{
  g_autofree gchar *rows = g_strdup_printf ("%u", GPOINTER_TO_UINT (data));

  if (data != NULL)
    g_setenv ("QURB_IMPORT_HOLD_ROWS", rows, TRUE);
  else
    g_unsetenv ("QURB_IMPORT_HOLD_ROWS");
}

static void
test_random_order_as_sorted (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GArray) records = g_array_sized_new (FALSE, FALSE, sizeof (Record), N_ROWS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  QurbFixture sorted = { 0 };
  g_autofree gchar *attach = NULL;

  set_hold_rows (data);
  g_array_set_clear_func (records, record_clear);
  for (guint i = 0; i < N_ROWS; i++)
    {
      Record record = make_record (i);
      g_array_append_val (records, record);
    }
  for (guint k = records->len; k > 1; k--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) k);
      Record swap = g_array_index (records, Record, k - 1);

      g_array_index (records, Record, k - 1) = g_array_index (records, Record, j);
      g_array_index (records, Record, j) = swap;
    }
  import_records (fixture, records, "random.csv");

  /* The same records in dossier order, into a second database. */
  qurb_fixture_setup (&sorted, NULL);
  g_array_sort (records, compare_records);
  import_records (&sorted, records, "sorted.csv");

  attach = g_strdup_printf ("ATTACH '%s' AS sorted", sorted.db_path);
  g_assert_true (qurb_db_exec (fixture->db, attach, NULL));
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==,
                   qurb_test_query_int (fixture->db, "SELECT count(*) FROM sorted.claims"));
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM (SELECT * FROM claims EXCEPT SELECT * FROM sorted.claims)"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM claims WHERE reason = 'Ordonnance\nillisible'"), ==, N_ROWS / 1000);
  /* Each claim's member, as make_record() gave it (dossier 7 i + 3). */
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM claims c JOIN members m ON m.id = c.member_id"
                   " WHERE CAST (m.member_no AS INTEGER) = 100001 + (CAST (c.dossier_no AS INTEGER) - 3) / 7 % 7"), ==,
                   qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"));
  qurb_assert_query_text (fixture->db, "PRAGMA integrity_check", "ok");
  g_assert_true (qurb_db_exec (fixture->db, "DETACH sorted", NULL));
  qurb_fixture_teardown (&sorted, NULL);
  g_unsetenv ("QURB_IMPORT_HOLD_ROWS");
}

/* "STATUS PAST_STATUSES" of a claim. */
static void
assert_history (QurbDb *db, guint dossier_no, const gchar *expected)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT status || ' ' || past_statuses FROM claims"
                                           " WHERE dossier_no = '%u'", dossier_no);

  qurb_assert_query_text (db, sql, expected);
}

/* A dossier listed again, in the same run of held rows or in a later
 * one: inserted from its first row, updated from the next ones in file
 * order, each status it leaves kept and told. */
static void
test_repeats (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new (CLAIMS_HEADER);
  g_autofree guint *dossiers = g_new (guint, N_ROWS);
  g_autofree gchar *members = qurb_test_corpus_path ("members.csv");
  g_autofree gchar *path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GError) error = NULL;
  QurbImportStats stats;

  set_hold_rows (data);
  for (guint i = 0; i < N_ROWS; i++)
    dossiers[i] = 3000000 + i;
  for (guint k = N_ROWS; k > 1; k--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) k), swap = dossiers[k - 1];

      dossiers[k - 1] = dossiers[j];
      dossiers[j] = swap;
    }
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_string_append_printf (csv, "%u,100001,MALADIE,2024-11-02,RECU,2024-11-02,100.00,0,\n", dossiers[i]);
      if (i == 50000)  /* the same batch, the same run */
        g_string_append_printf (csv, "%u,100001,MALADIE,2024-11-02,TRANSMIS,2024-11-20,100.00,0,\n",
                                dossiers[7]);
    }
  /* The next batch: after the first run when runs are 50 000 rows. */
  g_string_append_printf (csv, "%u,100001,MALADIE,2024-11-02,EN_COURS,2024-12-10,100.00,0,\n"
                               "%u,100001,MALADIE,2024-11-02,EN_COURS,2024-12-10,100.00,0,\n"
                               "%u,100001,MALADIE,2024-11-02,PAYE,2024-12-20,100.00,80,\n",
                          dossiers[5], dossiers[105000], dossiers[5]);
  path = qurb_fixture_write (fixture, "repeats.csv", csv->str);
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_MEMBERS, members, NULL, &stats, &error));
  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_CLAIMS, path, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rows, ==, N_ROWS + 4);
  g_assert_cmpuint (stats.inserted, ==, N_ROWS);
  g_assert_cmpuint (stats.updated, ==, 4);
  g_assert_cmpuint (stats.status_changes, ==, 4);
  g_assert_cmpuint (stats.notices, ==, 4);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM claims"), ==, N_ROWS);
  assert_history (fixture->db, dossiers[5], "PAYE RECU 2024-11-02\nEN_COURS 2024-12-10\n");
  assert_history (fixture->db, dossiers[7], "TRANSMIS RECU 2024-11-02\n");
  assert_history (fixture->db, dossiers[105000], "EN_COURS RECU 2024-11-02\n");
  qurb_assert_query_text (fixture->db, "PRAGMA integrity_check", "ok");
  g_unsetenv ("QURB_IMPORT_HOLD_ROWS");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import-order/random-as-sorted", QurbFixture, NULL, qurb_fixture_setup,
              test_random_order_as_sorted, qurb_fixture_teardown);
  /* Held rows written in runs: the first batch's rows, then the rest. */
  g_test_add ("/import-order/random-as-sorted/in-runs", QurbFixture, GUINT_TO_POINTER (50000),
              qurb_fixture_setup, test_random_order_as_sorted, qurb_fixture_teardown);
  g_test_add ("/import-order/repeats", QurbFixture, NULL, qurb_fixture_setup,
              test_repeats, qurb_fixture_teardown);
  g_test_add ("/import-order/repeats/in-runs", QurbFixture, GUINT_TO_POINTER (50000),
              qurb_fixture_setup, test_repeats, qurb_fixture_teardown);
  return g_test_run ();
}
