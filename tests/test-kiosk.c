/* test-kiosk.c — the real kiosk window under Xvfb, every flow in both
 * languages, portrait and landscape: home, claims, booking, cancelling,
 * screens with nothing to show, a failing database, the locked-down window
 *
 * Run by meson under `xvfb-run` with GDK_BACKEND=x11 GSK_RENDERER=cairo
 * GTK_A11Y=test; screenshots of every screen land in $QURB_SCREENSHOT_DIR
 * (name-LANG.png, name-LANG-landscape.png). The visit, the idle warning,
 * the lockout, the waiting list, the phone and the banner are in
 * test-kiosk-visit.c. */
#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-driver.h"
#include "qurb-booking.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-texts.h"
#include "qurb-test-util.h"

static void
screenshot (KioskFixture *f, const gchar *screen)
{
  kiosk_driver_snap (&f->kiosk, f->variant, screen);
}

static gfloat
x_of (KioskFixture *f, GtkWidget *widget)
{
  graphene_point_t out;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->kiosk.window),
                                           &GRAPHENE_POINT_INIT (0, 0), &out));
  return out.x;
}

/* In Arabic, what reads first stands on the right. */
static void
assert_mirrored (KioskFixture *f, const gchar *first, const gchar *second)
{
  gfloat a = x_of (f, kiosk_driver_find (&f->kiosk, first));
  gfloat b = x_of (f, kiosk_driver_find (&f->kiosk, second));

  if (g_str_equal (f->lang, "ar"))
    g_assert_cmpfloat (a, >, b);
  else
    g_assert_cmpfloat (a, <, b);
}

