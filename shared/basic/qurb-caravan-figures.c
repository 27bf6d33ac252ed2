/* qurb-caravan-figures.c — what came of the caravans, per caravan and in
 * totals */
#include "config.h"

#include <string.h>

#include "qurb-caravan-figures.h"
#include "qurb-csv.h"

void
qurb_caravan_figures_clear (QurbCaravanFigures *figures)
{
  g_clear_pointer (&figures->caravan, g_free);
  g_clear_pointer (&figures->specialty, g_free);
  g_clear_pointer (&figures->province, g_free);
  g_clear_pointer (&figures->date, g_free);
}

static void
clear_func (gpointer data)
{
  qurb_caravan_figures_clear (data);
}

GArray *
qurb_caravan_figures_new_array (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (QurbCaravanFigures));

  g_array_set_clear_func (rows, clear_func);
  return rows;
}

/* A count that may be unknown (-1) added to a total that may be too: a
 * total knows as soon as one of its caravans does. */
static void
add_known (gint64 *total, gint64 value)
{
  if (value < 0)
    return;
  *total = *total < 0 ? value : *total + value;
}

static void
add_into (QurbCaravanFigures *total, const QurbCaravanFigures *row)
{
  total->booked += row->booked;
  total->cancelled += row->cancelled;
  total->attended += row->attended;
  add_known (&total->no_shows, row->no_shows);
  add_known (&total->waiting, row->waiting);
  total->ratings += row->ratings;
  total->rating_sum += row->rating_sum;
}

/* The total row of level whose key is key (NULL for the grand total),
 * made when missing. */
static QurbCaravanFigures *
total_for (GArray *totals, QurbFiguresLevel level, const gchar *key)
{
  QurbCaravanFigures fresh = { level, .no_shows = -1, .waiting = -1 };

  for (guint i = 0; i < totals->len; i++)
    {
      QurbCaravanFigures *t = &g_array_index (totals, QurbCaravanFigures, i);
      const gchar *its = level == QURB_FIGURES_SPECIALTY ? t->specialty : t->province;

      if (t->level == level && (level == QURB_FIGURES_ALL || g_strcmp0 (its, key) == 0))
        return t;
    }
  if (level == QURB_FIGURES_SPECIALTY)
    fresh.specialty = g_strdup (key);
  else if (level == QURB_FIGURES_PROVINCE)
    fresh.province = g_strdup (key);
  g_array_append_val (totals, fresh);
  return &g_array_index (totals, QurbCaravanFigures, totals->len - 1);
}

static gint
by_level_then_key (gconstpointer a, gconstpointer b)
{
  const QurbCaravanFigures *x = a, *y = b;

  if (x->level != y->level)
    return (gint) x->level - (gint) y->level;
  if (x->level == QURB_FIGURES_SPECIALTY)
    return g_strcmp0 (x->specialty, y->specialty);
  return g_utf8_collate (x->province ? x->province : "", y->province ? y->province : "");
}

/* Appends, after the caravans' rows, one total per specialty, one per
 * province (each sorted), and the grand total. */
void
qurb_caravan_figures_add_totals (GArray *rows)
{
  g_autoptr(GArray) totals = qurb_caravan_figures_new_array ();
  guint n = rows->len;

  for (guint i = 0; i < n; i++)
    {
      const QurbCaravanFigures *row = &g_array_index (rows, QurbCaravanFigures, i);

      if (row->level != QURB_FIGURES_CARAVAN)
        continue;
      add_into (total_for (totals, QURB_FIGURES_SPECIALTY, row->specialty), row);
      add_into (total_for (totals, QURB_FIGURES_PROVINCE, row->province), row);
      add_into (total_for (totals, QURB_FIGURES_ALL, NULL), row);
    }
  g_array_sort (totals, by_level_then_key);
  /* The strings move to rows: totals must not free them. */
  g_array_append_vals (rows, totals->data, totals->len);
  g_array_set_clear_func (totals, NULL);
}

/* The average rating, 0 when nobody answered. */
gdouble
qurb_caravan_figures_average (const QurbCaravanFigures *figures)
{
  return figures->ratings > 0 ? (gdouble) figures->rating_sum / (gdouble) figures->ratings : 0.0;
}

const gchar *
qurb_figures_level_name (QurbFiguresLevel level)
{
  static const gchar *const names[] = { "caravan", "specialty", "province", "all" };

  g_return_val_if_fail (level < G_N_ELEMENTS (names), "all");
  return names[level];
}

static void
append_count (GString *out, gint64 value)
{
  g_string_append_c (out, ',');
  if (value >= 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* One line a row, unknown counts empty, the average with a point and two
 * decimals whatever the locale, empty when nobody answered. */
gchar *
qurb_caravan_figures_csv (GArray *rows)
{
  GString *out = g_string_new ("level,caravan,specialty,province,date,booked,cancelled,attended,"
                               "no_shows,waiting,ratings,rating_average\n");

  for (guint i = 0; i < rows->len; i++)
    {
      const QurbCaravanFigures *row = &g_array_index (rows, QurbCaravanFigures, i);
      gchar average[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, qurb_figures_level_name (row->level));
      g_string_append_c (out, ',');
      qurb_csv_append_field (out, row->caravan);
      g_string_append_c (out, ',');
      qurb_csv_append_field (out, row->specialty);
      g_string_append_c (out, ',');
      qurb_csv_append_field (out, row->province);
      g_string_append_c (out, ',');
      qurb_csv_append_field (out, row->date);
      append_count (out, row->booked);
      append_count (out, row->cancelled);
      append_count (out, row->attended);
      append_count (out, row->no_shows);
      append_count (out, row->waiting);
      append_count (out, row->ratings);
      g_string_append_c (out, ',');
      if (row->ratings > 0)
        g_string_append (out, g_ascii_formatd (average, sizeof average, "%.2f",
                                               qurb_caravan_figures_average (row)));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
