/* qurb-kiosk-lockdown.c — the lobby's window: full screen, no way out */
#include "config.h"

#include "qurb-kiosk-lockdown.h"

/* A browser page showing the kiosk through Broadway gives the screen its
 * size only once it connects: full screen follows. */
static void
screen_changed (GtkWindow *window)
{
  g_debug ("the screen changed: full screen again");
  gtk_window_unfullscreen (window);
  gtk_window_fullscreen (window);
}

static void
watch_monitor (GListModel *monitors, guint i, GtkWindow *window)
{
  g_autoptr(GObject) monitor = g_list_model_get_item (monitors, i);

  g_signal_connect_object (monitor, "notify::geometry", G_CALLBACK (screen_changed), window, G_CONNECT_SWAPPED);
}

static void
monitors_changed (GListModel *monitors, guint position, guint removed, guint added, GtkWindow *window)
{
  for (guint i = position; i < position + added; i++)
    watch_monitor (monitors, i, window);
  if (removed + added > 0)
    screen_changed (window);
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             GtkWindow *window)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK))
    return GDK_EVENT_STOP;
  if ((keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) || keyval == GDK_KEY_Escape ||
      keyval == GDK_KEY_Menu)
    return GDK_EVENT_STOP;
  return GDK_EVENT_PROPAGATE;
}

void
qurb_kiosk_lock_down (GtkWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), window);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  gtk_window_maximize (window);
  gtk_window_fullscreen (window);
  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (monitors_changed), window, 0);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    watch_monitor (monitors, i, window);
}