static void
test_home (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  const gchar *other = g_str_equal (lang, "ar") ? "Français" : "العربية";

  /* The catalogue is really there: no English on the kiosk. */
  g_assert_cmpstr (T_("My claim files"), !=, "My claim files");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("My claim files")));
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("Medical caravans")));
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("My bookings")));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, g_str_equal (lang, "ar") ? "يوم الأبواب المفتوحة"
                                                                              : "Journée portes ouvertes"));
  g_assert_cmpint (gtk_widget_get_direction (kiosk_driver_find (&f->kiosk, T_("My bookings"))), ==,
                   g_str_equal (lang, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  /* The language buttons in one order whatever the language: Français
   * on the left (test-kiosk-screens checks their sizes and places). */
  g_assert_cmpfloat (x_of (f, kiosk_driver_find (&f->kiosk, "Français")), <,
                     x_of (f, kiosk_driver_find (&f->kiosk, "العربية")));
  /* Landscape: the tiles side by side, in reading order, big enough to touch. */
  if (f->variant->landscape)
    {
      graphene_rect_t a, b;

      g_assert_true (gtk_widget_compute_bounds (kiosk_driver_find (&f->kiosk, T_("My claim files")),
                                                GTK_WIDGET (f->kiosk.window), &a));
      g_assert_true (gtk_widget_compute_bounds (kiosk_driver_find (&f->kiosk, T_("My bookings")),
                                                GTK_WIDGET (f->kiosk.window), &b));
      g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
      assert_mirrored (f, T_("My claim files"), T_("My bookings"));
      g_assert_cmpfloat (a.size.height, >=, 64);
    }
  screenshot (f, "home");

  /* The toggle flips the language and the layout at once. */
  kiosk_driver_tap (&f->kiosk, other);
  lang = qurb_kiosk_session_get_lang (f->kiosk.session);
  g_assert_cmpstr (lang, !=, f->lang);
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("My claim files")));
  g_assert_cmpint (gtk_widget_get_default_direction (), ==,
                   g_str_equal (lang, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
test_claims (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;

  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "identify");
  screenshot (f, "identify");
  kiosk_driver_identify (&f->kiosk, "100001", "AB123456");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "claims");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, g_str_equal (lang, "ar") ? "فاطمة" : "Fatima"));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "2024001234"));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, g_str_equal (lang, "ar") ? "812,50 درهم" : "812,50 DH"));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "Devis du dentiste manquant"));
  /* The central system's reason is in French: on an Arabic screen it is
   * the file's note, in French, and the advice sends to the desk. */
  {
    gboolean ar = g_str_equal (lang, "ar");
    g_autofree gchar *note = qurb_kiosk_ltr (lang, "Devis du dentiste manquant");
    g_autofree gchar *reason = g_strdup_printf (ar ? T_("The file's note (in French): %s") : T_("Reason: %s"), note);

    g_assert_true (kiosk_driver_has_text (&f->kiosk, reason));
    g_assert_true (kiosk_driver_has_text (&f->kiosk, ar
        ? T_("Some documents are missing. Come to your agency with this file's number: an agent at the desk will "
             "read the note with you and tell you which documents to bring. The file goes on as soon as they are "
             "received.")
        : T_("Bring the missing documents to your agency: the file goes on as soon as they are received.")));
  }
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("Timeline")));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "20/11/2024"));
  g_assert_true (kiosk_driver_has_text (&f->kiosk, qurb_claim_status_label (lang, QURB_CLAIM_TRANSMIS)));
  /* A step still to come says so in words ("the next step"). */
  {
    g_autofree gchar *next = g_strdup_printf ("%s · %s", qurb_claim_status_label (lang, QURB_CLAIM_TRANSMIS),
                                              T_("next step"));

    g_assert_true (kiosk_driver_has_text (&f->kiosk, next));
  }
  /* Another member's file is not there. */
  g_assert_false (kiosk_driver_has_text (&f->kiosk, "2024005678"));
  assert_mirrored (f, T_("Back"), T_("Home"));
  screenshot (f, "claims");

  /* Home keeps the member for their next errand; Done forgets them. */
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  g_assert_nonnull (qurb_kiosk_session_get_member (f->kiosk.session));
  kiosk_driver_tap (&f->kiosk, T_("Done"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  g_assert_null (qurb_kiosk_session_get_member (f->kiosk.session));
}

static void
test_book (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  gboolean ar = g_str_equal (lang, "ar");
  g_autofree gchar *sql = NULL;

  /* Anyone may look at the caravans: identified only to book. */
  kiosk_driver_tap (&f->kiosk, T_("Medical caravans"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "provinces");
  screenshot (f, "provinces");
  kiosk_driver_tap (&f->kiosk, ar ? "العيون" : "Laâyoune");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "caravans");
  screenshot (f, "caravans");
  kiosk_driver_tap (&f->kiosk, ar ? "القافلة الطبية لطب الأسنان" : "Caravane dentaire");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "slots");
  screenshot (f, "slots");
  kiosk_driver_tap (&f->kiosk, "10:00");
  kiosk_driver_identify (&f->kiosk, "100003", "J987654");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "confirm");
  screenshot (f, "confirm");
  kiosk_driver_tap (&f->kiosk, T_("Confirm the booking"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "booked");
  screenshot (f, "booked");

  sql = g_strdup_printf ("SELECT b.code FROM bookings b JOIN members m ON m.id = b.member_id"
                         " JOIN slots s ON s.id = b.slot_id WHERE m.member_no = '100003'"
                         " AND b.channel = 'kiosk' AND b.state = 'active' AND s.start_time = '10:00'");
  {
    g_autofree gchar *booked = qurb_test_query_text (f->db.db, sql);
    g_autofree gchar *name = g_strdup_printf (T_("Booking code %s"), booked);

    g_assert_nonnull (booked);
    g_assert_nonnull (kiosk_driver_find (&f->kiosk, name));
    g_assert_true (kiosk_driver_has_text (&f->kiosk, booked));
    /* The confirmation SMS to the registered phone, in the member's language. */
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM messages WHERE dir = 'out' AND state = 'queued'"
                           " AND peer = '+212700112233' AND lang = 'ar' AND instr(text, '%s') > 0", booked);
    g_assert_cmpint (qurb_test_query_int (f->db.db, sql), ==, 1);
  }

  /* A province with one caravan leads straight to its times. */
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  kiosk_driver_tap (&f->kiosk, T_("Medical caravans"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "provinces");
  kiosk_driver_tap (&f->kiosk, ar ? "كلميم" : "Guelmim");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "slots");

  kiosk_driver_tap (&f->kiosk, T_("Done"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  g_assert_null (qurb_kiosk_session_get_member (f->kiosk.session));
}

static void
test_cancel (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *cancel = NULL, *done = NULL, *sql = NULL;
  QurbBookingResult result;
  QurbBookingRequest request = { 0, "LAA1", 9 * 60 + 30, "sms", FALSE };

  request.member_id = qurb_test_query_int (f->db.db, "SELECT id FROM members WHERE member_no = '100002'");
  g_assert_true (qurb_booking_take (f->db.db, &request, &result, &error));
  g_assert_cmpint (result.outcome, ==, QURB_BOOKING_OK);

  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  kiosk_driver_identify (&f->kiosk, "100002", "BE654321");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "bookings");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, result.booking.code));
  screenshot (f, "bookings");
  cancel = g_strdup_printf (T_("Cancel booking %s"), result.booking.code);
  kiosk_driver_tap (&f->kiosk, cancel);
  /* Nothing is cancelled until the member says yes. */
  sql = g_strdup_printf ("SELECT state FROM bookings WHERE code = '%s'", result.booking.code);
  qurb_assert_query_text (f->db.db, sql, "active");
  kiosk_driver_tap (&f->kiosk, T_("Yes, cancel it"));
  qurb_assert_query_text (f->db.db, sql, "cancelled");
  done = g_strdup_printf (T_("Booking %s is cancelled."), result.booking.code);
  g_assert_true (kiosk_driver_has_text (&f->kiosk, done));
  screenshot (f, "cancelled");
  /* The emptied screen leads on: booking again. */
  kiosk_driver_tap (&f->kiosk, T_("Book a medical caravan"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "provinces");
}

