/* kiosk-driver.c — drives the real kiosk window as a member would */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "kiosk-driver.h"
#include "qurb-i18n.h"
#include "qurb-kiosk-widgets.h"

void
kiosk_driver_start (KioskDriver *driver, QurbDb *db, const gchar *lang, gint width, gint height,
                    gboolean locked_down)
{
  qurb_kiosk_init_resources ();
  driver->session = qurb_kiosk_session_new (db, lang, 60);
  driver->window = GTK_WINDOW (qurb_kiosk_window_new (driver->session, locked_down));
  gtk_window_set_default_size (driver->window, width, height);
  gtk_window_present (driver->window);
  kiosk_driver_settle (driver);
}

const KioskVariant kiosk_variants[KIOSK_VARIANTS] = {
  { "fr", FALSE }, { "ar", FALSE }, { "fr", TRUE }, { "ar", TRUE },
};

/* The kiosk 1080 × 1920, or 1920 × 1080 in landscape. */
void
kiosk_driver_start_variant (KioskDriver *driver, QurbDb *db, const KioskVariant *variant, gboolean locked_down)
{
  kiosk_driver_start (driver, db, variant->lang, variant->landscape ? 1920 : 1080,
                      variant->landscape ? 1080 : 1920, locked_down);
}

void
kiosk_fixture_setup (KioskFixture *f, gconstpointer variant)
{
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_fixture_setup (&f->db, NULL);
  qurb_fixture_load_corpus (&f->db);
  kiosk_driver_prepare_db (f->db.db);
  f->variant = variant;
  f->lang = f->variant->lang;
  kiosk_driver_start_variant (&f->kiosk, f->db.db, f->variant, FALSE);
}

void
kiosk_fixture_teardown (KioskFixture *f, gconstpointer variant)
{
  kiosk_driver_stop (&f->kiosk);
  qurb_fixture_teardown (&f->db, NULL);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
}

void
kiosk_fixture_add_flows (const gchar *suite, const KioskFlow *flows, guint n_flows)
{
  for (guint v = 0; v < KIOSK_VARIANTS; v++)
    for (guint i = 0; i < n_flows; i++)
      {
        g_autofree gchar *path = g_strdup_printf ("/%s/%s/%s/%s", suite, kiosk_variants[v].lang,
                                                  kiosk_variants[v].landscape ? "landscape" : "portrait",
                                                  flows[i].name);

        g_test_add (path, KioskFixture, &kiosk_variants[v], kiosk_fixture_setup, flows[i].func,
                    kiosk_fixture_teardown);
      }
}

