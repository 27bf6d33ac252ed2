/* qurb-kiosk-booking.c — what the screens of booking a caravan share */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-booking.h"

/* The title of every screen of a booking. */
const gchar *
qurb_kiosk_booking_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Medical caravans");
}

/* A button that stores its choice (province, caravan code or time); the
 * page's clicked (GtkButton *button, QurbKioskPage *page) reads it back
 * with qurb_kiosk_booking_choice_get() and leads to the next page. */
GtkWidget *
qurb_kiosk_booking_choice_new (QurbKioskPage *page, const gchar *text, const gchar *choice,
                               gboolean available, GCallback clicked)
{
  GtkWidget *button = qurb_kiosk_button_new (text, "choice");

  g_object_set_data_full (G_OBJECT (button), "choice", g_strdup (choice), g_free);
  gtk_widget_set_sensitive (button, available);
  g_signal_connect (button, "clicked", clicked, page);
  return button;
}

const gchar *
qurb_kiosk_booking_choice_get (GtkButton *button)
{
  return g_object_get_data (G_OBJECT (button), "choice");
}

gchar *
qurb_kiosk_booking_seats_text (const gchar *lang, gint seats)
{
  if (seats <= 0)
    return g_strdup (T_("Full"));
  return g_strdup_printf (qurb_dngettext (lang, "%d seat left", "%d seats left", seats), seats);
}

/* A caravan of a province another box serves: who books it. */
gchar *
qurb_kiosk_booking_elsewhere_text (const QurbAgency *agency, const gchar *province, const gchar *lang)
{
  const gchar *code = qurb_agency_serving (agency, province);

  if (code != NULL)
    /* TRANSLATORS: kiosk; %s an agency's code, e.g. GLM-01 */
    return g_strdup_printf (T_("Booked at agency %s"), code);
  /* [agencies] does not name it: the agency of the province, which the
   * member can find. */
  /* TRANSLATORS: kiosk; %s a province, e.g. Guelmim */
  return g_strdup_printf (T_("Booked at the agency of %s"), qurb_kiosk_province_name (lang, province));
}

/* A place in a queue as each language says it: 1er, 2e… in French;
 * الأول… العاشر in Arabic, then the number (ترتيبكم 11). Ordinals are
 * grammar, not vocabulary: a table here, not the catalogue. */
gchar *
qurb_kiosk_booking_ordinal (const gchar *lang, gint n)
{
  static const gchar *const arabic[] = { "الأول", "الثاني", "الثالث", "الرابع", "الخامس",
                                         "السادس", "السابع", "الثامن", "التاسع", "العاشر" };

  if (g_strcmp0 (lang, "ar") == 0)
    return n >= 1 && n <= (gint) G_N_ELEMENTS (arabic) ? g_strdup (arabic[n - 1]) : g_strdup_printf ("%d", n);
  if (g_strcmp0 (lang, "fr") == 0)
    return n == 1 ? g_strdup ("1er") : g_strdup_printf ("%de", n);
  return g_strdup_printf ("%d%s", n, n % 100 / 10 == 1 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd"
                                                        : n % 10 == 3 ? "rd" : "th");
}

/* What a place on a waiting list means, told by the place: seats go in
 * order, so only the first is promised the next one. */
gchar *
qurb_kiosk_booking_waitlist_note (const gchar *lang, gint position)
{
  if (position <= 1)
    return g_strdup (T_("The next seat freed is yours: its booking code comes by SMS."));
  return g_strdup_printf (qurb_dngettext (lang,
      "%d member is before you; freed seats go in order. If one comes to you, its booking code comes by SMS.",
      "%d members are before you; freed seats go in order. If one comes to you, its booking code comes by SMS.",
      position - 1), position - 1);
}

/* Where the SMS goes, without showing the whole number on a lobby screen. */
gchar *
qurb_kiosk_booking_phone_note (const QurbMember *member, const gchar *lang, gboolean sent)
{
  gsize len = member->phone ? strlen (member->phone) : 0;
  g_autofree gchar *tail = NULL;

  if (len < 2)
    return g_strdup (T_("No phone is registered for you: please note your booking code."));
  tail = qurb_kiosk_ltr (lang, member->phone + len - 2);
  return g_strdup_printf (sent ? T_("A confirmation SMS is on its way to your phone ending in %s.")
                               : T_("A confirmation SMS will be sent to your phone ending in %s."), tail);
}

/* The caravan, place, day and time of the errand; NULL when the caravan
 * is no longer planned. *ok is FALSE when the caravans could not be read
 * (error set). */
gchar *
qurb_kiosk_booking_summary (QurbKioskPage *page, const gchar *start_time, GError **error, gboolean *ok)
{
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error);
  const QurbCaravan *caravan = qurb_caravan_lookup (caravans, errand->caravan_code);
  g_autofree gchar *summary = NULL, *time = NULL;

  *ok = caravans != NULL;
  if (caravan == NULL)
    return NULL;
  summary = qurb_kiosk_caravan_summary (caravan, lang);
  time = qurb_kiosk_ltr (lang, start_time);
  return g_strdup_printf (T_("%s at %s"), summary, time);
}
