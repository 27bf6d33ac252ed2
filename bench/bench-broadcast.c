/* bench-broadcast.c — queues the announcements that are due, once, as the
 * daemon's poll does, and prints how many messages that made. */
#include "config.h"

#include <stdio.h>

#include "qurb-broadcast.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  QurbDb *db;
  guint queued = 0;
  gint64 t0, t1, t2;

  if (argc != 2)
    {
      g_printerr ("usage: bench-broadcast DB\n");
      return 2;
    }
  t0 = g_get_monotonic_time ();
  db = qurb_db_open (argv[1], &error);
  t1 = g_get_monotonic_time ();
  if (db == NULL || !qurb_broadcasts_queue_due (db, &queued, &error))
    {
      g_printerr ("bench-broadcast: %s\n", error->message);
      return 1;
    }
  t2 = g_get_monotonic_time ();
  /* Closing the last connection folds the WAL back into the file. */
  qurb_db_close (db);
  printf ("queued=%u\nopen_s=%.2f\nqueue_s=%.2f\nclose_s=%.2f\n", queued, (t1 - t0) / 1e6,
          (t2 - t1) / 1e6, (g_get_monotonic_time () - t2) / 1e6);
  return 0;
}
