/* qurb-caravans.h — the caravans members can book, with their slots and seats */
#pragma once

#include "qurb-db.h"
#include "qurb-types.h"

G_BEGIN_DECLS

/* A caravan's slot as members see it. */
typedef struct {
  gchar start_time[QURB_TIME_SIZE];
  gint seats_left;
  gboolean open;       /* bookable now: not past, not too close */
} QurbCaravanSlot;

typedef struct {
  gint64 id;
  gchar *code;
  gchar *specialty;
  gchar *title_fr, *title_ar;
  gchar *province;
  gchar *site_fr, *site_ar;
  gchar *date;
  gchar *start_time, *end_time;
  gint seats_left;   /* in slots still open for booking */
  GArray *slots;     /* of QurbCaravanSlot, by start time */
} QurbCaravan;

GPtrArray  *qurb_caravans_upcoming    (QurbDb   *db,
                                       GError  **error);
gchar      *qurb_caravan_site         (QurbDb       *db,
                                       const gchar  *code,
                                       const gchar  *lang,
                                       GError      **error);
GStrv       qurb_caravan_codes        (QurbDb   *db,
                                       GError  **error);
const QurbCaravan *qurb_caravan_lookup (GPtrArray   *caravans,
                                       const gchar *code);
void        qurb_caravan_free         (QurbCaravan *caravan);

G_END_DECLS
