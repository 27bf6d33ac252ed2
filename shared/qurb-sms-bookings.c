/* qurb-sms-bookings.c — the SMS answers about bookings: book, cancel,
 * my bookings
 *
 * A booking is taken at the time asked or, with none, the first free
 * one; a time unreadable or without a seat is never replaced by another.
 * Without a caravan code, the caravan the member means is the one that
 * fits what they named (province, day, specialty): one is booked, several
 * are listed with their real codes. */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-booking.h"
#include "qurb-caravans.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"
#include "qurb-sms-bookings.h"
#include "qurb-sms-filter.h"
#include "qurb-texts.h"
#include "qurb-waitlist.h"

/* A caravan of province (and specialty when not NULL) whose open slots
 * are all taken: its waiting list is offered, since the lists of
 * caravans show only those with free seats. NULL when there is none. */
gchar *
qurb_sms_full_caravan_offer (GPtrArray *caravans, const gchar *province, const gchar *specialty,
                             const gchar *lang)
{
  for (guint i = 0; i < caravans->len; i++)
    {
      const QurbCaravan *c = caravans->pdata[i];
      gboolean open = FALSE;

      for (guint k = 0; k < c->slots->len && !open; k++)
        open = g_array_index (c->slots, QurbCaravanSlot, k).open;
      /* A caravan too close to book is closed, not full. */
      if (!open || c->seats_left > 0 || (province != NULL && !qurb_province_same (c->province, province)) ||
          (specialty != NULL && g_ascii_strcasecmp (c->specialty, specialty) != 0))
        continue;
      /* TRANSLATORS: SMS; %s a caravan code; keep the book keyword of your language */
      return g_strdup_printf (qurb_dgettext (lang, "Caravan %1$s is full. To join its waiting list: RESERVER %1$s"),
                              c->code);
    }
  return NULL;
}

/* Up to max caravans with free seats, of province (any spelling) when
 * not NULL, else of the provinces this box serves, of the specialty
 * when not NULL: "LAA1 03/02, LAA2 04/02". NULL when there is none. */
static gchar *
caravan_examples (GPtrArray *caravans, const QurbAgency *agency, const gchar *province,
                  const gchar *specialty, guint max, const gchar **first_code)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < caravans->len && shown < max; i++)
    {
      QurbCaravan *c = caravans->pdata[i];
      g_autofree gchar *date = NULL;

      if (c->seats_left <= 0 || (province != NULL && !qurb_province_same (c->province, province)) ||
          (province == NULL && !qurb_agency_serves (agency, c->province)) ||
          (specialty != NULL && g_ascii_strcasecmp (c->specialty, specialty) != 0))
        continue;
      date = qurb_sms_short_date (c->date);
      g_string_append_printf (list, "%s%s %s", shown++ ? ", " : "", c->code, date);
      if (shown == 1)
        *first_code = c->code;
    }
  return shown > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* Booking asked with no code: the caravans of the province named, else
 * of the member's, else any — codes that exist, never made-up ones. */
static gchar *
answer_book_without_code (GPtrArray *caravans, const QurbAgency *agency, QurbMember *member,
                          const QurbSmsCommand *command, const gchar *lang)
{
  const gchar *province = command->province ? command->province : qurb_province_canonical (member->province);
  const gchar *first_code = NULL;
  g_autofree gchar *examples = NULL;

  if (province != NULL && !qurb_agency_serves (agency, province) && command->province == NULL)
    province = NULL;
  /* An example of the specialty named is one of that specialty. */
  if (command->specialty != NULL)
    examples = caravan_examples (caravans, agency, command->province, command->specialty,
                                 QURB_SMS_LIST_MAX, &first_code);
  if (examples == NULL)
    examples = caravan_examples (caravans, agency, province, NULL, QURB_SMS_LIST_MAX, &first_code);
  if (examples != NULL && province != NULL && !qurb_agency_serves (agency, province))
    return qurb_sms_elsewhere_answer (agency, province, examples, lang);

  if (examples == NULL && command->province != NULL)
    {
      const gchar *place = command->province;
      gchar *offer = qurb_sms_full_caravan_offer (caravans, command->province, command->specialty, lang);

      if (offer != NULL)
        return offer;

      if (g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (place) != NULL)
        place = qurb_province_arabic (place);
      /* TRANSLATORS: SMS; %s a province */
      return g_strdup_printf (qurb_dgettext (lang, "No caravan with free seats is planned in %s."), place);
    }
  if (examples == NULL)
    examples = caravan_examples (caravans, agency, NULL, NULL, QURB_SMS_LIST_MAX, &first_code);
  if (examples == NULL)
    return g_strdup (qurb_dgettext (lang, "No caravan with free seats is planned for now."));
  /* TRANSLATORS: SMS; %1$s a caravan code, %2$s a list of caravans with their dates */
  return g_strdup_printf (qurb_dgettext (lang, "Send the caravan code, for example RESERVER %1$s. Caravans: %2$s."),
                          first_code, examples);
}

