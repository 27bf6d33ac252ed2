/* qurb-lockout.h — too many wrong answers lock a subject out for a while
 *
 * A subject is what is being guessed at: a member number at the kiosk
 * ("member:100001"), a staff console ("staff:SALE-01"). The rule is pure;
 * the record of failures lives in the lockouts table. */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

#define QURB_LOCKOUT_MAX_FAILURES 5
#define QURB_LOCKOUT_MINUTES      15

typedef struct {
  gint failures;              /* counted since the last success or lock */
  const gchar *last_failure;  /* ISO date-time, or NULL */
  const gchar *locked_until;  /* ISO date-time, or NULL */
} QurbLockoutRecord;

typedef struct {
  gboolean locked;
  gint minutes_left;          /* when locked, rounded up */
  gint attempts_left;         /* when not locked */
} QurbLockoutState;

/* Pure: where a subject stands at now (all times local ISO date-times). */
QurbLockoutState qurb_lockout_state  (const QurbLockoutRecord *record,
                                      GDateTime              *now);

/* The calls below run inside the caller's transaction (qurb_db_transact). */
gboolean         qurb_lockout_check  (QurbDb            *db,
                                      const gchar       *subject,
                                      QurbLockoutState  *state,
                                      GError           **error);
gboolean         qurb_lockout_record (QurbDb            *db,
                                      const gchar       *subject,
                                      gboolean           success,
                                      QurbLockoutState  *state,
                                      GError           **error);

G_END_DECLS
