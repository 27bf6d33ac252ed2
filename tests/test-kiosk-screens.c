/* test-kiosk-screens.c — what a member sees on each screen, after a QA
 * walk in both languages and shapes: every screen fits or scrolls and
 * opens at its top, the language buttons and keypad keys keep their
 * places, texts a reader of Arabic alone can act on, and caravans seen
 * before identifying. Screenshots as test-kiosk's. */
#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-driver.h"
#include "qurb-agency.h"
#include "qurb-booking.h"
#include "qurb-import.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-waitlist.h"
#include "qurb-test-util.h"

static void
screenshot (KioskFixture *f, const gchar *screen)
{
  kiosk_driver_snap (&f->kiosk, f->variant, screen);
}

static graphene_rect_t
bounds_of (KioskFixture *f, const gchar *name)
{
  graphene_rect_t rect;
  GtkWidget *widget = kiosk_driver_find (&f->kiosk, name);

  if (widget == NULL)
    g_error ("no “%s” on screen %s", name, kiosk_driver_screen (&f->kiosk));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->kiosk.window), &rect));
  return rect;
}

static void
assert_same_place (graphene_rect_t a, graphene_rect_t b)
{
  g_assert_cmpfloat_with_epsilon (a.origin.x, b.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (a.origin.y, b.origin.y, 0.5);
  g_assert_cmpfloat_with_epsilon (a.size.width, b.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (a.size.height, b.size.height, 0.5);
}

/* Nothing cut off: the window keeps the screen's size (a screen taller
 * than it scrolls instead of growing the window past the screen). */
static void
assert_fits (KioskFixture *f, const gchar *screen)
{
  gint width = f->variant->landscape ? 1920 : 1080, height = f->variant->landscape ? 1080 : 1920;

  kiosk_driver_settle (&f->kiosk);
  if (gtk_widget_get_height (GTK_WIDGET (f->kiosk.window)) != height ||
      gtk_widget_get_width (GTK_WIDGET (f->kiosk.window)) != width)
    g_error ("screen %s is %d × %d on a %d × %d screen", kiosk_driver_screen (&f->kiosk),
             gtk_widget_get_width (GTK_WIDGET (f->kiosk.window)),
             gtk_widget_get_height (GTK_WIDGET (f->kiosk.window)), width, height);
  screenshot (f, screen);
}

/* Every screen of every errand, with a member who has a phone (so home
 * shows "Change my phone number"). */
static void
test_fits (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  gboolean ar = g_str_equal (lang, "ar");

  assert_fits (f, "fit-home");
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  assert_fits (f, "fit-identify");
  kiosk_driver_identify (&f->kiosk, "100001", "AB123456");
  assert_fits (f, "fit-claims");
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("Change my phone number")));
  assert_fits (f, "fit-home-member");
  kiosk_driver_tap (&f->kiosk, T_("Medical caravans"));
  assert_fits (f, "fit-provinces");
  kiosk_driver_tap (&f->kiosk, ar ? "العيون" : "Laâyoune");
  assert_fits (f, "fit-caravans");
  kiosk_driver_tap (&f->kiosk, ar ? "القافلة الطبية لطب الأسنان" : "Caravane dentaire");
  assert_fits (f, "fit-slots");
  kiosk_driver_tap (&f->kiosk, "10:00");
  assert_fits (f, "fit-confirm");
  kiosk_driver_tap (&f->kiosk, T_("Confirm the booking"));
  assert_fits (f, "fit-booked");
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  assert_fits (f, "fit-bookings");
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  kiosk_driver_tap (&f->kiosk, T_("Change my phone number"));
  /* The number on file, masked: its last two digits. */
  {
    g_autofree gchar *tail = qurb_kiosk_ltr (lang, "78");
    g_autofree gchar *intro = g_strdup_printf (T_("Your registered phone ends in %s. Type your new mobile number: "
                                                  "we will send a code to it by SMS to check that it is yours."), tail);

    kiosk_driver_assert_shows (&f->kiosk, intro);
    g_assert_false (kiosk_driver_has_text (&f->kiosk, "612345678"));
  }
  assert_fits (f, "fit-phone");

  /* The new number registered: the old one is told, in the outbox like
   * any notice, with nothing of the member's files. */
  kiosk_driver_type (&f->kiosk, "0612349988");
  kiosk_driver_tap (&f->kiosk, T_("Send me a code"));
  {
    g_autofree gchar *sent = qurb_test_query_text (f->db.db, "SELECT text FROM messages WHERE dir = 'out'"
                                                             " AND peer = '+212612349988' ORDER BY id DESC LIMIT 1");
    const gchar *digits = sent;
    g_autofree gchar *code = NULL;

    while (*digits && !g_ascii_isdigit (*digits))
      digits++;
    code = g_strndup (digits, 6);
    kiosk_driver_type (&f->kiosk, code);
  }
  kiosk_driver_tap (&f->kiosk, T_("Register my phone"));
  qurb_assert_query_text (f->db.db, "SELECT phone FROM members WHERE member_no = '100001'", "+212612349988");
  qurb_assert_query_text (f->db.db, "SELECT kind || ' ' || state || ' ' || text FROM messages"
                          " WHERE dir = 'out' AND peer = '+212612345678' ORDER BY id DESC LIMIT 1",
                          "notice queued قرب: غُيّر هاتف ملفكم بالشباك الآلي. إن لم تغيروه، تفضلوا إلى وكالتكم.");
}

