/* qurb-confirm-page.c — confirming a slot
 *
 * The kiosk books through qurb_booking_take(), the same transaction the SMS
 * channel uses: the seat count is checked again there, under the write
 * lock, so a slot taken meanwhile by SMS is reported, never overbooked. */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"

struct _QurbConfirmPage {
  QurbKioskPage parent_instance;

  GtkWidget *intro_label, *summary_label, *phone_label, *message_label, *confirm_button;
  GtkWidget *other_button;
  const gchar *other_screen;   /* where other_button leads */
};

G_DEFINE_FINAL_TYPE (QurbConfirmPage, qurb_confirm_page, QURB_TYPE_KIOSK_PAGE)

/* What the member can do instead: another time, or the waiting list. */
static void
offer (QurbConfirmPage *self, const gchar *text, const gchar *icon_name, const gchar *screen)
{
  self->other_screen = screen;
  qurb_kiosk_button_offer (self->other_button, text, icon_name);
}

static void
other_clicked (GtkButton *button, QurbConfirmPage *self)
{
  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), self->other_screen, QURB_KIOSK_NAV_REPLACE);
}

static void
show_outcome (QurbConfirmPage *self, const QurbBookingResult *result, const gchar *lang)
{
  g_autofree gchar *text = NULL;

  switch (result->outcome)
    {
    case QURB_BOOKING_ALREADY_BOOKED:
      text = g_strdup_printf (T_("You already have a booking on this caravan: code %s, at %s."),
                              result->booking.code, result->booking.start_time);
      break;
    case QURB_BOOKING_SLOT_FULL:
      text = result->alternative[0]
           ? g_strdup_printf (T_("This time has just been taken. %s is still free: go back to choose it."),
                              result->alternative)
           : g_strdup (T_("This time has just been taken. Go back to choose another."));
      offer (self, T_("Choose another time"), "qurb-back-symbolic", QURB_KIOSK_SCREEN_BACK);
      break;
    case QURB_BOOKING_CARAVAN_FULL:
      text = g_strdup (T_("This caravan has just become full."));
      offer (self, T_("Join the waiting list"), "qurb-waitlist-symbolic", "waitlist");
      break;
    case QURB_BOOKING_CLOSED:
      text = g_strdup (T_("Booking for this time is closed."));
      break;
    case QURB_BOOKING_OTHER_AGENCY:
      text = g_strdup (T_("This caravan is booked at another agency."));
      break;
    default:
      text = g_strdup (T_("This caravan is no longer planned."));
      break;
    }
  qurb_kiosk_set_text (self->message_label, text);
  gtk_widget_set_visible (self->message_label, TRUE);
  gtk_widget_set_sensitive (self->confirm_button, FALSE);
}

static void
confirm_clicked (GtkButton *button, QurbConfirmPage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (session);
  const QurbMember *member = qurb_kiosk_session_get_member (session);
  g_autoptr(GError) error = NULL;
  QurbBookingRequest request = {
    .member_id = member->id,
    .caravan_code = errand->caravan_code,
    .requested_minute = -1,
    .channel = "kiosk",
    .send_confirmation = member->phone != NULL,
  };
  QurbBookingResult result;

  if (!qurb_parse_hhmm (errand->slot_time, &request.requested_minute))
    request.requested_minute = -1;
  if (!qurb_booking_take (qurb_kiosk_page_get_db (page), &request, &result, &error))
    {
      qurb_kiosk_page_failed (page, error);
      return;
    }
  if (result.outcome == QURB_BOOKING_OK)
    {
      errand->booking = result.booking;
      qurb_kiosk_page_navigate (page, "booked", QURB_KIOSK_NAV_REPLACE);
      return;
    }
  show_outcome (self, &result, qurb_kiosk_page_get_lang (page));
}

static gboolean
qurb_confirm_page_enter (QurbKioskPage *page, GError **error)
{
  QurbConfirmPage *self = QURB_CONFIRM_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  g_autofree gchar *note = qurb_kiosk_booking_phone_note (member, lang, FALSE);
  gboolean ok;
  g_autofree gchar *summary = qurb_kiosk_booking_summary (page, errand->slot_time, error, &ok);

  if (!ok)
    return FALSE;
  qurb_kiosk_set_text (self->summary_label, summary ? summary : T_("This caravan is no longer planned."));
  qurb_kiosk_set_text (self->phone_label, note);
  gtk_widget_set_visible (self->message_label, FALSE);
  gtk_widget_set_sensitive (self->confirm_button, summary != NULL);
  offer (self, NULL, NULL, NULL);
  {
    const gchar *lines[] = { summary ? summary : T_("This caravan is no longer planned."), NULL };
    QurbSpeechContent content = { .screen = QURB_SPEECH_CONFIRM, .choices = lines };

    qurb_kiosk_page_set_speech (page, &content);
  }
  return TRUE;
}

static void
qurb_confirm_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbConfirmPage *self = QURB_CONFIRM_PAGE (page);

  qurb_kiosk_set_text (self->intro_label, T_("Please check, then confirm your booking."));
  qurb_kiosk_set_text (self->confirm_button, T_("Confirm the booking"));
}

static const gchar *
qurb_confirm_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Confirm");
}

static void
qurb_confirm_page_class_init (QurbConfirmPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_confirm_page_enter;
  page_class->relabel = qurb_confirm_page_relabel;
  page_class->title = qurb_confirm_page_title;
  page_class->needs_member = TRUE;
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QurbConfirmPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, QurbConfirmPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QurbConfirmPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, QurbConfirmPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, QurbConfirmPage, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, QurbConfirmPage, other_button);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked);
  gtk_widget_class_bind_template_callback (widget_class, other_clicked);
}

static void
qurb_confirm_page_init (QurbConfirmPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
