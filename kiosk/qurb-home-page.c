/* qurb-home-page.c — the lobby screen: language, announcements, three tiles
 *
 * Before a visit it greets whoever comes; during one it greets the member
 * by name, the tiles lead straight to their errands, and a member without
 * a registered phone is offered to register one. */
#include "config.h"

#include "qurb-announcements.h"
#include "qurb-kiosk-pages.h"

struct _QurbHomePage {
  QurbKioskPage parent_instance;

  GtkWidget *language_box, *arabic_button, *french_button;
  GtkWidget *welcome_label;
  GtkWidget *banner_box;
  GtkWidget *tiles_box;
  GtkWidget *claims_tile, *caravans_tile, *bookings_tile;
  GtkWidget *phone_button;
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

/* Each tile leads to its errand; the window asks a member not yet
 * identified to identify first where the errand needs it (claims,
 * bookings; for the caravans, only when a time is chosen). */
static void
tile_clicked (GtkButton *tile, QurbHomePage *self)
{
  const gchar *target = GTK_WIDGET (tile) == self->claims_tile ? "claims"
                      : GTK_WIDGET (tile) == self->caravans_tile ? "provinces" : "bookings";

  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), target, QURB_KIOSK_NAV_PUSH);
}

static void
phone_clicked (GtkButton *button, QurbHomePage *self)
{
  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), "phone", QURB_KIOSK_NAV_PUSH);
}

/* The announcements due now for the provinces this box serves. */
gboolean
qurb_home_page_refresh_banner (QurbHomePage *self, GError **error)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(GPtrArray) announcements = qurb_announcements_on_banner (qurb_kiosk_page_get_db (page),
                                                                     qurb_kiosk_session_get_provinces (session),
                                                                     error);

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
  return TRUE;
}

static gboolean
qurb_home_page_enter (QurbKioskPage *page, GError **error)
{
  QurbHomePage *self = QURB_HOME_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  g_autofree gchar *greeting = NULL;

  if (!qurb_home_page_refresh_banner (self, error))
    return FALSE;
  if (member != NULL)
    {
      gboolean ar = g_str_equal (lang, "ar") && *member->first_name_ar != '\0';

      /* TRANSLATORS: the home screen during a visit; %s the member's first name */
      greeting = g_strdup_printf (T_("Hello %s. What would you like to do?"),
                                  ar ? member->first_name_ar : member->first_name);
    }
  qurb_kiosk_set_text (self->welcome_label, greeting ? greeting
                       : T_("Welcome to your agency. What would you like to do?"));
  gtk_widget_set_visible (self->phone_button, member != NULL);
  if (member != NULL)
    qurb_kiosk_set_text (self->phone_button, member->phone ? T_("Change my phone number")
                                                           : T_("Register my phone for SMS"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (g_str_equal (lang, "ar") ? self->arabic_button
                                                                            : self->french_button), TRUE);
  return TRUE;
}

static void
qurb_home_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbHomePage *self = QURB_HOME_PAGE (page);

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
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, language_box);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, arabic_button);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, french_button);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, banner_box);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, claims_tile);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, caravans_tile);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, bookings_tile);
  gtk_widget_class_bind_template_child (widget_class, QurbHomePage, phone_button);
  gtk_widget_class_bind_template_callback (widget_class, language_toggled);
  gtk_widget_class_bind_template_callback (widget_class, tile_clicked);
  gtk_widget_class_bind_template_callback (widget_class, phone_clicked);
}

static void
qurb_home_page_init (QurbHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each language is named in itself, whatever the screen's language. */
  qurb_kiosk_set_name (self->arabic_button, "العربية");
  qurb_kiosk_set_name (self->french_button, "Français");
  /* Français on the left, العربية on the right, in both languages (a
   * widget without a direction of its own follows the default). */
  gtk_widget_set_direction (self->language_box, GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (self->french_button, GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (self->arabic_button, GTK_TEXT_DIR_LTR);
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->tiles_box);
}
