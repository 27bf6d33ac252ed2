/* bench-sms.c — SMS answered per second against a large database
 *
 *   bench-sms DB N
 *
 * Sends N messages through the daemon's own path (store, parse, rules,
 * answer, reply queued, all committed) from N distinct registered members
 * of DB, a mix of what members ask: a dossier's status (half), their last
 * dossiers, caravans by province, their bookings, help. Baselines in the
 * same run: the bare primary-key lookup of a dossier, and parsing alone.
 * Prints one line of key=value figures for bench/run.sh. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "qurb-sms.h"

static gint
compare_doubles (gconstpointer a, gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;
  return x < y ? -1 : x > y;
}

static gdouble
percentile (GArray *values, gdouble p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, gdouble, (guint) (p * (values->len - 1)));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dossiers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) status_latency = g_array_new (FALSE, FALSE, sizeof (gdouble));
  static const gchar *const others[] = { "ETAT", "caravanes guelmim", "MES RDV", "AIDE", "حالة" };
  QurbSmsPolicy policy = QURB_SMS_POLICY_DEFAULT;
  sqlite3_stmt *stmt;
  guint n, answered = 0;
  gint64 t0, t1, lookups_t, parse_t, total_t;

  if (argc != 3)
    {
      g_printerr ("usage: bench-sms DB N\n");
      return 2;
    }
  n = atoi (argv[2]);
  db = qurb_db_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("bench-sms: %s\n", error->message);
      return 1;
    }

  /* N members spread over the table, each with one of their dossiers. */
  stmt = qurb_db_statement (db,
      "SELECT m.phone, (SELECT dossier_no FROM claims c WHERE c.member_id = m.id LIMIT 1)"
      " FROM members m WHERE m.phone IS NOT NULL AND m.id % ((SELECT max(id) FROM members) / ?1 + 1) = 0"
      " LIMIT ?1", &error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, &error, "i", (gint) n))
    g_error ("%s", error->message);
  while (qurb_db_step_row (db, stmt, NULL) > 0)
    {
      g_ptr_array_add (phones, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (dossiers, g_strdup ((const gchar *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  n = phones->len;

  /* Baseline 1: the bare lookup every status answer needs. */
  stmt = qurb_db_statement (db, "SELECT status FROM claims WHERE dossier_no = ?", &error);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      qurb_db_bind (db, stmt, NULL, "t", dossiers->pdata[i]);
      qurb_db_step_row (db, stmt, NULL);
      sqlite3_reset (stmt);
    }
  lookups_t = g_get_monotonic_time () - t0;

  /* Baseline 2: understanding the text, no database. */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *text = g_strdup_printf ("etat %s", (gchar *) dossiers->pdata[i]);
      QurbSmsCommand command;
      qurb_sms_parse (text, NULL, &command);
    }
  parse_t = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *text = i % 2 == 0 ? g_strdup_printf ("etat %s", (gchar *) dossiers->pdata[i])
                                          : g_strdup (others[(i / 2) % G_N_ELEMENTS (others)]);
      QurbSmsResult result;
      gint64 id, start = g_get_monotonic_time ();

      if (!qurb_sms_receive (db, phones->pdata[i], text, &id, &error) ||
          !qurb_sms_process (db, id, &policy, &result, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      if (i % 2 == 0)
        {
          gdouble ms = (t1 - start) / 1000.0;
          g_array_append_val (status_latency, ms);
        }
      answered += result.reply != NULL;
      qurb_sms_result_clear (&result);
    }
  total_t = g_get_monotonic_time () - t0;

  printf ("messages=%u answered=%u total_s=%.3f per_s=%.0f lookup_per_s=%.0f parse_per_s=%.0f"
          " status_p50_ms=%.3f status_p99_ms=%.3f\n",
          n, answered, total_t / 1e6, n / (total_t / 1e6), n / (lookups_t / 1e6),
          n / (parse_t / 1e6), percentile (status_latency, 0.5), percentile (status_latency, 0.99));
  return answered == n ? 0 : 1;
}
