/* qurb-kiosk-style.c — the kiosk's stylesheets, icons and text rendering */
#include "config.h"

#include "qurb-kiosk-resources.h"
#include "qurb-kiosk-window.h"

static void
load_css (const gchar *resource)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, resource);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
qurb_kiosk_init_resources (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      qurb_kiosk_register_resource ();
      load_css ("/ma/qurb/Kiosk/kiosk.css");
      /* The caravan day's screens: the ticket, the check-in, the report. */
      load_css ("/ma/qurb/Kiosk/caravan-day.css");
      /* Text from 22 px up, read at arm's length: no font hinting (its
       * bytecode ran for a fifth of the first frame, bench/). */
      g_object_set (gtk_settings_get_default (), "gtk-xft-hinting", 0, "gtk-xft-hintstyle", "hintnone", NULL);
      /* Our own symbolic icons, coloured by the stylesheet. */
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        "/ma/qurb/Kiosk/icons");
      g_once_init_leave (&done, 1);
    }
}
