/* test-staff.c — the staff console under Xvfb, in both languages, inside
 * the kiosk's window (a long press opens it, Lock returns to the kiosk)
 * and on a desk window: PIN and lockout, the live counters, days and
 * times picked by touch, the confirmation before anything is queued,
 * readable rows, progress as the daemon sends */
#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-driver.h"
#include "qurb-broadcast.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-staff-pin.h"
#include "qurb-test-util.h"

#define PIN "2468"

typedef struct {
  QurbFixture db;
  KioskDriver kiosk;
  const gchar *lang;
  gboolean in_kiosk;
  gboolean portrait;
} StaffFixture;

typedef struct {
  const gchar *lang;
  gboolean in_kiosk;
  gboolean portrait;         /* in a portrait kiosk */
} Variant;

static void
staff_setup (StaffFixture *f, gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr(GError) error = NULL;

  qurb_fixture_setup (&f->db, NULL);
  qurb_fixture_load_corpus (&f->db);
  g_assert_true (qurb_staff_pin_set (f->db.db, PIN, &error));
  f->lang = variant->lang;
  f->in_kiosk = variant->in_kiosk;
  f->portrait = variant->portrait;
  kiosk_driver_start_staff (&f->kiosk, f->db.db, f->lang, variant->in_kiosk, variant->portrait);
}

static void
staff_teardown (StaffFixture *f, gconstpointer data)
{
  kiosk_driver_stop (&f->kiosk);
  qurb_fixture_teardown (&f->db, NULL);
}

static void
screenshot (StaffFixture *f, const gchar *screen)
{
  g_autofree gchar *name = g_strdup_printf ("staff-%s%s-%s%s", f->in_kiosk ? "" : "desk-", screen, f->lang,
                                            f->portrait ? "-portrait" : "");
  g_autofree gchar *path = kiosk_driver_screenshot (&f->kiosk, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* The console fits the screen it is on: the window never grew. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->kiosk.window)), ==, f->portrait ? 1080 : 1920);
}

static void
enter_pin (StaffFixture *f, const gchar *pin)
{
  const gchar *lang = f->lang;

  kiosk_driver_type (&f->kiosk, pin);
  kiosk_driver_tap (&f->kiosk, T_("Open the console"));
}

static void
test_pin_lockout (StaffFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autofree gchar *four = g_strdup_printf (qurb_dngettext (lang, "Wrong PIN. %d attempt left.",
                                                            "Wrong PIN. %d attempts left.", 4), 4);
  g_autofree gchar *locked = g_strdup_printf (qurb_dngettext (lang,
      "Too many wrong PINs: the console is locked for %d minute.",
      "Too many wrong PINs: the console is locked for %d minutes.", 15), 15);

  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "pin");
  /* Nothing of the console shows before the PIN. */
  g_assert_null (kiosk_driver_find (&f->kiosk, T_("Schedule the announcement")));
  enter_pin (f, "1111");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, four));
  screenshot (f, "pin");
  for (guint i = 0; i < 4; i++)
    enter_pin (f, "1111");
  g_assert_true (kiosk_driver_has_text (&f->kiosk, locked));
  g_assert_cmpint (qurb_test_query_int (f->db.db,
                   "SELECT count(*) FROM lockouts WHERE subject = 'staff:console' AND locked_until > '2027-01-15T10:14'"), ==, 1);
  /* Locked: the right PIN does not open it either. */
  enter_pin (f, PIN);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "pin");
  screenshot (f, "locked");
}

