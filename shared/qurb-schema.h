/* qurb-schema.h — the schema, versioned by PRAGMA user_version */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

gint     qurb_schema_latest_version (void);
gboolean qurb_schema_migrate        (QurbDb  *db,
                                     GError **error);

G_END_DECLS
