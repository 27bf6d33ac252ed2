/* qurb-idle-warning.c — "Need more time?", full screen, before the idle reset */
#include "config.h"

#include "qurb-idle-warning.h"
#include "qurb-kiosk-widgets.h"

struct _QurbIdleWarning {
  GtkBox parent_instance;

  GtkWidget *title_label, *countdown_label, *more_button, *finished_button;
  guint shown_left;          /* the seconds the countdown shows */
};

G_DEFINE_FINAL_TYPE (QurbIdleWarning, qurb_idle_warning, GTK_TYPE_BOX)

enum { SIGNAL_MORE_TIME, SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
more_clicked (GtkButton *button, QurbIdleWarning *self)
{
  g_signal_emit (self, signals[SIGNAL_MORE_TIME], 0);
}

static void
finished_clicked (GtkButton *button, QurbIdleWarning *self)
{
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

void
qurb_idle_warning_relabel (QurbIdleWarning *self, const gchar *lang)
{
  qurb_kiosk_set_text (self->title_label, T_("Do you need more time?"));
  qurb_kiosk_set_text (self->more_button, T_("Yes, I need more time"));
  qurb_kiosk_set_text (self->finished_button, T_("No, I have finished"));
  self->shown_left = 0;
}

/* Shows the seconds left before the screen goes back to the start. */
void
qurb_idle_warning_count (QurbIdleWarning *self, const gchar *lang, guint seconds_left)
{
  g_autofree gchar *text = NULL;

  if (seconds_left == self->shown_left)
    return;
  self->shown_left = seconds_left;
  text = g_strdup_printf (qurb_dngettext (lang,
      "Without a touch, the screen goes back to the start in %u second and what you typed is cleared.",
      "Without a touch, the screen goes back to the start in %u seconds and what you typed is cleared.",
      seconds_left), seconds_left);
  qurb_kiosk_set_text (self->countdown_label, text);
}

static void
qurb_idle_warning_class_init (QurbIdleWarningClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_MORE_TIME] = g_signal_new ("more-time", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-idle-warning.ui");
  gtk_widget_class_bind_template_child (widget_class, QurbIdleWarning, title_label);
  gtk_widget_class_bind_template_child (widget_class, QurbIdleWarning, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, QurbIdleWarning, more_button);
  gtk_widget_class_bind_template_child (widget_class, QurbIdleWarning, finished_button);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked);
  gtk_widget_class_bind_template_callback (widget_class, finished_clicked);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
}

static void
qurb_idle_warning_init (QurbIdleWarning *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
