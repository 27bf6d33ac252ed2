/* qurb-queries.c — what members and staff look up: members, claims, caravans */
#include "config.h"

#include <string.h>

#include "qurb-booking-rules.h"
#include "qurb-clock.h"
#include "qurb-queries.h"

static gchar *
column_dup (sqlite3_stmt *stmt, gint col)
{
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, col));
}

#define MEMBER_COLUMNS \
  "SELECT id, member_no, cin, last_name, first_name, last_name_ar, first_name_ar," \
  "       phone, lang, province, broadcasts FROM members"

static QurbMember *
member_from_statement (QurbDb *db, sqlite3_stmt *stmt, GError **error)
{
  QurbMember *member;
  gint step = qurb_db_step_row (db, stmt, error);

  if (step <= 0)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  member = g_new0 (QurbMember, 1);
  member->id = sqlite3_column_int64 (stmt, 0);
  member->member_no = column_dup (stmt, 1);
  member->cin = column_dup (stmt, 2);
  member->last_name = column_dup (stmt, 3);
  member->first_name = column_dup (stmt, 4);
  member->last_name_ar = column_dup (stmt, 5);
  member->first_name_ar = column_dup (stmt, 6);
  member->phone = column_dup (stmt, 7);
  member->lang = column_dup (stmt, 8);
  member->province = column_dup (stmt, 9);
  member->broadcasts = sqlite3_column_int (stmt, 10);
  sqlite3_reset (stmt);
  return member;
}

/* NULL with no error when there is no such member. */
QurbMember *
qurb_member_find_by_no (QurbDb *db, const gchar *member_no, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, MEMBER_COLUMNS " WHERE member_no = ?", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", member_no))
    return NULL;
  return member_from_statement (db, stmt, error);
}

/* The member whose registered phone this is; when a family shares one
 * phone, the earliest registered. NULL with no error when none. */
QurbMember *
qurb_member_find_by_phone (QurbDb *db, const gchar *phone, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      MEMBER_COLUMNS " WHERE phone = ? ORDER BY id LIMIT 1", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", phone))
    return NULL;
  return member_from_statement (db, stmt, error);
}

void
qurb_member_free (QurbMember *member)
{
  if (member == NULL)
    return;
  g_free (member->member_no);
  g_free (member->cin);
  g_free (member->last_name);
  g_free (member->first_name);
  g_free (member->last_name_ar);
  g_free (member->first_name_ar);
  g_free (member->phone);
  g_free (member->lang);
  g_free (member->province);
  g_free (member);
}

#define CLAIM_COLUMNS \
  "SELECT dossier_no, member_id, kind, deposited_on, status, status_date, amount_claimed," \
  "       amount_paid, reason, past_statuses FROM claims"

static QurbClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  QurbClaim *claim = g_new0 (QurbClaim, 1);

  claim->dossier_no = column_dup (stmt, 0);
  claim->member_id = sqlite3_column_int64 (stmt, 1);
  claim->kind = column_dup (stmt, 2);
  claim->deposited_on = column_dup (stmt, 3);
  if (!qurb_claim_status_parse ((const gchar *) sqlite3_column_text (stmt, 4), &claim->status))
    claim->status = QURB_CLAIM_RECU;
  claim->status_date = column_dup (stmt, 5);
  claim->amount_claimed = sqlite3_column_int64 (stmt, 6);
  claim->amount_paid = sqlite3_column_int64 (stmt, 7);
  claim->reason = column_dup (stmt, 8);
  claim->past_statuses = column_dup (stmt, 9);
  return claim;
}

/* NULL with no error when there is no such dossier. */
QurbClaim *
qurb_claim_find (QurbDb *db, const gchar *dossier_no, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, CLAIM_COLUMNS " WHERE dossier_no = ?", error);
  QurbClaim *claim = NULL;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", dossier_no) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return NULL;
  if (step > 0)
    claim = claim_from_row (stmt);
  sqlite3_reset (stmt);
  return claim;
}

/* Newest deposit first; limit 0 means all. */
GPtrArray *
qurb_claims_for_member (QurbDb *db, gint64 member_id, guint limit, GError **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_claim_free);
  sqlite3_stmt *stmt = qurb_db_statement (db,
      CLAIM_COLUMNS " WHERE member_id = ? ORDER BY deposited_on DESC, dossier_no DESC LIMIT ?", error);
  gint step;

  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "II", member_id, limit > 0 ? (gint64) limit : (gint64) -1))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    g_ptr_array_add (claims, claim_from_row (stmt));
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&claims) : NULL;
}

void
qurb_claim_free (QurbClaim *claim)
{
  if (claim == NULL)
    return;
  g_free (claim->dossier_no);
  g_free (claim->kind);
  g_free (claim->deposited_on);
  g_free (claim->status_date);
  g_free (claim->reason);
  g_free (claim->past_statuses);
  g_free (claim);
}

/* Pure: the statuses a claim went through, oldest first, ending with the
 * current one. Lines that do not parse are skipped, not guessed at. */
GArray *
qurb_claim_timeline (const gchar *past_statuses, QurbClaimStatus status, const gchar *status_date)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (QurbClaimStep));
  g_auto(GStrv) lines = g_strsplit (past_statuses ? past_statuses : "", "\n", -1);
  QurbClaimStep current = { status };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const gchar *space = strchr (lines[i], ' ');
      g_autofree gchar *code = NULL;
      QurbClaimStep step = { 0 };
      gint y, m, d;

      if (space == NULL || !qurb_parse_date (space + 1, &y, &m, &d))
        continue;
      code = g_strndup (lines[i], space - lines[i]);
      if (!qurb_claim_status_parse (code, &step.status))
        continue;
      g_strlcpy (step.date, space + 1, sizeof step.date);
      g_array_append_val (steps, step);
    }
  g_strlcpy (current.date, status_date ? status_date : "", sizeof current.date);
  g_array_append_val (steps, current);
  return steps;
}

