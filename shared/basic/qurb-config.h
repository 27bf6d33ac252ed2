/* qurb-config.h — reading /etc/qurb/qurb.conf, shared by every program */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gchar    *qurb_config_value  (GKeyFile     *file,
                              const gchar  *group,
                              const gchar  *key);
gboolean  qurb_config_number (GKeyFile     *file,
                              const gchar  *group,
                              const gchar  *key,
                              guint         fallback,
                              guint         min,
                              guint         max,
                              guint        *out,
                              const gchar  *origin,
                              GError      **error);

G_END_DECLS
