/* qurb-staff-report.c — the staff console's "Caravans report" */
#include "config.h"

#include "qurb-caravan-report.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-staff-chart.h"
#include "qurb-staff-report.h"
#include "qurb-texts.h"

struct _QurbStaffReport {
  GtkBox parent_instance;

  GtkWidget *intro, *attendance_title, *attendance, *rating_title, *rating, *table, *note;
  QurbKioskSession *session;
  guint n_caravans;
};

G_DEFINE_FINAL_TYPE (QurbStaffReport, qurb_staff_report, GTK_TYPE_BOX)

/* The specialties of the caravans' exports, as staff name them. */
static const gchar *
specialty_name (const gchar *lang, const gchar *code)
{
  static const struct { const gchar *code, *name; } names[] = {
    /* TRANSLATORS: a caravan's specialty */
    { "OPHTALMOLOGIE", N_("Eye care") }, { "DENTAIRE", N_("Dental care") },
    /* TRANSLATORS: a caravan's specialty */
    { "DEPISTAGE", N_("Screening") }, { "GENERALE", N_("General medicine") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (code, names[i].code) == 0)
      return T_(names[i].name);
  return code ? code : "";
}

static gchar *
count_text (gint64 value)
{
  return value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("–");
}

static GtkWidget *
cell_new (const gchar *text, const gchar *css_class, gboolean number)
{
  GtkWidget *label = qurb_kiosk_label_new (text, css_class);

  /* Figures and their headings flush right in Arabic too, units under
   * units (a right-to-left label would mirror its alignment). */
  if (number)
    {
      gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
    }
  return label;
}

static gchar *
row_label (const QurbCaravanFigures *row, const gchar *lang)
{
  switch (row->level)
    {
    case QURB_FIGURES_CARAVAN:
      {
        g_autofree gchar *day = qurb_format_date (row->date);
        g_autofree gchar *first = g_strdup_printf ("%s · %s", row->caravan, day);
        g_autofree gchar *first_ltr = qurb_kiosk_ltr (lang, first);

        return g_strdup_printf ("%s\n%s · %s", first_ltr, specialty_name (lang, row->specialty),
                                qurb_kiosk_province_name (lang, row->province));
      }
    case QURB_FIGURES_SPECIALTY:
      return g_strdup (specialty_name (lang, row->specialty));
    case QURB_FIGURES_PROVINCE:
      return g_strdup (qurb_kiosk_province_name (lang, row->province));
    case QURB_FIGURES_ALL:
    default:
      return g_strdup (T_("All caravans"));
    }
}

static void
add_row (QurbStaffReport *self, gint line, const QurbCaravanFigures *row, const gchar *lang)
{
  gint64 values[] = { row->booked, row->attended, row->no_shows, row->waiting, row->ratings };
  g_autofree gchar *label = row_label (row, lang);
  g_autofree gchar *average = row->ratings > 0 ? g_strdup_printf ("%.2f", qurb_caravan_figures_average (row))
                                               : g_strdup ("–");
  const gchar *css = row->level == QURB_FIGURES_CARAVAN ? NULL : "total";

  gtk_grid_attach (GTK_GRID (self->table), cell_new (label, css, FALSE), 0, line, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree gchar *text = count_text (values[i]);
      gtk_grid_attach (GTK_GRID (self->table), cell_new (text, css, TRUE), (gint) i + 1, line, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->table), cell_new (average, css, TRUE), 6, line, 1, 1);
}

static void
add_heading (QurbStaffReport *self, gint line, const gchar *title, const gchar *lang)
{
  /* TRANSLATORS: the columns of the staff console's caravans report */
  const gchar *const columns[] = { N_("Booked"), N_("Came"), N_("Absent"), N_("Waiting"), N_("Rated"), N_("Rating") };

  gtk_grid_attach (GTK_GRID (self->table), cell_new (title, "heading", FALSE), 0, line, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gtk_grid_attach (GTK_GRID (self->table), cell_new (T_(columns[i]), "heading", TRUE), (gint) i + 1, line, 1, 1);
}

/* Reads the figures again and redraws the charts and the table. */
gboolean
qurb_staff_report_refresh (QurbStaffReport *self, GError **error)
{
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);
  g_autoptr(GArray) rows = qurb_caravan_report (qurb_kiosk_session_get_db (self->session), NULL, NULL, error);
  const gchar *const series[] = { T_("Booked"), T_("Came") };
  const gchar *const rating[] = { T_("Average rating, out of 5") };
  const gchar *const titles[] = { T_("By caravan"), T_("By specialty"), T_("By province"), T_("In all") };
  QurbFiguresLevel shown = QURB_FIGURES_ALL + 1;
  gint line = 0;

  if (rows == NULL)
    return FALSE;
  qurb_kiosk_set_text (self->intro, T_("What came of the caravans: seats booked, members who came, no-shows, the waiting lists and the ratings members sent."));
  qurb_kiosk_set_text (self->attendance_title, T_("Booked and came, per caravan"));
  qurb_kiosk_set_text (self->rating_title, T_("Average rating, per caravan"));
  qurb_kiosk_set_text (self->note, T_("Absent counts once a caravan's day is over (– until then)."));
  qurb_staff_chart_set_series (QURB_STAFF_CHART (self->attendance), 2, series, 0, FALSE);
  qurb_staff_chart_set_series (QURB_STAFF_CHART (self->rating), 1, rating, 5, TRUE);
  qurb_staff_chart_clear (QURB_STAFF_CHART (self->attendance));
  qurb_staff_chart_clear (QURB_STAFF_CHART (self->rating));
  qurb_kiosk_remove_children (self->table);
  self->n_caravans = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const QurbCaravanFigures *row = &g_array_index (rows, QurbCaravanFigures, i);

      if (row->level == QURB_FIGURES_CARAVAN)
        {
          gdouble counts[] = { (gdouble) row->booked, (gdouble) row->attended };
          gdouble average[] = { row->ratings > 0 ? qurb_caravan_figures_average (row) : -1 };

          qurb_staff_chart_add (QURB_STAFF_CHART (self->attendance), row->caravan, counts);
          qurb_staff_chart_add (QURB_STAFF_CHART (self->rating), row->caravan, average);
          self->n_caravans++;
        }
      if (row->level != shown)
        add_heading (self, line++, titles[row->level], lang);
      shown = row->level;
      add_row (self, line++, row, lang);
    }
  gtk_widget_set_visible (self->attendance, self->n_caravans > 0);
  gtk_widget_set_visible (self->rating, self->n_caravans > 0);
  return TRUE;
}

