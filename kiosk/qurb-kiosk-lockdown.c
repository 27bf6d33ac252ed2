/* qurb-kiosk-lockdown.c — the lobby's window: full screen, no way out */
#include "config.h"

#include "qurb-kiosk-lockdown.h"

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
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), window);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  /* Maximized first: Broadway has no full screen, and resizes a
   * maximized window to the browser page whenever the page connects or
   * changes size. */
  gtk_window_maximize (window);
  gtk_window_fullscreen (window);
}
