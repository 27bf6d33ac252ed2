/* qurb-ticket-page.c — "My bookings" → one booking's ticket, to show at
 * the caravan or to print again */
#include "config.h"

#include "qurb-kiosk-pages.h"
#include "qurb-kiosk-ticket.h"
#include "qurb-texts.h"

struct _QurbTicketPage {
  QurbKioskPage parent_instance;

  GtkWidget *intro_label, *flip_box, *ticket, *summary_label, *print_button;
};

G_DEFINE_FINAL_TYPE (QurbTicketPage, qurb_ticket_page, QURB_TYPE_KIOSK_PAGE)

/* The caravan, its place and province, day and time, as the booked
 * screen says them. */
static gchar *
summary_of (const QurbBookingDetail *detail, const gchar *lang)
{
  gboolean ar = g_strcmp0 (lang, "ar") == 0;
  g_autofree gchar *day = qurb_format_date (detail->booking.date);
  g_autofree gchar *day_ltr = qurb_kiosk_ltr (lang, day);
  g_autofree gchar *time_ltr = qurb_kiosk_ltr (lang, detail->booking.start_time);
  g_autofree gchar *when = g_strdup_printf (T_("%s at %s"), day_ltr, time_ltr);

  return g_strdup_printf ("%s\n%s\n%s", ar ? detail->title_ar : detail->title_fr,
                          ar ? detail->site_ar : detail->site_fr, when);
}

static gboolean
qurb_ticket_page_enter (QurbKioskPage *page, GError **error)
{
  QurbTicketPage *self = QURB_TICKET_PAGE (page);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  const gchar *code = qurb_kiosk_session_get_errand (session)->ticket_code;
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autofree gchar *summary = NULL;

  if (code == NULL)
    {
      qurb_kiosk_page_navigate (page, "bookings", QURB_KIOSK_NAV_REPLACE);
      return TRUE;
    }
  if (!qurb_kiosk_ticket_show (QURB_KIOSK_TICKET (self->ticket), session, code, error))
    return FALSE;
  summary = summary_of (qurb_kiosk_ticket_get_detail (QURB_KIOSK_TICKET (self->ticket)), lang);
  qurb_kiosk_set_text (self->summary_label, summary);
  gtk_widget_set_visible (self->print_button,
                          qurb_kiosk_tickets_get_printer (qurb_kiosk_session_get_tickets (session)) != NULL);
  qurb_kiosk_ticket_speak (QURB_KIOSK_TICKET (self->ticket), page, QURB_SPEECH_TICKET);
  return TRUE;
}

static void
print_clicked (GtkButton *button, QurbTicketPage *self)
{
  qurb_kiosk_ticket_print (QURB_KIOSK_TICKET (self->ticket));
}

static void
qurb_ticket_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbTicketPage *self = QURB_TICKET_PAGE (page);

  qurb_kiosk_set_text (self->intro_label, T_("Your ticket for the caravan."));
  qurb_kiosk_set_text (self->print_button, T_("Print my ticket"));
  qurb_kiosk_ticket_relabel (QURB_KIOSK_TICKET (self->ticket), lang);
}

static const gchar *
qurb_ticket_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("My ticket");
}

static void
qurb_ticket_page_class_init (QurbTicketPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_ticket_page_enter;
  page_class->relabel = qurb_ticket_page_relabel;
  page_class->title = qurb_ticket_page_title;
  page_class->needs_member = TRUE;
}

static void
qurb_ticket_page_init (QurbTicketPage *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
  self->intro_label = qurb_kiosk_label_new (NULL, "intro");
  self->flip_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  self->ticket = g_object_new (QURB_TYPE_KIOSK_TICKET, NULL);
  self->summary_label = qurb_kiosk_label_new (NULL, "summary");
  gtk_label_set_justify (GTK_LABEL (self->summary_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0.5);
  /* Beside the ticket on a landscape screen: whole lines, as on the booked screen. */
  gtk_label_set_width_chars (GTK_LABEL (self->summary_label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (self->summary_label), 40);
  self->print_button = qurb_kiosk_button_new_with_icon ("", "qurb-ticket-symbolic", "secondary");
  g_signal_connect (self->print_button, "clicked", G_CALLBACK (print_clicked), self);
  gtk_widget_set_valign (side, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (side), self->summary_label);
  gtk_box_append (GTK_BOX (side), self->print_button);
  gtk_box_append (GTK_BOX (self->flip_box), self->ticket);
  gtk_box_append (GTK_BOX (self->flip_box), side);
  gtk_box_append (GTK_BOX (self), self->intro_label);
  gtk_box_append (GTK_BOX (self), self->flip_box);
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->flip_box);
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->ticket);
  qurb_kiosk_center_side_by_side (self->flip_box);
}
