/* test-kiosk-touch.c — the kiosk under real input: a finger's double tap,
 * and what keeps a visit alive
 *
 * Unlike the other UI tests (which emit "clicked"), these press and
 * release the X server's pointer through XTest under Xvfb, so that the
 * events go the way a touch screen's do: through the window's event
 * controllers, timed by the server's clock. */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <gtk/gtk.h>
#include <X11/extensions/XTest.h>

#include "kiosk-driver.h"
#include "qurb-booking.h"
#include "qurb-kiosk-touch.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-test-util.h"

/* Long enough after a change for a tap to count. */
#define AFTER_HOLD_MS (QURB_KIOSK_TOUCH_HOLD_MS + 100)

static Display *
xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

/* Runs the main loop for ms milliseconds: events are read as they come. */
static void
pump (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* Where a point of widget is on the X screen: across (0 the start of
 * the reading direction, 1 its end) and half way down. */
static void
screen_point_at (KioskFixture *f, GtkWidget *widget, gdouble across, gint *x, gint *y)
{
  GtkNative *native = GTK_NATIVE (f->kiosk.window);
  graphene_point_t point;
  gdouble dx, dy;
  Window child;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->kiosk.window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) *
                                                                 (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                                                  ? 1 - across : across),
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (xdisplay (), gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay ()), (gint) (point.x + dx), (gint) (point.y + dy), x, y, &child);
}

/* Its centre. */
static void
screen_point (KioskFixture *f, GtkWidget *widget, gint *x, gint *y)
{
  screen_point_at (f, widget, 0.5, x, y);
}

static void
move_to (gint x, gint y)
{
  XTestFakeMotionEvent (xdisplay (), -1, x, y, CurrentTime);
  XFlush (xdisplay ());
}

/* A finger's tap at (x, y): down, 60 ms, up. */
static void
tap_at (gint x, gint y)
{
  move_to (x, y);
  pump (20);
  XTestFakeButtonEvent (xdisplay (), 1, True, CurrentTime);
  XFlush (xdisplay ());
  pump (60);
  XTestFakeButtonEvent (xdisplay (), 1, False, CurrentTime);
  XFlush (xdisplay ());
}

static void
settle (KioskFixture *f)
{
  pump (50);
  kiosk_driver_settle (&f->kiosk);
}

/* The screen shown by the driver, and the guard's time passed. */
static void
settle_long (KioskFixture *f)
{
  settle (f);
  pump (AFTER_HOLD_MS);
}

static gchar *
book_for_youssef (KioskFixture *f)
{
  g_autoptr(GError) error = NULL;
  QurbBookingResult result;
  QurbBookingRequest request = { 0, "LAA1", 9 * 60 + 30, "sms", FALSE };

  request.member_id = qurb_test_query_int (f->db.db, "SELECT id FROM members WHERE member_no = '100002'");
  g_assert_true (qurb_booking_take (f->db.db, &request, &result, &error));
  g_assert_cmpint (result.outcome, ==, QURB_BOOKING_OK);
  return g_strdup (result.booking.code);
}

static gchar *
state_of (KioskFixture *f, const gchar *code)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT state FROM bookings WHERE code = '%s'", code);

  return qurb_test_query_text (f->db.db, sql);
}

/* Two taps 120 ms apart on "Cancel this booking", a quarter of the way
 * in from where it reads first: the booking stays. */
static void
test_double_tap_cancel (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autofree gchar *code = book_for_youssef (f);
  g_autofree gchar *cancel = g_strdup_printf (T_("Cancel booking %s"), code);
  g_autofree gchar *state = NULL;
  gint x, y;

  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  kiosk_driver_identify (&f->kiosk, "100002", "BE654321");
  settle_long (f);
  screen_point_at (f, kiosk_driver_find (&f->kiosk, cancel), 0.25, &x, &y);
  tap_at (x, y);
  pump (120);
  tap_at (x, y);
  settle (f);
  state = state_of (f, code);
  g_assert_cmpstr (state, ==, "active");
  /* The question is still there, waiting for a deliberate answer. */
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("Yes, cancel it")));
  kiosk_driver_snap (&f->kiosk, f->variant, "cancel-ask");
}

static gboolean
is_within (GtkWidget *widget, GtkWidget *ancestor)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (widget == ancestor)
      return TRUE;
  return FALSE;
}

/* Where "Cancel this booking" was, "No, keep it" is now; "Yes" is not. */
static void
test_confirm_elsewhere (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autofree gchar *code = book_for_youssef (f);
  g_autofree gchar *cancel = g_strdup_printf (T_("Cancel booking %s"), code);
  graphene_rect_t was;
  GtkWidget *yes, *keep;

  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  kiosk_driver_identify (&f->kiosk, "100002", "BE654321");
  g_assert_true (gtk_widget_compute_bounds (kiosk_driver_find (&f->kiosk, cancel), GTK_WIDGET (f->kiosk.window), &was));
  kiosk_driver_tap (&f->kiosk, cancel);
  yes = kiosk_driver_find (&f->kiosk, T_("Yes, cancel it"));
  keep = kiosk_driver_find (&f->kiosk, T_("No, keep it"));
  for (guint i = 0; i < 9; i++)
    {
      gdouble px = was.origin.x + was.size.width * (1 + i % 3) / 4.0;
      gdouble py = was.origin.y + was.size.height * (1 + i / 3) / 4.0;
      GtkWidget *under = gtk_widget_pick (GTK_WIDGET (f->kiosk.window), px, py, GTK_PICK_DEFAULT);

      g_assert_false (is_within (under, yes));
      g_assert_true (is_within (under, keep));
    }
}

