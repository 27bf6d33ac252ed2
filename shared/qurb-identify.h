/* qurb-identify.h — a member proves who they are at the kiosk
 *
 * Member number and CIN, checked in one transaction with the member
 * number's lockout record: five wrong answers lock that member number for
 * fifteen minutes, whoever types it. */
#pragma once

#include "qurb-lockout.h"
#include "qurb-members.h"

G_BEGIN_DECLS

typedef enum {
  QURB_IDENTIFY_OK,
  QURB_IDENTIFY_WRONG,    /* unknown member number or wrong CIN: not said which */
  QURB_IDENTIFY_LOCKED,
} QurbIdentifyOutcome;

typedef struct {
  QurbIdentifyOutcome outcome;
  QurbLockoutState lockout;
  QurbMember *member;     /* OK: owned by the caller */
} QurbIdentifyResult;

gchar   *qurb_cin_normalize    (const gchar *cin);
gboolean qurb_member_identify  (QurbDb             *db,
                                const gchar        *member_no,
                                const gchar        *cin,
                                QurbIdentifyResult *result,
                                GError            **error);

G_END_DECLS
