/* qurb-sms-reply.h — doing what a member's SMS asks, and saying so */
#pragma once

#include "qurb-db.h"
#include "qurb-members.h"
#include "qurb-sms-parse.h"

G_BEGIN_DECLS

gchar *qurb_sms_answer              (QurbDb               *db,
                                     QurbMember           *member,
                                     const QurbSmsCommand *command,
                                     const gchar          *lang,
                                     GError              **error);
gchar *qurb_sms_registration_hint   (const gchar *lang);
gchar *qurb_sms_send_again          (const gchar *lang);

G_END_DECLS
