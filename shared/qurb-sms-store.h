/* qurb-sms-store.h — the SMS daemon's side of the database
 *
 * Incoming parts are stored before the modem forgets them and assembled
 * into messages here; outgoing messages are claimed one at a time, so
 * that several daemons (one per modem) share one outbox and never send
 * the same message twice. No Gammu here: the daemon's modem adapter
 * turns what the modem says into these plain records. */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  const gchar *modem;
  const gchar *sender;
  const gchar *sent_at;     /* the SMSC's time stamp, ISO */
  gint reference;           /* concatenation reference, -1 for a single part */
  gint total;               /* parts in the message, 1 for a single part */
  gint seq;                 /* 1-based */
  const gchar *text;        /* NULL when it could not be decoded */
} QurbSmsPart;

typedef struct {
  gint64 id;
  gchar *peer;
  gchar *text;
  gint reference;           /* our concatenation reference, 0–255 */
  guint attempts;
  guint parts_sent;         /* parts already taken by the network */
} QurbOutboxItem;

gboolean qurb_sms_store_part       (QurbDb            *db,
                                    const QurbSmsPart *part,
                                    gboolean          *is_new,
                                    GError           **error);
GArray  *qurb_sms_assemble         (QurbDb  *db,
                                    guint    timeout_seconds,
                                    GError **error);

gboolean qurb_outbox_claim         (QurbDb         *db,
                                    const gchar    *modem,
                                    gboolean        broadcasts_allowed,
                                    QurbOutboxItem *item,
                                    GError        **error);
void     qurb_outbox_item_clear    (QurbOutboxItem *item);
gboolean qurb_outbox_part_sent     (QurbDb      *db,
                                    gint64       id,
                                    guint        seq,
                                    const gchar *modem,
                                    gint         network_ref,
                                    GError     **error);
gboolean qurb_outbox_sent          (QurbDb  *db,
                                    gint64   id,
                                    GError **error);
gboolean qurb_outbox_retry_later   (QurbDb      *db,
                                    gint64       id,
                                    const gchar *reason,
                                    guint        max_attempts,
                                    GError     **error);
gboolean qurb_outbox_delivered     (QurbDb      *db,
                                    const gchar *modem,
                                    gint         network_ref,
                                    GError     **error);
gboolean qurb_outbox_release       (QurbDb      *db,
                                    const gchar *modem,
                                    GError     **error);

G_END_DECLS
