/* qurb-claims.h — a member's claim files and the timeline of their statuses */
#pragma once

#include "qurb-db.h"
#include "qurb-types.h"

G_BEGIN_DECLS

typedef struct {
  gchar *dossier_no;
  gint64 member_id;
  gchar *kind;
  gchar *deposited_on;
  QurbClaimStatus status;
  gchar *status_date;
  gint64 amount_claimed;
  gint64 amount_paid;
  gchar *reason;
  gchar *past_statuses;  /* "STATUS YYYY-MM-DD\n" per status left, oldest first */
} QurbClaim;

/* One step of a claim's timeline. */
typedef struct {
  QurbClaimStatus status;
  gchar date[QURB_DATE_SIZE];
} QurbClaimStep;

QurbClaim  *qurb_claim_find           (QurbDb       *db,
                                       const gchar  *dossier_no,
                                       GError      **error);
GPtrArray  *qurb_claims_for_member    (QurbDb   *db,
                                       gint64    member_id,
                                       guint     limit,
                                       GError  **error);
void        qurb_claim_free           (QurbClaim *claim);
GArray     *qurb_claim_timeline       (const gchar     *past_statuses,
                                       QurbClaimStatus  status,
                                       const gchar     *status_date);

guint       qurb_claim_expected_steps (QurbClaimStatus  status,
                                       QurbClaimStatus  next[3]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbClaim, qurb_claim_free)

G_END_DECLS
