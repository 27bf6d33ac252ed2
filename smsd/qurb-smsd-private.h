/* qurb-smsd-private.h — what the daemon's files share: a runner per modem
 * (qurb-smsd.c), its intake (qurb-smsd-intake.c: parts stored, messages
 * answered) and its sender (qurb-smsd-send.c: the outbox sent) */
#pragma once

#include "qurb-log-limit.h"
#include "qurb-outbox.h"
#include "qurb-smsd.h"

G_BEGIN_DECLS

typedef struct _QurbSmsdRunner QurbSmsdRunner;

/* A message being sent: claimed, cut into parts, the parts going out one
 * after the other, each recorded before the next goes. */
typedef struct {
  QurbSmsdRunner *runner;
  QurbOutboxItem item;
  gpointer encoded;
  guint n_parts;
  guint next_part;            /* parts of it the network took */
  gboolean under_way;         /* part next_part + 1 is on its way (asynchronous send) */
  gboolean unrecorded;        /* part next_part went out, not yet recorded */
  gint network_ref;           /* of that part */
  gint64 lease_from;          /* real ms when our claim was last granted */
} QurbSmsdFlight;

struct _QurbSmsdRunner {
  QurbSmsd *smsd;
  QurbModem *modem;
  const QurbModemConfig *config;
  gboolean connected;
  guint errors;               /* in a row; reset by any success */
  gint64 retry_at;            /* monotonic µs before which we do not reconnect */
  gint64 status_at;           /* when to read signal and network again */
  gint64 heartbeat_at;        /* when to write the next heartbeat */
  gint signal;                /* as last read; -1 unknown */
  gchar *network;
  guint poll_source;
  guint send_source;
  guint answer_source;        /* an idle: more messages wait for an answer */
  guint intake_source;        /* an idle: reports held back can be stored now */
  gboolean reports_held;      /* reports on parts not recorded yet wait in the modem */
  guint pump_source;          /* an idle: a send ended, or answers were queued */
  /* Messages under way, at most window of them. window is 1 unless the
   * modem sends without waiting (Kannel): then a part of each may be on
   * its way at once, and a kill may send those again. */
  GPtrArray *flights;         /* QurbSmsdFlight */
  guint window;
  /* Messages under way allowed now: from a few up to window, one more for
   * each part that came back, so that connections to smsbox are opened a
   * few at a time (its sendsms listens with a backlog of 10: a burst of
   * connections beyond it waits a second for TCP's retransmission). */
  guint ramp;
  gint64 last_sent_at;        /* monotonic µs: the last part that came back */
  guint under_way;            /* flights with a part on its way */
  gboolean outbox_empty;      /* the last claim found nothing: none until the next tick */
};

struct _QurbSmsd {
  QurbDb *db;
  QurbSmsdConfig *config;
  GPtrArray *runners;
  QurbLogLimit *log_limit;
  guint db_errors;            /* in a row */
  gint64 db_retry_at;         /* monotonic µs before which the database waits */
  gboolean running;           /* between start and stop: sources may be added */
};

/* qurb-smsd.c */
void     qurb_smsd_db_failed        (QurbSmsd *smsd, const gchar *doing, const GError *error);
gboolean qurb_smsd_db_waiting       (QurbSmsd *smsd);
void     qurb_smsd_modem_failed     (QurbSmsdRunner *runner, const GError *error);
gboolean qurb_smsd_ensure_connected (QurbSmsdRunner *runner);
gboolean qurb_smsd_modem_ready      (QurbSmsdRunner *runner);
void     qurb_smsd_heartbeat        (QurbSmsdRunner *runner);

/* qurb-smsd-intake.c */
gboolean qurb_smsd_intake           (QurbSmsdRunner *runner);
gboolean qurb_smsd_answer_waiting   (QurbSmsdRunner *runner);
void     qurb_smsd_intake_soon      (QurbSmsdRunner *runner);
void     qurb_smsd_watch_inbox      (QurbSmsdRunner *runner);

/* qurb-smsd-send.c */
void     qurb_smsd_sender_start     (QurbSmsdRunner *runner);
void     qurb_smsd_sender_wake      (QurbSmsdRunner *runner);
void     qurb_smsd_sender_stop      (QurbSmsdRunner *runner);
gboolean qurb_smsd_sender_awaits    (QurbSmsdRunner *runner, gint network_ref);

G_END_DECLS
