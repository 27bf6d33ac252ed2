/* qurb-kiosk-list-page.h — a screen that is a short text over a scrolling list
 *
 * Claims, provinces, caravans, slots and bookings are all this shape; each
 * subclass fills the list when it enters. */
#pragma once

#include "qurb-kiosk-page.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_LIST_PAGE (qurb_kiosk_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (QurbKioskListPage, qurb_kiosk_list_page, QURB, KIOSK_LIST_PAGE, QurbKioskPage)

struct _QurbKioskListPageClass {
  QurbKioskPageClass parent_class;
};

void       qurb_kiosk_list_page_set_intro   (QurbKioskListPage *self,
                                             const gchar       *text);
void       qurb_kiosk_list_page_set_message (QurbKioskListPage *self,
                                             const gchar       *text);
void       qurb_kiosk_list_page_set_action (QurbKioskListPage *self,
                                            const gchar       *text,
                                            const gchar       *icon_name,
                                            const gchar       *screen);
void       qurb_kiosk_list_page_clear       (QurbKioskListPage *self);
void       qurb_kiosk_list_page_add         (QurbKioskListPage *self,
                                             GtkWidget         *item);
void       qurb_kiosk_list_page_set_grid    (QurbKioskListPage *self,
                                             gboolean           grid);

G_END_DECLS
