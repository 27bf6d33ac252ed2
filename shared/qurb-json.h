/* qurb-json.h — writing JSON values for the command-line's --json output */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void qurb_json_append_string (GString     *out,
                              const gchar *value);

G_END_DECLS
