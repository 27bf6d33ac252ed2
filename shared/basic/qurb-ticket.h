/* qurb-ticket.h — the caravan-day ticket: a booking code a device can
 * check without the network
 *
 * Pure. A ticket is the booking code signed with the deployment's key:
 *
 *     QURB-K7P2QX-AB2C-7QK3M2XJ5N4WZT6R
 *          code   key  signature
 *
 * "key" names the key that signed (20 bits of its SHA-256), so that a
 * ticket of another deployment is told from a forged one; "signature" is
 * HMAC-SHA256 over the code, truncated to 80 bits — RFC 2104's lower
 * bound, and without the key nobody can check a guess except at a
 * scanner, one person at a time. Both in base32 (A–Z, 2–7): the whole
 * ticket stays in the QR code's alphanumeric mode, 33 characters, a
 * version 2 symbol (25×25 modules) at error correction M. Read back, any
 * case and any separators are accepted (a barcode scanner is a keyboard). */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

#define QURB_TICKET_KEY_SIZE       32   /* bytes of secret */
#define QURB_TICKET_KEY_ID_LENGTH  4    /* base32 characters: 20 bits */
#define QURB_TICKET_TAG_LENGTH     16   /* base32 characters: 80 bits */
#define QURB_TICKET_PREFIX         "QURB"
/* "QURB-" code "-" key id "-" tag, and the NUL. */
#define QURB_TICKET_PAYLOAD_SIZE   (sizeof QURB_TICKET_PREFIX + QURB_BOOKING_CODE_LENGTH + 1 + \
                                    QURB_TICKET_KEY_ID_LENGTH + 1 + QURB_TICKET_TAG_LENGTH + 1)

typedef struct {
  guint8 bytes[QURB_TICKET_KEY_SIZE];
} QurbTicketKey;

/* What a scanned or typed text is. */
typedef enum {
  QURB_TICKET_VALID,       /* a ticket signed with this deployment's key */
  QURB_TICKET_CODE_ONLY,   /* a bare booking code, as the SMS carries it */
  QURB_TICKET_UNREADABLE,  /* neither a ticket nor a booking code */
  QURB_TICKET_FOREIGN,     /* a ticket signed with another deployment's key */
  QURB_TICKET_FORGED,      /* this deployment's key named, a signature it did not make */
} QurbTicketCheck;

void            qurb_ticket_key_id      (const QurbTicketKey *key,
                                         gchar                id[QURB_TICKET_KEY_ID_LENGTH + 1]);
gboolean        qurb_ticket_key_parse   (const gchar         *text,
                                         QurbTicketKey       *key);
gchar          *qurb_ticket_key_format  (const QurbTicketKey *key);
void            qurb_ticket_payload     (const QurbTicketKey *key,
                                         const gchar         *booking_code,
                                         gchar                payload[QURB_TICKET_PAYLOAD_SIZE]);
QurbTicketCheck qurb_ticket_read        (const gchar         *text,
                                         const QurbTicketKey *key,
                                         gchar                code[QURB_BOOKING_CODE_SIZE]);
gboolean        qurb_ticket_is_signed   (const gchar *text);

G_END_DECLS
