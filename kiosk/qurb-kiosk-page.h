/* qurb-kiosk-page.h — what every kiosk screen is
 *
 * A page shows one step of an errand. The window asks it to enter (load
 * what it shows from the database; a failure there is shown calmly and
 * retried) and to relabel itself when the language changes; the page asks
 * the window to go somewhere else with qurb_kiosk_page_navigate(). */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"
#include "qurb-kiosk-widgets.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_PAGE (qurb_kiosk_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (QurbKioskPage, qurb_kiosk_page, QURB, KIOSK_PAGE, GtkBox)

struct _QurbKioskPageClass {
  GtkBoxClass parent_class;

  /* Loads what the page shows. */
  gboolean      (*enter)   (QurbKioskPage  *page,
                            GError        **error);
  /* Sets the page's fixed texts in lang. */
  void          (*relabel) (QurbKioskPage  *page,
                            const gchar    *lang);
  const gchar  *(*title)   (QurbKioskPage  *page,
                            const gchar    *lang);
  /* The screen shows the member's own data. */
  gboolean needs_member;
};

/* Screen names every page may navigate to: the home screen (the member
 * stays identified), the end of the visit (forgotten), and back. */
#define QURB_KIOSK_SCREEN_HOME "home"
#define QURB_KIOSK_SCREEN_END  "end"
#define QURB_KIOSK_SCREEN_BACK "back"
#define QURB_KIOSK_SCREEN_STAFF "staff"   /* the staff console, behind its PIN */

typedef enum {
  QURB_KIOSK_NAV_PUSH,      /* Back returns here */
  QURB_KIOSK_NAV_REPLACE,   /* Back skips this page */
} QurbKioskNav;

QurbKioskSession *qurb_kiosk_page_get_session  (QurbKioskPage *self);
const gchar      *qurb_kiosk_page_get_lang     (QurbKioskPage *self);
QurbDb           *qurb_kiosk_page_get_db       (QurbKioskPage *self);
gboolean          qurb_kiosk_page_enter        (QurbKioskPage *self,
                                                GError       **error);
void              qurb_kiosk_page_relabel      (QurbKioskPage *self);
const gchar      *qurb_kiosk_page_title        (QurbKioskPage *self);
void              qurb_kiosk_page_navigate     (QurbKioskPage *self,
                                                const gchar   *name,
                                                QurbKioskNav   how);
void              qurb_kiosk_page_failed       (QurbKioskPage *self,
                                                const GError  *error);
void              qurb_kiosk_page_hold_touches (QurbKioskPage *self);
void              qurb_kiosk_page_flip_with_screen (QurbKioskPage *self,
                                                    GtkWidget     *orientable);
void              qurb_kiosk_page_set_landscape (QurbKioskPage *self,
                                                 gboolean       landscape);

G_END_DECLS
