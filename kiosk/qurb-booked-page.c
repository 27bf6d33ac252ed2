/* qurb-booked-page.c — the booking code that results from confirming */
#include "config.h"

#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"

struct _QurbBookedPage {
  QurbKioskPage parent_instance;

  GtkWidget *done_label, *code_caption, *code_label, *summary_label, *phone_label, *finish_button;
};

G_DEFINE_FINAL_TYPE (QurbBookedPage, qurb_booked_page, QURB_TYPE_KIOSK_PAGE)

static void
finish_clicked (GtkButton *button, QurbBookedPage *self)
{
  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), "home", QURB_KIOSK_NAV_REPLACE);
}

static gboolean
qurb_booked_page_enter (QurbKioskPage *page, GError **error)
{
  QurbBookedPage *self = QURB_BOOKED_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (session);
  g_autofree gchar *note = qurb_kiosk_booking_phone_note (qurb_kiosk_session_get_member (session), lang, TRUE);
  g_autofree gchar *name = NULL;
  gboolean ok;
  g_autofree gchar *summary = qurb_kiosk_booking_summary (page, errand->booking.start_time, error, &ok);

  if (!ok)
    return FALSE;
  gtk_label_set_text (GTK_LABEL (self->code_label), errand->booking.code);
  /* TRANSLATORS: accessible name of the large booking code; %s the code */
  name = g_strdup_printf (T_("Booking code %s"), errand->booking.code);
  qurb_kiosk_set_name (self->code_label, name);
  qurb_kiosk_set_text (self->summary_label, summary ? summary : "");
  qurb_kiosk_set_text (self->phone_label, note);
  return TRUE;
}

static void
qurb_booked_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbBookedPage *self = QURB_BOOKED_PAGE (page);

  qurb_kiosk_set_text (self->done_label, T_("Your booking is confirmed."));
  qurb_kiosk_set_text (self->code_caption, T_("Your booking code:"));
  qurb_kiosk_set_text (self->finish_button, T_("Done"));
}

static const gchar *
qurb_booked_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Booked");
}

static void
qurb_booked_page_class_init (QurbBookedPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_booked_page_enter;
  page_class->relabel = qurb_booked_page_relabel;
  page_class->title = qurb_booked_page_title;
  page_class->needs_member = TRUE;
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-booked-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, code_caption);
  gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, finish_button);
  gtk_widget_class_bind_template_callback (widget_class, finish_clicked);
}

static void
qurb_booked_page_init (QurbBookedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_direction (self->code_label, GTK_TEXT_DIR_LTR);
}
