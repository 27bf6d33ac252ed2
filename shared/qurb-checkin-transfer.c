/* qurb-checkin-transfer.c — a day's check-ins from the caravan's copy of
 * the database to the agency box
 *
 * The file is CSV (DESIGN.md section 2's rules): booking,caravan,attended_at.
 * Importing it is idempotent: a check-in already there at that time or
 * earlier changes nothing, an earlier scan replaces a later one. A booking
 * cancelled on the box after the copy was taken is not marked attended;
 * it is reported, with when it was cancelled. */
#include "config.h"

#include <string.h>

#include "qurb-booking-detail.h"
#include "qurb-checkin.h"
#include "qurb-clock.h"
#include "qurb-csv.h"
#include "qurb-i18n.h"

#define EXPORT_HEADER "booking,caravan,attended_at\n"

gboolean
qurb_checkin_export (QurbDb *db, const gchar *date, const gchar *path, guint *count, GError **error)
{
  g_autoptr(GString) out = g_string_new (EXPORT_HEADER);
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT b.code, c.code, b.attended_at FROM bookings b JOIN caravans c ON c.id = b.caravan_id"
      " WHERE c.date = ? AND b.attended_at IS NOT NULL ORDER BY b.attended_at, b.code", error);
  guint rows = 0;
  gint step;

  g_return_val_if_fail (date != NULL && path != NULL, FALSE);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", date))
    return FALSE;
  /* Codes, caravan codes and time stamps need no quoting. */
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      g_string_append_printf (out, "%s,%s,%s\n", sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
      rows++;
    }
  sqlite3_reset (stmt);
  if (step < 0 || !g_file_set_contents (path, out->str, (gssize) out->len, error))
    return FALSE;
  if (count)
    *count = rows;
  return TRUE;
}

typedef struct {
  const gchar *path;
  QurbCheckinImport *report;
} ImportJob;

static void
problem (ImportJob *job, guint line, const gchar *code, const gchar *reason)
{
  g_autofree gchar *name = g_path_get_basename (job->path);

  g_ptr_array_add (job->report->problems, g_strdup_printf ("%s:%u: %s%s%s", name, line, code ? code : "",
                                                           code ? ": " : "", reason));
}

static gint
column (QurbCsvReader *reader, const gchar *name)
{
  for (guint i = 0; i < qurb_csv_reader_n_fields (reader); i++)
    {
      g_autofree gchar *field = g_strstrip (g_strdup (qurb_csv_reader_field (reader, i)));

      if (g_ascii_strcasecmp (field, name) == 0)
        return (gint) i;
    }
  return -1;
}

/* One scan: recorded, made earlier, or left as it is. */
static gboolean
merge_row (QurbDb *db, ImportJob *job, guint line, const gchar *code, const gchar *scanned, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(QurbBookingDetail) detail = qurb_booking_detail_find (db, code, &local_error);
  g_autofree gchar *source = NULL, *reason = NULL;
  sqlite3_stmt *stmt;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (detail == NULL)
    {
      problem (job, line, code, _("no such booking on this box"));
      return TRUE;
    }
  if (strcmp (detail->booking.state, "active") != 0)
    {
      /* TRANSLATORS: importing check-ins; %1$s when the booking was cancelled, %2$s when it was scanned */
      reason = g_strdup_printf (_("cancelled here at %1$s, after the copy was taken: the scan at %2$s is not recorded"),
                                detail->cancelled_at ? detail->cancelled_at : "?", scanned);
      problem (job, line, code, reason);
      return TRUE;
    }
  if (detail->attended_at != NULL && strcmp (detail->attended_at, scanned) <= 0)
    {
      job->report->unchanged++;
      return TRUE;
    }
  stmt = qurb_db_statement (db, "UPDATE bookings SET attended_at = ? WHERE id = ?", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "tI", scanned, detail->booking.id) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  if (detail->attended_at == NULL)
    job->report->recorded++;
  else
    job->report->earlier++;
  source = g_path_get_basename (job->path);
  reason = g_strdup_printf ("%s from %s", scanned, source);
  return qurb_db_audit (db, g_get_user_name (), "checkin-import", code, reason, error);
}

static gboolean
import_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  ImportJob *job = user_data;
  g_autoptr(QurbCsvReader) reader = qurb_csv_reader_new_for_path (job->path, error);
  QurbCsvStatus status;
  gint booking_at, attended_at;

  /* A retried transaction reads the file again from its start. */
  job->report->recorded = job->report->earlier = job->report->unchanged = 0;
  g_ptr_array_set_size (job->report->problems, 0);
  if (reader == NULL)
    return FALSE;
  if (qurb_csv_reader_next (reader, NULL) != QURB_CSV_RECORD ||
      (booking_at = column (reader, "booking")) < 0 || (attended_at = column (reader, "attended_at")) < 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not a check-in export: its first line must name the columns booking and attended_at."),
                   job->path);
      return FALSE;
    }
  while ((status = qurb_csv_reader_next (reader, NULL)) != QURB_CSV_END)
    {
      guint line = qurb_csv_reader_line (reader);
      const gchar *code_text, *scanned;
      g_autoptr(GDateTime) time = NULL;
      gchar code[QURB_BOOKING_CODE_SIZE];

      if (status == QURB_CSV_BAD)
        {
          problem (job, line, NULL, _("not a CSV record"));
          continue;
        }
      code_text = qurb_csv_reader_field (reader, (guint) booking_at);
      scanned = qurb_csv_reader_field (reader, (guint) attended_at);
      if (code_text == NULL || !qurb_booking_code_normalize (code_text, code))
        {
          problem (job, line, NULL, _("not a booking code"));
          continue;
        }
      if (scanned == NULL || (time = qurb_parse_datetime (scanned)) == NULL)
        {
          problem (job, line, code, _("the time of the scan cannot be read"));
          continue;
        }
      {
        /* Stored as every time stamp here: local, to the second. */
        g_autofree gchar *stamp = qurb_datetime_iso (time);

        if (!merge_row (db, job, line, code, stamp, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* The whole file in one transaction: a file imported twice, or half
 * imported by a box switched off, ends as one import. */
gboolean
qurb_checkin_import (QurbDb *db, const gchar *path, QurbCheckinImport *report, GError **error)
{
  ImportJob job = { path, report };

  g_return_val_if_fail (db != NULL && path != NULL && report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  return qurb_db_transact (db, import_in_transaction, &job, error);
}

void
qurb_checkin_import_clear (QurbCheckinImport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
}