/* A screenshot named screen-LANG.png, or screen-LANG-landscape.png. */
void
kiosk_driver_snap (KioskDriver *driver, const KioskVariant *variant, const gchar *screen)
{
  g_autofree gchar *name = g_strdup_printf ("%s-%s%s", screen, variant->lang, variant->landscape ? "-landscape" : "");
  g_autofree gchar *path = kiosk_driver_screenshot (driver, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

void
kiosk_driver_assert_shows (KioskDriver *driver, const gchar *text)
{
  if (!kiosk_driver_has_text (driver, text))
    g_error ("“%s” is not on screen %s", text, kiosk_driver_screen (driver));
}

void
kiosk_driver_prepare_db (QurbDb *db)
{
  g_assert_true (qurb_db_exec (db,
      "INSERT INTO announcements (title_fr, title_ar, text_fr, text_ar, audience, send_at, state,"
      "  created_by, created_at) VALUES ('Journée portes ouvertes', 'يوم الأبواب المفتوحة',"
      "  'Samedi 23 janvier à l''agence de Laâyoune', 'السبت 23 يناير بوكالة العيون', 'all',"
      "  '2027-01-14T09:00:00', 'done', 'test', '2027-01-14T08:00:00')", NULL));
  /* A file with a history: its timeline has four steps. */
  g_assert_true (qurb_db_exec (db,
      "UPDATE claims SET past_statuses = 'RECU 2024-11-02' || char(10) || 'EN_COURS 2024-11-05'"
      "  || char(10) || 'TRANSMIS 2024-11-20' || char(10) WHERE dossier_no = '2024001234'", NULL));
}

/* The staff console: in the kiosk's own window, opened by the long press
 * on the mutual's name as staff do, or on a desk window of its own. */
void
kiosk_driver_start_staff (KioskDriver *driver, QurbDb *db, const gchar *lang, gboolean in_kiosk,
                          gboolean portrait)
{
  qurb_kiosk_init_resources ();
  driver->session = qurb_kiosk_session_new (db, lang, 600);
  driver->window = in_kiosk ? GTK_WINDOW (qurb_kiosk_window_new (driver->session, FALSE))
                            : GTK_WINDOW (qurb_staff_window_new (driver->session));
  gtk_window_set_default_size (driver->window, portrait ? 1080 : 1920, portrait ? 1920 : 1080);
  gtk_window_present (driver->window);
  kiosk_driver_settle (driver);
  if (in_kiosk)
    {
      const gchar *lang_now = qurb_kiosk_session_get_lang (driver->session);

      kiosk_driver_long_press (driver, qurb_dgettext (lang_now, "Qurb, your health mutual"));
    }
}

void
kiosk_driver_stop (KioskDriver *driver)
{
  gtk_window_destroy (GTK_WINDOW (driver->window));
  g_clear_object (&driver->session);
  driver->window = NULL;
  kiosk_driver_settle (driver);
}

static void
after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until the window has laid out and painted what the
 * last tap changed (or, without a window, until nothing is pending). */
void
kiosk_driver_settle (KioskDriver *driver)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock = driver->window && gtk_widget_get_realized (GTK_WIDGET (driver->window))
                       ? gtk_widget_get_frame_clock (GTK_WIDGET (driver->window)) : NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gulong handler = 0;

  if (clock != NULL)
    {
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);
      gtk_widget_queue_draw (GTK_WIDGET (driver->window));
      while (!painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, handler);
      /* Painted is not yet shown: wait until the display server has the
       * frame, so that the next tap does not queue behind it. */
      gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (driver->window)));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_console (GtkWidget *widget)
{
  if (QURB_IS_STAFF_CONSOLE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_console (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The screen shown; in the staff console, the console's own ("pin",
 * "compose", "list"), wherever the console is. */
const gchar *
kiosk_driver_screen (KioskDriver *driver)
{
  const gchar *screen;

  if (QURB_IS_STAFF_WINDOW (driver->window))
    return qurb_staff_window_get_screen (QURB_STAFF_WINDOW (driver->window));
  if (!QURB_IS_KIOSK_WINDOW (driver->window))
    return G_OBJECT_TYPE_NAME (driver->window);    /* a window of one screen: the check-in tablet */
  screen = qurb_kiosk_window_get_screen (QURB_KIOSK_WINDOW (driver->window));
  if (g_strcmp0 (screen, "staff") == 0)
    return qurb_staff_console_get_screen (QURB_STAFF_CONSOLE (find_console (GTK_WIDGET (driver->window))));
  return screen;
}

static const gchar *
accessible_name (GtkWidget *widget)
{
  const gchar *name = g_object_get_data (G_OBJECT (widget), QURB_KIOSK_NAME_KEY);
  g_autofree gchar *mismatch = NULL;

  if (name == NULL)
    return NULL;
  /* What the test reads is what assistive technology is told. */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_null (mismatch);
  return name;
}

static GtkWidget *
find_in (GtkWidget *widget, const gchar *wanted, gboolean exact)
{
  const gchar *name;

  if (!gtk_widget_get_mapped (widget))
    return NULL;
  name = accessible_name (widget);
  if (name != NULL && (exact ? g_str_equal (name, wanted) : g_str_has_prefix (name, wanted)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, wanted, exact);
      if (found)
        return found;
    }
  return NULL;
}

/* The shown control whose accessible name starts with name_prefix. */
GtkWidget *
kiosk_driver_find (KioskDriver *driver, const gchar *name_prefix)
{
  return find_in (GTK_WIDGET (driver->window), name_prefix, FALSE);
}

static void
tap (KioskDriver *driver, GtkWidget *control, const gchar *name)
{
  if (control == NULL)
    g_error ("no control named “%s” on screen %s", name, kiosk_driver_screen (driver));
  if (!GTK_IS_BUTTON (control))
    g_error ("“%s” on screen %s is a %s, not a button", name, kiosk_driver_screen (driver),
             G_OBJECT_TYPE_NAME (control));
  g_assert_true (gtk_widget_is_sensitive (control));
  /* GTK 4.8 gives toggle buttons the button role too, with a pressed state. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (control)), ==,
                   GTK_ACCESSIBLE_ROLE_BUTTON);
  /* A touch is a press and a release: "clicked". (gtk_widget_activate
   * would play a 250 ms press animation first.) */
  driver->touches++;
  g_signal_emit_by_name (control, "clicked");
  kiosk_driver_settle (driver);
}

static gboolean
text_in (GtkWidget *widget, const gchar *fragment)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), fragment))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (text_in (child, fragment))
      return TRUE;
  return FALSE;
}

