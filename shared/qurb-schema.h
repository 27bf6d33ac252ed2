/* qurb-schema.h — the schema, versioned by PRAGMA user_version */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

/* The index a large import drops and rebuilds after the load (as the
 * migration spells it, so a rebuilt schema reads the same). */
#define QURB_CLAIMS_MEMBER_INDEX    "claims_member"
#define QURB_CLAIMS_MEMBER_INDEX_ON "claims (member_id, deposited_on)"

gint     qurb_schema_latest_version (void);
gboolean qurb_schema_migrate        (QurbDb  *db,
                                     GError **error);
gboolean qurb_schema_repair         (QurbDb  *db,
                                     GError **error);

G_END_DECLS
