/* qurb-kiosk-window.h — the kiosk's one window: header, screens, idle reset */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-page.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_WINDOW (qurb_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (QurbKioskWindow, qurb_kiosk_window, QURB, KIOSK_WINDOW, GtkWindow)

/* Seconds between two attempts when the database cannot answer. */
#define QURB_KIOSK_RETRY_SECONDS 2

QurbKioskWindow  *qurb_kiosk_window_new          (QurbKioskSession *session,
                                                  gboolean          locked_down);
const gchar      *qurb_kiosk_window_get_screen   (QurbKioskWindow  *self);
QurbKioskPage    *qurb_kiosk_window_get_page     (QurbKioskWindow  *self,
                                                  const gchar      *name);
void              qurb_kiosk_window_show_screen  (QurbKioskWindow  *self,
                                                  const gchar      *name);
void              qurb_kiosk_window_go_home      (QurbKioskWindow  *self);
void              qurb_kiosk_window_end_visit    (QurbKioskWindow  *self);
void              qurb_kiosk_window_go_back      (QurbKioskWindow  *self);

/* Loads the kiosk's CSS and templates; once per process. */
void              qurb_kiosk_init_resources      (void);

G_END_DECLS
