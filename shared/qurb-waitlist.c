/* qurb-waitlist.c — the waiting list of a full caravan
 *
 * Invariant: while members wait for a caravan, none of its open slots has
 * a free seat — every path that frees or finds a seat (a cancellation, a
 * booking attempt) calls qurb_waitlist_fill() in its transaction first. */
#include "config.h"

#include <string.h>

#include "qurb-booking-private.h"
#include "qurb-clock.h"
#include "qurb-waitlist.h"

/* The first member waiting for the caravan: their entry and member ids,
 * or *entry_id 0 when nobody waits. */
static gboolean
first_waiting (QurbDb *db, gint64 caravan_id, gint64 *entry_id, gint64 *member_id, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT id, member_id FROM waitlist WHERE caravan_id = ? AND state = 'waiting'"
      " ORDER BY id LIMIT 1", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", caravan_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  *entry_id = step > 0 ? sqlite3_column_int64 (stmt, 0) : 0;
  *member_id = step > 0 ? sqlite3_column_int64 (stmt, 1) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
settle (QurbDb *db, gint64 entry_id, gint64 booking_id, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  return qurb_db_transact_exec (db, error,
      "UPDATE waitlist SET state = 'booked', booking_id = ?, settled_at = ? WHERE id = ?",
      "ItI", booking_id, now, entry_id);
}

/* Gives the earliest free seat to the first member waiting; *given is
 * FALSE when there is no seat or nobody waiting. */
static gboolean
give_one_seat (QurbDb *db, gint64 caravan_id, const gchar *today, gint now_minute, gboolean *given,
               GError **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (QurbSlotState));
  g_autoptr(GArray) slot_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree gchar *date = NULL, *channel = NULL, *code = NULL;
  QurbCaravanState caravan = { 0 };
  QurbBooking booking = { 0 };
  sqlite3_stmt *stmt;
  gint64 entry_id, member_id;
  gboolean holds;
  guint chosen = 0;
  gint step;

  *given = FALSE;
  if (!first_waiting (db, caravan_id, &entry_id, &member_id, error))
    return FALSE;
  if (entry_id == 0)
    return TRUE;
  /* A member who got a seat some other way meanwhile waits no more. */
  if (!qurb_booking_find_active (db, member_id, caravan_id, &booking, &holds, error))
    return FALSE;
  if (holds)
    {
      *given = TRUE;
      return settle (db, entry_id, booking.id, error);
    }

  stmt = qurb_db_statement (db,
      "SELECT c.code, c.date, c.slot_minutes, w.channel FROM caravans c, waitlist w"
      " WHERE c.id = ? AND w.id = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "II", caravan_id, entry_id))
    return FALSE;
  if ((step = qurb_db_step_row (db, stmt, error)) <= 0)
    {
      sqlite3_reset (stmt);
      return step == 0;
    }
  code = qurb_db_column_dup (stmt, 0);
  date = qurb_db_column_dup (stmt, 1);
  caravan.slot_minutes = sqlite3_column_int (stmt, 2);
  channel = qurb_db_column_dup (stmt, 3);
  sqlite3_reset (stmt);

  if (!qurb_booking_load_slots (db, caravan_id, slots, slot_ids, error))
    return FALSE;
  caravan.date = date;
  caravan.slots = (const QurbSlotState *) slots->data;
  caravan.n_slots = slots->len;
  if (qurb_booking_choose_slot (&caravan, today, now_minute, -1, &chosen, NULL) != QURB_BOOKING_OK)
    return TRUE;

  g_strlcpy (booking.caravan_code, code, sizeof booking.caravan_code);
  g_strlcpy (booking.date, date, sizeof booking.date);
  g_snprintf (booking.start_time, sizeof booking.start_time, "%02d:%02d",
              caravan.slots[chosen].start_minute / 60, caravan.slots[chosen].start_minute % 60);
  if (!qurb_booking_insert (db, member_id, channel, caravan_id, g_array_index (slot_ids, gint64, chosen),
                            &booking, error) ||
      !settle (db, entry_id, booking.id, error) ||
      !qurb_booking_queue_notice (db, member_id, &booking, TRUE, error) ||
      !qurb_db_audit (db, "waitlist", "book", booking.code, code, error))
    return FALSE;
  *given = TRUE;
  return TRUE;
}

gboolean
qurb_waitlist_fill (QurbDb *db, gint64 caravan_id, guint *promoted, GError **error)
{
  g_autofree gchar *today = NULL;
  gint now_minute;
  gboolean given = TRUE;
  guint n = 0;

  g_return_val_if_fail (qurb_db_in_transaction (db), FALSE);

  qurb_booking_now (&today, &now_minute);
  while (given)
    {
      if (!give_one_seat (db, caravan_id, today, now_minute, &given, error))
        return FALSE;
      n += given;
    }
  if (promoted != NULL)
    *promoted = n;
  return TRUE;
}

/* The member's place (1 is next) on the caravan's list, or 0. */
static gint
position_of (QurbDb *db, gint64 member_id, gint64 caravan_id, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT (SELECT count(*) FROM waitlist o WHERE o.caravan_id = w.caravan_id"
      "        AND o.state = 'waiting' AND o.id <= w.id)"
      " FROM waitlist w WHERE w.member_id = ? AND w.caravan_id = ? AND w.state = 'waiting'", error);
  gint step, position;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "II", member_id, caravan_id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return -1;
  position = step > 0 ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return position;
}

typedef struct {
  gint64 member_id;
  const gchar *caravan_code;
  const gchar *channel;
  QurbWaitlistResult *result;
} JoinJob;

static gboolean
join_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  JoinJob *job = user_data;
  QurbWaitlistResult *result = job->result;
  g_autofree gchar *today = NULL, *now = qurb_now_iso ();
  g_auto (QurbCaravanAtHand) caravan = { 0 };
  QurbCaravanAccess access;
  gint now_minute, phone;
  guint chosen;

  memset (result, 0, sizeof *result);
  if (!qurb_booking_open_caravan (db, job->caravan_code, job->member_id, &caravan, &result->booking, &access,
                                  error))
    return FALSE;
  switch (access)
    {
    case QURB_CARAVAN_UNKNOWN:
      result->outcome = QURB_WAITLIST_NO_SUCH_CARAVAN;
      return TRUE;
    case QURB_CARAVAN_ELSEWHERE:
      /* Only the box that sells a caravan's seats keeps its waiting list. */
      result->outcome = QURB_WAITLIST_OTHER_AGENCY;
      return TRUE;
    case QURB_CARAVAN_HELD:
      result->outcome = QURB_WAITLIST_ALREADY_BOOKED;
      return TRUE;
    case QURB_CARAVAN_AT_HAND:
      break;
    }
  if ((result->position = position_of (db, job->member_id, caravan.id, error)) < 0)
    return FALSE;
  if (result->position > 0)
    {
      result->outcome = QURB_WAITLIST_ALREADY_WAITING;
      return TRUE;
    }

  qurb_booking_now (&today, &now_minute);
  switch (qurb_booking_choose_slot (&caravan.state, today, now_minute, -1, &chosen, NULL))
    {
    case QURB_BOOKING_CARAVAN_FULL:
      break;
    case QURB_BOOKING_OK:
      result->outcome = QURB_WAITLIST_SEATS_FREE;
      return TRUE;
    default:
      result->outcome = QURB_WAITLIST_CLOSED;
      return TRUE;
    }

  phone = qurb_db_query_exists (db, error, "SELECT 1 FROM members WHERE id = ? AND phone IS NOT NULL",
                                "I", job->member_id);
  if (phone < 0)
    return FALSE;
  if (phone == 0)
    {
      result->outcome = QURB_WAITLIST_NO_PHONE;
      return TRUE;
    }
  if (!qurb_db_transact_exec (db, error,
        "INSERT INTO waitlist (member_id, caravan_id, channel, created_at) VALUES (?, ?, ?, ?)",
        "IItt", job->member_id, caravan.id, job->channel, now) ||
      !qurb_db_audit (db, job->channel, "waitlist-join", NULL, job->caravan_code, error))
    return FALSE;
  result->outcome = QURB_WAITLIST_JOINED;
  result->position = position_of (db, job->member_id, caravan.id, error);
  return result->position > 0;
}

