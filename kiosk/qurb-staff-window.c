/* qurb-staff-window.c — the staff console on a desk: `qurb-kiosk --staff` */
#include "config.h"

#include "qurb-kiosk-widgets.h"
#include "qurb-staff-window.h"

struct _QurbStaffWindow {
  GtkWindow parent_instance;

  GtkWidget *console;
};

G_DEFINE_FINAL_TYPE (QurbStaffWindow, qurb_staff_window, GTK_TYPE_WINDOW)

const gchar *
qurb_staff_window_get_screen (QurbStaffWindow *self)
{
  return qurb_staff_console_get_screen (QURB_STAFF_CONSOLE (self->console));
}

static void
qurb_staff_window_class_init (QurbStaffWindowClass *klass)
{
}

static void
qurb_staff_window_init (QurbStaffWindow *self)
{
  self->console = g_object_new (QURB_TYPE_STAFF_CONSOLE, NULL);
  gtk_window_set_child (GTK_WINDOW (self), self->console);
  gtk_window_set_title (GTK_WINDOW (self), "Qurb");
  gtk_window_set_default_size (GTK_WINDOW (self), 1920, 1080);
  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk");
}

QurbStaffWindow *
qurb_staff_window_new (QurbKioskSession *session)
{
  QurbStaffWindow *self = g_object_new (QURB_TYPE_STAFF_WINDOW, NULL);

  qurb_kiosk_apply_language (GTK_WIDGET (self), qurb_kiosk_session_get_lang (session));
  qurb_staff_console_setup (QURB_STAFF_CONSOLE (self->console), session, FALSE);
  return self;
}