/* The caravans that fit all the member named without a code: province,
 * day, specialty. NULL when none of these was named. */
static GPtrArray *
caravans_named (GPtrArray *caravans, const QurbSmsCommand *command)
{
  GPtrArray *fit;

  if (command->province == NULL && command->day == 0 && command->specialty == NULL)
    return NULL;
  fit = g_ptr_array_new ();
  for (guint i = 0; i < caravans->len; i++)
    {
      QurbCaravan *c = caravans->pdata[i];

      if ((command->province == NULL || qurb_province_same (c->province, command->province)) &&
          (command->day == 0 || qurb_sms_day_is (command->day, c->date)) &&
          (command->specialty == NULL || g_ascii_strcasecmp (c->specialty, command->specialty) == 0))
        g_ptr_array_add (fit, c);
    }
  return fit;
}

/* Several caravans fit: which one, with their real codes. */
static gchar *
answer_which_caravan (GPtrArray *fit, const gchar *lang)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < fit->len && i < QURB_SMS_LIST_MAX; i++)
    {
      const QurbCaravan *c = fit->pdata[i];
      g_autofree gchar *date = qurb_sms_short_date (c->date);

      g_string_append_printf (list, "%s%s %s", i ? ", " : "", c->code, date);
    }
  return g_strdup_printf (qurb_dgettext (lang, "Send the caravan code, for example RESERVER %1$s. Caravans: %2$s."),
                          ((const QurbCaravan *) fit->pdata[0])->code, list->str);
}

/* The free times of a caravan nearest to the minute asked (or the first
 * ones), in the order of the day: "09:00, 09:30, 10:00". */
static gchar *
free_times (const QurbCaravan *caravan, gint asked_minute, const gchar *lang, const gchar **first)
{
  g_autoptr(GArray) free = g_array_new (FALSE, FALSE, sizeof (const QurbCaravanSlot *));
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < caravan->slots->len; i++)
    {
      const QurbCaravanSlot *slot = &g_array_index (caravan->slots, QurbCaravanSlot, i);

      if (slot->open && slot->seats_left > 0)
        g_array_append_val (free, slot);
    }
  /* Drop the farthest from the time asked until QURB_SMS_LIST_MAX + 1 remain. */
  while (free->len > QURB_SMS_LIST_MAX + 1)
    {
      gint head = 0, tail = 0;

      qurb_parse_hhmm (g_array_index (free, const QurbCaravanSlot *, 0)->start_time, &head);
      qurb_parse_hhmm (g_array_index (free, const QurbCaravanSlot *, free->len - 1)->start_time, &tail);
      if (asked_minute >= 0 && ABS (head - asked_minute) > ABS (tail - asked_minute))
        g_array_remove_index (free, 0);
      else
        g_array_remove_index (free, free->len - 1);
    }
  for (guint i = 0; i < free->len; i++)
    /* TRANSLATORS: separates the free times listed in an SMS; in Arabic a
     * space, so that the answer holds in one part of 70 characters */
    g_string_append_printf (list, "%s%s", i ? qurb_dgettext (lang, ", ") : "",
                            g_array_index (free, const QurbCaravanSlot *, i)->start_time);
  *first = free->len > 0 ? g_array_index (free, const QurbCaravanSlot *, 0)->start_time : NULL;
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A time asked that we cannot read or that has no free seat is never
 * replaced by another: the member chooses among the free times. */
static gchar *
answer_free_times (GPtrArray *caravans, const QurbSmsCommand *command, gint asked_minute,
                   const gchar *lang)
{
  const QurbCaravan *caravan = qurb_caravan_lookup (caravans, command->caravan);
  const gchar *first = NULL;
  g_autofree gchar *times = caravan ? free_times (caravan, asked_minute, lang, &first) : NULL;

  if (first == NULL)
    /* TRANSLATORS: SMS; %s a caravan code */
    return g_strdup_printf (qurb_dgettext (lang, "Caravan %s is full."), command->caravan);
  if (command->time_unreadable)
    /* TRANSLATORS: SMS; %1$s caravan code, %2$s a list of times, %3$s one of them;
     * keep the book keyword of your language */
    return g_strdup_printf (qurb_dgettext (lang, "We could not read the time. Free times for %1$s: %2$s. Send RESERVER %1$s %3$s"),
                            command->caravan, times, first);
  /* TRANSLATORS: SMS; %1$s caravan code, %2$s the time asked, %3$s a list
   * of free times, %4$s one of them; keep the book keyword of your language */
  return g_strdup_printf (qurb_dgettext (lang, "No free seat on %1$s at %2$s. Free times: %3$s. Send RESERVER %1$s %4$s"),
                          command->caravan, command->time, times, first);
}

