/* qurb-checkin.c — the caravan day: a ticket scanned, a booking attended */
#include "config.h"

#include <string.h>

#include "qurb-checkin.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-texts.h"

typedef struct {
  const QurbCheckinRequest *request;
  QurbCheckinResult *result;
} CheckinJob;

static QurbCheckinOutcome
outcome_of_ticket (QurbTicketCheck check)
{
  switch (check)
    {
    case QURB_TICKET_FORGED: return QURB_CHECKIN_FORGED;
    case QURB_TICKET_FOREIGN: return QURB_CHECKIN_FOREIGN;
    case QURB_TICKET_UNREADABLE: return QURB_CHECKIN_UNREADABLE;
    case QURB_TICKET_VALID:
    case QURB_TICKET_CODE_ONLY:
    default: return QURB_CHECKIN_OK;
    }
}

/* What the booking found says, before anything is written. */
static QurbCheckinOutcome
judge (const QurbBookingDetail *detail, const gchar *caravan_code, const gchar *today)
{
  if (strcmp (detail->booking.state, "active") != 0)
    return QURB_CHECKIN_CANCELLED;
  if (caravan_code != NULL && g_ascii_strcasecmp (caravan_code, detail->booking.caravan_code) != 0)
    return QURB_CHECKIN_OTHER_CARAVAN;
  /* Seen before, on its day: say when, whatever the day is now. */
  if (detail->attended_at != NULL)
    return QURB_CHECKIN_ALREADY;
  if (strcmp (detail->booking.date, today) != 0)
    return QURB_CHECKIN_OTHER_DAY;
  return QURB_CHECKIN_OK;
}

