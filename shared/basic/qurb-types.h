/* qurb-types.h — the enums and sizes several parts of Qurb share
 *
 * Status codes are stored as integers in the database: append, never
 * renumber. Sizes count the terminating NUL. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A claim's status, in the order the central system's codes progress. */
typedef enum {
  QURB_CLAIM_RECU,
  QURB_CLAIM_EN_COURS,
  QURB_CLAIM_TRANSMIS,
  QURB_CLAIM_PAYE,
  QURB_CLAIM_REJETE,
  QURB_CLAIM_INCOMPLET,
} QurbClaimStatus;

/* What came of asking for a seat, or for giving one back. */
typedef enum {
  QURB_BOOKING_OK,
  QURB_BOOKING_NO_SUCH_CARAVAN,
  QURB_BOOKING_CLOSED,          /* the caravan (or that slot) is past or too close */
  QURB_BOOKING_NO_SUCH_SLOT,    /* no slot starts at the time asked */
  QURB_BOOKING_SLOT_FULL,       /* the slot asked is full (another may be free) */
  QURB_BOOKING_CARAVAN_FULL,    /* every slot still open is full */
  QURB_BOOKING_ALREADY_BOOKED,  /* the member holds a booking on this caravan */
  QURB_BOOKING_NOT_FOUND,       /* cancel: no such booking of this member */
  QURB_BOOKING_ALREADY_CANCELLED,
  QURB_BOOKING_OTHER_AGENCY,    /* the caravan's province is booked on another agency's box */
} QurbBookingOutcome;

/* The script a text is written in. */
typedef enum {
  QURB_SCRIPT_NONE,    /* digits and punctuation only */
  QURB_SCRIPT_LATIN,
  QURB_SCRIPT_ARABIC,
} QurbScript;

/* The alphabet an SMS travels in. */
typedef enum {
  QURB_ENCODING_GSM7,
  QURB_ENCODING_UCS2,
} QurbEncoding;

#define QURB_DATE_SIZE            11   /* YYYY-MM-DD */
#define QURB_TIME_SIZE            6    /* HH:MM */
#define QURB_MEMBER_NO_SIZE       11   /* 5 to 10 digits */
#define QURB_CIN_SIZE             16
#define QURB_LANG_SIZE            3    /* "ar" or "fr" */
#define QURB_DOSSIER_SIZE         16   /* 6 to 15 digits */
#define QURB_CARAVAN_CODE_SIZE    9    /* 3 to 8 letters and digits */
#define QURB_BOOKING_CODE_LENGTH  6
#define QURB_BOOKING_CODE_SIZE    (QURB_BOOKING_CODE_LENGTH + 1)
#define QURB_BOOKING_STATE_SIZE   10   /* "active", "cancelled" */

G_END_DECLS