gboolean
qurb_waitlist_join (QurbDb *db, gint64 member_id, const gchar *caravan_code, const gchar *channel,
                    QurbWaitlistResult *result, GError **error)
{
  g_autofree gchar *code = g_ascii_strup (caravan_code, -1);
  JoinJob job = { member_id, code, channel, result };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return qurb_db_transact (db, join_in_transaction, &job, error);
}

typedef struct {
  gint64 member_id;
  const gchar *caravan_code;
  gboolean left;
} LeaveJob;

static gboolean
leave_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  LeaveJob *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();

  if (!qurb_db_transact_exec (db, error,
        "UPDATE waitlist SET state = 'left', settled_at = ? WHERE member_id = ? AND state = 'waiting'"
        " AND caravan_id = (SELECT id FROM caravans WHERE code = ?)",
        "tIt", now, job->member_id, job->caravan_code))
    return FALSE;
  job->left = qurb_db_changes (db) > 0;
  return !job->left || qurb_db_audit (db, "member", "waitlist-leave", NULL, job->caravan_code, error);
}

gboolean
qurb_waitlist_leave (QurbDb *db, gint64 member_id, const gchar *caravan_code, gboolean *left,
                     GError **error)
{
  g_autofree gchar *code = g_ascii_strup (caravan_code, -1);
  LeaveJob job = { member_id, code, FALSE };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, leave_in_transaction, &job, error))
    return FALSE;
  if (left != NULL)
    *left = job.left;
  return TRUE;
}

/* The member's places on the lists of caravans still ahead, soonest first. */
GArray *
qurb_waitlist_places (QurbDb *db, gint64 member_id, GError **error)
{
  g_autoptr(GArray) places = g_array_new (FALSE, TRUE, sizeof (QurbWaitlistPlace));
  g_autofree gchar *today = qurb_today_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT c.code, (SELECT count(*) FROM waitlist o WHERE o.caravan_id = w.caravan_id"
      "                AND o.state = 'waiting' AND o.id <= w.id)"
      " FROM waitlist w JOIN caravans c ON c.id = w.caravan_id"
      " WHERE w.member_id = ? AND w.state = 'waiting' AND c.date >= ? ORDER BY c.date, c.code", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "It", member_id, today))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      QurbWaitlistPlace place = { .position = sqlite3_column_int (stmt, 1) };

      g_strlcpy (place.caravan_code, (const gchar *) sqlite3_column_text (stmt, 0), sizeof place.caravan_code);
      g_array_append_val (places, place);
    }
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&places) : NULL;
}

/* How many members wait for the caravan; -1 on error. */
gint
qurb_waitlist_length (QurbDb *db, const gchar *caravan_code, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT count(*) FROM waitlist WHERE state = 'waiting'"
      " AND caravan_id = (SELECT id FROM caravans WHERE code = ?)", error);
  gint n;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", caravan_code) ||
      qurb_db_step_row (db, stmt, error) <= 0)
    return -1;
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
