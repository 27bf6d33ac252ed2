/* qurb-caravan-report.h — the caravans' figures read from the database:
 * one row per caravan, then totals per specialty, per province and all
 * (QurbCaravanFigures, qurb-caravan-figures.h) */
#pragma once

#include "qurb-caravan-figures.h"
#include "qurb-db.h"

G_BEGIN_DECLS

GArray *qurb_caravan_report (QurbDb       *db,
                             const gchar  *from,
                             const gchar  *to,
                             GError      **error);

G_END_DECLS
