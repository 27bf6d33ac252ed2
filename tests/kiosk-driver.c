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

void
kiosk_driver_start_staff (KioskDriver *driver, QurbDb *db, const gchar *lang)
{
  qurb_kiosk_init_resources ();
  driver->session = qurb_kiosk_session_new (db, lang, 600);
  driver->window = GTK_WINDOW (qurb_staff_window_new (driver->session));
  gtk_window_set_default_size (driver->window, 1920, 1080);
  gtk_window_present (driver->window);
  kiosk_driver_settle (driver);
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

const gchar *
kiosk_driver_screen (KioskDriver *driver)
{
  if (QURB_IS_STAFF_WINDOW (driver->window))
    return qurb_staff_window_get_screen (QURB_STAFF_WINDOW (driver->window));
  return qurb_kiosk_window_get_screen (QURB_KIOSK_WINDOW (driver->window));
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
  g_assert_true (gtk_widget_is_sensitive (control));
  /* GTK 4.8 gives toggle buttons the button role too, with a pressed state. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (control)), ==,
                   GTK_ACCESSIBLE_ROLE_BUTTON);
  /* A touch is a press and a release: "clicked". (gtk_widget_activate
   * would play a 250 ms press animation first.) */
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