/* A caravan of another agency's province: who books it. */
static gchar *
answer_other_agency (QurbDb *db, GPtrArray *caravans, const QurbSmsCommand *command, const gchar *lang,
                     GError **error)
{
  const QurbCaravan *caravan = qurb_caravan_lookup (caravans, command->caravan);
  g_autoptr(QurbAgency) agency = qurb_agency_load (db, error);
  g_autofree gchar *item = NULL;

  if (agency == NULL)
    return NULL;
  if (caravan == NULL)
    /* TRANSLATORS: SMS; %s a caravan code */
    return g_strdup_printf (qurb_dgettext (lang, "Booking for caravan %s is closed."), command->caravan);
  item = g_strdup_printf ("%s (%s)", caravan->code,
                          g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (caravan->province)
                            ? qurb_province_arabic (caravan->province) : caravan->province);
  return qurb_sms_elsewhere_answer (agency, caravan->province, item, lang);
}

/* A full caravan: the member goes on its waiting list and is told where. */
static gchar *
answer_waitlist (QurbDb *db, QurbMember *member, const gchar *caravan, const gchar *lang,
                 GError **error)
{
  QurbWaitlistResult result;

  if (!qurb_waitlist_join (db, member->id, caravan, "sms", &result, error))
    return NULL;
  switch (result.outcome)
    {
    case QURB_WAITLIST_JOINED:
      /* TRANSLATORS: SMS; %1$s caravan code, %2$d the member's place on the waiting list */
      return g_strdup_printf (qurb_dgettext (lang, "Caravan %1$s is full. You are number %2$d on its waiting list: "
                                                   "if a seat is freed, it is yours by SMS."),
                              caravan, result.position);
    case QURB_WAITLIST_ALREADY_WAITING:
      /* TRANSLATORS: SMS; %1$s caravan code, %2$d the member's place on the waiting list */
      return g_strdup_printf (qurb_dgettext (lang, "Caravan %1$s is still full. You are number %2$d on its waiting list."),
                              caravan, result.position);
    case QURB_WAITLIST_ALREADY_BOOKED:
      return g_strdup_printf (qurb_dgettext (lang, "You already hold booking %1$s for %2$s at %3$s. To change: ANNULER %1$s, then RESERVER."),
                              result.booking.code, result.booking.caravan_code, result.booking.start_time);
    case QURB_WAITLIST_SEATS_FREE:
      /* TRANSLATORS: SMS; %s a caravan code; keep the book keyword of your language */
      return g_strdup_printf (qurb_dgettext (lang, "A seat has just been freed on %1$s. Send RESERVER %1$s"),
                              caravan);
    case QURB_WAITLIST_CLOSED:
      return g_strdup_printf (qurb_dgettext (lang, "Booking for caravan %s is closed."), caravan);
    case QURB_WAITLIST_NO_PHONE:
      return g_strdup_printf (qurb_dgettext (lang, "Caravan %s is full."), caravan);
    case QURB_WAITLIST_NO_SUCH_CARAVAN:
    default:
      return g_strdup_printf (qurb_dgettext (lang, "There is no caravan %s. CARAVANE lists the caravans."),
                              caravan);
    }
}

