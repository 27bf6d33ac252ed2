/* qurb-prune.h — the message log forgets what members wrote, after a while */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

#define QURB_PRUNE_DEFAULT_DAYS 365

typedef struct {
  gint64 messages;   /* messages whose text went */
  gint64 parts;      /* received parts removed */
} QurbPruneStats;

/* Messages older than keep_days lose their text and their number is
 * masked (qurb_phone_mask); their direction, state, kind and time stay,
 * so counts do. Messages still in flight (received, queued, sending) are
 * left alone. The parts they were assembled from are removed. */
gboolean qurb_prune_messages (QurbDb          *db,
                              guint            keep_days,
                              QurbPruneStats  *stats,
                              GError         **error);

G_END_DECLS