/* Screens with nothing to show say so and offer the next step. */
static void
test_empty (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;

  /* Saïd (100004) has no claim file and no booking. */
  g_assert_true (qurb_db_exec (f->db.db, "DELETE FROM claims WHERE member_id ="
                                         " (SELECT id FROM members WHERE member_no = '100004')", NULL));
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  kiosk_driver_identify (&f->kiosk, "100004", "K112233");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "claims");
  screenshot (f, "claims-empty");
  kiosk_driver_tap (&f->kiosk, T_("Back to my home screen"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "bookings");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, T_("You have no upcoming booking.")));
  screenshot (f, "bookings-empty");
  kiosk_driver_tap (&f->kiosk, T_("Book a medical caravan"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "provinces");
  /* No caravan at all: said, and the way home. */
  g_assert_true (qurb_db_exec (f->db.db, "UPDATE caravans SET date = '2026-12-01'", NULL));
  kiosk_driver_tap (&f->kiosk, T_("Back"));
  kiosk_driver_tap (&f->kiosk, T_("Book a medical caravan"));
  screenshot (f, "provinces-empty");
  kiosk_driver_tap (&f->kiosk, T_("Back to my home screen"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
}

/* The database fails under the screen: a calm message, a retry, never
 * the raw error. */
static void
test_busy (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;

  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  g_assert_true (qurb_db_exec (f->db.db, "ALTER TABLE claims RENAME TO claims_away", NULL));
  g_test_expect_message ("qurb-kiosk", G_LOG_LEVEL_WARNING, "screen claims: *claims*");
  kiosk_driver_identify (&f->kiosk, "100001", "AB123456");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "busy");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, T_("One moment, please: the service is busy. We are trying again…")));
  g_assert_false (kiosk_driver_has_text (&f->kiosk, "no such table"));
  g_assert_false (kiosk_driver_has_text (&f->kiosk, "claims"));
  screenshot (f, "busy");

  g_assert_true (qurb_db_exec (f->db.db, "ALTER TABLE claims_away RENAME TO claims", NULL));
  kiosk_driver_wait (&f->kiosk, QURB_KIOSK_RETRY_SECONDS + 0.5);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "claims");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, "2024001234"));
}

static void
test_locked_down (KioskFixture *f, gconstpointer data)
{
  kiosk_driver_stop (&f->kiosk);
  kiosk_driver_start_variant (&f->kiosk, f->db.db, f->variant, TRUE);
  gtk_window_close (GTK_WINDOW (f->kiosk.window));
  kiosk_driver_settle (&f->kiosk);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->kiosk.window)));
}

int
main (int argc, char **argv)
{
  static const KioskFlow flows[] = {
    { "home", test_home }, { "claims", test_claims }, { "book", test_book },
    { "cancel", test_cancel }, { "empty", test_empty }, { "busy", test_busy },
    { "locked-down", test_locked_down },
  };

  gtk_test_init (&argc, &argv, NULL);
  kiosk_fixture_add_flows ("kiosk", flows, G_N_ELEMENTS (flows));
  return g_test_run ();
}
