/* qurb-staff-list.c — the broadcasts, their progress, and messages per day
 *
 * Refreshed every QURB_STAFF_REFRESH_SECONDS while shown, from the
 * messages themselves (queued / sent / delivered / failed), so it moves
 * as the daemon sends. */
#include "config.h"

#include <string.h>

#include "qurb-broadcast.h"
#include "qurb-clock.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-staff-list.h"
#include "qurb-texts.h"

#define CHART_DAYS 14

struct _QurbStaffList {
  GtkBox parent_instance;

  GtkWidget *heading, *chart, *chart_caption, *rows;
  QurbKioskSession *session;
  GArray *per_day;           /* QurbDayCount, for the chart */
};

G_DEFINE_FINAL_TYPE (QurbStaffList, qurb_staff_list, GTK_TYPE_BOX)

static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  QurbStaffList *self = user_data;
  guint most = 1;
  gdouble bar;

  if (self->per_day == NULL || self->per_day->len == 0)
    return;
  for (guint i = 0; i < self->per_day->len; i++)
    most = MAX (most, g_array_index (self->per_day, QurbDayCount, i).sent);
  bar = (gdouble) width / self->per_day->len;
  cairo_set_source_rgb (cr, 0.043, 0.365, 0.231);   /* the kiosk's green */
  for (guint i = 0; i < self->per_day->len; i++)
    {
      guint n = g_array_index (self->per_day, QurbDayCount, i).sent;
      gdouble h = (height - 4) * (gdouble) n / most;
      /* Oldest day on the reading side's start. */
      guint slot = gtk_widget_get_direction (GTK_WIDGET (area)) == GTK_TEXT_DIR_RTL
                 ? self->per_day->len - 1 - i : i;

      cairo_rectangle (cr, slot * bar + 2, height - h, bar - 4, h);
    }
  cairo_fill (cr);
}

static void
cancel_clicked (GtkButton *button, QurbStaffList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  g_autoptr(GError) error = NULL;

  if (!qurb_broadcast_cancel (qurb_kiosk_session_get_db (self->session), id, NULL, &error))
    g_warning ("cancelling announcement %" G_GINT64_FORMAT ": %s", id, error->message);
  if (!qurb_staff_list_refresh (self, &error))
    g_warning ("broadcasts: %s", error->message);
}

/* Who an announcement goes to, as staff say it: "Members of Tan-Tan". */
gchar *
qurb_staff_audience_label (const gchar *lang, const gchar *audience)
{
  if (g_str_has_prefix (audience, "province:"))
    {
      g_auto(GStrv) names = g_strsplit (audience + strlen ("province:"), ",", -1);
      g_autofree gchar *joined = NULL;

      for (guint i = 0; names[i] != NULL; i++)
        {
          gchar *name = g_strdup (qurb_kiosk_province_name (lang, names[i]));

          g_free (names[i]);
          names[i] = name;
        }
      /* The Arabic comma (U+060C) between Arabic names. */
      joined = g_strjoinv (g_strcmp0 (lang, "ar") == 0 ? "، " : ", ", names);
      return g_strdup_printf (T_("Members of %s"), joined);
    }
  if (g_str_has_prefix (audience, "caravan:"))
    return g_strdup_printf (T_("Booked on caravan %s"), audience + strlen ("caravan:"));
  return g_strdup (T_("All members"));
}

/* An announcement's state as staff read it. */
static const gchar *
state_label (const gchar *lang, const gchar *state)
{
  if (g_strcmp0 (state, "scheduled") == 0)
    /* TRANSLATORS: state of an announcement: waiting for its time */
    return T_("Scheduled");
  if (g_strcmp0 (state, "queued") == 0)
    /* TRANSLATORS: state of an announcement: its messages are going out */
    return T_("Being sent");
  if (g_strcmp0 (state, "done") == 0)
    /* TRANSLATORS: state of an announcement */
    return T_("Sent");
  /* TRANSLATORS: state of an announcement */
  return T_("Cancelled");
}

