/* qurb-outbox.h — queueing SMS for the daemon to send */
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

gboolean qurb_outbox_queue (QurbDb             *db,
                            const QurbOutgoing *message,
                            gint64             *id,
                            GError            **error);

G_END_DECLS
