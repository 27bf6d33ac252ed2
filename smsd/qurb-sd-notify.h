/* qurb-sd-notify.h — telling systemd how the daemon is (sd_notify(3)'s
 * protocol, written here so that the daemon needs no libsystemd) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sends state ("READY=1", "WATCHDOG=1", …) to $NOTIFY_SOCKET; FALSE when
 * there is none (not started by systemd) or it could not be sent. */
gboolean qurb_sd_notify         (const gchar *state);
/* How often systemd wants WATCHDOG=1, in µs; 0 when it does not. */
guint64  qurb_sd_watchdog_usec  (void);

G_END_DECLS
