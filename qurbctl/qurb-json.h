/* qurb-json.h — writing JSON values for the command-line's --json output */
#pragma once

#include <glib.h>

#include "qurb-messages.h"

G_BEGIN_DECLS

void qurb_json_append_string (GString     *out,
                              const gchar *value);

void qurb_message_to_json     (const QurbMessage *message,
                              GString           *out);

G_END_DECLS
