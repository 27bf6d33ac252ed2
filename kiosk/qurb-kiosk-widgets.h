/* qurb-kiosk-widgets.h — small helpers every kiosk screen uses
 *
 * Texts are set from code in the session's language (the catalogues are
 * read per call, see qurb-i18n.h), and every text that names a control is
 * also its accessible name, so assistive technology and test clients find
 * "the Caravans tile" in either language. */
#pragma once

#include <gtk/gtk.h>

#include "qurb-i18n.h"
#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-members.h"

G_BEGIN_DECLS

#define QURB_KIOSK_NAME_KEY "qurb-accessible-name"

/* In a function with a `lang` in scope: the text in that language. */
#define T_(s) qurb_dgettext (lang, (s))

void       qurb_kiosk_set_text       (GtkWidget   *widget,
                                      const gchar *text);
void       qurb_kiosk_set_name       (GtkWidget   *widget,
                                      const gchar *name);
GtkWidget *qurb_kiosk_button_new     (const gchar *text,
                                      const gchar *css_class);
GtkWidget *qurb_kiosk_button_new_with_icon (const gchar *text,
                                            const gchar *icon_name,
                                            const gchar *css_class);
void       qurb_kiosk_button_set_icon (GtkWidget  *button,
                                       const gchar *icon_name);
void       qurb_kiosk_button_offer   (GtkWidget   *button,
                                      const gchar *text,
                                      const gchar *icon_name);
GtkWidget *qurb_kiosk_label_new      (const gchar *text,
                                      const gchar *css_class);
void       qurb_kiosk_remove_children (GtkWidget  *container);
const gchar *qurb_kiosk_province_name (const gchar       *lang,
                                      const gchar       *province);
gchar     *qurb_kiosk_caravan_summary (const QurbCaravan *caravan,
                                       const gchar       *lang);
void       qurb_kiosk_apply_language (GtkWidget   *window,
                                      const gchar *lang);
gchar     *qurb_kiosk_ltr            (const gchar *lang,
                                      const gchar *text);
void       qurb_kiosk_stack_expose_shown_only (GtkStack *stack);
void       qurb_kiosk_scroll_to_top  (GtkWidget   *widget);

G_END_DECLS