gchar *
qurb_sms_answer_book (QurbDb *db, QurbMember *member, const QurbSmsCommand *command, const gchar *lang,
             GError **error)
{
  QurbBookingRequest request = { member->id, command->caravan, -1, "sms", FALSE };
  QurbSmsCommand named;
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (db, error);
  QurbBookingResult result;
  g_autofree gchar *site = NULL;

  if (caravans == NULL)
    return NULL;
  if (command->caravan[0] == '\0')
    {
      g_autoptr(GPtrArray) fit = caravans_named (caravans, command);
      g_autoptr(QurbAgency) agency = NULL;

      /* The one caravan that fits what was named is the one meant. */
      if (fit != NULL && fit->len == 1)
        {
          named = *command;
          g_strlcpy (named.caravan, ((const QurbCaravan *) fit->pdata[0])->code, sizeof named.caravan);
          command = &named;
          request.caravan_code = command->caravan;
        }
      else if (fit != NULL && fit->len > 1)
        return answer_which_caravan (fit, lang);
      else
        {
          agency = qurb_agency_load (db, error);
          return agency ? answer_book_without_code (caravans, agency, member, command, lang) : NULL;
        }
    }
  if (command->time[0] != '\0' && !qurb_parse_hhmm (command->time, &request.requested_minute))
    request.requested_minute = -1;
  if (command->time_unreadable && qurb_caravan_lookup (caravans, command->caravan) != NULL)
    return qurb_caravan_lookup (caravans, command->caravan)->seats_left > 0
         ? answer_free_times (caravans, command, -1, lang)
         : answer_waitlist (db, member, command->caravan, lang, error);
  if (!qurb_booking_take (db, &request, &result, error))
    return NULL;

  switch (result.outcome)
    {
    case QURB_BOOKING_OK:
      site = qurb_caravan_site (db, result.booking.caravan_code, lang, error);
      if (site == NULL)
        return NULL;
      return qurb_compose_booking_confirmation (lang, result.booking.code, result.booking.caravan_code,
                                                result.booking.date, result.booking.start_time, site);
    case QURB_BOOKING_NO_SUCH_CARAVAN:
      /* TRANSLATORS: SMS; %s a caravan code */
      return g_strdup_printf (qurb_dgettext (lang, "There is no caravan %s. CARAVANE lists the caravans."),
                              command->caravan);
    case QURB_BOOKING_CLOSED:
      /* TRANSLATORS: SMS; %s a caravan code */
      return g_strdup_printf (qurb_dgettext (lang, "Booking for caravan %s is closed."), command->caravan);
    case QURB_BOOKING_NO_SUCH_SLOT:
      /* A time that is no slot of a full caravan: the waiting list still. */
      if (qurb_caravan_lookup (caravans, command->caravan) != NULL &&
          qurb_caravan_lookup (caravans, command->caravan)->seats_left <= 0)
        return answer_waitlist (db, member, command->caravan, lang, error);
      return answer_free_times (caravans, command, request.requested_minute, lang);
    case QURB_BOOKING_SLOT_FULL:
      /* Every slot taken: the waiting list, not an empty list of times. */
      if (qurb_caravan_lookup (caravans, command->caravan) != NULL &&
          qurb_caravan_lookup (caravans, command->caravan)->seats_left <= 0)
        return answer_waitlist (db, member, command->caravan, lang, error);
      return answer_free_times (caravans, command, request.requested_minute, lang);
    case QURB_BOOKING_CARAVAN_FULL:
      return answer_waitlist (db, member, command->caravan, lang, error);
    case QURB_BOOKING_OTHER_AGENCY:
      return answer_other_agency (db, caravans, command, lang, error);
    case QURB_BOOKING_ALREADY_BOOKED:
      /* TRANSLATORS: SMS; %1$s booking code, %2$s caravan code, %3$s time;
       * keep the cancel and book keywords of your language */
      return g_strdup_printf (qurb_dgettext (lang, "You already hold booking %1$s for %2$s at %3$s. To change: ANNULER %1$s, then RESERVER."),
                              result.booking.code, result.booking.caravan_code, result.booking.start_time);
    default:
      g_assert_not_reached ();
    }
}

/* The one booking a cancel without its code means: on the caravan or
 * the day named, or the member's only one. NULL when not just one. */
static const QurbBooking *
booking_meant (GArray *bookings, const QurbSmsCommand *command)
{
  const QurbBooking *meant = NULL;

  if (command->caravan[0] == '\0' && command->day == 0)
    return bookings->len == 1 ? &g_array_index (bookings, QurbBooking, 0) : NULL;
  for (guint i = 0; i < bookings->len; i++)
    {
      const QurbBooking *b = &g_array_index (bookings, QurbBooking, i);

      if (command->caravan[0] != '\0' ? strcmp (b->caravan_code, command->caravan) != 0
                                       : !qurb_sms_day_is (command->day, b->date))
        continue;
      if (meant != NULL)
        return NULL;
      meant = b;
    }
  return meant;
}

/* Cancel asked with no booking code: the booking meant (booking_meant),
 * else the member's own codes as the example. */
