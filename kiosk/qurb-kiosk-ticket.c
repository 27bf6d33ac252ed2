/* qurb-kiosk-ticket.c — a booking's caravan ticket on screen and on paper */
#include "config.h"

#include "qurb-kiosk-qr.h"
#include "qurb-kiosk-ticket.h"
#include "qurb-kiosk-widgets.h"

struct _QurbKioskTicket {
  GtkBox parent_instance;

  GtkWidget *qr, *code_label, *show_label, *print_box, *print_icon, *print_label;

  QurbKioskSession *session;
  QurbTicket *ticket;             /* the one shown */
  QurbKioskPrintState print_state;
  GCancellable *cancellable;      /* the print in flight, cancelled with the widget */
};

G_DEFINE_FINAL_TYPE (QurbKioskTicket, qurb_kiosk_ticket, GTK_TYPE_BOX)

void
qurb_kiosk_ticket_relabel (QurbKioskTicket *self, const gchar *lang)
{
  static const gchar *const icons[] = {
    "qurb-ticket-symbolic", "qurb-ticket-symbolic", "qurb-check-symbolic", "qurb-info-symbolic",
  };
  const gchar *said = NULL;

  qurb_kiosk_set_text (self->show_label, T_("Show this code at the caravan's entrance."));
  switch (self->print_state)
    {
    case QURB_KIOSK_PRINT_BUSY:
      said = T_("Printing your ticket…");
      break;
    case QURB_KIOSK_PRINT_DONE:
      said = T_("Your ticket is printed: take it from the printer.");
      break;
    case QURB_KIOSK_PRINT_FAILED:
      /* TRANSLATORS: the receipt printer failed; the booking is not affected */
      said = T_("The ticket could not be printed. Your booking is kept: note the code, or show the SMS at the caravan.");
      break;
    case QURB_KIOSK_PRINT_NONE:
    default:
      break;
    }
  gtk_widget_set_visible (self->print_box, said != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->print_icon), icons[self->print_state]);
  gtk_widget_remove_css_class (self->print_box, "failed");
  if (self->print_state == QURB_KIOSK_PRINT_FAILED)
    gtk_widget_add_css_class (self->print_box, "failed");
  qurb_kiosk_set_text (self->print_label, said ? said : "");
}

static const gchar *
lang_of (QurbKioskTicket *self)
{
  return qurb_kiosk_session_get_lang (self->session);
}

/* The ticket of booking_code, in the session's language. FALSE (error
 * set) when the database could not answer or the booking is gone. */
gboolean
qurb_kiosk_ticket_show (QurbKioskTicket *self, QurbKioskSession *session, const gchar *booking_code,
                        GError **error)
{
  const gchar *lang = qurb_kiosk_session_get_lang (session);
  QurbTicket *ticket = qurb_kiosk_tickets_issue (qurb_kiosk_session_get_tickets (session),
                                                 qurb_kiosk_session_get_db (session), booking_code, lang, error);
  g_autofree gchar *name = NULL;

  if (ticket == NULL)
    return FALSE;
  if (self->ticket == NULL || g_strcmp0 (self->ticket->detail->booking.code, ticket->detail->booking.code) != 0)
    self->print_state = QURB_KIOSK_PRINT_NONE;
  g_set_object (&self->session, session);
  g_clear_pointer (&self->ticket, qurb_ticket_free);
  self->ticket = ticket;
  qurb_kiosk_qr_set_modules (QURB_KIOSK_QR (self->qr), ticket->qr);
  gtk_label_set_text (GTK_LABEL (self->code_label), ticket->detail->booking.code);
  /* TRANSLATORS: accessible name of the ticket's QR code; %s the booking code */
  name = g_strdup_printf (T_("QR code of booking %s"), ticket->detail->booking.code);
  qurb_kiosk_set_name (self->qr, name);
  g_free (name);
  name = g_strdup_printf (T_("Booking code %s"), ticket->detail->booking.code);
  qurb_kiosk_set_name (self->code_label, name);
  qurb_kiosk_ticket_relabel (self, lang);
  return TRUE;
}

const QurbBookingDetail *
qurb_kiosk_ticket_get_detail (QurbKioskTicket *self)
{
  return self->ticket ? self->ticket->detail : NULL;
}

const gchar *
qurb_kiosk_ticket_get_payload (QurbKioskTicket *self)
{
  return self->ticket ? self->ticket->payload : NULL;
}

QurbKioskPrintState
qurb_kiosk_ticket_get_print_state (QurbKioskTicket *self)
{
  return self->print_state;
}

