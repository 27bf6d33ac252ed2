/* qurb-waitlist-page.c — a full caravan's waiting list
 *
 * Reached from a full caravan: what the list is, how many wait, and one
 * touch to join it (qurb_waitlist_join, the same transaction rules as a
 * booking). A member already on it sees their place and may leave; one
 * without a phone is offered to register one first (nobody could tell
 * them a seat came). */
#include "config.h"

#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"
#include "qurb-waitlist.h"

struct _QurbWaitlistPage {
  QurbKioskPage parent_instance;

  GtkWidget *intro_label, *summary_label, *explain_label, *result_label, *join_button;
  GtkWidget *other_button;
  const gchar *other_screen;   /* where other_button leads; NULL: leave the list */
};

G_DEFINE_FINAL_TYPE (QurbWaitlistPage, qurb_waitlist_page, QURB_TYPE_KIOSK_PAGE)

static void
offer (QurbWaitlistPage *self, const gchar *text, const gchar *icon_name, const gchar *screen)
{
  self->other_screen = screen;
  qurb_kiosk_button_offer (self->other_button, text, icon_name);
}

static void
show_result (QurbWaitlistPage *self, const gchar *text, gboolean good)
{
  qurb_kiosk_set_text (self->result_label, text ? text : "");
  gtk_widget_set_visible (self->result_label, text != NULL);
  gtk_widget_remove_css_class (self->result_label, good ? "error" : "success");
  gtk_widget_add_css_class (self->result_label, good ? "success" : "error");
}

/* On the list at place position: said, and a way off it. */
static void
show_place (QurbWaitlistPage *self, gint position, const gchar *lang)
{
  g_autofree gchar *ordinal = qurb_kiosk_booking_ordinal (lang, position);
  /* TRANSLATORS: kiosk; %s a place in order: 1er, 2e… / الأول، الثاني… */
  g_autofree gchar *place = g_strdup_printf (T_("You are %s on the waiting list."), ordinal);
  g_autofree gchar *note = qurb_kiosk_booking_waitlist_note (lang, position);
  g_autofree gchar *text = g_strconcat (place, " ", note, NULL);

  show_result (self, text, TRUE);
  /* The invitation to join, and its count from before, no longer apply. */
  gtk_widget_set_visible (self->explain_label, FALSE);
  gtk_widget_set_visible (self->join_button, FALSE);
  offer (self, T_("Leave the waiting list"), "qurb-cancel-symbolic", NULL);
}

static void
join_clicked (GtkButton *button, QurbWaitlistPage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  QurbWaitlistResult result;

  if (!qurb_waitlist_join (qurb_kiosk_page_get_db (page), qurb_kiosk_session_get_member (session)->id,
                           qurb_kiosk_session_get_errand (session)->caravan_code, "kiosk", &result, &error))
    {
      qurb_kiosk_page_failed (page, error);
      return;
    }
  /* "Leave" takes the place of "join": a double tap's second half is no leave. */
  qurb_kiosk_page_hold_touches (page);
  switch (result.outcome)
    {
    case QURB_WAITLIST_JOINED:
    case QURB_WAITLIST_ALREADY_WAITING:
      show_place (self, result.position, lang);
      return;
    case QURB_WAITLIST_NO_PHONE:
      show_result (self, T_("To be told when a seat is freed, you need a registered phone."), FALSE);
      offer (self, T_("Register my phone for SMS"), "qurb-phone-symbolic", "phone");
      return;
    case QURB_WAITLIST_SEATS_FREE:
      show_result (self, T_("A seat has just been freed: choose your time."), TRUE);
      offer (self, T_("Choose a time"), "qurb-forward-symbolic", "slots");
      break;
    case QURB_WAITLIST_ALREADY_BOOKED:
      text = g_strdup_printf (T_("You already have a booking on this caravan: code %s, at %s."),
                              result.booking.code, result.booking.start_time);
      show_result (self, text, FALSE);
      break;
    default:
      show_result (self, T_("Booking for this caravan is closed."), FALSE);
      break;
    }
  gtk_widget_set_visible (self->join_button, FALSE);
}

