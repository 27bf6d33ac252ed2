/* qurb-sms-store.h — the SMS daemon's side of the database
 *
 * Incoming parts are stored before the modem forgets them and assembled
 * into messages here (the outbox, qurb-outbox.h, holds what goes out).
 * No Gammu here: the daemon's modem adapter
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

/* messages.error of a long message whose parts did not all come within
 * the timeout: answered from what came (DESIGN.md 3.1). */
#define QURB_SMS_PARTS_MISSING "parts missing"


gboolean qurb_sms_store_part       (QurbDb            *db,
                                    const QurbSmsPart *part,
                                    gboolean          *is_new,
                                    GError           **error);
GArray  *qurb_sms_assemble         (QurbDb  *db,
                                    guint    timeout_seconds,
                                    GError **error);

G_END_DECLS