/* A tap at once after a new screen or a question is ignored; a tap a
 * moment later is taken. */
static void
test_guard (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autofree gchar *code = book_for_youssef (f);
  g_autofree gchar *cancel = g_strdup_printf (T_("Cancel booking %s"), code);
  g_autofree gchar *state = NULL;
  gint tile_x, tile_y, key_x, key_y, cancel_x, cancel_y, yes_x, yes_y;
  GtkWidget *value;

  /* Where things are, learned first. */
  screen_point (f, kiosk_driver_find (&f->kiosk, T_("My claim files")), &tile_x, &tile_y);
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  screen_point (f, kiosk_driver_find (&f->kiosk, "7"), &key_x, &key_y);
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  settle_long (f);

  /* A new screen: the key tapped 150 ms after the tile does nothing. */
  tap_at (tile_x, tile_y);
  pump (150);
  tap_at (key_x, key_y);
  settle (f);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "identify");
  value = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (kiosk_driver_find (&f->kiosk, T_("Member number")))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "");
  pump (AFTER_HOLD_MS);
  tap_at (key_x, key_y);
  settle (f);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "7");

  /* A question revealed: "Yes" tapped 150 ms after does nothing. */
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  kiosk_driver_identify (&f->kiosk, "100002", "BE654321");
  screen_point (f, kiosk_driver_find (&f->kiosk, cancel), &cancel_x, &cancel_y);
  kiosk_driver_tap (&f->kiosk, cancel);
  screen_point (f, kiosk_driver_find (&f->kiosk, T_("Yes, cancel it")), &yes_x, &yes_y);
  kiosk_driver_tap (&f->kiosk, T_("No, keep it"));
  settle_long (f);
  tap_at (cancel_x, cancel_y);
  pump (150);
  tap_at (yes_x, yes_y);
  settle (f);
  state = state_of (f, code);
  g_assert_cmpstr (state, ==, "active");
  pump (AFTER_HOLD_MS);
  tap_at (yes_x, yes_y);
  settle (f);
  g_free (state);
  state = state_of (f, code);
  g_assert_cmpstr (state, ==, "cancelled");
}

/* Only a person's input keeps a visit: a pointer wandering in and out
 * of the window (what a browser showing Broadway sends) does not; a
 * press does. */
static void
test_idle_input (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  gint x, y;

  qurb_kiosk_session_set_idle_seconds (f->kiosk.session, 4);
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  kiosk_driver_identify (&f->kiosk, "100001", "AB123456");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "claims");
  screen_point (f, kiosk_driver_find (&f->kiosk, T_("Your claim files, the most recent first.")), &x, &y);
  /* Motion and crossings for five seconds: the visit ends at four. */
  for (guint i = 0; i < 25; i++)
    {
      if (i % 2)
        move_to (x + 10 * (gint) (i % 5), y);
      else
        move_to (f->variant->landscape ? x : 1500, f->variant->landscape ? 1500 : y);
      pump (200);
    }
  settle (f);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  g_assert_null (qurb_kiosk_session_get_member (f->kiosk.session));

  /* Presses every second on the screen's introduction, for six seconds: the
   * member stays. */
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  kiosk_driver_identify (&f->kiosk, "100001", "AB123456");
  settle_long (f);
  screen_point (f, kiosk_driver_find (&f->kiosk, T_("Your claim files, the most recent first.")), &x, &y);
  for (guint i = 0; i < 6; i++)
    {
      tap_at (x, y);
      pump (1000);
    }
  settle (f);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "claims");
  g_assert_nonnull (qurb_kiosk_session_get_member (f->kiosk.session));
}

int
main (int argc, char **argv)
{
  static const struct {
    const gchar *name;
    void (*func) (KioskFixture *, gconstpointer);
    gboolean every_variant;   /* else French portrait and Arabic landscape: they wait in real time */
  } flows[] = {
    { "double-tap-cancel", test_double_tap_cancel, TRUE }, { "confirm-elsewhere", test_confirm_elsewhere, TRUE },
    { "guard", test_guard, FALSE }, { "idle-input", test_idle_input, FALSE },
  };

  gtk_test_init (&argc, &argv, NULL);
  for (guint v = 0; v < KIOSK_VARIANTS; v++)
    for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
      if (flows[i].every_variant || v == 0 || v == 3)
        {
          g_autofree gchar *path = g_strdup_printf ("/kiosk-touch/%s/%s/%s", kiosk_variants[v].lang,
                                                    kiosk_variants[v].landscape ? "landscape" : "portrait",
                                                    flows[i].name);

          g_test_add (path, KioskFixture, &kiosk_variants[v], kiosk_fixture_setup, flows[i].func,
                      kiosk_fixture_teardown);
        }
  return g_test_run ();
}
