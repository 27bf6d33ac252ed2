/* qurb-bookings-page.c — the member's upcoming bookings, each with Cancel,
 * and their places on waiting lists
 *
 * Cancelling asks once more on the same card: a touch screen is easy to
 * brush. "No, keep it" takes the place of "Cancel this booking" and "Yes,
 * cancel it" comes under it, so that a finger that taps twice keeps the
 * booking (and the window ignores a tap at once after the question). */
#include "config.h"

#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"
#include "qurb-waitlist.h"

struct _QurbBookingsPage {
  QurbKioskListPage parent_instance;

  gchar *cancelled;   /* the code just cancelled, for the message */
};

G_DEFINE_FINAL_TYPE (QurbBookingsPage, qurb_bookings_page, QURB_TYPE_KIOSK_LIST_PAGE)

static void
cancel_confirmed (GtkButton *button, QurbBookingsPage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  const gchar *code = g_object_get_data (G_OBJECT (button), "code");
  g_autoptr(GError) error = NULL;
  QurbBookingResult result;

  if (!qurb_booking_cancel (qurb_kiosk_page_get_db (page), member->id, code, &result, &error))
    {
      qurb_kiosk_page_failed (page, error);
      return;
    }
  g_free (self->cancelled);
  self->cancelled = g_strdup (code);
  if (!qurb_kiosk_page_enter (page, &error))
    qurb_kiosk_page_failed (page, error);
  qurb_kiosk_page_hold_touches (page);
}

/* The first step: the card asks to be sure. */
static void
first_step_clicked (GtkButton *button, QurbBookingsPage *self)
{
  GtkWidget *actions = g_object_get_data (G_OBJECT (button), "actions");

  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
  gtk_widget_set_visible (actions, TRUE);
  gtk_widget_grab_focus (gtk_widget_get_first_child (actions));
  qurb_kiosk_page_hold_touches (QURB_KIOSK_PAGE (self));
}

static void
no_clicked (GtkButton *button, GtkWidget *cancel)
{
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
  gtk_widget_set_visible (cancel, TRUE);
  qurb_kiosk_page_hold_touches (QURB_KIOSK_PAGE (gtk_widget_get_ancestor (cancel, QURB_TYPE_KIOSK_PAGE)));
}

/* An action that cannot be undone, in two steps: first appended to card;
 * touched, it gives way to "no" where it stood and "yes" under it (the
 * filled, red one), whose "clicked" goes to confirmed. Returns the yes. */
static GtkWidget *
two_steps_new (QurbBookingsPage *self, GtkWidget *card, GtkWidget *first, const gchar *yes_label,
               const gchar *no_label, GCallback confirmed)
{
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *yes = qurb_kiosk_button_new_with_icon (yes_label, "qurb-cancel-symbolic", "danger");
  GtkWidget *no = qurb_kiosk_button_new_with_icon (no_label, "qurb-check-symbolic", "secondary");

  gtk_widget_add_css_class (yes, "primary");
  gtk_box_append (GTK_BOX (card), first);
  gtk_box_append (GTK_BOX (actions), no);
  gtk_box_append (GTK_BOX (actions), yes);
  gtk_widget_set_visible (actions, FALSE);
  gtk_box_append (GTK_BOX (card), actions);
  g_object_set_data (G_OBJECT (first), "actions", actions);
  g_signal_connect (first, "clicked", G_CALLBACK (first_step_clicked), self);
  g_signal_connect (yes, "clicked", confirmed, self);
  g_signal_connect (no, "clicked", G_CALLBACK (no_clicked), first);
  return yes;
}

/* "Show my ticket": the booking's QR code, to show at the caravan. */
static void
ticket_clicked (GtkButton *button, QurbBookingsPage *self)
{
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (QURB_KIOSK_PAGE (self)));

  g_free (errand->ticket_code);
  errand->ticket_code = g_strdup (g_object_get_data (G_OBJECT (button), "code"));
  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), "ticket", QURB_KIOSK_NAV_PUSH);
}

