/* qurb-caravan-figures.h — what came of the caravans: booked, attended,
 * no-shows, waiting, ratings, per caravan and in totals
 *
 * Pure: rows in, totals and CSV out. The database side is
 * qurb-caravan-report.c; the staff console charts the same rows. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  QURB_FIGURES_CARAVAN,
  QURB_FIGURES_SPECIALTY,   /* every caravan of one specialty */
  QURB_FIGURES_PROVINCE,    /* every caravan of one province */
  QURB_FIGURES_ALL,
} QurbFiguresLevel;

typedef struct {
  QurbFiguresLevel level;
  gchar *caravan;           /* a caravan's code; NULL in totals */
  gchar *specialty;         /* NULL in province totals and the grand total */
  gchar *province;          /* NULL in specialty totals and the grand total */
  gchar *date;              /* a caravan's day; NULL in totals */
  gint64 booked;            /* active bookings */
  gint64 cancelled;
  gint64 attended;
  gint64 no_shows;          /* booked, not attended, the day past; -1 before the day */
  gint64 waiting;           /* on the waiting list still; -1 when there is none */
  gint64 ratings;           /* answers to the rating SMS */
  gint64 rating_sum;        /* of the answers, 1 to 5 each */
} QurbCaravanFigures;

void    qurb_caravan_figures_clear       (QurbCaravanFigures *figures);
GArray *qurb_caravan_figures_new_array   (void);
void    qurb_caravan_figures_add_totals  (GArray *rows);
gdouble qurb_caravan_figures_average     (const QurbCaravanFigures *figures);
gchar  *qurb_caravan_figures_csv         (GArray *rows);
const gchar *qurb_figures_level_name     (QurbFiguresLevel level);

G_END_DECLS
