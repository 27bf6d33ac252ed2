/* qurb-broadcast.h — open-day announcements sent by SMS to an audience
 *
 * An announcement is created "scheduled"; once its time has come it is
 * queued — one message per phone of the audience, in the saved language of
 * the member it goes to, in the same transaction that marks it "queued",
 * so it is queued exactly once whoever (daemon, qurbctl) gets there first.
 * Members who sent STOP are left out. Broadcasts take the outbox's lowest
 * priority and wait out the quiet hours there. */
#pragma once

#include "qurb-announcements.h"
#include "qurb-segments.h"

G_BEGIN_DECLS

typedef struct {
  guint recipients_fr, recipients_ar;
  QurbSegments fr, ar;
  guint64 total_parts;         /* what the operator bills */
} QurbBroadcastEstimate;

typedef struct {
  gchar day[QURB_DATE_SIZE];
  guint sent;
} QurbDayCount;

typedef struct {
  gint64 total;
  gint64 queued, sending, sent, delivered, failed, withdrawn;
} QurbBroadcastProgress;

gchar   *qurb_audience_normalize   (const gchar  *audience,
                                    GError      **error);
const gchar *qurb_audience_caravan (const gchar  *audience);
gboolean qurb_broadcast_estimate   (QurbDb                *db,
                                    const gchar           *audience,
                                    const gchar           *text_fr,
                                    const gchar           *text_ar,
                                    QurbBroadcastEstimate *estimate,
                                    GError               **error);
gboolean qurb_broadcasts_queue_due (QurbDb  *db,
                                    guint   *messages,
                                    GError **error);
gboolean qurb_broadcast_cancel     (QurbDb  *db,
                                    gint64   id,
                                    guint   *withdrawn,
                                    GError **error);
gboolean qurb_broadcast_progress   (QurbDb                *db,
                                    gint64                 id,
                                    QurbBroadcastProgress *progress,
                                    GError               **error);
gdouble  qurb_broadcast_progress_done (const QurbBroadcastProgress *progress);
GArray  *qurb_broadcast_sent_per_day (QurbDb  *db,
                                      guint    days,
                                      GError **error);

G_END_DECLS
