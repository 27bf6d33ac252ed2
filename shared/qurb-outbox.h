/* qurb-outbox.h — SMS waiting to go out: queued by whoever has something
 * to say, claimed one at a time by the daemons that send them */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

/* Lower sends first: a member waiting for an answer goes before any
 * notice, and broadcasts only use what is left. */
typedef enum {
  QURB_PRIORITY_REPLY = 0,
  QURB_PRIORITY_NOTICE = 1,
  QURB_PRIORITY_REMINDER = 2,
  QURB_PRIORITY_BROADCAST = 3,
} QurbPriority;

typedef struct {
  const gchar *peer;          /* E.164 */
  const gchar *text;
  const gchar *kind;          /* "reply", "notice", "reminder", "broadcast" */
  QurbPriority priority;
  gint64 member_id;           /* 0 when not a member */
  const gchar *lang;
  gint64 reply_to;            /* 0 when not a reply */
  gint64 announcement_id;     /* 0 when not a broadcast */
  const gchar *not_before;    /* ISO, or NULL to send at once */
} QurbOutgoing;

/* A message's text in SQL over `messages`: a broadcast's rows keep ''
 * and read their text from the announcement, in the row's language — a
 * million copies of one text would be most of what queueing writes. */
#define QURB_MESSAGE_TEXT_SQL \
  "coalesce(nullif(messages.text, ''), (SELECT CASE messages.lang WHEN 'ar' THEN a.text_ar" \
  " ELSE a.text_fr END FROM announcements a WHERE a.id = messages.announcement_id), '')"

typedef struct {
  gint64 id;
  gchar *peer;
  gchar *text;
  gint reference;           /* our concatenation reference, 0–255 */
  gint send_round;          /* starts again whole on another modem: + 1 */
  guint attempts;
  guint parts_sent;         /* parts of this round already taken by the network */
} QurbOutboxItem;

/* A part with the network, to record (qurb_outbox_parts_sent). */
typedef struct {
  const QurbOutboxItem *item;
  guint seq;                /* 1-based */
  guint n_parts;
  gint network_ref;
  gboolean ours;            /* set: FALSE when the claim was lost meanwhile */
} QurbOutboxSentPart;

gboolean qurb_outbox_queue (QurbDb             *db,
                            const QurbOutgoing *message,
                            gint64             *id,
                            GError            **error);

/* The daemon's side; the state machine is described in qurb-outbox.c. */
gboolean qurb_outbox_claim         (QurbDb         *db,
                                    const gchar    *modem,
                                    gboolean        broadcasts_allowed,
                                    guint           lease_ms,
                                    QurbOutboxItem *item,
                                    GError        **error);
gboolean qurb_outbox_claim_many    (QurbDb         *db,
                                    const gchar    *modem,
                                    gboolean        broadcasts_allowed,
                                    guint           lease_ms,
                                    guint           max,
                                    GArray         *items,
                                    GError        **error);
void     qurb_outbox_item_clear    (QurbOutboxItem *item);
gboolean qurb_outbox_renew         (QurbDb               *db,
                                    const QurbOutboxItem *item,
                                    const gchar          *modem,
                                    guint                 lease_ms,
                                    gboolean             *ours,
                                    GError              **error);
gboolean qurb_outbox_part_sent     (QurbDb               *db,
                                    const QurbOutboxItem *item,
                                    const gchar          *modem,
                                    guint                 seq,
                                    guint                 n_parts,
                                    gint                  network_ref,
                                    guint                 lease_ms,
                                    gboolean             *ours,
                                    GError              **error);
gboolean qurb_outbox_parts_sent    (QurbDb             *db,
                                    const gchar        *modem,
                                    guint               lease_ms,
                                    QurbOutboxSentPart *parts,
                                    guint               n,
                                    GError            **error);
gboolean qurb_outbox_retry_later   (QurbDb               *db,
                                    const QurbOutboxItem *item,
                                    const gchar          *modem,
                                    const gchar          *reason,
                                    guint                 max_attempts,
                                    GError              **error);
gboolean qurb_outbox_delivered     (QurbDb      *db,
                                    const gchar *modem,
                                    gint         network_ref,
                                    GError     **error);
gboolean qurb_outbox_release       (QurbDb      *db,
                                    const gchar *modem,
                                    GError     **error);

G_END_DECLS
