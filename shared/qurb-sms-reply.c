/* qurb-sms-reply.c — doing what a member's SMS asks, and saying so
 *
 * Each intent does its work on the database and answers in the member's
 * language, as briefly as an SMS should be. A dossier that is not the
 * member's gets the very answer a dossier that does not exist gets. No
 * diagnosis or medical detail ever: a dossier is its number and status. */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-booking.h"
#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"
#include "qurb-ratings.h"
#include "qurb-sms-reply.h"
#include "qurb-texts.h"
#include "qurb-waitlist.h"

#define LIST_MAX 3   /* dossiers or caravans in one answer */

/* The item separator of a list in an SMS. */
static const gchar *
separator (const gchar *lang)
{
  /* TRANSLATORS: separates items of a list in an SMS */
  return qurb_dgettext (lang, "; ");
}

/* "03/02" for a date this year in an SMS, to save characters. */
static gchar *
short_date (const gchar *iso)
{
  gint y, m, d;

  if (!qurb_parse_date (iso, &y, &m, &d))
    return g_strdup (iso);
  return g_strdup_printf ("%02d/%02d", d, m);
}

static gchar *
describe_claim (const gchar *lang, const QurbClaim *claim)
{
  const gchar *status = qurb_claim_status_label (lang, claim->status);
  g_autofree gchar *date = qurb_format_date (claim->status_date);

  if (claim->status == QURB_CLAIM_PAYE && claim->amount_paid > 0)
    {
      g_autofree gchar *amount = qurb_format_amount_sms (lang, claim->amount_paid);
      /* TRANSLATORS: SMS; %1$s dossier, %2$s status, %3$s date, %4$s amount */
      return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s on %3$s, %4$s."),
                              claim->dossier_no, status, date, amount);
    }
  if (claim->status == QURB_CLAIM_INCOMPLET || claim->status == QURB_CLAIM_REJETE)
    /* TRANSLATORS: SMS; %1$s dossier, %2$s status, %3$s date */
    return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s since %3$s. Details at your agency or kiosk."),
                            claim->dossier_no, status, date);
  /* TRANSLATORS: SMS; %1$s dossier, %2$s status, %3$s date */
  return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s since %3$s."),
                          claim->dossier_no, status, date);
}

static gchar *
answer_status (QurbDb *db, QurbMember *member, const QurbSmsCommand *command, const gchar *lang,
               GError **error)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GString) list = NULL;

  if (command->dossier[0] != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(QurbClaim) claim = qurb_claim_find (db, command->dossier, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Someone else's dossier is a dossier that does not exist. */
      if (claim == NULL || claim->member_id != member->id)
        /* TRANSLATORS: SMS; %s a dossier number */
        return g_strdup_printf (qurb_dgettext (lang, "No dossier %s for this phone number."),
                                command->dossier);
      return describe_claim (lang, claim);
    }

  claims = qurb_claims_for_member (db, member->id, LIST_MAX, error);
  if (claims == NULL)
    return NULL;
  if (claims->len == 0)
    return g_strdup (qurb_dgettext (lang, "No dossier on file for this phone number."));
  list = g_string_new (NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      QurbClaim *claim = claims->pdata[i];
      g_string_append_printf (list, "%s%s %s", i ? separator (lang) : "", claim->dossier_no,
                              qurb_claim_status_label (lang, claim->status));
    }
  /* TRANSLATORS: SMS; %s a list of dossiers with their status */
  return g_strdup_printf (qurb_dgettext (lang, "Your latest dossiers: %s."), list->str);
}

/* Caravans (list) of a province another agency serves, and which. */
static gchar *
elsewhere_answer (const QurbAgency *agency, const gchar *province, const gchar *list, const gchar *lang)
{
  const gchar *other = qurb_agency_serving (agency, province);
  const gchar *place = province;

  if (g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (province) != NULL)
    place = qurb_province_arabic (province);
  if (other != NULL)
    /* TRANSLATORS: SMS; %1$s a list of caravans, %2$s an agency's code */
    return g_strdup_printf (qurb_dgettext (lang, "%1$s: booked at agency %2$s."), list, other);
  /* TRANSLATORS: SMS; %1$s a list of caravans, %2$s a province */
  return g_strdup_printf (qurb_dgettext (lang, "%1$s: booked at the agency of %2$s."), list, place);
}

