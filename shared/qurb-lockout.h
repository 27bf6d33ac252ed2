/* qurb-lockout.h — wrong answers slow a subject down, then lock it a while
 *
 * A subject is what is being guessed at, or where: a kiosk
 * ("kiosk:LAA-01"), a member number ("member:100001"), the staff console
 * ("staff:console"). Each kind has its policy: a kiosk slows down after a
 * few failures (each further try waits, twice as long each time) and never
 * locks; a member number locks only after many failures, from any kiosk,
 * so that nobody can lock a member out by typing their number a few
 * times; the staff console locks after five wrong PINs. The rule is pure;
 * the record of failures lives in the lockouts table. Staff lift a lock
 * with `qurbctl unlock`. */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  gint max_failures;          /* failures that lock the subject; 0: never locks */
  gint lock_minutes;
  gint window_minutes;        /* failures older than this are forgotten */
  gint slow_after;            /* failures after which each try waits; 0: never */
  gint slow_seconds;          /* the first wait, doubled by each further failure */
  gint slow_max_seconds;
} QurbLockoutPolicy;

extern const QurbLockoutPolicy qurb_lockout_kiosk;    /* 3 free tries, then 15 s, 30 s … 5 min */
extern const QurbLockoutPolicy qurb_lockout_member;   /* 20 failures in a day: locked an hour */
extern const QurbLockoutPolicy qurb_lockout_staff;    /* 5 wrong PINs: locked 15 minutes */

typedef struct {
  gint failures;              /* counted since the last success or lock */
  const gchar *last_failure;  /* ISO date-time, or NULL */
  const gchar *locked_until;  /* ISO date-time, or NULL */
} QurbLockoutRecord;

typedef struct {
  gboolean locked;            /* no try counts until … */
  gint seconds_left;          /* … this many seconds (rounded up) */
  gint minutes_left;          /* the same in minutes, rounded up */
  gint failures;              /* when not locked: those that still count */
  gint attempts_left;         /* when not locked and the policy locks: before it does */
} QurbLockoutState;

/* Pure: where a subject stands at now (all times local ISO date-times). */
QurbLockoutState qurb_lockout_state  (const QurbLockoutRecord *record,
                                      const QurbLockoutPolicy *policy,
                                      GDateTime               *now);

/* The calls below run inside the caller's transaction (qurb_db_transact). */
gboolean         qurb_lockout_check  (QurbDb                  *db,
                                      const gchar             *subject,
                                      const QurbLockoutPolicy *policy,
                                      QurbLockoutState        *state,
                                      GError                 **error);
gboolean         qurb_lockout_record (QurbDb                  *db,
                                      const gchar             *subject,
                                      const QurbLockoutPolicy *policy,
                                      gboolean                 success,
                                      QurbLockoutState        *state,
                                      GError                 **error);

/* Staff: forgets a subject's failures and lifts its lock (its own
 * transaction); *lifted tells whether there was anything to forget. */
gboolean         qurb_lockout_lift   (QurbDb       *db,
                                      const gchar  *subject,
                                      const gchar  *actor,
                                      gboolean     *lifted,
                                      GError      **error);

G_END_DECLS
