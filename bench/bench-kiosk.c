/* bench-kiosk.c — the kiosk under load, driven as a member would drive it
 *
 * bench-kiosk touch DB N: N times, a member identifies and their claims
 *   appear; also their bookings and the caravans of a province. Prints
 *   the time from the touch to the answer painted on screen (p50, p99).
 * bench-kiosk walk DB N: walks every screen N times (identify, claims,
 *   home, caravans → slots → confirm → booked, done; identify, bookings →
 *   cancel, done) and prints the resident memory after the first, the
 *   tenth and the last walk.
 * Run under Xvfb with GSK_RENDERER=cairo, as the UI tests are; with
 * BENCH_PHASES set, each timed tap also prints its frames, layout and paint. */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-driver.h"
#include "qurb-i18n.h"
#include "qurb-caravans.h"
#include "qurb-members.h"

typedef struct {
  gchar *member_no, *cin, *province, *caravan_title, *slot;
} Walker;

static glong
rss_kb (void)
{
  g_autofree gchar *status = NULL;
  const gchar *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return atol (line + 6);
}

static gint
compare_doubles (gconstpointer a, gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;
  return (x > y) - (x < y);
}

static gdouble
percentile (GArray *samples, gdouble p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, gdouble, (guint) (p * (samples->len - 1)));
}

static gint64 phase_at[4];
static gint64 phase_sum[4];
static guint frames;
static gint64 first_painted_at, first_layout_at;

static void
on_phase (GdkFrameClock *clock, gpointer phase)
{
  gint p = GPOINTER_TO_INT (phase);

  phase_at[p] = g_get_monotonic_time ();
  if (p == 1 && first_layout_at == 0)
    first_layout_at = phase_at[1];
  if (p == 2)
    phase_sum[1] += phase_at[2] - phase_at[1];
  if (p == 3)
    {
      phase_sum[2] += phase_at[3] - phase_at[2];
      if (frames++ == 0)
        first_painted_at = phase_at[3];
    }
}

static void
watch_phases (KioskDriver *driver)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (driver->window));

  g_signal_connect (clock, "update", G_CALLBACK (on_phase), GINT_TO_POINTER (0));
  g_signal_connect (clock, "layout", G_CALLBACK (on_phase), GINT_TO_POINTER (1));
  g_signal_connect (clock, "paint", G_CALLBACK (on_phase), GINT_TO_POINTER (2));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_phase), GINT_TO_POINTER (3));
}

/* Taps and returns the milliseconds until the first frame after the tap is
 * painted and the X server has it — the answer on screen; *work_ms is the
 * part spent before the frame (database, building the screen). */
static gdouble
timed_tap (KioskDriver *driver, const gchar *name, gdouble *work_ms)
{
  GtkWidget *control = kiosk_driver_find (driver, name);
  gint64 t0 = g_get_monotonic_time (), t1;

  g_assert_nonnull (control);
  frames = 0;
  first_layout_at = 0;
  memset (phase_sum, 0, sizeof phase_sum);
  g_signal_emit_by_name (control, "clicked");
  t1 = g_get_monotonic_time ();
  kiosk_driver_settle (driver);
  *work_ms = (t1 - t0) / 1000.0;
  g_assert_cmpuint (frames, >, 0);
  if (g_getenv ("BENCH_PHASES"))
    g_printerr ("%s: work %.1f frames %u first layout at %.1f layout %.1f paint %.1f first frame %.1f settled %.1f\n",
                name, *work_ms, frames, (first_layout_at - t0) / 1000.0, phase_sum[1] / 1000.0, phase_sum[2] / 1000.0,
                (first_painted_at - t0) / 1000.0, (g_get_monotonic_time () - t0) / 1000.0);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
touch (KioskDriver *driver, GPtrArray *members, guint n)
{
  const gchar *lang = qurb_kiosk_session_get_lang (driver->session);
  g_autoptr(GArray) claims = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (gdouble));

  for (guint i = 0; i < n; i++)
    {
      const QurbMember *member = members->pdata[i % members->len];
      gdouble ms, work_ms;

      kiosk_driver_tap (driver, T_("My claim files"));
      kiosk_driver_type (driver, member->member_no);
      kiosk_driver_tap (driver, T_("CIN number"));
      kiosk_driver_type (driver, member->cin);
      /* Identify, read the claims, lay them out, paint. */
      ms = timed_tap (driver, T_("Continue"), &work_ms);
      g_assert_cmpstr (kiosk_driver_screen (driver), ==, "claims");
      g_array_append_val (claims, ms);
      g_array_append_val (work, work_ms);
      /* The visit ends: back to the home screen, member forgotten. */
      ms = timed_tap (driver, T_("Done"), &work_ms);
      g_array_append_val (others, ms);
    }
  printf ("touches=%u claims_p50_ms=%.1f claims_p99_ms=%.1f claims_work_p50_ms=%.1f"
          " home_p50_ms=%.1f home_p99_ms=%.1f\n",
          n, percentile (claims, 0.5), percentile (claims, 0.99), percentile (work, 0.5),
          percentile (others, 0.5), percentile (others, 0.99));
}

