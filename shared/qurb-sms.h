/* qurb-sms.h — an incoming SMS, from storage to the reply in the outbox
 *
 * The daemon and `qurbctl sms-simulate` go through exactly these calls:
 * qurb_sms_receive() stores the message (committed before the modem may
 * forget it), qurb_sms_process() answers it — the reply is queued in the
 * same transaction that marks the message handled, so a crash leaves it
 * either unanswered (and answered on restart) or answered once. */
#pragma once

#include "qurb-db.h"
#include "qurb-segments.h"
#include "qurb-sms-parse.h"

G_BEGIN_DECLS

typedef struct {
  guint max_replies_per_hour;   /* per sender; 0 for no cap */
} QurbSmsPolicy;

/* Why an incoming message got no answer: its note in the log
 * (`qurbctl messages`, "note" in --json). */
#define QURB_SMS_NOTE_NOT_MOBILE    "not a mobile sender"
#define QURB_SMS_NOTE_DUPLICATE     "duplicate"
#define QURB_SMS_NOTE_HOURLY_CAP    "hourly cap"
#define QURB_SMS_NOTE_NOTHING_ASKED "nothing asked"
#define QURB_SMS_NOTE_HINT_SENT     "registration hint sent today"

#define QURB_SMS_POLICY_DEFAULT { 10 }

typedef struct {
  QurbSmsCommand command;
  const gchar *lang;            /* of the reply */
  gchar *reply;                 /* NULL when the message gets none */
  QurbSegments segments;        /* of the reply */
  gint64 incoming_id;
  gint64 reply_id;              /* 0 when none */
} QurbSmsResult;

gchar   *qurb_sms_sender_normalize (const gchar *sender);
gboolean qurb_sms_sender_is_mobile (const gchar *sender);

gboolean qurb_sms_receive (QurbDb       *db,
                           const gchar  *sender,
                           const gchar  *text,
                           gint64       *incoming_id,
                           GError      **error);
gboolean qurb_sms_process (QurbDb              *db,
                           gint64               incoming_id,
                           const QurbSmsPolicy *policy,
                           QurbSmsResult       *result,
                           GError             **error);
void     qurb_sms_result_clear (QurbSmsResult *result);

G_END_DECLS