/* A list scrolled by one visitor opens at its top for the next. */
static void
test_scroll_top (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree gchar *sql = g_strdup_printf (
          "INSERT INTO claims (dossier_no, member_id, kind, deposited_on, status, status_date, amount_claimed,"
          " amount_paid, reason, past_statuses, updated_at) SELECT '2026' || id || '%05u', id, 'MALADIE', '2026-01-01',"
          " 'EN_COURS', '2026-01-02', 10000, 0, '', '', '2026-01-02T00:00:00' FROM members"
          " WHERE member_no IN ('100001', '100002')", i);

      g_assert_true (qurb_db_exec (f->db.db, sql, NULL));
    }
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  kiosk_driver_identify (&f->kiosk, "100001", "AB123456");
  scrolled = gtk_widget_get_ancestor (gtk_widget_get_ancestor (kiosk_driver_find (&f->kiosk, T_("Timeline")),
                                                               GTK_TYPE_FLOW_BOX), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  kiosk_driver_settle (&f->kiosk);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  kiosk_driver_tap (&f->kiosk, T_("Done"));
  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  kiosk_driver_identify (&f->kiosk, "100002", "BE654321");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  screenshot (f, "claims-next-visitor");
}

/* The two language buttons keep their places and sizes in both
 * languages, and so does the bar above them. */
static void
test_language_buttons (KioskFixture *f, gconstpointer data)
{
  graphene_rect_t arabic = bounds_of (f, "العربية"), french = bounds_of (f, "Français");
  const gchar *other = g_str_equal (f->lang, "ar") ? "Français" : "العربية";

  /* Français on the left, العربية on the right, the same size. */
  g_assert_cmpfloat (french.origin.x, <, arabic.origin.x);
  g_assert_cmpfloat_with_epsilon (french.size.width, arabic.size.width, 0.5);
  kiosk_driver_tap (&f->kiosk, other);
  g_assert_cmpstr (qurb_kiosk_session_get_lang (f->kiosk.session), !=, f->lang);
  assert_same_place (bounds_of (f, "العربية"), arabic);
  assert_same_place (bounds_of (f, "Français"), french);
}

static GtkWidget *
key_in (GtkWidget *widget, const gchar *key)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), QURB_KIOSK_NAME_KEY), key) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = key_in (child, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The keypad's key named exactly key, if it is shown. */
static GtkWidget *
key_shown (KioskFixture *f, const gchar *key)
{
  const gchar *lang = f->lang;

  return key_in (kiosk_driver_find (&f->kiosk, T_("Keypad")), key);
}

static GtkWidget *
field_value (KioskFixture *f, const gchar *field)
{
  return gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (kiosk_driver_find (&f->kiosk, field))));
}

static void
assert_value (KioskFixture *f, const gchar *field, const gchar *expected)
{
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field_value (f, field))), ==, expected);
}

/* The CIN keypad: the switch and Delete stay where they are in both
 * layouts, the digits come after two letters and the letters come back
 * when the CIN is erased back into them; a wrong CIN stays to be checked. */
static void
test_keypad (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  graphene_rect_t to_digits, erase_letters;

  kiosk_driver_tap (&f->kiosk, T_("My claim files"));
  /* The member number is digits only: no switch to letters. */
  g_assert_null (key_shown (f, T_("ABC")));
  kiosk_driver_type (&f->kiosk, "100001");
  kiosk_driver_tap (&f->kiosk, T_("CIN number"));
  g_assert_nonnull (key_shown (f, "A"));
  to_digits = bounds_of (f, T_("123"));
  erase_letters = bounds_of (f, T_("Delete"));
  screenshot (f, "keypad-letters");
  kiosk_driver_type (&f->kiosk, "A");
  kiosk_driver_type (&f->kiosk, "B");
  /* Digits now, without a touch; the switch and Delete where they were. */
  g_assert_nonnull (key_shown (f, "1"));
  assert_same_place (bounds_of (f, T_("ABC")), to_digits);
  assert_same_place (bounds_of (f, T_("Delete")), erase_letters);
  screenshot (f, "keypad-digits");
  kiosk_driver_tap (&f->kiosk, T_("Delete"));
  assert_value (f, T_("CIN number"), "A");
  g_assert_nonnull (key_shown (f, "B"));
  kiosk_driver_tap (&f->kiosk, T_("Delete"));
  assert_value (f, T_("CIN number"), "");
  g_assert_nonnull (key_shown (f, "B"));

  /* A wrong CIN stays on screen to be checked; the next key takes the
   * message away. */
  kiosk_driver_type (&f->kiosk, "AB123457");
  kiosk_driver_tap (&f->kiosk, T_("Continue"));
  kiosk_driver_assert_shows (&f->kiosk, T_("The member number or the CIN is not right. Please check them."));
  assert_value (f, T_("CIN number"), "AB123457");
  assert_value (f, T_("Member number"), "100001");
  screenshot (f, "identify-wrong");
  kiosk_driver_tap (&f->kiosk, T_("Delete"));
  g_assert_false (kiosk_driver_has_text (&f->kiosk, T_("The member number or the CIN is not right. Please check them.")));
  kiosk_driver_type (&f->kiosk, "6");
  kiosk_driver_tap (&f->kiosk, T_("Continue"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "claims");

  /* The phone's keypad is digits only: no switch there either. */
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  kiosk_driver_tap (&f->kiosk, T_("Change my phone number"));
  g_assert_null (key_shown (f, T_("ABC")));
  g_assert_nonnull (key_shown (f, "0"));
}

static gint64
member_id (KioskFixture *f, const gchar *member_no)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM members WHERE member_no = '%s'", member_no);

  return qurb_test_query_int (f->db.db, sql);
}