/* The screens a walk passes through, each timed from the touch that opens
 * it to its answer on screen. */
static void
timed (KioskDriver *driver, const gchar *name, GArray *samples)
{
  gdouble work, ms = timed_tap (driver, name, &work);

  g_array_append_val (samples, ms);
}

static void
walk_once (KioskDriver *driver, const QurbMember *member, const QurbCaravan *caravan, GArray *samples)
{
  const gchar *lang = qurb_kiosk_session_get_lang (driver->session);
  const QurbCaravanSlot *slot = NULL;
  g_autofree gchar *cancel = NULL;

  for (guint i = 0; i < caravan->slots->len && slot == NULL; i++)
    if (g_array_index (caravan->slots, QurbCaravanSlot, i).open &&
        g_array_index (caravan->slots, QurbCaravanSlot, i).seats_left > 0)
      slot = &g_array_index (caravan->slots, QurbCaravanSlot, i);

  timed (driver, T_("My claim files"), samples);
  kiosk_driver_identify (driver, member->member_no, member->cin);
  /* Home keeps the member: the caravans without identifying again. */
  timed (driver, T_("Home"), samples);
  timed (driver, T_("Medical caravans"), samples);
  timed (driver, caravan->province, samples);
  timed (driver, caravan->title_fr, samples);
  timed (driver, slot->start_time, samples);
  timed (driver, T_("Confirm the booking"), samples);
  g_assert_cmpstr (kiosk_driver_screen (driver), ==, "booked");
  cancel = g_strdup_printf (T_("Cancel booking %s"),
                            qurb_kiosk_session_get_errand (driver->session)->booking.code);
  timed (driver, T_("Done"), samples);
  timed (driver, T_("My bookings"), samples);
  kiosk_driver_identify (driver, member->member_no, member->cin);
  timed (driver, cancel, samples);
  timed (driver, T_("Yes, cancel it"), samples);
  timed (driver, T_("Done"), samples);
}

static void
walk (KioskDriver *driver, GPtrArray *members, const QurbCaravan *caravan, guint n)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gdouble));
  glong first = 0, tenth = 0;

  for (guint i = 0; i < n; i++)
    {
      walk_once (driver, members->pdata[i % members->len], caravan, samples);
      if (i == 0)
        first = rss_kb ();
      if (i == 9)
        tenth = rss_kb ();
    }
  printf ("walks=%u rss_first_kb=%ld rss_tenth_kb=%ld rss_last_kb=%ld walk_taps=%u"
          " walk_tap_p50_ms=%.1f walk_tap_p99_ms=%.1f\n", n, first, tenth, rss_kb (),
          samples->len, percentile (samples, 0.5), percentile (samples, 0.99));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_member_free);
  g_autoptr(GPtrArray) caravans = NULL;
  const QurbCaravan *caravan = NULL;
  KioskDriver driver;
  sqlite3_stmt *stmt;
  guint n;

  if (argc != 4)
    {
      g_printerr ("usage: bench-kiosk touch|walk DB N\n");
      return 2;
    }
  n = atoi (argv[3]);
  gtk_init ();
  db = qurb_db_open (argv[2], &error);
  g_assert_no_error (error);

  /* Members with the most common shape: a registered phone and claims. */
  stmt = qurb_db_statement (db, "SELECT member_no FROM members WHERE phone IS NOT NULL"
                                " AND id IN (SELECT member_id FROM claims LIMIT 5000)"
                                " AND id NOT IN (SELECT member_id FROM bookings WHERE state = 'active') LIMIT 200", &error);
  g_assert_no_error (error);
  while (qurb_db_step_row (db, stmt, NULL) > 0)
    g_ptr_array_add (members, qurb_member_find_by_no (db, (const gchar *) sqlite3_column_text (stmt, 0), NULL));
  sqlite3_reset (stmt);
  g_assert_cmpuint (members->len, >, 0);

  caravans = qurb_caravans_upcoming (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < caravans->len && caravan == NULL; i++)
    if (((QurbCaravan *) caravans->pdata[i])->seats_left > 1)
      caravan = caravans->pdata[i];

  kiosk_driver_start (&driver, db, "fr", 1080, 1920, FALSE);
  watch_phases (&driver);
  if (g_str_equal (argv[1], "touch"))
    touch (&driver, members, n);
  else
    {
      g_assert_nonnull (caravan);
      walk (&driver, members, caravan, n);
    }
  kiosk_driver_stop (&driver);
  return 0;
}
