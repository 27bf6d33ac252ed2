/* qurb-import-rows.c — member and caravan rows into the database */
#include "config.h"

#include <string.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-import-private.h"
#include "qurb-outbox.h"
#include "qurb-records.h"
#include "qurb-texts.h"

gboolean
qurb_import_reject (GError **error, const gchar *format, ...)
{
  va_list args;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

gboolean
qurb_import_column_is (sqlite3_stmt *stmt, gint col, const gchar *value)
{
  return g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, col), value) == 0;
}

/* Columns first, first + 1, … of the current row hold values[0…n-1]. */
gboolean
qurb_import_columns_are (sqlite3_stmt *stmt, gint first, const gchar *const *values, guint n)
{
  for (guint i = 0; i < n; i++)
    if (!qurb_import_column_is (stmt, first + i, values[i]))
      return FALSE;
  return TRUE;
}

/* ---- members ---- */

static gboolean
member_unchanged (sqlite3_stmt *stmt, const QurbMemberRow *row)
{
  /* Columns: id, cin, last_name, first_name, last_name_ar, first_name_ar,
   * birth_date, phone, lang, province, lang_chosen, phone_chosen. */
  const gchar *values[] = { row->cin, row->last_name, row->first_name, row->last_name_ar,
                            row->first_name_ar, row->birth_date };

  if (!qurb_import_columns_are (stmt, 1, values, G_N_ELEMENTS (values)))
    return FALSE;
  return (sqlite3_column_int (stmt, 11) || qurb_import_column_is (stmt, 7, row->phone)) &&
         (sqlite3_column_int (stmt, 10) || qurb_import_column_is (stmt, 8, row->lang)) &&
         qurb_import_column_is (stmt, 9, row->province);
}

gboolean
qurb_import_member (QurbImportContext *ctx, gchar **fields, GError **error)
{
  QurbDb *db = ctx->db;
  QurbMemberRow row;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gint found;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_member_row_parse (fields, ctx->today, &row, error))
    return FALSE;
  qurb_import_check_province (ctx, row.province);

  stmt = qurb_db_statement (db,
      "SELECT id, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date,"
      "       phone, lang, province, lang_chosen, phone_chosen FROM members WHERE member_no = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", row.member_no) ||
      (found = qurb_db_step_row (db, stmt, error)) < 0)
    {
      qurb_member_row_clear (&row);
      return FALSE;
    }
  if (found)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (member_unchanged (stmt, &row))
        {
          sqlite3_reset (stmt);
          ctx->stats.unchanged++;
          qurb_member_row_clear (&row);
          return TRUE;
        }
    }
  sqlite3_reset (stmt);

  if (found)
    {
      /* A language the member chose by SMS or at the kiosk, and a phone
       * registered at the kiosk or by staff, outlive the central
       * system's idea of them. */
      stmt = qurb_db_statement (db,
          "UPDATE members SET cin = ?2, last_name = ?3, first_name = ?4, last_name_ar = ?5,"
          "  first_name_ar = ?6, birth_date = ?7, phone = CASE WHEN phone_chosen THEN phone ELSE ?8 END,"
          "  lang = CASE WHEN lang_chosen THEN lang ELSE ?9 END, province = ?10, updated_at = ?11"
          " WHERE id = ?1", error);
      ok = stmt != NULL &&
           qurb_db_bind (db, stmt, error, "Itttttttttt", id, row.cin, row.last_name,
                         row.first_name, row.last_name_ar, row.first_name_ar, row.birth_date,
                         row.phone, row.lang, row.province, ctx->now) &&
           qurb_db_step_done (db, stmt, error);
      ctx->stats.updated += ok;
    }
  else
    {
      stmt = qurb_db_statement (db,
          "INSERT INTO members (member_no, cin, last_name, first_name, last_name_ar,"
          "  first_name_ar, birth_date, phone, lang, province, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      ok = stmt != NULL &&
           qurb_db_bind (db, stmt, error, "ttttttttttt", row.member_no, row.cin, row.last_name,
                         row.first_name, row.last_name_ar, row.first_name_ar, row.birth_date,
                         row.phone, row.lang, row.province, ctx->now) &&
           qurb_db_step_done (db, stmt, error);
      ctx->stats.inserted += ok;
    }
  qurb_member_row_clear (&row);
  return ok;
}

/* ---- caravans ---- */

static void
format_hhmm (gint minutes, gchar out[QURB_TIME_SIZE])
{
  g_snprintf (out, 6, "%02d:%02d", minutes / 60, minutes % 60);
}

static gboolean
slot_in_layout (const QurbCaravanRow *row, const gchar *start)
{
  gint minute;

  if (!qurb_parse_hhmm (start, &minute))
    return FALSE;
  return minute >= row->start_minute &&
         (minute - row->start_minute) % row->slot_minutes == 0 &&
         (guint) ((minute - row->start_minute) / row->slot_minutes) < qurb_caravan_row_n_slots (row);
}

/* A new layout may drop or shrink only slots nobody has booked into
 * beyond what stays; otherwise the row is refused and nothing changes.
 * Dropped slots that only cancelled bookings point to are kept with no
 * seats (seats = 0 means "no longer in the layout"). */