/* A place on a waiting list said as people say it (1er, 2e / الأول،
 * الثاني), with what it means, and read afresh each time the screen
 * shows: someone ahead leaving moves the member up. */
static void
test_waitlist_positions (KioskFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  gboolean ar = g_str_equal (lang, "ar");
  g_autofree gchar *path = qurb_fixture_write (&f->db, "wait.csv",
      "code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,start_time,end_time,slot_minutes,seats_per_slot\n"
      "WAIT1,GENERALE,Consultation de médecine générale,استشارة الطب العام,Tata,Dispensaire,مستوصف,"
      "2027-02-20,09:00,09:30,30,1\n");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *leave = NULL;
  g_autofree gchar *before = NULL;
  QurbImportStats stats;
  QurbBookingRequest request = { 0, "WAIT1", -1, "sms", FALSE };
  QurbBookingResult booked;
  QurbWaitlistResult joined;

  g_assert_true (qurb_import_file (f->db.db, QURB_IMPORT_CARAVANS, path, NULL, &stats, &error));
  request.member_id = member_id (f, "100001");
  g_assert_true (qurb_booking_take (f->db.db, &request, &booked, &error));
  g_assert_true (qurb_waitlist_join (f->db.db, member_id (f, "100003"), "WAIT1", "sms", &joined, &error));
  g_assert_true (qurb_waitlist_join (f->db.db, member_id (f, "100002"), "WAIT1", "sms", &joined, &error));
  g_assert_cmpint (joined.position, ==, 2);

  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  kiosk_driver_identify (&f->kiosk, "100002", "BE654321");
  kiosk_driver_assert_shows (&f->kiosk, ar ? "لائحة الانتظار: ترتيبكم الثاني" : "Liste d'attente : vous êtes 2e");
  before = g_strdup_printf (qurb_dngettext (lang,
      "%d member is before you; freed seats go in order. If one comes to you, its booking code comes by SMS.",
      "%d members are before you; freed seats go in order. If one comes to you, its booking code comes by SMS.", 1),
      1);
  kiosk_driver_assert_shows (&f->kiosk, before);
  screenshot (f, "bookings-waitlist-second");

  /* The member ahead leaves: shown again, the place is first. */
  g_assert_true (qurb_waitlist_leave (f->db.db, member_id (f, "100003"), "WAIT1", NULL, &error));
  kiosk_driver_tap (&f->kiosk, T_("Home"));
  kiosk_driver_tap (&f->kiosk, T_("My bookings"));
  kiosk_driver_assert_shows (&f->kiosk, ar ? "لائحة الانتظار: ترتيبكم الأول" : "Liste d'attente : vous êtes 1er");
  kiosk_driver_assert_shows (&f->kiosk, T_("The next seat freed is yours: its booking code comes by SMS."));
  g_assert_false (kiosk_driver_has_text (&f->kiosk, before));
  screenshot (f, "bookings-waitlist-first");

  /* Leaving asks first, as a cancel does: "no" keeps the place. */
  leave = g_strdup_printf (T_("Leave the waiting list of %s"), "WAIT1");
  kiosk_driver_tap (&f->kiosk, leave);
  kiosk_driver_tap (&f->kiosk, T_("No, keep my place"));
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM waitlist w JOIN members m ON m.id = w.member_id"
                                                 " WHERE m.member_no = '100002' AND w.state = 'waiting'"), ==, 1);
  kiosk_driver_tap (&f->kiosk, leave);
  kiosk_driver_tap (&f->kiosk, T_("Yes, leave the list"));
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM waitlist w JOIN members m ON m.id = w.member_id"
                                                 " WHERE m.member_no = '100002' AND w.state = 'waiting'"), ==, 0);
}

int
main (int argc, char **argv)
{
  static const KioskFlow flows[] = {
    { "fits", test_fits }, { "scroll-top", test_scroll_top }, { "language-buttons", test_language_buttons },
    { "keypad", test_keypad }, { "waitlist-positions", test_waitlist_positions },
  };

  gtk_test_init (&argc, &argv, NULL);
  kiosk_fixture_add_flows ("kiosk-screens", flows, G_N_ELEMENTS (flows));
  return g_test_run ();
}
