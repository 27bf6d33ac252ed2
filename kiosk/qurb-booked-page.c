/* qurb-booked-page.c — the booking just confirmed: its ticket (QR code
 * and code), printed when the kiosk has a printer, and where it is */
#include "config.h"

#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"
#include "qurb-kiosk-ticket.h"

struct _QurbBookedPage {
  QurbKioskPage parent_instance;

  GtkWidget *done_label, *flip_box, *ticket, *summary_label, *phone_label, *finish_button;

  gchar *printed_code;   /* printed once, however often the page is entered */
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
  gboolean ok;
  g_autofree gchar *summary = qurb_kiosk_booking_summary (page, errand->booking.start_time, error, &ok);

  if (!ok || !qurb_kiosk_ticket_show (QURB_KIOSK_TICKET (self->ticket), session, errand->booking.code, error))
    return FALSE;
  qurb_kiosk_set_text (self->summary_label, summary ? summary : "");
  qurb_kiosk_set_text (self->phone_label, note);
  if (g_strcmp0 (self->printed_code, errand->booking.code) != 0 &&
      qurb_kiosk_ticket_print (QURB_KIOSK_TICKET (self->ticket)))
    {
      g_free (self->printed_code);
      self->printed_code = g_strdup (errand->booking.code);
    }
  qurb_kiosk_ticket_speak (QURB_KIOSK_TICKET (self->ticket), page, QURB_SPEECH_BOOKED);
  return TRUE;
}

static void
qurb_booked_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbBookedPage *self = QURB_BOOKED_PAGE (page);

  qurb_kiosk_set_text (self->done_label, T_("Your booking is confirmed."));
  qurb_kiosk_set_text (self->finish_button, T_("Done"));
  qurb_kiosk_ticket_relabel (QURB_KIOSK_TICKET (self->ticket), lang);
}

static const gchar *
qurb_booked_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Booked");
}

static void
qurb_booked_page_finalize (GObject *object)
{
  g_free (QURB_BOOKED_PAGE (object)->printed_code);
  G_OBJECT_CLASS (qurb_booked_page_parent_class)->finalize (object);
}

static void
qurb_booked_page_class_init (QurbBookedPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = qurb_booked_page_finalize;
  page_class->enter = qurb_booked_page_enter;
  page_class->relabel = qurb_booked_page_relabel;
  page_class->title = qurb_booked_page_title;
  page_class->needs_member = TRUE;
  g_type_ensure (QURB_TYPE_KIOSK_TICKET);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-booked-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbBookedPage, name)
  CHILD (done_label); CHILD (flip_box); CHILD (ticket); CHILD (summary_label); CHILD (phone_label);
  CHILD (finish_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, finish_clicked);
}

static void
qurb_booked_page_init (QurbBookedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->flip_box);
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->ticket);
  qurb_kiosk_center_side_by_side (self->flip_box);
}