static GtkWidget *
booking_card_new (QurbBookingsPage *self, const QurbBooking *booking, GPtrArray *caravans,
                  const gchar *lang)
{
  const QurbCaravan *caravan = qurb_caravan_lookup (caravans, booking->caravan_code);
  g_autofree gchar *code = qurb_kiosk_ltr (lang, booking->code);
  g_autofree gchar *title = g_strdup_printf (T_("Booking %s"), code);
  g_autofree gchar *summary = caravan ? qurb_kiosk_caravan_summary (caravan, lang) : g_strdup (booking->caravan_code);
  g_autofree gchar *when = g_strdup_printf (T_("%s at %s"), summary, booking->start_time);
  g_autofree gchar *cancel_name = g_strdup_printf (T_("Cancel booking %s"), booking->code);
  g_autofree gchar *ticket_name = g_strdup_printf (T_("Show the ticket of booking %s"), booking->code);
  GtkWidget *ticket = qurb_kiosk_button_new_with_icon (T_("Show my ticket"), "qurb-ticket-symbolic", "secondary");
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *about = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cancel = qurb_kiosk_button_new_with_icon (T_("Cancel this booking"), "qurb-cancel-symbolic", "danger");
  GtkWidget *confirm;

  gtk_widget_add_css_class (card, "card");
  qurb_kiosk_set_name (card, title);
  qurb_kiosk_set_name (cancel, cancel_name);
  /* What the booking is, and beside it its ticket: no taller a card. */
  gtk_widget_set_hexpand (about, TRUE);
  gtk_widget_set_valign (ticket, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (about), qurb_kiosk_label_new (title, "card-title"));
  gtk_box_append (GTK_BOX (about), qurb_kiosk_label_new (when, NULL));
  /* Wrapping beside a button: a width of their own to wrap in (else GTK
   * 4.8 measures them one letter wide). */
  for (GtkWidget *label = gtk_widget_get_first_child (about); label; label = gtk_widget_get_next_sibling (label))
    gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (GTK_BOX (head), about);
  gtk_box_append (GTK_BOX (head), ticket);
  gtk_box_append (GTK_BOX (card), head);
  qurb_kiosk_set_name (ticket, ticket_name);
  g_object_set_data_full (G_OBJECT (ticket), "code", g_strdup (booking->code), g_free);
  g_signal_connect (ticket, "clicked", G_CALLBACK (ticket_clicked), self);
  confirm = two_steps_new (self, card, cancel, T_("Yes, cancel it"), T_("No, keep it"), G_CALLBACK (cancel_confirmed));
  g_object_set_data_full (G_OBJECT (confirm), "code", g_strdup (booking->code), g_free);
  return card;
}

static void
leave_clicked (GtkButton *button, QurbBookingsPage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  g_autoptr(GError) error = NULL;

  if (!qurb_waitlist_leave (qurb_kiosk_page_get_db (page), member->id,
                            g_object_get_data (G_OBJECT (button), "caravan"), NULL, &error) ||
      !qurb_kiosk_page_enter (page, &error))
    qurb_kiosk_page_failed (page, error);
  qurb_kiosk_page_hold_touches (page);
}

/* A place on a waiting list: where it is, and a way off the list. */
static GtkWidget *
waitlist_card_new (QurbBookingsPage *self, const QurbWaitlistPlace *place, GPtrArray *caravans,
                   const gchar *lang)
{
  const QurbCaravan *caravan = qurb_caravan_lookup (caravans, place->caravan_code);
  g_autofree gchar *summary = caravan ? qurb_kiosk_caravan_summary (caravan, lang) : g_strdup (place->caravan_code);
  g_autofree gchar *ordinal = qurb_kiosk_booking_ordinal (lang, place->position);
  /* TRANSLATORS: kiosk; %s a place in order: 1er, 2e… / الأول، الثاني… */
  g_autofree gchar *title = g_strdup_printf (T_("Waiting list: you are %s"), ordinal);
  g_autofree gchar *leave_name = g_strdup_printf (T_("Leave the waiting list of %s"), place->caravan_code);
  g_autofree gchar *note = qurb_kiosk_booking_waitlist_note (lang, place->position);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *leave = qurb_kiosk_button_new_with_icon (T_("Leave the waiting list"), "qurb-cancel-symbolic", "danger");
  GtkWidget *confirm;

  gtk_widget_add_css_class (card, "card");
  qurb_kiosk_set_name (card, title);
  qurb_kiosk_set_name (leave, leave_name);
  gtk_box_append (GTK_BOX (card), qurb_kiosk_label_new (title, "card-title"));
  gtk_box_append (GTK_BOX (card), qurb_kiosk_label_new (summary, NULL));
  gtk_box_append (GTK_BOX (card), qurb_kiosk_label_new (note, "note"));
  /* A place lost is not got back: asked twice, as a cancel is. */
  confirm = two_steps_new (self, card, leave, T_("Yes, leave the list"), T_("No, keep my place"),
                           G_CALLBACK (leave_clicked));
  g_object_set_data_full (G_OBJECT (confirm), "caravan", g_strdup (place->caravan_code), g_free);
  return card;
}