static gchar *
answer_cancel_without_code (GArray *bookings, const QurbSmsCommand *command, const gchar *lang,
                            gchar code[QURB_BOOKING_CODE_SIZE])
{
  g_autoptr(GString) list = g_string_new (NULL);
  const QurbBooking *meant = booking_meant (bookings, command);

  if (meant != NULL)
    {
      memcpy (code, meant->code, sizeof meant->code);
      return NULL;
    }

  for (guint i = 0; i < bookings->len; i++)
    {
      QurbBooking *b = &g_array_index (bookings, QurbBooking, i);

      if (i < QURB_SMS_LIST_MAX)
        {
          g_autofree gchar *date = qurb_sms_short_date (b->date);
          g_string_append_printf (list, "%s%s (%s %s)", i ? ", " : "", b->code, b->caravan_code, date);
        }
    }
  if (command->caravan[0] != '\0')
    /* TRANSLATORS: SMS; %s a caravan code */
    return g_strdup_printf (qurb_dgettext (lang, "You have no booking on caravan %s."), command->caravan);
  if (bookings->len == 0)
    return g_strdup (qurb_dgettext (lang, "You have no upcoming booking."));
  /* TRANSLATORS: SMS; %1$s the member's first booking code, %2$s their
   * bookings; keep the cancel keyword of your language */
  return g_strdup_printf (qurb_dgettext (lang, "Send the booking code, for example ANNULER %1$s. Your bookings: %2$s."),
                          g_array_index (bookings, QurbBooking, 0).code, list->str);
}

gchar *
qurb_sms_answer_cancel (QurbDb *db, QurbMember *member, const QurbSmsCommand *command, const gchar *lang,
               GError **error)
{
  gchar code[QURB_BOOKING_CODE_SIZE];
  QurbBookingResult result;

  g_strlcpy (code, command->booking, sizeof code);
  if (code[0] == '\0')
    {
      g_autoptr(GArray) bookings = qurb_bookings_upcoming (db, member->id, error);
      gchar *answer;

      if (bookings == NULL)
        return NULL;
      answer = answer_cancel_without_code (bookings, command, lang, code);
      if (answer != NULL)
        return answer;
    }
  if (!qurb_booking_cancel (db, member->id, code, &result, error))
    return NULL;
  switch (result.outcome)
    {
    case QURB_BOOKING_OK:
      /* TRANSLATORS: SMS; %s a booking code */
      return g_strdup_printf (qurb_dgettext (lang, "Booking %s is cancelled."), code);
    case QURB_BOOKING_ALREADY_CANCELLED:
      /* TRANSLATORS: SMS; %s a booking code */
      return g_strdup_printf (qurb_dgettext (lang, "Booking %s was already cancelled."), code);
    case QURB_BOOKING_CLOSED:
      /* TRANSLATORS: SMS; %s a booking code */
      return g_strdup_printf (qurb_dgettext (lang, "Booking %s can no longer be cancelled."), code);
    default:
      /* TRANSLATORS: SMS; %s a booking code */
      return g_strdup_printf (qurb_dgettext (lang, "No booking %s under your number."), code);
    }
}

gchar *
qurb_sms_answer_my_bookings (QurbDb *db, QurbMember *member, const gchar *lang, GError **error)
{
  g_autoptr(GArray) bookings = qurb_bookings_upcoming (db, member->id, error);
  g_autoptr(GArray) places = bookings ? qurb_waitlist_places (db, member->id, error) : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) waiting = g_string_new (NULL);
  g_autofree gchar *booked = NULL, *waited = NULL;

  if (places == NULL)
    return NULL;
  if (bookings->len == 0 && places->len == 0)
    return g_strdup (qurb_dgettext (lang, "You have no upcoming booking."));
  for (guint i = 0; i < bookings->len; i++)
    {
      QurbBooking *b = &g_array_index (bookings, QurbBooking, i);
      g_autofree gchar *date = qurb_sms_short_date (b->date);

      g_string_append_printf (list, "%s%s %s %s %s", i ? qurb_sms_list_separator (lang) : "", b->code,
                              b->caravan_code, date, b->start_time);
    }
  /* A place on a waiting list is a booking to come: it is shown too. */
  for (guint i = 0; i < places->len; i++)
    {
      const QurbWaitlistPlace *place = &g_array_index (places, QurbWaitlistPlace, i);

      g_string_append (waiting, i ? qurb_sms_list_separator (lang) : "");
      /* TRANSLATORS: SMS; %1$s caravan code, %2$d the member's place on its waiting list */
      g_string_append_printf (waiting, qurb_dgettext (lang, "%1$s number %2$d"), place->caravan_code,
                              place->position);
    }
  if (bookings->len > 0)
    /* TRANSLATORS: SMS; %s a list of bookings */
    booked = g_strdup_printf (qurb_dgettext (lang, "Your bookings: %s."), list->str);
  if (places->len > 0)
    /* TRANSLATORS: SMS; %s a list of caravans with the member's place on their waiting list */
    waited = g_strdup_printf (qurb_dgettext (lang, "Waiting list: %s."), waiting->str);
  return g_strjoin (" ", booked ? booked : waited, booked ? waited : NULL, NULL);
}
