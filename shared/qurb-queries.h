/* qurb-queries.h — what members and staff look up: members, claims, caravans */
#pragma once

#include "qurb-db.h"
#include "qurb-records.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  gchar *member_no;
  gchar *cin;
  gchar *last_name, *first_name, *last_name_ar, *first_name_ar;
  gchar *phone;      /* NULL when none is registered */
  gchar *lang;
  gchar *province;
  gboolean broadcasts;
} QurbMember;

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
  gchar date[11];
} QurbClaimStep;

/* A caravan's slot as members see it. */
typedef struct {
  gchar start_time[6];
  gint seats_left;
  gboolean open;       /* bookable now: not past, not too close */
} QurbCaravanSlot;

typedef struct {
  gint64 id;
  gchar *code;
  gchar *specialty;
  gchar *title_fr, *title_ar;
  gchar *province;
  gchar *site_fr, *site_ar;
  gchar *date;
  gchar *start_time, *end_time;
  gint seats_left;   /* in slots still open for booking */
  GArray *slots;     /* of QurbCaravanSlot, by start time */
} QurbCaravan;

QurbMember *qurb_member_find_by_no    (QurbDb       *db,
                                       const gchar  *member_no,
                                       GError      **error);
QurbMember *qurb_member_find_by_phone (QurbDb       *db,
                                       const gchar  *phone,
                                       GError      **error);
QurbClaim  *qurb_claim_find           (QurbDb       *db,
                                       const gchar  *dossier_no,
                                       GError      **error);
void        qurb_member_free          (QurbMember *member);
GPtrArray  *qurb_claims_for_member    (QurbDb   *db,
                                       gint64    member_id,
                                       guint     limit,
                                       GError  **error);
void        qurb_claim_free           (QurbClaim *claim);
GArray     *qurb_claim_timeline       (const gchar     *past_statuses,
                                       QurbClaimStatus  status,
                                       const gchar     *status_date);
GPtrArray  *qurb_caravans_upcoming    (QurbDb   *db,
                                       GError  **error);
gchar      *qurb_caravan_site         (QurbDb       *db,
                                       const gchar  *code,
                                       const gchar  *lang,
                                       GError      **error);
GStrv       qurb_caravan_codes        (QurbDb   *db,
                                       GError  **error);
const QurbCaravan *qurb_caravan_lookup (GPtrArray   *caravans,
                                       const gchar *code);
void        qurb_caravan_free         (QurbCaravan *caravan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbMember, qurb_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbClaim, qurb_claim_free)

G_END_DECLS