static GtkWidget *
row_new (QurbStaffList *self, const QurbAnnouncement *a, const QurbBroadcastProgress *p)
{
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *bar = gtk_progress_bar_new ();
  g_autoptr(GDateTime) send_at = qurb_parse_datetime (a->send_at);
  g_autofree gchar *day_iso = send_at ? g_date_time_format (send_at, "%Y-%m-%d") : NULL;
  g_autofree gchar *day = qurb_format_date (day_iso ? day_iso : a->send_at);
  g_autofree gchar *time = send_at ? g_date_time_format (send_at, "%H:%M") : g_strdup ("");
  g_autofree gchar *at = g_strdup_printf (T_("%s at %s"), day, time);
  g_autofree gchar *audience = qurb_staff_audience_label (lang, a->audience);
  g_autofree gchar *title = g_strdup_printf ("%" G_GINT64_FORMAT " · %s", a->id,
                                             qurb_announcement_title (a, lang));
  g_autofree gchar *when = g_strdup_printf ("%s · %s · %s", state_label (lang, a->state), audience, at);
  g_autofree gchar *counts = g_strdup_printf (qurb_dngettext (lang,
                                                  "%lld message: %lld queued, %lld sent, %lld delivered,"
                                                  " %lld failed, %lld withdrawn",
                                                  "%lld messages: %lld queued, %lld sent, %lld delivered,"
                                                  " %lld failed, %lld withdrawn", p->total),
                                              (long long) p->total, (long long) (p->queued + p->sending),
                                              (long long) p->sent, (long long) p->delivered,
                                              (long long) p->failed, (long long) p->withdrawn);

  gtk_widget_add_css_class (row, "card");
  qurb_kiosk_set_name (row, title);
  gtk_box_append (GTK_BOX (line), qurb_kiosk_label_new (title, "card-title"));
  gtk_widget_set_hexpand (gtk_widget_get_last_child (line), TRUE);
  if (g_str_equal (a->state, "scheduled") || g_str_equal (a->state, "queued"))
    {
      g_autofree gchar *name = g_strdup_printf (T_("Cancel announcement %lld"), (long long) a->id);
      GtkWidget *cancel = qurb_kiosk_button_new (T_("Cancel"), "danger");

      qurb_kiosk_set_name (cancel, name);
      g_object_set_data (G_OBJECT (cancel), "id", GSIZE_TO_POINTER (a->id));
      g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked), self);
      gtk_box_append (GTK_BOX (line), cancel);
    }
  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), qurb_kiosk_label_new (when, NULL));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), qurb_broadcast_progress_done (p));
  qurb_kiosk_set_name (bar, counts);
  gtk_box_append (GTK_BOX (row), bar);
  gtk_box_append (GTK_BOX (row), qurb_kiosk_label_new (counts, "counter"));
  return row;
}

gboolean
qurb_staff_list_refresh (QurbStaffList *self, GError **error)
{
  QurbDb *db = qurb_kiosk_session_get_db (self->session);
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);
  g_autoptr(GPtrArray) list = qurb_announcements_all (db, 20, error);
  g_autoptr(GArray) per_day = list ? qurb_broadcast_sent_per_day (db, CHART_DAYS, error) : NULL;
  g_autofree gchar *caption = NULL;
  guint total = 0;

  if (per_day == NULL)
    return FALSE;
  qurb_kiosk_remove_children (self->rows);
  for (guint i = 0; i < list->len; i++)
    {
      const QurbAnnouncement *a = list->pdata[i];
      QurbBroadcastProgress p;

      if (!qurb_broadcast_progress (db, a->id, &p, error))
        return FALSE;
      gtk_box_append (GTK_BOX (self->rows), row_new (self, a, &p));
    }
  for (guint i = 0; i < per_day->len; i++)
    total += g_array_index (per_day, QurbDayCount, i).sent;
  g_clear_pointer (&self->per_day, g_array_unref);
  self->per_day = g_steal_pointer (&per_day);
  caption = g_strdup_printf (T_("Broadcast messages sent per day, last %u days: %u in all"), CHART_DAYS, total);
  qurb_kiosk_set_text (self->chart_caption, caption);
  qurb_kiosk_set_name (self->chart, caption);
  gtk_widget_queue_draw (self->chart);
  return TRUE;
}

void
qurb_staff_list_relabel (QurbStaffList *self)
{
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);

  qurb_kiosk_set_text (self->heading, T_("Announcements, newest first"));
}

void
qurb_staff_list_setup (QurbStaffList *self, QurbKioskSession *session)
{
  self->session = g_object_ref (session);
}

static void
qurb_staff_list_dispose (GObject *object)
{
  QurbStaffList *self = QURB_STAFF_LIST (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->per_day, g_array_unref);
  G_OBJECT_CLASS (qurb_staff_list_parent_class)->dispose (object);
}

static void
qurb_staff_list_class_init (QurbStaffListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = qurb_staff_list_dispose;
}

static void
qurb_staff_list_init (QurbStaffList *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 16);
  self->heading = qurb_kiosk_label_new ("", "intro");
  self->chart_caption = qurb_kiosk_label_new ("", "counter");
  self->chart = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->chart, -1, 120);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->rows);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self), self->heading);
  gtk_box_append (GTK_BOX (self), self->chart_caption);
  gtk_box_append (GTK_BOX (self), self->chart);
  gtk_box_append (GTK_BOX (self), scroller);
}
