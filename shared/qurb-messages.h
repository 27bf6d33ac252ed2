/* qurb-messages.h — reading the SMS log */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  const gchar *dir;     /* "in" or "out" */
  const gchar *peer;
  const gchar *text;
  const gchar *state;
  const gchar *at;
  gint64 reply_to;      /* 0: none */
  const gchar *kind;    /* NULL for incoming */
  const gchar *note;    /* incoming: why no answer ("hourly cap", "nothing asked" …) or a
                         * mark ("parts missing"); NULL for none and for outgoing */
} QurbMessage;

typedef void (*QurbMessageFunc) (const QurbMessage *message,
                                 gpointer           user_data);

gboolean qurb_messages_foreach  (QurbDb          *db,
                                 guint            last_n,
                                 QurbMessageFunc  func,
                                 gpointer         user_data,
                                 GError         **error);

G_END_DECLS