/* The control named name (a label of the same name may come first). */
static GtkWidget *
find_input (StaffFixture *f, const gchar *name, GType type)
{
  GtkWidget *widget = kiosk_driver_find (&f->kiosk, name);

  while (widget != NULL && !G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    widget = gtk_widget_get_next_sibling (widget);
  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (StaffFixture *f, const gchar *name, const gchar *text)
{
  GtkWidget *widget = kiosk_driver_find (&f->kiosk, name);

  if (!GTK_IS_TEXT_VIEW (widget))
    widget = find_input (f, name, GTK_TYPE_EDITABLE);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  kiosk_driver_settle (&f->kiosk);
}

static void
assert_shows (StaffFixture *f, const gchar *text)
{
  kiosk_driver_assert_shows (&f->kiosk, text);
}

static gchar *
counter (const gchar *lang, guint units, const gchar *encoding, guint parts)
{
  return g_strdup_printf (qurb_dngettext (lang, "%u characters · %s · %u SMS per member",
                                          "%u characters · %s · %u SMS per member", parts),
                          units, encoding, parts);
}

static gchar *
summary (const gchar *lang, guint fr, guint ar, guint64 parts)
{
  return g_strdup_printf (qurb_dngettext (lang, "%u recipient (%u in French, %u in Arabic) · %llu SMS in all",
                                          "%u recipients (%u in French, %u in Arabic) · %llu SMS in all", fr + ar),
                          fr + ar, fr, ar, (unsigned long long) parts);
}

static gchar *
progress_text (const gchar *lang, gint64 total, gint64 queued, gint64 sent, gint64 delivered)
{
  return g_strdup_printf (qurb_dngettext (lang,
                              "%lld message: %lld queued, %lld sent, %lld delivered, %lld failed, %lld withdrawn",
                              "%lld messages: %lld queued, %lld sent, %lld delivered, %lld failed, %lld withdrawn",
                              total),
                          (long long) total, (long long) queued, (long long) sent, (long long) delivered,
                          (long long) 0, (long long) 0);
}

/* Taps a picker's button (its accessible name) times. */
static void
pick (StaffFixture *f, const gchar *name, guint times)
{
  for (guint i = 0; i < times; i++)
    kiosk_driver_tap (&f->kiosk, name);
}

static void
test_compose (StaffFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autofree gchar *c1 = NULL, *c2 = NULL, *c3 = NULL, *s1 = NULL, *s2 = NULL;
  g_autofree gchar *warning = NULL;
  GtkWidget *audience;
  guint laayoune = G_MAXUINT;
  GListModel *choices;

  enter_pin (f, PIN);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "compose");
  set_text (f, T_("Title in French"), "Portes ouvertes");
  set_text (f, T_("Title in Arabic"), "أبواب مفتوحة");
  /* 161 GSM-7 characters: two SMS for each French member. */
  set_text (f, T_("Text in French"),
            "Portes ouvertes samedi 23 janvier a l'agence de Laayoune, de 9h a 16h : venez poser vos "
            "questions sur vos dossiers, vos remboursements et les caravanes. Bienvenu");
  set_text (f, T_("Text in Arabic"), "جودة الخدمات مسؤوليتنا: أبواب مفتوحة يوم السبت بالوكالة.");
  c1 = counter (lang, 161, T_("standard letters (GSM-7)"), 2);
  c2 = counter (lang, 56, T_("Unicode, 70 letters a part"), 1);
  assert_shows (f, c1);
  assert_shows (f, c2);
  /* Six members with a phone: three read French, three Arabic. */
  s1 = summary (lang, 3, 3, 3 * 2 + 3 * 1);
  assert_shows (f, s1);

  /* "é" is GSM-7; one "œ" forces UCS-2: the console says so and offers the folded text. */
  set_text (f, T_("Text in French"), "Journée portes ouvertes : le cœur de l'agence vous accueille samedi.");
  {
    g_autofree gchar *odd = qurb_kiosk_ltr (lang, "œ");

    warning = g_strdup_printf (T_("“%1$s” is not among the standard SMS letters (GSM-7): the French text goes as "
                                  "Unicode, 70 letters a part, %2$u SMS per member. Without accents it would take "
                                  "%3$u."), odd, 1, 1);
  }
  assert_shows (f, warning);
  /* In Arabic the warning reads right to left: its first strong letter
   * (what Pango goes by) is Arabic, not the Latin character. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (pango_find_base_dir (warning, -1), ==,
                   g_str_equal (lang, "ar") ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  G_GNUC_END_IGNORE_DEPRECATIONS
  screenshot (f, "compose-ucs2");
  kiosk_driver_tap (&f->kiosk, T_("Use the text without accents"));
  c3 = counter (lang, 69, T_("standard letters (GSM-7)"), 1);   /* "œ" became "oe"; "é" is GSM-7 and stays */
  assert_shows (f, c3);
  g_assert_false (kiosk_driver_has_text (&f->kiosk, warning));

  /* The audience: members of Laâyoune (100001 in Arabic, 100007 in French). */
  audience = find_input (f, T_("Audience"), GTK_TYPE_DROP_DOWN);
  choices = gtk_drop_down_get_model (GTK_DROP_DOWN (audience));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (choices), i),
                          g_str_equal (lang, "ar") ? "العيون" : "Laâyoune"))
      laayoune = i;
  g_assert_cmpuint (laayoune, <, G_MAXUINT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (audience), laayoune);
  kiosk_driver_settle (&f->kiosk);
  s2 = summary (lang, 1, 1, 2);
  assert_shows (f, s2);
  screenshot (f, "compose");

  /* Tomorrow at 09:00, by touch: a day later, four quarters earlier. */
  {
    g_autofree gchar *later = g_strdup_printf (T_("%s: one day later"), T_("Send on"));
    g_autofree gchar *earlier = g_strdup_printf (T_("%s: a quarter of an hour earlier"), T_("Send on"));

    pick (f, later, 1);
    pick (f, earlier, 4);
  }
  assert_shows (f, "16/01/2027");
  assert_shows (f, "09:00");

  /* Nothing is queued before staff see the audience, the recipients and
   * the bill once more, and say yes. */
  kiosk_driver_tap (&f->kiosk, T_("Schedule the announcement"));
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM announcements"), ==, 0);
  {
    g_autofree gchar *members = g_strdup_printf (T_("Members of %s"), g_str_equal (lang, "ar") ? "العيون" : "Laâyoune");
    g_autofree gchar *when = g_strdup_printf (T_("%s at %s"), "16/01/2027", "09:00");
    g_autofree gchar *question = g_strdup_printf (qurb_dngettext (lang,
        "Send “%1$s” to %2$s: %3$u recipient, %4$llu SMS in all, on %5$s?",
        "Send “%1$s” to %2$s: %3$u recipients, %4$llu SMS in all, on %5$s?", 2),
        g_str_equal (lang, "ar") ? "أبواب مفتوحة" : "Portes ouvertes", members, 2, (unsigned long long) 2, when);

    assert_shows (f, question);
  }
  screenshot (f, "compose-confirm");
  kiosk_driver_tap (&f->kiosk, T_("No, go back"));
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM announcements"), ==, 0);
  kiosk_driver_tap (&f->kiosk, T_("Schedule the announcement"));
  kiosk_driver_tap (&f->kiosk, T_("Yes, schedule it"));
  qurb_assert_query_text (f->db.db, "SELECT audience || ' ' || send_at || ' ' || state FROM announcements",
                          "province:Laâyoune 2027-01-16T09:00:00 scheduled");
  qurb_assert_query_text (f->db.db, "SELECT text_fr FROM announcements",
                          "Journée portes ouvertes : le coeur de l'agence vous accueille samedi.");
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "list");
  assert_shows (f, g_str_equal (lang, "ar") ? "أبواب مفتوحة" : "Portes ouvertes");
  /* The row reads as staff speak: state, audience, day and time. */
  {
    g_autofree gchar *members = g_strdup_printf (T_("Members of %s"), g_str_equal (lang, "ar") ? "العيون" : "Laâyoune");
    g_autofree gchar *when = g_strdup_printf (T_("%s at %s"), "16/01/2027", "09:00");
    g_autofree gchar *row = g_strdup_printf ("%s · %s · %s", T_("Scheduled"), members, when);

    assert_shows (f, row);
  }
}