guint
qurb_staff_report_get_n_caravans (QurbStaffReport *self)
{
  return self->n_caravans;
}

void
qurb_staff_report_setup (QurbStaffReport *self, QurbKioskSession *session)
{
  g_set_object (&self->session, session);
}

static void
qurb_staff_report_dispose (GObject *object)
{
  g_clear_object (&QURB_STAFF_REPORT (object)->session);
  G_OBJECT_CLASS (qurb_staff_report_parent_class)->dispose (object);
}

static void
qurb_staff_report_class_init (QurbStaffReportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = qurb_staff_report_dispose;
}

static void
qurb_staff_report_init (QurbStaffReport *self)
{
  GtkBox *box = GTK_BOX (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 20);
  gtk_widget_add_css_class (GTK_WIDGET (self), "report");
  self->intro = qurb_kiosk_label_new (NULL, "intro");
  self->attendance_title = qurb_kiosk_label_new (NULL, "card-title");
  self->attendance = qurb_staff_chart_new ();
  self->rating_title = qurb_kiosk_label_new (NULL, "card-title");
  self->rating = qurb_staff_chart_new ();
  self->table = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->table), 24);
  gtk_grid_set_row_spacing (GTK_GRID (self->table), 8);
  gtk_widget_add_css_class (self->table, "figures");
  self->note = qurb_kiosk_label_new (NULL, "note");
  gtk_box_append (box, self->intro);
  gtk_box_append (box, self->attendance_title);
  gtk_box_append (box, self->attendance);
  gtk_box_append (box, self->rating_title);
  gtk_box_append (box, self->rating);
  gtk_box_append (box, self->table);
  gtk_box_append (box, self->note);
}