static gboolean
checkin_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  CheckinJob *job = user_data;
  const QurbCheckinRequest *request = job->request;
  QurbCheckinResult *result = job->result;
  g_autofree gchar *today = qurb_today_iso (), *now = qurb_now_iso ();
  g_autoptr(GError) local_error = NULL;
  QurbTicketCheck check;
  sqlite3_stmt *stmt;

  /* A retried transaction starts from the scan again. */
  qurb_checkin_result_clear (result);
  check = qurb_ticket_read (request->text, request->key, result->code);
  result->outcome = outcome_of_ticket (check);
  if (result->outcome == QURB_CHECKIN_OK)
    {
      result->detail = qurb_booking_detail_find (db, result->code, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      result->outcome = result->detail == NULL ? QURB_CHECKIN_NOT_FOUND
                                               : judge (result->detail, request->caravan_code, today);
    }
  /* Refusals are kept too: forged tickets are worth knowing about. */
  if (result->outcome != QURB_CHECKIN_OK)
    return result->outcome == QURB_CHECKIN_ALREADY ||
           qurb_db_audit (db, request->actor, "checkin-refused", result->code[0] ? result->code : NULL,
                          qurb_checkin_outcome_name (result->outcome), error);

  /* attended_at IS NULL: two devices on one database check in once. */
  stmt = qurb_db_statement (db, "UPDATE bookings SET attended_at = ? WHERE id = ? AND attended_at IS NULL",
                            error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", now, result->detail->booking.id) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  g_free (result->detail->attended_at);
  result->detail->attended_at = g_strdup (now);
  return qurb_db_audit (db, request->actor, "checkin", result->code, now, error);
}

gboolean
qurb_checkin (QurbDb *db, const QurbCheckinRequest *request, QurbCheckinResult *result,
              GError **error)
{
  CheckinJob job = { request, result };

  g_return_val_if_fail (db != NULL && request != NULL && result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  return qurb_db_transact (db, checkin_in_transaction, &job, error);
}

void
qurb_checkin_result_clear (QurbCheckinResult *result)
{
  g_clear_pointer (&result->detail, qurb_booking_detail_free);
  result->code[0] = '\0';
  result->outcome = QURB_CHECKIN_OK;
}

/* "10:02" of today, "03/02/2027 10:02" of another day. */
static gchar *
when (const gchar *iso)
{
  g_autofree gchar *today = qurb_today_iso ();
  g_autofree gchar *day = NULL;

  if (iso == NULL || strlen (iso) < 16)
    return g_strdup (iso ? iso : "");
  if (strncmp (iso, today, 10) == 0)
    return g_strndup (iso + 11, 5);
  day = g_strndup (iso, 10);
  {
    g_autofree gchar *date = qurb_format_date (day);
    return g_strdup_printf ("%s %.5s", date, iso + 11);
  }
}

/* What staff read at the caravan, in their language. caravan_code is the
 * one this device checks in, or NULL. */
gchar *
qurb_checkin_describe (const QurbCheckinResult *result, const gchar *caravan_code, const gchar *lang)
{
  const QurbBookingDetail *d = result->detail;
  const gchar *name = d == NULL ? NULL : g_strcmp0 (lang, "ar") == 0 ? d->member_name_ar : d->member_name;

  switch (result->outcome)
    {
    case QURB_CHECKIN_OK:
      /* TRANSLATORS: check-in at a caravan; %1$s member's name, %2$s member
       * number, %3$s booking code, %4$s caravan code, %5$s slot time */
      return g_strdup_printf (qurb_dgettext (lang, "Checked in: %1$s (member %2$s), booking %3$s, caravan %4$s at %5$s."),
                              name, d->member_no, d->booking.code, d->booking.caravan_code, d->booking.start_time);
    case QURB_CHECKIN_ALREADY:
      {
        g_autofree gchar *first = when (d->attended_at);
        /* TRANSLATORS: a second scan; %1$s booking code, %2$s when the first
         * scan was (a time, or a date and a time), %3$s member's name */
        return g_strdup_printf (qurb_dgettext (lang, "Booking %1$s was already checked in at %2$s (%3$s)."),
                                d->booking.code, first, name);
      }
    case QURB_CHECKIN_CANCELLED:
      {
        g_autofree gchar *cancelled = when (d->cancelled_at);
        /* TRANSLATORS: %1$s booking code, %2$s when it was cancelled */
        return g_strdup_printf (qurb_dgettext (lang, "Refused: booking %1$s was cancelled (%2$s). It holds no seat."),
                                d->booking.code, cancelled);
      }
    case QURB_CHECKIN_NOT_FOUND:
      /* TRANSLATORS: %s booking code */
      return g_strdup_printf (qurb_dgettext (lang, "Refused: there is no booking %s in this database."), result->code);
    case QURB_CHECKIN_OTHER_DAY:
      {
        g_autofree gchar *day = qurb_format_date (d->booking.date);
        /* TRANSLATORS: %1$s booking code, %2$s caravan code, %3$s date */
        return g_strdup_printf (qurb_dgettext (lang, "Refused: booking %1$s is for caravan %2$s on %3$s, not today."),
                                d->booking.code, d->booking.caravan_code, day);
      }
    case QURB_CHECKIN_OTHER_CARAVAN:
      /* TRANSLATORS: %1$s booking code, %2$s its caravan, %3$s the caravan checked in here */
      return g_strdup_printf (qurb_dgettext (lang, "Refused: booking %1$s is for caravan %2$s, not %3$s."),
                              d->booking.code, d->booking.caravan_code, caravan_code ? caravan_code : "");
    case QURB_CHECKIN_FORGED:
      return g_strdup (qurb_dgettext (lang, "Refused: this ticket's signature is not valid; it was altered or forged. Ask for the booking code and an identity card."));
    case QURB_CHECKIN_FOREIGN:
      return g_strdup (qurb_dgettext (lang, "Refused: this ticket was not issued by this agency's system. Ask for the booking code and an identity card."));
    case QURB_CHECKIN_UNREADABLE:
    default:
      return g_strdup (qurb_dgettext (lang, "Refused: this is neither a ticket nor a booking code."));
    }
}

const gchar *
qurb_checkin_outcome_name (QurbCheckinOutcome outcome)
{
  static const gchar *const names[] = {
    "ok", "already", "cancelled", "not-found", "other-day", "other-caravan", "forged", "foreign", "unreadable",
  };

  g_return_val_if_fail (outcome < G_N_ELEMENTS (names), "unreadable");
  return names[outcome];
}
