/* qurb-records.h — the rows of the import files, checked field by field
 *
 * Pure: strings in, a checked row or a reason out. The import code does
 * the I/O; these functions decide what a valid row is. */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

#define QURB_RECORD_ERROR (qurb_record_error_quark ())

typedef enum {
  QURB_RECORD_ERROR_INVALID,
} QurbRecordError;

typedef struct {
  gchar member_no[QURB_MEMBER_NO_SIZE];
  gchar cin[QURB_CIN_SIZE];
  const gchar *last_name, *first_name, *last_name_ar, *first_name_ar;
  gchar birth_date[QURB_DATE_SIZE];
  gchar *phone;          /* E.164 or NULL; owned */
  gchar lang[QURB_LANG_SIZE];
  const gchar *province;
} QurbMemberRow;

typedef struct {
  gchar dossier_no[QURB_DOSSIER_SIZE];
  gchar member_no[QURB_MEMBER_NO_SIZE];
  const gchar *kind;
  gchar deposited_on[QURB_DATE_SIZE];
  const gchar *status;
  gchar status_date[QURB_DATE_SIZE];
  gint64 amount_claimed;  /* centimes */
  gint64 amount_paid;
  const gchar *reason;
} QurbClaimRow;

typedef struct {
  gchar code[QURB_CARAVAN_CODE_SIZE];
  const gchar *specialty;
  const gchar *title_fr, *title_ar, *province, *site_fr, *site_ar;
  gchar date[QURB_DATE_SIZE];
  gint start_minute, end_minute;  /* minutes since midnight */
  gint slot_minutes;
  gint seats_per_slot;
} QurbCaravanRow;

/* What is wrong with an amount, so that the reason can say how to write it. */
typedef enum {
  QURB_AMOUNT_OK,
  QURB_AMOUNT_INVALID,
  QURB_AMOUNT_DECIMALS,   /* more than two */
  QURB_AMOUNT_GROUPING,   /* a dot or comma between thousands */
  QURB_AMOUNT_CURRENCY,   /* "1250 DH" */
  QURB_AMOUNT_NEGATIVE,
} QurbAmountCheck;

GQuark       qurb_record_error_quark (void);

extern const gchar *const qurb_member_columns[];
extern const gchar *const qurb_claim_columns[];
extern const gchar *const qurb_caravan_columns[];

/* fields[] holds one value per column, in the order of the *_columns
 * arrays; values are trimmed in place; today is YYYY-MM-DD. Strings in
 * the row point into fields. */
gboolean     qurb_member_row_parse   (gchar             **fields,
                                      const gchar        *today,
                                      QurbMemberRow      *row,
                                      GError            **error);
void         qurb_member_row_clear   (QurbMemberRow *row);
gboolean     qurb_claim_row_parse    (gchar             **fields,
                                      const gchar        *today,
                                      QurbClaimRow       *row,
                                      GError            **error);
gboolean     qurb_caravan_row_parse  (gchar             **fields,
                                      QurbCaravanRow     *row,
                                      GError            **error);
guint        qurb_caravan_row_n_slots (const QurbCaravanRow *row);

gboolean     qurb_parse_amount       (const gchar *text,
                                      gint64      *centimes);
QurbAmountCheck qurb_amount_parse    (const gchar *text,
                                      gint64      *centimes);
gboolean     qurb_claim_status_parse (const gchar     *code,
                                      QurbClaimStatus *status);

G_END_DECLS
