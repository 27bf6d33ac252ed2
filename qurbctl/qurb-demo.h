/* qurb-demo.h — a realistic demo data set, loaded through the real imports */
#pragma once

#include "qurb-db.h"
#include "qurb-import.h"

G_BEGIN_DECLS

typedef struct {
  guint members;
  guint claims;
  guint caravans;
  guint bookings;
  guint notices;
} QurbDemoStats;

gboolean qurb_demo_load (QurbDb        *db,
                         guint          n_members,
                         QurbDemoStats *stats,
                         GError       **error);

G_END_DECLS
