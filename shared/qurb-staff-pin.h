/* qurb-staff-pin.h — the staff console's PIN: yescrypt, locked out
 *
 * Stored in settings ('staff-pin') as libcrypt's yescrypt ("$y$…", salt
 * from getrandom). PINs stored by earlier versions ("sha256x$ROUNDS$SALT$
 * HASH", SHA-256 iterated) are still accepted and stored again as
 * yescrypt at their next right entry. Five wrong PINs lock the console for
 * fifteen minutes (qurb-lockout), counted before the PIN is checked. */
#pragma once

#include "qurb-lockout.h"

G_BEGIN_DECLS

#define QURB_STAFF_SUBJECT    "staff:console"

gboolean qurb_staff_pin_valid   (const gchar  *pin);
gchar   *qurb_staff_pin_hash    (const gchar  *pin,
                                 GError      **error);
gboolean qurb_staff_pin_matches (const gchar  *pin,
                                 const gchar  *stored);
gboolean qurb_staff_pin_set     (QurbDb       *db,
                                 const gchar  *pin,
                                 GError      **error);
gboolean qurb_staff_pin_check   (QurbDb           *db,
                                 const gchar      *pin,
                                 gboolean         *accepted,
                                 QurbLockoutState *lockout,
                                 GError          **error);
/* How many PINs this process has hashed to check them: a locked console
 * hashes none. */
guint    qurb_staff_pin_verifications (void);

G_END_DECLS
