/* qurb-kiosk-topbar.c — the top of every kiosk screen: the mutual, the
 * agency, the time */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-kiosk-topbar.h"
#include "qurb-kiosk-widgets.h"

/* The press is this much longer than GTK's long press (half a second,
 * twice at most): a second held on the mutual's name, still behind the
 * staff PIN. */
#define STAFF_PRESS_FACTOR 2.0

struct _QurbKioskTopbar {
  GtkBox parent_instance;

  GtkWidget *brand_box, *brand_label, *agency_label, *clock_label;
  gint clock_minute;         /* the minute the clock shows */
};

G_DEFINE_FINAL_TYPE (QurbKioskTopbar, qurb_kiosk_topbar, GTK_TYPE_BOX)

enum { SIGNAL_STAFF_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint
minute_of (GDateTime *now)
{
  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

/* Everything, in the session's language. */
void
qurb_kiosk_topbar_update (QurbKioskTopbar *self, QurbKioskSession *session)
{
  const gchar *lang = qurb_kiosk_session_get_lang (session);
  const gchar *agency = qurb_kiosk_session_get_agency_name (session);
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *time = g_date_time_format (now, "%H:%M");
  g_autofree gchar *time_ltr = qurb_kiosk_ltr (lang, time);
  g_autofree gchar *where = NULL;

  if (agency == NULL)
    agency = qurb_kiosk_session_get_agency_code (session);
  /* A name that is a province's reads in Arabic in Arabic. */
  /* TRANSLATORS: the top of every kiosk screen; %s the agency's name */
  where = agency ? g_strdup_printf (T_("Agency %s"), qurb_kiosk_province_name (lang, agency)) : NULL;
  /* Plain texts, not controls: they carry no name of their own (the
   * clock's "10:00" is not a time to book). */
  gtk_label_set_text (GTK_LABEL (self->agency_label), where ? where : "");
  /* TRANSLATORS: the mutual's name at the top of every kiosk screen */
  gtk_label_set_text (GTK_LABEL (self->brand_label), T_("Qurb, your health mutual"));
  gtk_label_set_text (GTK_LABEL (self->clock_label), time_ltr);
  /* TRANSLATORS: accessible name of the mutual's name at the top; a long
   * press on it opens the staff console */
  qurb_kiosk_set_name (self->brand_box, T_("Qurb, your health mutual"));
  self->clock_minute = minute_of (now);
}

/* Often: the clock moves on when the minute does. */
void
qurb_kiosk_topbar_tick (QurbKioskTopbar *self, QurbKioskSession *session)
{
  g_autoptr(GDateTime) now = qurb_now ();

  if (minute_of (now) != self->clock_minute)
    qurb_kiosk_topbar_update (self, session);
}

static void
brand_pressed (GtkGestureLongPress *gesture, gdouble x, gdouble y, QurbKioskTopbar *self)
{
  g_signal_emit (self, signals[SIGNAL_STAFF_REQUESTED], 0);
}

static void
qurb_kiosk_topbar_class_init (QurbKioskTopbarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_STAFF_REQUESTED] = g_signal_new ("staff-requested", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-kiosk-topbar.ui");
  gtk_widget_class_bind_template_child (widget_class, QurbKioskTopbar, brand_box);
  gtk_widget_class_bind_template_child (widget_class, QurbKioskTopbar, brand_label);
  gtk_widget_class_bind_template_child (widget_class, QurbKioskTopbar, agency_label);
  gtk_widget_class_bind_template_child (widget_class, QurbKioskTopbar, clock_label);
}

static void
qurb_kiosk_topbar_init (QurbKioskTopbar *self)
{
  GtkGesture *press = gtk_gesture_long_press_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->clock_minute = -1;
  gtk_gesture_long_press_set_delay_factor (GTK_GESTURE_LONG_PRESS (press), STAFF_PRESS_FACTOR);
  g_signal_connect (press, "pressed", G_CALLBACK (brand_pressed), self);
  gtk_widget_add_controller (self->brand_box, GTK_EVENT_CONTROLLER (press));
}
