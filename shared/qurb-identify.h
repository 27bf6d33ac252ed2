/* qurb-identify.h — a member proves who they are at the kiosk
 *
 * Member number and CIN, checked in one transaction with two lockout
 * records (qurb-lockout): the kiosk's, which slows down after a few wrong
 * answers whoever they were about, and the member number's, which locks
 * only after many wrong answers from any kiosk — typing someone's number
 * a few times cannot lock them out. */
#pragma once

#include "qurb-lockout.h"
#include "qurb-members.h"

G_BEGIN_DECLS

typedef enum {
  QURB_IDENTIFY_OK,
  QURB_IDENTIFY_WRONG,    /* unknown member number or wrong CIN: not said which */
  QURB_IDENTIFY_SLOWED,   /* this kiosk waits before the next try (kiosk.seconds_left) */
  QURB_IDENTIFY_LOCKED,   /* this member number is locked (member.minutes_left) */
} QurbIdentifyOutcome;

typedef struct {
  QurbIdentifyOutcome outcome;
  QurbLockoutState kiosk;     /* WRONG: locked when the next try must wait */
  QurbLockoutState member;
  QurbMember *member_found;   /* OK: owned by the caller */
} QurbIdentifyResult;

gchar   *qurb_cin_normalize    (const gchar *cin);
gchar   *qurb_kiosk_subject    (const gchar *kiosk);
gboolean qurb_member_identify  (QurbDb             *db,
                                const gchar        *kiosk,
                                const gchar        *member_no,
                                const gchar        *cin,
                                QurbIdentifyResult *result,
                                GError            **error);

G_END_DECLS
