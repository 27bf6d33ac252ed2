/* empty-window.c — the baseline for the kiosk's cold start: an empty GTK 4
 * window in a GtkApplication, as qurb-kiosk starts, printing the time of
 * its first painted frame. */
#include <gtk/gtk.h>

static void
painted (GdkFrameClock *clock, GtkWindow *window)
{
  g_print ("first-frame-us=%" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, painted, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
mapped (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted), window);
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  g_signal_connect (window, "map", G_CALLBACK (mapped), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("ma.qurb.EmptyWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
