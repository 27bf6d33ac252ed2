/* qurb-kiosk-topbar.h — the top of every kiosk screen: the mutual, the
 * agency, the time
 *
 * A long press on the mutual's name is the discreet way in for staff:
 * signal "staff-requested". */
#pragma once

#include <gtk/gtk.h>

#include "qurb-kiosk-session.h"

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_TOPBAR (qurb_kiosk_topbar_get_type ())
G_DECLARE_FINAL_TYPE (QurbKioskTopbar, qurb_kiosk_topbar, QURB, KIOSK_TOPBAR, GtkBox)

void qurb_kiosk_topbar_update (QurbKioskTopbar  *self,
                               QurbKioskSession *session);
void qurb_kiosk_topbar_tick   (QurbKioskTopbar  *self,
                               QurbKioskSession *session);

G_END_DECLS
