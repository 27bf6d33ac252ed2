/* cmd-report.c — qurbctl report caravans: what came of the caravans */
#include "config.h"

#include "qurb-caravan-report.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurbctl.h"

/* text right-aligned in width characters (printf counts bytes: "–", "Réservé"). */
static gchar *
cell (const gchar *text, glong width)
{
  return g_strdup_printf ("%*s%s", (gint) MAX (0, width - g_utf8_strlen (text, -1)), "", text);
}

/* A count, or a dash where it is not known yet, in a column. */
static gchar *
count_cell (gint64 value, glong width)
{
  g_autofree gchar *text = value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("–");
  return cell (text, width);
}

static void
print_row (const QurbCaravanFigures *row)
{
  g_autofree gchar *booked = count_cell (row->booked, 8), *attended = count_cell (row->attended, 8);
  g_autofree gchar *no_shows = count_cell (row->no_shows, 8), *waiting = count_cell (row->waiting, 8);
  g_autofree gchar *ratings = count_cell (row->ratings, 8);
  g_autofree gchar *mean = row->ratings > 0 ? g_strdup_printf ("%.2f", qurb_caravan_figures_average (row))
                                            : g_strdup ("–");
  g_autofree gchar *average = cell (mean, 8);
  g_autofree gchar *label = NULL, *padded = NULL;

  switch (row->level)
    {
    case QURB_FIGURES_CARAVAN:
      label = g_strdup_printf ("%-8s %s %-13s %s", row->caravan, row->date, row->specialty, row->province);
      break;
    case QURB_FIGURES_SPECIALTY:
      label = g_strdup (row->specialty);
      break;
    case QURB_FIGURES_PROVINCE:
      label = g_strdup (row->province);
      break;
    case QURB_FIGURES_ALL:
    default:
      label = g_strdup (_("All caravans"));
      break;
    }
  padded = qurbctl_pad (label, 44);
  g_print ("%s%s%s%s%s%s%s\n", padded, booked, attended, no_shows, waiting, ratings, average);
}

static void
print_heading (const gchar *title, gboolean first)
{
  /* TRANSLATORS: the columns of `qurbctl report caravans`, 7 characters
   * at most each (booked, attended, no-shows, waiting list, ratings,
   * average rating) */
  const gchar *const columns[] = { N_("Booked"), N_("Came"), N_("Absent"), N_("Waiting"), N_("Rated"), N_("Rating") };
  g_autofree gchar *padded = qurbctl_pad (title, 44);

  g_print ("%s%s", first ? "" : "\n", padded);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree gchar *heading = cell (_(columns[i]), 8);
      g_print ("%s", heading);
    }
  g_print ("\n");
}

static gint
report_caravans (const QurbctlGlobals *globals, const gchar *from, const gchar *to, gboolean csv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  QurbFiguresLevel shown = QURB_FIGURES_ALL + 1;

  if ((db = qurbctl_open_db (globals)) == NULL)
    return QURBCTL_FAILED;
  if ((rows = qurb_caravan_report (db, from, to, &error)) == NULL)
    return qurbctl_fail (error);
  if (csv)
    {
      g_autofree gchar *text = qurb_caravan_figures_csv (rows);
      g_print ("%s", text);
      return QURBCTL_OK;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const QurbCaravanFigures *row = &g_array_index (rows, QurbCaravanFigures, i);
      static const gchar *const titles[] = {
        N_("Caravan  Day        Specialty     Province"), N_("By specialty"), N_("By province"), N_("In all"),
      };

      if (row->level != shown)
        print_heading (_(titles[row->level]), i == 0);
      shown = row->level;
      print_row (row);
    }
  if (rows->len <= 1)
    g_print ("%s\n", _("No caravan in these days."));
  g_print ("\n%s\n", _("Absent counts once a caravan's day is over (– until then)."));
  return QURBCTL_OK;
}

gint
qurbctl_cmd_report (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autofree gchar *from = NULL, *to = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("One CSV line a row, for a spreadsheet"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Caravans from this day on"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Caravans up to this day"), "YYYY-MM-DD" },
    { NULL }
  };
  const gchar *bad = NULL;
  gint y, m, d;

  if (!qurbctl_parse_options (_("caravans [--csv]"),
                              _("Per caravan, then per specialty, per province and in all: seats booked,\n"
                                "members who came (checked in), who did not once the day is over,\n"
                                "members still on the waiting list, and the ratings they sent (count,\n"
                                "average of 1 to 5)."),
                              entries, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  if (g_strcmp0 (argv[1], "caravans") != 0)
    {
      g_printerr (_("qurbctl: there is one report, “caravans”\n"));
      return QURBCTL_USAGE;
    }
  if (from != NULL && !qurb_parse_date (from, &y, &m, &d))
    bad = from;
  else if (to != NULL && !qurb_parse_date (to, &y, &m, &d))
    bad = to;
  if (bad != NULL)
    {
      g_printerr (_("qurbctl: “%s” is not a date as YYYY-MM-DD\n"), bad);
      return QURBCTL_USAGE;
    }
  return report_caravans (globals, from, to, csv);
}