static void
printed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(QurbKioskTicket) self = user_data;
  g_autoptr(GError) error = NULL;

  if (qurb_kiosk_tickets_print_finish (result, &error))
    self->print_state = QURB_KIOSK_PRINT_DONE;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;
  else
    {
      g_warning ("ticket printer: %s", error->message);
      self->print_state = QURB_KIOSK_PRINT_FAILED;
    }
  qurb_kiosk_ticket_relabel (self, lang_of (self));
}

/* Prints the ticket shown on the kiosk's printer, if it has one (FALSE:
 * none, or nothing shown). */
gboolean
qurb_kiosk_ticket_print (QurbKioskTicket *self)
{
  QurbKioskTickets *tickets;
  g_autoptr(GError) error = NULL;
  QurbTicket *paper;

  if (self->ticket == NULL || self->print_state == QURB_KIOSK_PRINT_BUSY)
    return FALSE;
  tickets = qurb_kiosk_session_get_tickets (self->session);
  if (qurb_kiosk_tickets_get_printer (tickets) == NULL)
    return FALSE;
  /* A copy of its own for the printing thread. */
  paper = qurb_kiosk_tickets_issue (tickets, qurb_kiosk_session_get_db (self->session),
                                    self->ticket->detail->booking.code, lang_of (self), &error);
  if (paper == NULL)
    {
      g_warning ("ticket printer: %s", error->message);
      self->print_state = QURB_KIOSK_PRINT_FAILED;
    }
  else
    {
      self->print_state = QURB_KIOSK_PRINT_BUSY;
      qurb_kiosk_tickets_print_async (tickets, paper, self->cancellable, printed, g_object_ref (self));
    }
  qurb_kiosk_ticket_relabel (self, lang_of (self));
  return TRUE;
}

/* The spoken screen: confirmed, the visit, its code letter by letter. */
void
qurb_kiosk_ticket_speak (QurbKioskTicket *ticket, QurbKioskPage *page, QurbSpeechScreen screen)
{
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  const QurbBookingDetail *detail = qurb_kiosk_ticket_get_detail (ticket);
  gboolean ar = g_strcmp0 (lang, "ar") == 0;
  QurbSpeechVisit visit = { 0 };
  QurbSpeechContent content = { .screen = screen, .visits = &visit, .n_visits = 1 };

  visit.title = ar ? detail->title_ar : detail->title_fr;
  visit.site = ar ? detail->site_ar : detail->site_fr;
  visit.date = detail->booking.date;
  visit.time = detail->booking.start_time;
  visit.code = detail->booking.code;
  content.printed = qurb_kiosk_ticket_get_print_state (ticket) == QURB_KIOSK_PRINT_DONE;
  qurb_kiosk_page_set_speech (page, &content);
}

static void
qurb_kiosk_ticket_dispose (GObject *object)
{
  QurbKioskTicket *self = QURB_KIOSK_TICKET (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->ticket, qurb_ticket_free);
  G_OBJECT_CLASS (qurb_kiosk_ticket_parent_class)->dispose (object);
}

static void
qurb_kiosk_ticket_finalize (GObject *object)
{
  g_clear_object (&QURB_KIOSK_TICKET (object)->cancellable);
  G_OBJECT_CLASS (qurb_kiosk_ticket_parent_class)->finalize (object);
}

static void
qurb_kiosk_ticket_class_init (QurbKioskTicketClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_kiosk_ticket_dispose;
  G_OBJECT_CLASS (klass)->finalize = qurb_kiosk_ticket_finalize;
  g_type_ensure (QURB_TYPE_KIOSK_QR);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-kiosk-ticket.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbKioskTicket, name)
  CHILD (qr); CHILD (code_label); CHILD (show_label); CHILD (print_box); CHILD (print_icon); CHILD (print_label);
#undef CHILD
}

/* Stacked (portrait), the code takes the room under it: 12 px a module.
 * Side by side (landscape), the row is as tall as the code and the texts
 * beside it wrap to that height: 10 px keeps them in short lines. */
static void
orientation_changed (QurbKioskTicket *self)
{
  gboolean stacked = gtk_orientable_get_orientation (GTK_ORIENTABLE (self)) == GTK_ORIENTATION_VERTICAL;

  qurb_kiosk_qr_set_natural_module_px (QURB_KIOSK_QR (self->qr), stacked ? QURB_KIOSK_QR_MODULE_PX_ROOMY : 10);
}

static void
qurb_kiosk_ticket_init (QurbKioskTicket *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::orientation", G_CALLBACK (orientation_changed), NULL);
  orientation_changed (self);
  qurb_kiosk_center_side_by_side (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* A code reads left to right in Arabic too. */
  gtk_widget_set_direction (self->code_label, GTK_TEXT_DIR_LTR);
}
