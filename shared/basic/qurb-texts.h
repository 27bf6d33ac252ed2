/* qurb-texts.h — words shown to members, in their language */
#pragma once

#include <glib.h>

#include "qurb-records.h"

G_BEGIN_DECLS

const gchar *qurb_claim_status_label   (const gchar     *lang,
                                        QurbClaimStatus  status);
const gchar *qurb_claim_kind_label     (const gchar     *lang,
                                        const gchar     *kind);
gchar       *qurb_format_amount        (const gchar *lang,
                                        gint64       centimes);
gchar       *qurb_format_amount_sms    (const gchar *lang,
                                        gint64       centimes);
gchar       *qurb_compose_claim_notice (const gchar     *lang,
                                        const gchar     *dossier_no,
                                        QurbClaimStatus  status,
                                        gint64           amount_paid);

gchar       *qurb_format_date          (const gchar *iso_date);
gchar       *qurb_compose_booking_confirmation (const gchar *lang,
                                                const gchar *booking_code,
                                                const gchar *caravan_code,
                                                const gchar *date,
                                                const gchar *start_time,
                                                const gchar *site);

gchar       *qurb_compose_waitlist_booking (const gchar *lang,
                                            const gchar *booking_code,
                                            const gchar *caravan_code,
                                            const gchar *date,
                                            const gchar *start_time,
                                            const gchar *site);
gchar       *qurb_compose_ticket_text  (const gchar *lang,
                                        const gchar *booking_code,
                                        const gchar *caravan_code,
                                        const gchar *title,
                                        const gchar *date,
                                        const gchar *start_time,
                                        const gchar *site);

G_END_DECLS
