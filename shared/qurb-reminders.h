/* qurb-reminders.h — the day-before reminder of a booked caravan slot */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

gboolean qurb_reminders_queue (QurbDb  *db,
                               guint   *queued,
                               GError **error);

G_END_DECLS