/* Refusals come in the console's language, before anything is written. */
static void
test_refusals (StaffFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;

  enter_pin (f, PIN);
  set_text (f, T_("Text in French"), "Samedi a l'agence.");
  set_text (f, T_("Text in Arabic"), "السبت بالوكالة.");
  kiosk_driver_tap (&f->kiosk, T_("Schedule the announcement"));
  assert_shows (f, T_("Give the announcement a title in French and in Arabic."));
  g_assert_cmpint (qurb_test_query_int (f->db.db, "SELECT count(*) FROM announcements"), ==, 0);
  screenshot (f, "compose-refused");
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* The list follows the daemon: progress moves without a touch. */
static void
test_progress (StaffFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  QurbAnnouncementDraft draft = { "Portes ouvertes", "أبواب مفتوحة", "Samedi a l'agence.", "السبت بالوكالة.",
                                  "all", NULL, NULL, "test" };
  QurbAnnouncementDraft later = { "Caravane", "قافلة", "Bientot.", "قريبا.", "all", "2027-02-01T09:00", NULL, "test" };
  g_autofree gchar *before = NULL, *after = NULL, *cancel = NULL;
  gint64 id, later_id;

  g_assert_true (qurb_announcement_create (f->db.db, &draft, &id, &error));
  g_assert_true (qurb_announcement_create (f->db.db, &later, &later_id, &error));
  g_assert_true (qurb_broadcasts_queue_due (f->db.db, NULL, &error));
  enter_pin (f, PIN);
  kiosk_driver_tap (&f->kiosk, T_("Broadcasts"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "list");
  before = progress_text (lang, 6, 6, 0, 0);
  assert_shows (f, before);

  /* The daemon sends four, one is delivered. */
  g_assert_true (qurb_db_exec (f->db.db, "UPDATE messages SET state = 'sent' WHERE kind = 'broadcast'"
                                         " AND id IN (SELECT id FROM messages WHERE kind = 'broadcast' LIMIT 4)", NULL));
  g_assert_true (qurb_db_exec (f->db.db, "UPDATE messages SET state = 'delivered' WHERE id ="
                                         " (SELECT min(id) FROM messages WHERE state = 'sent')", NULL));
  g_timeout_add ((QURB_STAFF_REFRESH_SECONDS + 0.5) * 1000, quit_loop, loop);
  g_main_loop_run (loop);
  kiosk_driver_settle (&f->kiosk);
  after = progress_text (lang, 6, 2, 3, 1);
  assert_shows (f, after);
  screenshot (f, "list");

  /* Cancelling the scheduled one from the list. */
  cancel = g_strdup_printf (T_("Cancel announcement %lld"), (long long) later_id);
  kiosk_driver_tap (&f->kiosk, cancel);
  qurb_assert_query_text (f->db.db, "SELECT group_concat(state, ' ') FROM announcements ORDER BY id",
                          "queued cancelled");
}

/* In the kiosk: the long press showed the PIN page; "Back to the kiosk"
 * and Lock both return to the members' home screen, console locked. */
static void
test_in_kiosk (StaffFixture *f, gconstpointer data)
{
  const gchar *lang = f->lang;

  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "pin");
  screenshot (f, "kiosk-pin");
  kiosk_driver_tap (&f->kiosk, T_("Back to the kiosk"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  kiosk_driver_long_press (&f->kiosk, T_("Qurb, your health mutual"));
  enter_pin (f, PIN);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "compose");
  kiosk_driver_tap (&f->kiosk, T_("Lock"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  g_assert_nonnull (kiosk_driver_find (&f->kiosk, T_("My claim files")));
  /* Opened again, it asks for the PIN again. */
  kiosk_driver_long_press (&f->kiosk, T_("Qurb, your health mutual"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "pin");

  /* Left open, the visit's end (the kiosk's idle time) locks it at once,
   * whatever the console's own clock says. */
  enter_pin (f, PIN);
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "compose");
  qurb_kiosk_window_end_visit (QURB_KIOSK_WINDOW (f->kiosk.window));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "home");
  kiosk_driver_long_press (&f->kiosk, T_("Qurb, your health mutual"));
  g_assert_cmpstr (kiosk_driver_screen (&f->kiosk), ==, "pin");
}

int
main (int argc, char **argv)
{
  static const struct {
    const gchar *name;
    void (*func) (StaffFixture *, gconstpointer);
    gboolean desk_too;
  } flows[] = {
    { "pin-lockout", test_pin_lockout, TRUE }, { "compose", test_compose, FALSE },
    { "refusals", test_refusals, FALSE }, { "progress", test_progress, TRUE },
    { "in-kiosk", test_in_kiosk, FALSE },
  };
  static const Variant variants[] = {
    { "fr", TRUE, FALSE }, { "ar", TRUE, FALSE }, { "fr", FALSE, FALSE }, { "ar", FALSE, FALSE },
    { "fr", TRUE, TRUE }, { "ar", TRUE, TRUE },
  };

  gtk_test_init (&argc, &argv, NULL);
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
      {
        g_autofree gchar *path = NULL;

        if (!variants[v].in_kiosk && !flows[i].desk_too)
          continue;
        path = g_strdup_printf ("/staff/%s/%s/%s", variants[v].portrait ? "kiosk-portrait"
                                                   : variants[v].in_kiosk ? "kiosk" : "desk",
                                variants[v].lang, flows[i].name);
        g_test_add (path, StaffFixture, &variants[v], staff_setup, flows[i].func, staff_teardown);
      }
  return g_test_run ();
}
