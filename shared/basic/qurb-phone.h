/* qurb-phone.h — Moroccan phone numbers to E.164, and masking for logs */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gchar *qurb_phone_normalize (const gchar *text);
gchar *qurb_phone_mask      (const gchar *e164);

G_END_DECLS
