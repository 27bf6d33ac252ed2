/* qurb-smsd-log.h — the daemon's journal: modem and message as fields,
 * members' numbers masked */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   qurb_smsd_log    (GLogLevelFlags  level,
                         const gchar    *modem,
                         gint64          message_id,
                         const gchar    *format,
                         ...) G_GNUC_PRINTF (4, 5);
gchar *qurb_smsd_masked (const gchar *number);

G_END_DECLS
