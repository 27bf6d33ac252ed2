/* test-checkin-screen.c — the caravan's tablet (`qurb-kiosk --checkin`)
 * and the staff console's caravans report, in the real windows under
 * Xvfb, in both languages. Screenshots: checkin-ok, checkin-already,
 * checkin-refused, staff-report (-LANG). */
#include "config.h"

#include <string.h>

#include "kiosk-driver.h"
#include "qurb-booking.h"
#include "qurb-checkin-window.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-staff-pin.h"
#include "qurb-staff-report.h"

typedef struct {
  QurbFixture db;
  KioskDriver kiosk;
  const gchar *lang;
  gchar *booked[3];     /* three bookings of LAA1 (2027-02-03), the second cancelled */
} DayFixture;

static void
day_setup (DayFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbBookingResult cancelled;

  f->lang = data;
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_fixture_setup (&f->db, NULL);
  qurb_fixture_load_corpus (&f->db);
  f->booked[0] = qurb_test_book (f->db.db, "100001", "LAA1");
  f->booked[1] = qurb_test_book (f->db.db, "100002", "LAA1");
  f->booked[2] = qurb_test_book (f->db.db, "100003", "LAA2");
  g_assert_true (qurb_booking_cancel (f->db.db, qurb_test_query_int (f->db.db,
                 "SELECT id FROM members WHERE member_no = '100002'"), f->booked[1], &cancelled, &error));
  g_assert_true (qurb_staff_pin_set (f->db.db, "2468", &error));
}

static void
day_teardown (DayFixture *f, gconstpointer data)
{
  if (f->kiosk.window != NULL)
    kiosk_driver_stop (&f->kiosk);
  for (guint i = 0; i < G_N_ELEMENTS (f->booked); i++)
    g_free (f->booked[i]);
  qurb_fixture_teardown (&f->db, NULL);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

static void
snap (DayFixture *f, const gchar *screen)
{
  g_autofree gchar *name = g_strdup_printf ("%s-%s", screen, f->lang);
  g_autofree gchar *path = kiosk_driver_screenshot (&f->kiosk, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Types into the big field as a USB scanner does (a keyboard), Enter last. */
static void
scanner_types (DayFixture *f, const gchar *text)
{
  GtkWidget *entry = kiosk_driver_find (&f->kiosk, qurb_dgettext (f->lang, "Ticket or booking code"));

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_has_focus (gtk_widget_get_first_child (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  kiosk_driver_settle (&f->kiosk);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_checkin (DayFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  QurbCheckinWindow *window;
  g_autofree gchar *counts = NULL, *welcome = NULL, *slot = NULL;

  /* The caravan's morning: its tablet on its copy, checking LAA1. */
  g_setenv ("QURB_NOW", "2027-02-03T09:05:00", TRUE);
  qurb_kiosk_init_resources ();
  f->kiosk.session = qurb_kiosk_session_new (f->db.db, lang, 60);
  window = qurb_checkin_window_new (f->kiosk.session, "laa1", FALSE);
  f->kiosk.window = GTK_WINDOW (window);
  gtk_window_set_default_size (f->kiosk.window, 1920, 1080);
  gtk_window_present (f->kiosk.window);
  kiosk_driver_settle (&f->kiosk);
  counts = g_strdup_printf (T_("Checked in: %1$d / booked: %2$d"), 0, 1);
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, counts));

  /* A scan: welcome, the name and the time, in colour. */
  scanner_types (f, f->booked[0]);
  g_assert_cmpint (qurb_checkin_window_last_outcome (window), ==, QURB_CHECKIN_OK);
  welcome = g_strdup_printf (T_("Welcome, %s"), g_str_equal (lang, "ar") ? "فاطمة العلوي" : "Fatima ALAOUI");
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, welcome));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "09:00"));
  g_free (counts);
  counts = g_strdup_printf (T_("Checked in: %1$d / booked: %2$d"), 1, 1);
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, counts));
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM bookings WHERE attended_at IS NOT NULL"), ==, 1);
  snap (f, "checkin-ok");

  /* The same ticket again, typed by hand on the keypad: when it was. */
  g_setenv ("QURB_NOW", "2027-02-03T09:40:00", TRUE);
  kiosk_driver_type (&f->kiosk, f->booked[0]);
  kiosk_driver_tap (&f->kiosk, T_("Check in"));
  g_assert_cmpint (qurb_checkin_window_last_outcome (window), ==, QURB_CHECKIN_ALREADY);
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "09:05"));
  snap (f, "checkin-already");

  /* Refused: cancelled, another caravan, forged. */
  scanner_types (f, f->booked[1]);
  g_assert_cmpint (qurb_checkin_window_last_outcome (window), ==, QURB_CHECKIN_CANCELLED);
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("Refused")));
  scanner_types (f, f->booked[2]);
  g_assert_cmpint (qurb_checkin_window_last_outcome (window), ==, QURB_CHECKIN_OTHER_CARAVAN);
  scanner_types (f, "QURB-K7P2QX-AB2C-7QK3M2XJ5N4WZT6R");
  g_assert_cmpint (qurb_checkin_window_last_outcome (window), ==, QURB_CHECKIN_FOREIGN);
  scanner_types (f, f->booked[1]);
  if (g_str_equal (lang, "ar"))
    {
      /* The code and its bracketed date read as one left-to-right run
       * in the Arabic sentence: isolated, nothing reordered. */
      g_autofree gchar *run = g_strdup_printf ("\u2066%s (", f->booked[1]);

      g_assert_true (kiosk_driver_has_text (&f->kiosk, run));
      g_assert_true (kiosk_driver_has_text (&f->kiosk, ")\u2069."));
    }
  snap (f, "checkin-refused");
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM bookings WHERE attended_at IS NOT NULL"), ==, 1);
}

