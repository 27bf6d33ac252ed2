/* qurb-staff-chart.c — bars drawn by us */
#include "config.h"

#include "qurb-staff-chart.h"

typedef struct {
  gchar *label;
  gdouble values[QURB_STAFF_CHART_MAX_SERIES];
} Group;

struct _QurbStaffChart {
  GtkWidget parent_instance;

  guint n_series;
  gchar *names[QURB_STAFF_CHART_MAX_SERIES];
  gdouble top;          /* the scale's top: fixed (5 for ratings), or the largest value */
  gboolean auto_top;
  gboolean decimals;
  GArray *groups;       /* Group */
};

G_DEFINE_FINAL_TYPE (QurbStaffChart, qurb_staff_chart, GTK_TYPE_WIDGET)

/* Dark green, light green: the kiosk's colours, told apart in grey too. */
static const GdkRGBA colours[QURB_STAFF_CHART_MAX_SERIES] = {
  { 0.043, 0.365, 0.231, 1 }, { 0.486, 0.769, 0.604, 1 },
};

#define HEIGHT        340
#define LEGEND        48     /* the names of the series, above */
#define LABELS        56     /* the groups' names, under */
#define BAR_WIDTH     44
#define GROUP_GAP     36
/* Every chart's groups take the room of two bars, so that a caravan
 * stands at the same place in the counts and in the ratings. */
#define GROUP_WIDTH   (QURB_STAFF_CHART_MAX_SERIES * BAR_WIDTH + GROUP_GAP)

static void
group_clear (Group *group)
{
  g_free (group->label);
}

static void
qurb_staff_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                          int *natural, int *minimum_baseline, int *natural_baseline)
{
  QurbStaffChart *self = QURB_STAFF_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = HEIGHT;
  else
    {
      *minimum = 320;
      *natural = MAX (320, (gint) self->groups->len * GROUP_WIDTH + GROUP_GAP);
    }
}

static void
text_at (GtkWidget *widget, cairo_t *cr, const gchar *text, gdouble centre_x, gdouble y, gdouble max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  gint w, h;

  pango_layout_set_width (layout, (gint) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, centre_x - max_width / 2, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
qurb_staff_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  QurbStaffChart *self = QURB_STAFF_CHART (widget);
  gdouble width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gdouble plot_top = LEGEND + 36, plot_bottom = height - LABELS, x;
  /* More caravans than the width holds: narrower groups, none drawn
   * off the edge (the table under the charts has every figure). */
  gdouble slot = self->groups->len == 0 ? GROUP_WIDTH
                 : MIN (GROUP_WIDTH, (width - GROUP_GAP) / self->groups->len);
  gdouble bar_width = BAR_WIDTH * slot / GROUP_WIDTH;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_source_rgb (cr, 0.07, 0.07, 0.07);
  /* The legend, in reading order: a swatch, its name after it. */
  x = 0;
  for (guint s = 0; s < self->n_series; s++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, self->names[s]);
      gdouble at = rtl ? width - x - 28 : x;
      gint w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, &colours[s]);
      cairo_rectangle (cr, at, 10, 28, 28);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.07, 0.07, 0.07);
      cairo_move_to (cr, rtl ? at - 12 - w : at + 40, 24 - h / 2.0);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      x += 28 + 12 + w + 48;
    }
  /* The base line. */
  cairo_set_source_rgb (cr, 0.5, 0.55, 0.52);
  cairo_rectangle (cr, 0, plot_bottom, width, 2);
  cairo_fill (cr);
  for (guint g = 0; g < self->groups->len; g++)
    {
      const Group *group = &g_array_index (self->groups, Group, g);
      gdouble centre = GROUP_GAP / 2.0 + (g + 0.5) * slot;
      gdouble left = centre - self->n_series * bar_width / 2.0;

      for (guint s = 0; s < self->n_series; s++)
        {
          gdouble value = group->values[s];
          gdouble bar = self->top > 0 && value > 0 ? (plot_bottom - plot_top) * MIN (value, self->top) / self->top : 0;
          gdouble bx = left + s * bar_width;
          g_autofree gchar *figure = value < 0 ? g_strdup ("–")
                                   : self->decimals ? g_strdup_printf ("%.1f", value)
                                   : g_strdup_printf ("%.0f", value);

          /* Mirrored in Arabic: the first caravan on the right. */
          if (rtl)
            bx = width - bx - bar_width;
          gdk_cairo_set_source_rgba (cr, &colours[s]);
          cairo_rectangle (cr, bx + 3, plot_bottom - bar, MAX (bar_width - 6, 2), bar);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.07, 0.07, 0.07);
          text_at (widget, cr, figure, bx + bar_width / 2.0, plot_bottom - bar - 34,
                   MAX (bar_width + 20 * slot / GROUP_WIDTH, slot / self->n_series));
        }
      text_at (widget, cr, group->label, rtl ? width - centre : centre, plot_bottom + 8, slot);
    }
  cairo_destroy (cr);
}

static void
qurb_staff_chart_finalize (GObject *object)
{
  QurbStaffChart *self = QURB_STAFF_CHART (object);

  g_array_unref (self->groups);
  for (guint s = 0; s < QURB_STAFF_CHART_MAX_SERIES; s++)
    g_free (self->names[s]);
  G_OBJECT_CLASS (qurb_staff_chart_parent_class)->finalize (object);
}

static void
qurb_staff_chart_class_init (QurbStaffChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = qurb_staff_chart_finalize;
  widget_class->measure = qurb_staff_chart_measure;
  widget_class->snapshot = qurb_staff_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qurb_staff_chart_init (QurbStaffChart *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, (GDestroyNotify) group_clear);
}

GtkWidget *
qurb_staff_chart_new (void)
{
  return g_object_new (QURB_TYPE_STAFF_CHART, NULL);
}

/* n_series bars a group, named names; the scale runs from 0 to top (0:
 * the largest value shown). */
void
qurb_staff_chart_set_series (QurbStaffChart *self, guint n_series, const gchar *const *names, gdouble top,
                             gboolean decimals)
{
  g_return_if_fail (n_series >= 1 && n_series <= QURB_STAFF_CHART_MAX_SERIES);
  self->n_series = n_series;
  for (guint s = 0; s < QURB_STAFF_CHART_MAX_SERIES; s++)
    {
      g_free (self->names[s]);
      self->names[s] = s < n_series ? g_strdup (names[s]) : NULL;
    }
  self->auto_top = top <= 0;
  self->top = MAX (top, 0);
  self->decimals = decimals;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
qurb_staff_chart_clear (QurbStaffChart *self)
{
  g_array_set_size (self->groups, 0);
  if (self->auto_top)
    self->top = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A group: its name and one value a series (negative: not known, "–"). */
void
qurb_staff_chart_add (QurbStaffChart *self, const gchar *label, const gdouble *values)
{
  Group group = { g_strdup (label), { 0 } };

  for (guint s = 0; s < self->n_series; s++)
    {
      group.values[s] = values[s];
      if (self->auto_top)
        self->top = MAX (self->top, values[s]);
    }
  g_array_append_val (self->groups, group);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
qurb_staff_chart_get_n_groups (QurbStaffChart *self)
{
  return self->groups->len;
}