/* Whether some label on screen shows fragment. */
gboolean
kiosk_driver_has_text (KioskDriver *driver, const gchar *fragment)
{
  return text_in (GTK_WIDGET (driver->window), fragment);
}

void
kiosk_driver_tap (KioskDriver *driver, const gchar *name_prefix)
{
  tap (driver, kiosk_driver_find (driver, name_prefix), name_prefix);
}

/* A long press, as a finger held on the control named name: its
 * long-press gesture recognises it. */
void
kiosk_driver_long_press (KioskDriver *driver, const gchar *name)
{
  GtkWidget *widget = find_in (GTK_WIDGET (driver->window), name, TRUE);
  g_autoptr(GListModel) controllers = NULL;
  gboolean pressed = FALSE;

  if (widget == NULL)
    g_error ("nothing named “%s” on screen %s", name, kiosk_driver_screen (driver));
  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_LONG_PRESS (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 10.0, 10.0);
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
  kiosk_driver_settle (driver);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Lets seconds pass with the main loop running (timers fire), then
 * waits for the screen to be painted. */
void
kiosk_driver_wait (KioskDriver *driver, gdouble seconds)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add ((guint) (seconds * 1000), quit_loop, loop);
  g_main_loop_run (loop);
  kiosk_driver_settle (driver);
}

/* Types on the on-screen keypad, switching between letters and digits. */
void
kiosk_driver_type (KioskDriver *driver, const gchar *keys)
{
  const gchar *lang = qurb_kiosk_session_get_lang (driver->session);

  for (const gchar *k = keys; *k; k++)
    {
      gchar key[2] = { *k, '\0' };
      GtkWidget *control = find_in (GTK_WIDGET (driver->window), key, TRUE);

      if (control == NULL)
        {
          const gchar *other = g_ascii_isdigit (*k) ? T_("123") : T_("ABC");
          tap (driver, find_in (GTK_WIDGET (driver->window), other, TRUE), other);
          control = find_in (GTK_WIDGET (driver->window), key, TRUE);
        }
      tap (driver, control, key);
    }
}

void
kiosk_driver_identify (KioskDriver *driver, const gchar *member_no, const gchar *cin)
{
  const gchar *lang = qurb_kiosk_session_get_lang (driver->session);

  g_assert_cmpstr (kiosk_driver_screen (driver), ==, "identify");
  /* The screen opens on the member number: no touch to choose it. */
  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kiosk_driver_find (driver, T_("Member number")))))
    kiosk_driver_tap (driver, T_("Member number"));
  kiosk_driver_type (driver, member_no);
  kiosk_driver_tap (driver, T_("CIN number"));
  kiosk_driver_type (driver, cin);
  kiosk_driver_tap (driver, T_("Continue"));
}

/* Renders the window from inside the app (widget paintable → renderer →
 * texture) to $QURB_SCREENSHOT_DIR/name.png; returns the path. */
gchar *
kiosk_driver_screenshot (KioskDriver *driver, const gchar *name)
{
  GtkWidget *widget = GTK_WIDGET (driver->window);
  const gchar *dir = g_getenv ("QURB_SCREENSHOT_DIR");
  g_autofree gchar *file = g_strconcat (name, ".png", NULL);
  gchar *path = g_build_filename (dir ? dir : g_get_tmp_dir (), file, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  gint width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  kiosk_driver_settle (driver);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir ? dir : g_get_tmp_dir (), 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}
