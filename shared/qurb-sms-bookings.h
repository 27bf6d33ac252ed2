/* qurb-sms-bookings.h — the SMS answers about bookings, and the pieces
 * of an answer they share with the others (qurb-sms-reply.c) */
#pragma once

#include "qurb-agency.h"
#include "qurb-db.h"
#include "qurb-members.h"
#include "qurb-sms-parse.h"

G_BEGIN_DECLS

#define QURB_SMS_LIST_MAX 3   /* dossiers, caravans or bookings in one answer */

gchar       *qurb_sms_answer_book        (QurbDb               *db,
                                          QurbMember           *member,
                                          const QurbSmsCommand *command,
                                          const gchar          *lang,
                                          GError              **error);
gchar       *qurb_sms_answer_cancel      (QurbDb               *db,
                                          QurbMember           *member,
                                          const QurbSmsCommand *command,
                                          const gchar          *lang,
                                          GError              **error);
gchar       *qurb_sms_answer_my_bookings (QurbDb      *db,
                                          QurbMember  *member,
                                          const gchar *lang,
                                          GError     **error);

gchar       *qurb_sms_full_caravan_offer (GPtrArray   *caravans,
                                          const gchar *province,
                                          const gchar *specialty,
                                          const gchar *lang);

const gchar *qurb_sms_list_separator     (const gchar *lang);
gchar       *qurb_sms_short_date         (const gchar *iso);
gchar       *qurb_sms_elsewhere_answer   (const QurbAgency *agency,
                                          const gchar      *province,
                                          const gchar      *list,
                                          const gchar      *lang);

G_END_DECLS