static gchar *
answer_caravans (QurbDb *db, const QurbSmsCommand *command, const gchar *lang, GError **error)
{
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (db, error);
  g_autoptr(QurbAgency) agency = caravans ? qurb_agency_load (db, error) : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  const gchar *place = command->province, *first_code = NULL;
  gboolean elsewhere;
  guint shown = 0;

  if (agency == NULL)
    return NULL;
  /* Another agency's province: its caravans, and where they are booked;
   * with no province named, this box's own. */
  elsewhere = place != NULL && !qurb_agency_serves (agency, place);
  if (place != NULL && g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (place) != NULL)
    place = qurb_province_arabic (place);

  for (guint i = 0; i < caravans->len && shown < LIST_MAX; i++)
    {
      QurbCaravan *c = caravans->pdata[i];
      g_autofree gchar *date = NULL, *item = NULL;
      const gchar *province = c->province;

      if (c->seats_left <= 0 ||
          (command->province != NULL && !qurb_province_same (c->province, command->province)) ||
          (command->province == NULL && !qurb_agency_serves (agency, c->province)))
        continue;
      if (g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (c->province) != NULL)
        province = qurb_province_arabic (c->province);
      date = short_date (c->date);
      /* TRANSLATORS: SMS; %1$s caravan code, %2$s date, %3$s province, %4$d seats */
      item = g_strdup_printf (qurb_dngettext (lang, "%1$s %2$s %3$s, %4$d seat",
                                              "%1$s %2$s %3$s, %4$d seats", c->seats_left),
                              c->code, date, province, c->seats_left);
      g_string_append_printf (list, "%s%s", shown++ ? separator (lang) : "", item);
      if (first_code == NULL)
        first_code = c->code;
    }
  if (shown == 0 && place != NULL)
    /* TRANSLATORS: SMS; %s a province */
    return g_strdup_printf (qurb_dgettext (lang, "No caravan with free seats is planned in %s."), place);
  if (shown == 0)
    return g_strdup (qurb_dgettext (lang, "No caravan with free seats is planned for now."));
  if (elsewhere)
    return elsewhere_answer (agency, command->province, list->str, lang);
  /* TRANSLATORS: SMS; %1$s a list of caravans, %2$s the code of the first;
   * keep the book keyword of your language */
  return g_strdup_printf (qurb_dgettext (lang, "Caravans: %1$s. To book: RESERVER %2$s"), list->str, first_code);
}

/* Up to max caravans with free seats, of province (any spelling) when
 * not NULL, else of the provinces this box serves: "LAA1 03/02, LAA2
 * 04/02". NULL when there is none. */
static gchar *
caravan_examples (GPtrArray *caravans, const QurbAgency *agency, const gchar *province, guint max,
                  const gchar **first_code)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < caravans->len && shown < max; i++)
    {
      QurbCaravan *c = caravans->pdata[i];
      g_autofree gchar *date = NULL;

      if (c->seats_left <= 0 || (province != NULL && !qurb_province_same (c->province, province)) ||
          (province == NULL && !qurb_agency_serves (agency, c->province)))
        continue;
      date = short_date (c->date);
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
  examples = caravan_examples (caravans, agency, province, LIST_MAX, &first_code);
  if (examples != NULL && province != NULL && !qurb_agency_serves (agency, province))
    return elsewhere_answer (agency, province, examples, lang);

  if (examples == NULL && command->province != NULL)
    {
      const gchar *place = command->province;

      if (g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (place) != NULL)
        place = qurb_province_arabic (place);
      /* TRANSLATORS: SMS; %s a province */
      return g_strdup_printf (qurb_dgettext (lang, "No caravan with free seats is planned in %s."), place);
    }
  if (examples == NULL)
    examples = caravan_examples (caravans, agency, NULL, LIST_MAX, &first_code);
  if (examples == NULL)
    return g_strdup (qurb_dgettext (lang, "No caravan with free seats is planned for now."));
  /* TRANSLATORS: SMS; %1$s a caravan code, %2$s a list of caravans with their dates */
  return g_strdup_printf (qurb_dgettext (lang, "Send the caravan code, for example RESERVER %1$s. Caravans: %2$s."),
                          first_code, examples);
}