static gboolean
qurb_bookings_page_enter (QurbKioskPage *page, GError **error)
{
  QurbBookingsPage *self = QURB_BOOKINGS_PAGE (page);
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  QurbDb *db = qurb_kiosk_page_get_db (page);
  g_autoptr(GArray) bookings = qurb_bookings_upcoming (db, member->id, error);
  g_autoptr(GArray) places = bookings ? qurb_waitlist_places (db, member->id, error) : NULL;
  g_autoptr(GPtrArray) caravans = places ? qurb_caravans_upcoming (db, error) : NULL;
  g_autofree gchar *message = NULL;

  if (caravans == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  for (guint i = 0; i < bookings->len; i++)
    qurb_kiosk_list_page_add (list, booking_card_new (self, &g_array_index (bookings, QurbBooking, i),
                                                      caravans, lang));
  for (guint i = 0; i < places->len; i++)
    qurb_kiosk_list_page_add (list, waitlist_card_new (self, &g_array_index (places, QurbWaitlistPlace, i),
                                                       caravans, lang));
  if (self->cancelled != NULL)
    message = g_strdup_printf (T_("Booking %s is cancelled."), self->cancelled);
  else if (bookings->len == 0 && places->len == 0)
    message = g_strdup (T_("You have no upcoming booking."));
  g_clear_pointer (&self->cancelled, g_free);
  qurb_kiosk_list_page_set_message (list, message);
  /* An empty screen, or one just emptied, leads to booking. */
  if (message != NULL)
    qurb_kiosk_list_page_set_action (list, T_("Book a medical caravan"), "qurb-caravan-symbolic", "provinces");
  {
    g_autofree QurbSpeechVisit *visits = g_new0 (QurbSpeechVisit, bookings->len + 1);
    QurbSpeechContent content = { .screen = QURB_SPEECH_BOOKINGS, .visits = visits, .n_visits = bookings->len };
    gboolean ar = g_strcmp0 (lang, "ar") == 0;

    for (guint i = 0; i < bookings->len; i++)
      {
        const QurbBooking *booking = &g_array_index (bookings, QurbBooking, i);
        const QurbCaravan *caravan = qurb_caravan_lookup (caravans, booking->caravan_code);

        visits[i] = (QurbSpeechVisit) { caravan ? (ar ? caravan->title_ar : caravan->title_fr) : booking->caravan_code,
                                        caravan ? (ar ? caravan->site_ar : caravan->site_fr) : NULL,
                                        booking->date, booking->start_time, booking->code };
      }
    qurb_kiosk_page_set_speech (page, &content);
  }
  return TRUE;
}

static void
qurb_bookings_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  qurb_kiosk_list_page_set_intro (QURB_KIOSK_LIST_PAGE (page), T_("Your upcoming bookings."));
}

static const gchar *
qurb_bookings_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("My bookings");
}

static void
qurb_bookings_page_finalize (GObject *object)
{
  g_free (QURB_BOOKINGS_PAGE (object)->cancelled);
  G_OBJECT_CLASS (qurb_bookings_page_parent_class)->finalize (object);
}

static void
qurb_bookings_page_class_init (QurbBookingsPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = qurb_bookings_page_finalize;
  page_class->enter = qurb_bookings_page_enter;
  page_class->relabel = qurb_bookings_page_relabel;
  page_class->title = qurb_bookings_page_title;
  page_class->needs_member = TRUE;
}

static void
qurb_bookings_page_init (QurbBookingsPage *self)
{
}
