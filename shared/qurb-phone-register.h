/* qurb-phone-register.h — a member registers their mobile phone
 *
 * At the kiosk, an identified member types a mobile number; a six-digit
 * code goes to it by SMS (through the outbox, ahead of notices); typed
 * back before it expires, it registers the phone (an audit row says who
 * and when), and imports keep it (members.phone_chosen). Staff set a
 * phone directly with `qurbctl member set-phone`. The code itself is never
 * stored: only its yescrypt hash, as the staff PIN's. */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

#define QURB_PHONE_CODE_LENGTH   6
#define QURB_PHONE_CODE_MINUTES  10   /* a code's life */
#define QURB_PHONE_CODE_TRIES    5    /* wrong codes before it is void */
#define QURB_PHONE_RESEND_SECONDS 60  /* between two codes */
#define QURB_PHONE_CODES_PER_DAY 5    /* per member */

typedef enum {
  QURB_PHONE_CODE_SENT,
  QURB_PHONE_NOT_MOBILE,        /* not a Moroccan mobile number */
  QURB_PHONE_WAIT,              /* a code went less than a minute ago */
  QURB_PHONE_TOO_MANY_CODES,    /* QURB_PHONE_CODES_PER_DAY today */
} QurbPhoneStartOutcome;

typedef struct {
  QurbPhoneStartOutcome outcome;
  gchar *phone;                 /* E.164, when it is one */
  gint wait_seconds;            /* WAIT */
} QurbPhoneStart;

typedef enum {
  QURB_PHONE_REGISTERED,
  QURB_PHONE_WRONG_CODE,
  QURB_PHONE_CODE_EXPIRED,      /* or void after too many wrong codes */
  QURB_PHONE_NO_CODE,           /* none was sent */
} QurbPhoneConfirmOutcome;

typedef struct {
  QurbPhoneConfirmOutcome outcome;
  gint attempts_left;           /* WRONG_CODE */
  gchar *phone;                 /* REGISTERED: E.164 */
} QurbPhoneConfirm;

gboolean qurb_phone_register_start   (QurbDb          *db,
                                      gint64           member_id,
                                      const gchar     *typed,
                                      const gchar     *lang,
                                      QurbPhoneStart  *result,
                                      GError         **error);
gboolean qurb_phone_register_confirm (QurbDb           *db,
                                      gint64            member_id,
                                      const gchar      *code,
                                      const gchar      *actor,
                                      QurbPhoneConfirm *result,
                                      GError          **error);
gboolean qurb_member_set_phone       (QurbDb       *db,
                                      gint64        member_id,
                                      const gchar  *phone,
                                      const gchar  *actor,
                                      GError      **error);
void     qurb_phone_start_clear      (QurbPhoneStart   *result);
void     qurb_phone_confirm_clear    (QurbPhoneConfirm *result);

G_END_DECLS
