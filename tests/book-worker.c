/* book-worker.c — one of several processes racing for the same seats
 *
 * book-worker DB CARAVAN FIRST_MEMBER_NO COUNT START_US: from START_US
 * (real time, µs) on, books COUNT members one after another and prints
 * "ok=N full=N other=N errors=N". Used by test-concurrency. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "qurb-booking.h"
#include "qurb-queries.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) db = NULL;
  guint ok = 0, full = 0, other = 0, errors = 0;
  guint first, count;
  gint64 start;

  if (argc != 6)
    {
      g_printerr ("usage: book-worker DB CARAVAN FIRST_MEMBER_NO COUNT START_US\n");
      return 2;
    }
  first = atoi (argv[3]);
  count = atoi (argv[4]);
  start = g_ascii_strtoll (argv[5], NULL, 10);

  db = qurb_db_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("book-worker: %s\n", error->message);
      return 1;
    }
  while (g_get_real_time () < start)
    g_usleep (1000);

  for (guint i = 0; i < count; i++)
    {
      g_autofree gchar *member_no = g_strdup_printf ("%u", first + i);
      g_autoptr(QurbMember) member = qurb_member_find_by_no (db, member_no, &error);
      QurbBookingResult result;
      QurbBookingRequest request = { 0, argv[2], -1, "sms", FALSE };

      if (member == NULL)
        {
          g_printerr ("book-worker: member %s: %s\n", member_no, error ? error->message : "missing");
          g_clear_error (&error);
          errors++;
          continue;
        }
      request.member_id = member->id;
      if (!qurb_booking_take (db, &request, &result, &error))
        {
          g_printerr ("book-worker: %s\n", error->message);
          g_clear_error (&error);
          errors++;
        }
      else if (result.outcome == QURB_BOOKING_OK)
        ok++;
      else if (result.outcome == QURB_BOOKING_CARAVAN_FULL)
        full++;
      else
        other++;
    }
  printf ("ok=%u full=%u other=%u errors=%u\n", ok, full, other, errors);
  return errors ? 1 : 0;
}