/* The free times of a caravan nearest to the minute asked (or the first
 * ones), in the order of the day: "09:00, 09:30, 10:00". */
static gchar *
free_times (const QurbCaravan *caravan, gint asked_minute, const gchar **first)
{
  g_autoptr(GArray) free = g_array_new (FALSE, FALSE, sizeof (const QurbCaravanSlot *));
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < caravan->slots->len; i++)
    {
      const QurbCaravanSlot *slot = &g_array_index (caravan->slots, QurbCaravanSlot, i);

      if (slot->open && slot->seats_left > 0)
        g_array_append_val (free, slot);
    }
  /* Drop the farthest from the time asked until LIST_MAX + 1 remain. */
  while (free->len > LIST_MAX + 1)
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
    g_string_append_printf (list, "%s%s", i ? ", " : "", g_array_index (free, const QurbCaravanSlot *, i)->start_time);
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
  g_autofree gchar *times = caravan ? free_times (caravan, asked_minute, &first) : NULL;

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
  return elsewhere_answer (agency, caravan->province, item, lang);
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
      return g_strdup_printf (qurb_dgettext (lang, "You already hold booking %1$s for %2$s at %3$s."),
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

static gchar *
answer_book (QurbDb *db, QurbMember *member, const QurbSmsCommand *command, const gchar *lang,
             GError **error)
{
  QurbBookingRequest request = { member->id, command->caravan, -1, "sms", FALSE };
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (db, error);
  QurbBookingResult result;
  g_autofree gchar *site = NULL;

  if (caravans == NULL)
    return NULL;
  if (command->caravan[0] == '\0')
    {
      g_autoptr(QurbAgency) agency = qurb_agency_load (db, error);

      return agency ? answer_book_without_code (caravans, agency, member, command, lang) : NULL;
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
      return answer_free_times (caravans, command, request.requested_minute, lang);
    case QURB_BOOKING_CARAVAN_FULL:
      return answer_waitlist (db, member, command->caravan, lang, error);
    case QURB_BOOKING_OTHER_AGENCY:
      return answer_other_agency (db, caravans, command, lang, error);
    case QURB_BOOKING_ALREADY_BOOKED:
      /* TRANSLATORS: SMS; %1$s booking code, %2$s caravan code, %3$s time */
      return g_strdup_printf (qurb_dgettext (lang, "You already hold booking %1$s for %2$s at %3$s."),
                              result.booking.code, result.booking.caravan_code, result.booking.start_time);
    default:
      g_assert_not_reached ();
    }
}

/* Cancel asked with no booking code: the member's own codes as the
 * example, or the booking they hold on the caravan they named. */
static gchar *
answer_cancel_without_code (GArray *bookings, const QurbSmsCommand *command, const gchar *lang,
                            gchar code[QURB_BOOKING_CODE_SIZE])
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < bookings->len; i++)
    {
      QurbBooking *b = &g_array_index (bookings, QurbBooking, i);

      if (command->caravan[0] != '\0' && strcmp (b->caravan_code, command->caravan) == 0)
        {
          memcpy (code, b->code, sizeof b->code);
          return NULL;
        }
      if (i < LIST_MAX)
        {
          g_autofree gchar *date = short_date (b->date);
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

static gchar *
answer_cancel (QurbDb *db, QurbMember *member, const QurbSmsCommand *command, const gchar *lang,
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

static gchar *
answer_my_bookings (QurbDb *db, QurbMember *member, const gchar *lang, GError **error)
{
  g_autoptr(GArray) bookings = qurb_bookings_upcoming (db, member->id, error);
  g_autoptr(GString) list = g_string_new (NULL);

  if (bookings == NULL)
    return NULL;
  if (bookings->len == 0)
    return g_strdup (qurb_dgettext (lang, "You have no upcoming booking."));
  for (guint i = 0; i < bookings->len; i++)
    {
      QurbBooking *b = &g_array_index (bookings, QurbBooking, i);
      g_autofree gchar *date = short_date (b->date);

      g_string_append_printf (list, "%s%s %s %s %s", i ? separator (lang) : "", b->code,
                              b->caravan_code, date, b->start_time);
    }
  /* TRANSLATORS: SMS; %s a list of bookings */
  return g_strdup_printf (qurb_dgettext (lang, "Your bookings: %s."), list->str);
}

/* STOP and START: claim and booking messages go whatever this says. */
static gboolean
set_broadcasts (QurbDb *db, gint64 member_id, gboolean wanted, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "UPDATE members SET broadcasts = ? WHERE id = ?", error);

  return stmt != NULL && qurb_db_bind (db, stmt, error, "iI", (gint) wanted, member_id) &&
         qurb_db_step_done (db, stmt, error);
}

/* A language the member chose outlives the next members import. */
static gboolean
set_language (QurbDb *db, gint64 member_id, const gchar *lang, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE members SET lang = ?, lang_chosen = 1 WHERE id = ?", error);

  return stmt != NULL && qurb_db_bind (db, stmt, error, "tI", lang, member_id) &&
         qurb_db_step_done (db, stmt, error);
}

gchar *
qurb_sms_answer (QurbDb *db, QurbMember *member, const QurbSmsCommand *command,
                 const gchar *lang, GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (command->intent)
    {
    case QURB_INTENT_STATUS:
      return answer_status (db, member, command, lang, error);
    case QURB_INTENT_CARAVANS:
      return answer_caravans (db, command, lang, error);
    case QURB_INTENT_BOOK:
      return answer_book (db, member, command, lang, error);
    case QURB_INTENT_CANCEL:
      return answer_cancel (db, member, command, lang, error);
    case QURB_INTENT_MY_BOOKINGS:
      return answer_my_bookings (db, member, lang, error);
    case QURB_INTENT_STOP:
      if (!set_broadcasts (db, member->id, FALSE, error))
        return NULL;
      return g_strdup (qurb_dgettext (lang, "You will no longer receive our announcements. Dossier and booking messages still come. To receive announcements again: START"));
    case QURB_INTENT_START:
      if (!set_broadcasts (db, member->id, TRUE, error))
        return NULL;
      return g_strdup (qurb_dgettext (lang, "You will receive our announcements again. To stop them: STOP"));
    case QURB_INTENT_LANGUAGE:
      if (!set_language (db, member->id, command->lang, error))
        return NULL;
      /* The answer comes in the language just chosen. */
      return g_strdup (qurb_dgettext (lang, "From now on our messages will be in this language."));
    case QURB_INTENT_RATE:
      {
        gboolean recorded = FALSE;

        if (!qurb_rating_record (db, member->id, command->rating, &recorded, error))
          return NULL;
        /* One short part: an answer tells the member the mark arrived, so
         * that nobody pays to send it twice. */
        return g_strdup (qurb_dgettext (lang, "Thank you for your rating."));
      }
    case QURB_INTENT_HELP:
      return g_strdup (qurb_dgettext (lang, "Commands: ETAT [dossier], CARAVANE [province], RESERVER code [time], ANNULER code, RDV, STOP, ARABE"));
    case QURB_INTENT_UNKNOWN:
    default:
      /* The short help: the commands most asked, and how to get them all. */
      return g_strdup (qurb_dgettext (lang, "Message not understood. Send ETAT, CARAVANE, RDV, or AIDE for all the commands."));
    }
}

gchar *
qurb_sms_registration_hint (const gchar *lang)
{
  return g_strdup (qurb_dgettext (lang, "This number is not registered with the mutual. Register it at your agency or at a kiosk."));
}

/* A long message of which only some parts came, and those not understood. */
gchar *
qurb_sms_send_again (const gchar *lang)
{
  return g_strdup (qurb_dgettext (lang, "Only part of your message reached us. Please send it again."));
}