static void
other_clicked (GtkButton *button, QurbWaitlistPage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  g_autoptr(GError) error = NULL;

  if (self->other_screen != NULL)
    {
      qurb_kiosk_page_navigate (page, self->other_screen, QURB_KIOSK_NAV_PUSH);
      return;
    }
  if (!qurb_waitlist_leave (qurb_kiosk_page_get_db (page), qurb_kiosk_session_get_member (session)->id,
                            qurb_kiosk_session_get_errand (session)->caravan_code, NULL, &error) ||
      !qurb_kiosk_page_enter (page, &error))
    qurb_kiosk_page_failed (page, error);
}

/* The member's place on this caravan's list, or 0; -1 on error. */
static gint
place_of (QurbKioskPage *page, const gchar *caravan_code, GError **error)
{
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  g_autoptr(GArray) places = qurb_waitlist_places (qurb_kiosk_page_get_db (page), member->id, error);

  if (places == NULL)
    return -1;
  for (guint i = 0; i < places->len; i++)
    if (g_str_equal (g_array_index (places, QurbWaitlistPlace, i).caravan_code, caravan_code))
      return g_array_index (places, QurbWaitlistPlace, i).position;
  return 0;
}

static gboolean
qurb_waitlist_page_enter (QurbKioskPage *page, GError **error)
{
  QurbWaitlistPage *self = QURB_WAITLIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error);
  const QurbCaravan *caravan = caravans ? qurb_caravan_lookup (caravans, errand->caravan_code) : NULL;
  g_autofree gchar *summary = NULL, *explain = NULL;
  gint waiting, position;

  if (caravans == NULL ||
      (waiting = qurb_waitlist_length (qurb_kiosk_page_get_db (page), errand->caravan_code, error)) < 0 ||
      (position = place_of (page, errand->caravan_code, error)) < 0)
    return FALSE;
  show_result (self, NULL, TRUE);
  offer (self, NULL, NULL, NULL);
  gtk_widget_set_visible (self->join_button, caravan != NULL);
  summary = caravan ? qurb_kiosk_caravan_summary (caravan, lang) : g_strdup (T_("This caravan is no longer planned."));
  qurb_kiosk_set_text (self->summary_label, summary);
  explain = g_strdup_printf (qurb_dngettext (lang,
      "Join its waiting list: if someone cancels, the seat goes to the first member waiting, and the booking "
      "code comes by SMS. %d member is waiting.",
      "Join its waiting list: if someone cancels, the seat goes to the first member waiting, and the booking "
      "code comes by SMS. %d members are waiting.", waiting), waiting);
  qurb_kiosk_set_text (self->explain_label, explain);
  gtk_widget_set_visible (self->explain_label, TRUE);
  if (position > 0)
    show_place (self, position, lang);
  else if (caravan != NULL && caravan->seats_left > 0)
    {
      gtk_widget_set_visible (self->join_button, FALSE);
      show_result (self, T_("A seat has just been freed: choose your time."), TRUE);
      offer (self, T_("Choose a time"), "qurb-forward-symbolic", "slots");
    }
  qurb_kiosk_page_speak_choices (page, QURB_SPEECH_WAITLIST);
  return TRUE;
}

static void
qurb_waitlist_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbWaitlistPage *self = QURB_WAITLIST_PAGE (page);

  qurb_kiosk_set_text (self->intro_label, T_("Every time of this caravan is taken."));
  qurb_kiosk_set_text (self->join_button, T_("Put me on the waiting list"));
}

static const gchar *
qurb_waitlist_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Waiting list");
}

static void
qurb_waitlist_page_class_init (QurbWaitlistPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_waitlist_page_enter;
  page_class->relabel = qurb_waitlist_page_relabel;
  page_class->title = qurb_waitlist_page_title;
  page_class->needs_member = TRUE;
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-waitlist-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbWaitlistPage, name)
  CHILD (intro_label); CHILD (summary_label); CHILD (explain_label); CHILD (result_label);
  CHILD (join_button); CHILD (other_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, join_clicked);
  gtk_widget_class_bind_template_callback (widget_class, other_clicked);
}

static void
qurb_waitlist_page_init (QurbWaitlistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