static gboolean
check_booked_slots (QurbImportContext *ctx, gint64 caravan_id, const QurbCaravanRow *row,
                    GArray *obsolete, GArray *retired, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (ctx->db,
      "SELECT s.id, s.start_time, count(b.id) FILTER (WHERE b.state = 'active'), count(b.id)"
      " FROM slots s LEFT JOIN bookings b ON b.slot_id = s.id"
      " WHERE s.caravan_id = ? GROUP BY s.id", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (ctx->db, stmt, error, "I", caravan_id))
    return FALSE;
  while ((step = qurb_db_step_row (ctx->db, stmt, error)) > 0)
    {
      gint64 slot_id = sqlite3_column_int64 (stmt, 0);
      g_autofree gchar *start = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
      gint booked = sqlite3_column_int (stmt, 2);
      gint ever_booked = sqlite3_column_int (stmt, 3);
      gboolean kept = slot_in_layout (row, start);

      if (!kept && booked > 0)
        {
          sqlite3_reset (stmt);
          return qurb_import_reject (error, qurb_dngettext (qurb_ui_lang (),
                                     "the slot at %s has %d booking and would disappear",
                                     "the slot at %s has %d bookings and would disappear", booked),
                                     start, booked);
        }
      if (kept && booked > row->seats_per_slot)
        {
          sqlite3_reset (stmt);
          return qurb_import_reject (error, _("the slot at %s has %d bookings, more than %d seats"),
                                     start, booked, row->seats_per_slot);
        }
      if (!kept)
        g_array_append_val (ever_booked > 0 ? retired : obsolete, slot_id);
    }
  sqlite3_reset (stmt);
  return step == 0;
}

static gboolean
write_slots (QurbImportContext *ctx, gint64 caravan_id, const QurbCaravanRow *row,
             GArray *obsolete, GArray *retired, GError **error)
{
  guint n_slots = qurb_caravan_row_n_slots (row);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < obsolete->len + retired->len; i++)
    {
      gboolean drop = i < obsolete->len;
      gint64 id = drop ? g_array_index (obsolete, gint64, i)
                       : g_array_index (retired, gint64, i - obsolete->len);

      stmt = qurb_db_statement (ctx->db, drop ? "DELETE FROM slots WHERE id = ?"
                                              : "UPDATE slots SET seats = 0 WHERE id = ?", error);
      if (stmt == NULL || !qurb_db_bind (ctx->db, stmt, error, "I", id) ||
          !qurb_db_step_done (ctx->db, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < n_slots; i++)
    {
      gchar start[QURB_TIME_SIZE];

      format_hhmm (row->start_minute + (gint) i * row->slot_minutes, start);
      stmt = qurb_db_statement (ctx->db,
          "INSERT INTO slots (caravan_id, start_time, seats) VALUES (?, ?, ?)"
          " ON CONFLICT (caravan_id, start_time) DO UPDATE SET seats = excluded.seats", error);
      if (stmt == NULL ||
          !qurb_db_bind (ctx->db, stmt, error, "Iti", caravan_id, start, row->seats_per_slot) ||
          !qurb_db_step_done (ctx->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
qurb_import_caravan (QurbImportContext *ctx, gchar **fields, GError **error)
{
  QurbDb *db = ctx->db;
  QurbCaravanRow row;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) obsolete = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) retired = g_array_new (FALSE, FALSE, sizeof (gint64));
  gchar start[QURB_TIME_SIZE], end[QURB_TIME_SIZE];
  gint64 id = 0;
  gint found;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_caravan_row_parse (fields, &row, error))
    return FALSE;
  qurb_import_check_province (ctx, row.province);
  format_hhmm (row.start_minute, start);
  format_hhmm (row.end_minute, end);

  stmt = qurb_db_statement (db,
      "SELECT id, specialty, title_fr, title_ar, province, site_fr, site_ar, date,"
      "       start_time, end_time, slot_minutes, seats_per_slot FROM caravans WHERE code = ?",
      error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", row.code) ||
      (found = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (found)
    {
      const gchar *texts[] = { row.specialty, row.title_fr, row.title_ar, row.province,
                               row.site_fr, row.site_ar, row.date, start, end };
      gboolean same = sqlite3_column_int (stmt, 10) == row.slot_minutes &&
                      sqlite3_column_int (stmt, 11) == row.seats_per_slot &&
                      qurb_import_columns_are (stmt, 1, texts, G_N_ELEMENTS (texts));

      id = sqlite3_column_int64 (stmt, 0);
      if (same)
        {
          sqlite3_reset (stmt);
          ctx->stats.unchanged++;
          return TRUE;
        }
    }
  sqlite3_reset (stmt);

  if (found)
    {
      if (!check_booked_slots (ctx, id, &row, obsolete, retired, error))
        return FALSE;
      stmt = qurb_db_statement (db,
          "UPDATE caravans SET specialty = ?2, title_fr = ?3, title_ar = ?4, province = ?5,"
          "  site_fr = ?6, site_ar = ?7, date = ?8, start_time = ?9, end_time = ?10,"
          "  slot_minutes = ?11, seats_per_slot = ?12, updated_at = ?13 WHERE id = ?1", error);
      if (stmt == NULL ||
          !qurb_db_bind (db, stmt, error, "Itttttttttiit", id, row.specialty, row.title_fr,
                         row.title_ar, row.province, row.site_fr, row.site_ar, row.date, start,
                         end, row.slot_minutes, row.seats_per_slot, ctx->now) ||
          !qurb_db_step_done (db, stmt, error))
        return FALSE;
      ctx->stats.updated++;
    }
  else
    {
      stmt = qurb_db_statement (db,
          "INSERT INTO caravans (code, specialty, title_fr, title_ar, province, site_fr, site_ar,"
          "  date, start_time, end_time, slot_minutes, seats_per_slot, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL ||
          !qurb_db_bind (db, stmt, error, "ttttttttttiit", row.code, row.specialty, row.title_fr,
                         row.title_ar, row.province, row.site_fr, row.site_ar, row.date, start,
                         end, row.slot_minutes, row.seats_per_slot, ctx->now) ||
          !qurb_db_step_done (db, stmt, error))
        return FALSE;
      id = qurb_db_last_id (db);
      ctx->stats.inserted++;
    }
  return write_slots (ctx, id, &row, obsolete, retired, error);
}
