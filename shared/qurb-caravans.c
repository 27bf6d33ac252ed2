/* qurb-caravans.c — the caravans members can book, with their slots and seats */
#include "config.h"

#include <string.h>

#include "qurb-booking-rules.h"
#include "qurb-caravans.h"
#include "qurb-clock.h"

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
          current->code = qurb_db_column_dup (stmt, 1);
          current->specialty = qurb_db_column_dup (stmt, 2);
          current->title_fr = qurb_db_column_dup (stmt, 3);
          current->title_ar = qurb_db_column_dup (stmt, 4);
          current->province = qurb_db_column_dup (stmt, 5);
          current->site_fr = qurb_db_column_dup (stmt, 6);
          current->site_ar = qurb_db_column_dup (stmt, 7);
          current->date = qurb_db_column_dup (stmt, 8);
          current->start_time = qurb_db_column_dup (stmt, 9);
          current->end_time = qurb_db_column_dup (stmt, 10);
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
  site = step > 0 ? qurb_db_column_dup (stmt, g_strcmp0 (lang, "ar") == 0 ? 1 : 0) : g_strdup ("");
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