void
qurb_caravan_free (QurbCaravan *caravan)
{
  if (caravan == NULL)
    return;
  g_free (caravan->code);
  g_free (caravan->specialty);
  g_free (caravan->title_fr);
  g_free (caravan->title_ar);
  g_free (caravan->province);
  g_free (caravan->site_fr);
  g_free (caravan->site_ar);
  g_free (caravan->date);
  g_free (caravan->start_time);
  g_free (caravan->end_time);
  g_clear_pointer (&caravan->slots, g_array_unref);
  g_free (caravan);
}

static void
finish_caravan (QurbCaravan *caravan, GArray *slots, const gchar *today, gint now_minute)
{
  QurbCaravanState state = {
    .date = caravan->date,
    .slots = (const QurbSlotState *) slots->data,
    .n_slots = slots->len,
  };

  caravan->seats_left = qurb_caravan_seats_left (&state, today, now_minute);
  caravan->slots = g_array_sized_new (FALSE, TRUE, sizeof (QurbCaravanSlot), slots->len);
  for (guint i = 0; i < slots->len; i++)
    {
      const QurbSlotState *slot = &g_array_index (slots, QurbSlotState, i);
      QurbCaravanSlot view = { "", MAX (slot->seats - slot->booked, 0) };

      g_snprintf (view.start_time, sizeof view.start_time, "%02d:%02d",
                  slot->start_minute / 60, slot->start_minute % 60);
      view.open = qurb_booking_slot_open (&state, i, today, now_minute);
      g_array_append_val (caravan->slots, view);
    }
  g_array_set_size (slots, 0);
}

/* Caravans from today on, soonest first, with the seats still open. */
GPtrArray *
qurb_caravans_upcoming (QurbDb *db, GError **error)
{
  g_autoptr(GPtrArray) caravans = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_caravan_free);
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (QurbSlotState));
  g_autoptr(GDateTime) now = qurb_now ();
  g_autofree gchar *today = g_date_time_format (now, "%Y-%m-%d");
  gint now_minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  QurbCaravan *current = NULL;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT c.id, c.code, c.specialty, c.title_fr, c.title_ar, c.province, c.site_fr,"
      "       c.site_ar, c.date, c.start_time, c.end_time, s.start_time, s.seats,"
      "       (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.state = 'active')"
      " FROM caravans c JOIN slots s ON s.caravan_id = c.id"
      " WHERE c.date >= ? AND s.seats > 0 ORDER BY c.date, c.code, s.start_time", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", today))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      QurbSlotState slot = { 0 };

      if (current == NULL || current->id != sqlite3_column_int64 (stmt, 0))
        {
          if (current != NULL)
            finish_caravan (current, slots, today, now_minute);
          current = g_new0 (QurbCaravan, 1);
          current->id = sqlite3_column_int64 (stmt, 0);
          current->code = column_dup (stmt, 1);
          current->specialty = column_dup (stmt, 2);
          current->title_fr = column_dup (stmt, 3);
          current->title_ar = column_dup (stmt, 4);
          current->province = column_dup (stmt, 5);
          current->site_fr = column_dup (stmt, 6);
          current->site_ar = column_dup (stmt, 7);
          current->date = column_dup (stmt, 8);
          current->start_time = column_dup (stmt, 9);
          current->end_time = column_dup (stmt, 10);
          g_ptr_array_add (caravans, current);
        }
      qurb_parse_hhmm ((const gchar *) sqlite3_column_text (stmt, 11), &slot.start_minute);
      slot.seats = sqlite3_column_int (stmt, 12);
      slot.booked = sqlite3_column_int (stmt, 13);
      g_array_append_val (slots, slot);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return NULL;
  if (current != NULL)
    finish_caravan (current, slots, today, now_minute);
  return g_steal_pointer (&caravans);
}

/* The caravan with that code in a list from qurb_caravans_upcoming(). */
const QurbCaravan *
qurb_caravan_lookup (GPtrArray *caravans, const gchar *code)
{
  for (guint i = 0; caravans != NULL && i < caravans->len; i++)
    if (g_strcmp0 (((QurbCaravan *) caravans->pdata[i])->code, code) == 0)
      return caravans->pdata[i];
  return NULL;
}

/* Where the caravan stops, in lang; "" for an unknown code. */
gchar *
qurb_caravan_site (QurbDb *db, const gchar *code, const gchar *lang, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT site_fr, site_ar FROM caravans WHERE code = ?", error);
  gchar *site;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", code) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return NULL;
  site = step > 0 ? column_dup (stmt, g_strcmp0 (lang, "ar") == 0 ? 1 : 0) : g_strdup ("");
  sqlite3_reset (stmt);
  return site;
}

/* Every caravan code, past ones too: what members may type as a code. */
GStrv
qurb_caravan_codes (QurbDb *db, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT code FROM caravans ORDER BY code", error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  gint step;

  if (stmt == NULL)
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    g_strv_builder_add (codes, (const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (step < 0)
    return NULL;
  return g_strv_builder_end (codes);
}