/* The scrolled window on screen (the report's), depth first. */
static GtkWidget *
mapped_scroller (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mapped_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_report (DayFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;

  /* LAA1's day is over: one came (and rated it 4), none absent but the other. */
  g_assert_true (qurb_db_exec (f->db.db, "UPDATE bookings SET attended_at = '2027-02-03T09:05:00', rating = 4,"
                               " rating_asked_at = '2027-02-04T10:00:00', rated_at = '2027-02-04T11:00:00'"
                               " WHERE state = 'active' AND caravan_id = (SELECT id FROM caravans WHERE code = 'LAA1')",
                               NULL));
  g_setenv ("QURB_NOW", "2027-02-10T10:00:00", TRUE);
  kiosk_driver_start_staff (&f->kiosk, f->db.db, lang, FALSE, FALSE);
  kiosk_driver_type (&f->kiosk, "2468");
  kiosk_driver_tap (&f->kiosk, T_("Open the console"));
  kiosk_driver_tap (&f->kiosk, T_("Caravans"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "report");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, T_("Booked and came, per caravan")));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, T_("All caravans")));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "4.00"));
  snap (f, "staff-report");
  /* Under the charts, the table: every figure, by caravan, specialty and province. */
  {
    GtkWidget *scrolled = mapped_scroller (GTK_WIDGET (f->kiosk.window));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
    kiosk_driver_settle (&f->kiosk);
    snap (f, "staff-report-figures");
  }
}

int
main (int argc, char **argv)
{
  static const gchar *const langs[] = { "fr", "ar" };

  gtk_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree gchar *checkin = g_strdup_printf ("/caravan-day/%s/checkin", langs[i]);
      g_autofree gchar *report = g_strdup_printf ("/caravan-day/%s/report", langs[i]);

      g_test_add (checkin, DayFixture, langs[i], day_setup, test_checkin, day_teardown);
      g_test_add (report, DayFixture, langs[i], day_setup, test_report, day_teardown);
    }
  return g_test_run ();
}
