/* qurb-home-page.c — the lobby screen: language, announcements, three tiles */
#include "config.h"

#include "qurb-announcements.h"
#include "qurb-kiosk-pages.h"

struct _QurbHomePage {
  QurbKioskPage parent_instance;

  GtkWidget *arabic_button, *french_button;
  GtkWidget *welcome_label;
  GtkWidget *banner_box;
  GtkWidget *tiles_box;
  GtkWidget *claims_tile, *caravans_tile, *bookings_tile;
};

G_DEFINE_FINAL_TYPE (QurbHomePage, qurb_home_page, QURB_TYPE_KIOSK_PAGE)

static void
language_toggled (GtkToggleButton *button, QurbHomePage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  qurb_kiosk_session_set_lang (qurb_kiosk_page_get_session (QURB_KIOSK_PAGE (self)),
                               GTK_WIDGET (button) == self->arabic_button ? "ar" : "fr");
}

/* Each tile is an errand for an identified member: identify first. */
static void
tile_clicked (GtkButton *tile, QurbHomePage *self)
{
  QurbKioskSession *session = qurb_kiosk_page_get_session (QURB_KIOSK_PAGE (self));
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (session);
  const gchar *target = GTK_WIDGET (tile) == self->claims_tile ? "claims"
                      : GTK_WIDGET (tile) == self->caravans_tile ? "provinces" : "bookings";

  g_free (errand->target);
  errand->target = g_strdup (target);
  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self),
                            qurb_kiosk_session_get_member (session) ? target : "identify",
                            QURB_KIOSK_NAV_PUSH);
}

static gboolean
qurb_home_page_enter (QurbKioskPage *page, GError **error)
{
  QurbHomePage *self = QURB_HOME_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(GPtrArray) announcements = qurb_announcements_on_banner (qurb_kiosk_page_get_db (page), error);

  if (announcements == NULL)
    return FALSE;
  qurb_kiosk_remove_children (self->banner_box);
  for (guint i = 0; i < announcements->len && i < 3; i++)
    {
      const QurbAnnouncement *a = announcements->pdata[i];
      GtkWidget *title = qurb_kiosk_label_new (qurb_announcement_title (a, lang), "banner-title");
      GtkWidget *text = qurb_kiosk_label_new (qurb_announcement_text (a, lang), "banner-text");

      gtk_box_append (GTK_BOX (self->banner_box), title);
      gtk_box_append (GTK_BOX (self->banner_box), text);
    }
  gtk_widget_set_visible (self->banner_box, announcements->len > 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (g_str_equal (lang, "ar") ? self->arabic_button
                                                                            : self->french_button), TRUE);
  return TRUE;
}

static void
qurb_home_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbHomePage *self = QURB_HOME_PAGE (page);

  qurb_kiosk_set_text (self->welcome_label, T_("Welcome. Touch what you need."));
  qurb_kiosk_set_text (self->claims_tile, T_("My claim files"));
  qurb_kiosk_set_text (self->caravans_tile, T_("Medical caravans"));
  qurb_kiosk_set_text (self->bookings_tile, T_("My bookings"));
  /* TRANSLATORS: the group of announcements on the home screen */
  qurb_kiosk_set_name (self->banner_box, T_("Announcements"));
}

static void
qurb_home_page_class_init (QurbHomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_home_page_enter;
  page_class->relabel = qurb_home_page_relabel;
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, arabic_button);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, french_button);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, banner_box);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, claims_tile);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, caravans_tile);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, bookings_tile);
  gtk_widget_class_bind_template_callback (widget_class, language_toggled);
  gtk_widget_class_bind_template_callback (widget_class, tile_clicked);
}

static void
qurb_home_page_init (QurbHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each language is named in itself, whatever the screen's language. */
  qurb_kiosk_set_name (self->arabic_button, "العربية");
  qurb_kiosk_set_name (self->french_button, "Français");
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->tiles_box);
}
