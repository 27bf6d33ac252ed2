/* qurb-import.c — loading the central system's CSV exports
 *
 * Rows are upserted by key in batches, each batch one transaction: a
 * long file never holds the write lock for long, so the kiosk and the
 * daemon keep working during a nightly import, and an import that stops
 * half-way can simply be run again. A bad row is reported and skipped;
 * only a database failure stops the import. */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-clock.h"
#include "qurb-csv.h"
#include "qurb-i18n.h"
#include "qurb-import.h"
#include "qurb-import-private.h"
#include "qurb-operations.h"
#include "qurb-provinces.h"
#include "qurb-records.h"
#include "qurb-schema.h"

#define BATCH_ROWS 100000

typedef struct {
  guint line;
  gchar *reason;
  gboolean warning;        /* the row landed all the same */
} BadRow;

typedef struct {
  QurbImportContext ctx;
  QurbImportKind kind;
  QurbCsvReader *reader;
  const gchar *const *columns;
  guint n_columns;
  guint column_index[16];  /* expected column → position in the file */
  guint n_file_columns;
  gboolean finished;
  /* Where the current batch started, to run it again after a lock. */
  gsize batch_offset;
  guint batch_line;
  QurbImportStats batch_stats;
  GArray *bad_rows;        /* BadRow, reported once their batch commits */
  gboolean foreign_keys_off;
  gboolean index_dropped;
} Import;

static const gchar *const kind_names[] = { "members", "claims", "caravans" };

gboolean
qurb_import_kind_parse (const gchar *name, QurbImportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
bad_row_clear (gpointer data)
{
  g_free (((BadRow *) data)->reason);
}

static void
add_bad_row (Import *imp, guint line, const gchar *reason)
{
  BadRow bad = { line, g_strdup (reason), FALSE };

  g_array_append_val (imp->bad_rows, bad);
  imp->ctx.stats.skipped++;
}

/* The warnings the row just imported left, reported with its line. */
static void
take_row_warnings (Import *imp, guint line)
{
  GPtrArray *warnings = imp->ctx.row_warnings;

  for (guint i = 0; i < warnings->len; i++)
    {
      BadRow note = { line, g_steal_pointer (&warnings->pdata[i]), TRUE };
      g_array_append_val (imp->bad_rows, note);
    }
  imp->ctx.stats.warnings += warnings->len > 0;
  g_ptr_array_set_size (warnings, 0);
}

/* The header names the columns; they may come in any order, extra
 * columns are ignored, a missing one stops the import. */
static gboolean
read_header (Import *imp, const gchar *path, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize header_offset = qurb_csv_reader_offset (imp->reader);
  guint header_line = qurb_csv_reader_next_line (imp->reader);
  QurbCsvStatus status = qurb_csv_reader_next (imp->reader, &local_error);
  gchar **fields;

  if (status == QURB_CSV_END)
    {
      g_set_error (error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID,
                   _("%s: the file is empty; it needs a header line"), path);
      return FALSE;
    }
  if (status == QURB_CSV_BAD)
    {
      g_set_error (error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID,
                   "%s:%u: %s", path, qurb_csv_reader_line (imp->reader), local_error->message);
      return FALSE;
    }

  fields = qurb_csv_reader_fields (imp->reader);
  imp->n_file_columns = qurb_csv_reader_n_fields (imp->reader);
  if (imp->n_file_columns == 1 && qurb_csv_reader_get_separator (imp->reader) == ',')
    {
      /* One column: fields apart by ';' (a spreadsheet set to French
       * saves CSV so) or by tabs. Read the header again with it. */
      gchar separator = strchr (fields[0], ';') ? ';' : strchr (fields[0], '\t') ? '\t' : 0;

      if (separator != 0)
        {
          qurb_csv_reader_set_separator (imp->reader, separator);
          qurb_csv_reader_rewind_to (imp->reader, header_offset, header_line);
          return read_header (imp, path, error);
        }
    }
  for (guint c = 0; c < imp->n_columns; c++)
    {
      gboolean found = FALSE;

      for (guint f = 0; f < imp->n_file_columns && !found; f++)
        {
          g_autofree gchar *name = g_ascii_strdown (g_strstrip (fields[f]), -1);
          if (strcmp (name, imp->columns[c]) == 0)
            {
              imp->column_index[c] = f;
              found = TRUE;
            }
        }
      if (!found)
        {
          g_set_error (error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID,
                       _("%s:%u: the header has no column “%s”"),
                       path, qurb_csv_reader_line (imp->reader), imp->columns[c]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Told once per file, so that staff know how it was read. */
static void
note_separator (Import *imp, const QurbImportCallbacks *callbacks)
{
  gchar separator = qurb_csv_reader_get_separator (imp->reader);

  if (separator != ',' && callbacks->warning != NULL)
    callbacks->warning (imp->ctx.path, 1, separator == ';'
                        ? _("the fields are separated by semicolons (as a spreadsheet set to French saves "
                            "CSV): read so, amounts may have a decimal comma")
                        : _("the fields are separated by tabs: read so"),
                        callbacks->user_data);
}

/* A province the country does not have lands as written (it is free
 * text) with a warning naming the nearest one, the likely typo: once per
 * spelling and batch, not on each of its thousand rows. */
void
qurb_import_check_province (QurbImportContext *ctx, const gchar *province)
{
  const gchar *canonical, *nearest;

  if (ctx->provinces == NULL)
    ctx->provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (ctx->provinces, province))
    return;
  canonical = qurb_province_canonical (province);
  g_hash_table_add (ctx->provinces, g_strdup (province));
  if (canonical != NULL)
    return;
  nearest = qurb_province_nearest (province);
  g_ptr_array_add (ctx->row_warnings, nearest != NULL
                   ? g_strdup_printf (_("province “%s” is not known; the nearest known one is “%s”"),
                                      province, nearest)
                   : g_strdup_printf (_("province “%s” is not a province of Morocco"), province));
}

static gboolean
import_record (Import *imp, GError **error)
{
  gchar **fields = qurb_csv_reader_fields (imp->reader);
  gchar *ordered[16];

  if (qurb_csv_reader_n_fields (imp->reader) != imp->n_file_columns)
    {
      /* A line in semicolons under a header in commas (a file put
       * together from two exports): say so, not just the count. */
      if (qurb_csv_reader_n_fields (imp->reader) == 1 && strchr (fields[0], ';') != NULL)
        g_set_error (error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID,
                     _("expected %u fields, found 1: this line is separated by semicolons, the header "
                       "by commas; save the whole file with one separator"), imp->n_file_columns);
      else
        g_set_error (error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID,
                     _("expected %u fields, found %u"),
                     imp->n_file_columns, qurb_csv_reader_n_fields (imp->reader));
      return FALSE;
    }
  for (guint c = 0; c < imp->n_columns; c++)
    ordered[c] = fields[imp->column_index[c]];

  switch (imp->kind)
    {
    case QURB_IMPORT_MEMBERS:
      return qurb_import_member (&imp->ctx, ordered, error);
    case QURB_IMPORT_CLAIMS:
      return qurb_import_claim (&imp->ctx, ordered, error);
    case QURB_IMPORT_CARAVANS:
      return qurb_import_caravan (&imp->ctx, ordered, error);
    default:
      g_assert_not_reached ();
    }
}

static gint64
database_bytes (QurbDb *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 bytes = 0;

  if (sqlite3_prepare_v2 (qurb_db_handle (db),
                          "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    bytes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return bytes;
}

static gboolean
drop_claims_member_index (QurbDb *db, gpointer user_data, GError **error)
{
  return qurb_db_exec (db, "DROP INDEX IF EXISTS " QURB_CLAIMS_MEMBER_INDEX, error);
}

/* Claims are the big load: 1 M rows on the first day, tens of thousands
 * after. Two things make it cheap, both safe only because this process
 * checks what the database would:
 * - foreign keys are off for this connection: every claim's member is
 *   looked up under the same write lock that inserts it, and nothing
 *   else is written;
 * - when the file is large next to the database (a first load), the
 *   member index is dropped and built once at the end, as a bulk loader
 *   does. Readers meanwhile stay correct, only slower; if the import
 *   dies, qurb_schema_repair() (import, qurbctl init) builds it again. */
static gboolean
begin_claims_load (Import *imp, GError **error)
{
  QurbDb *db = imp->ctx.db;

  if (!qurb_schema_repair (db, error) || !qurb_db_exec (db, "PRAGMA foreign_keys=OFF", error))
    return FALSE;
  imp->foreign_keys_off = TRUE;
  if ((gint64) qurb_csv_reader_size (imp->reader) * 2 >= database_bytes (db))
    {
      gint any = qurb_db_query_exists (db, error, "SELECT 1 FROM claims LIMIT 1", "");

      if (any < 0 || !qurb_db_transact (db, drop_claims_member_index, NULL, error))
        return FALSE;
      imp->index_dropped = TRUE;
      /* The first load: held, then written in one sorted pass. */
      if (any == 0)
        {
          qurb_import_stage_begin (&imp->ctx);
          return qurb_import_preload_members (&imp->ctx, error);
        }
    }
  return TRUE;
}

/* Runs whether the load succeeded or not; the first error wins. */
static gboolean
end_claims_load (Import *imp, GError **error)
{
  QurbDb *db = imp->ctx.db;
  g_autoptr(GError) local_error = NULL;

  qurb_import_stage_end (&imp->ctx);
  if (imp->index_dropped)
    qurb_schema_repair (db, &local_error);
  if (imp->foreign_keys_off && local_error == NULL)
    qurb_db_exec (db, "PRAGMA foreign_keys=ON", &local_error);
  imp->index_dropped = imp->foreign_keys_off = FALSE;
  if (local_error != NULL && error != NULL && *error == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return local_error == NULL;
}

typedef struct {
  const gchar *action;
  const gchar *path;
  const gchar *summary;
} AuditEntry;

static const gchar *const kind_actions[] = { "import members", "import claims", "import caravans" };

static gboolean
write_audit (QurbDb *db, gpointer user_data, GError **error)
{
  AuditEntry *entry = user_data;
  return qurb_db_audit (db, g_get_user_name (), entry->action, entry->path, entry->summary, error);
}

static gboolean
import_batch (QurbDb *db, gpointer user_data, GError **error)
{
  Import *imp = user_data;

  /* Start over from the batch's first row if a lock made us retry. */
  qurb_csv_reader_rewind_to (imp->reader, imp->batch_offset, imp->batch_line);
  qurb_import_discard (&imp->ctx);
  /* A batch run again warns again: its first run's report is dropped. */
  if (imp->ctx.provinces != NULL)
    g_hash_table_remove_all (imp->ctx.provinces);
  imp->ctx.stats = imp->batch_stats;
  g_array_set_size (imp->bad_rows, 0);
  imp->finished = FALSE;

  for (guint n = 0; n < BATCH_ROWS; n++)
    {
      g_autoptr(GError) row_error = NULL;
      QurbCsvStatus status = qurb_csv_reader_next (imp->reader, &row_error);

      if (status == QURB_CSV_END)
        {
          imp->finished = TRUE;
          break;
        }
      imp->ctx.stats.rows++;
      if (status == QURB_CSV_BAD)
        {
          add_bad_row (imp, qurb_csv_reader_line (imp->reader), row_error->message);
          continue;
        }
      g_ptr_array_set_size (imp->ctx.row_warnings, 0);
      if (import_record (imp, &row_error))
        take_row_warnings (imp, qurb_csv_reader_line (imp->reader));
      else
        {
          if (!g_error_matches (row_error, QURB_RECORD_ERROR, QURB_RECORD_ERROR_INVALID))
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&row_error), "%s:%u: ",
                                          imp->ctx.path, qurb_csv_reader_line (imp->reader));
              return FALSE;
            }
          add_bad_row (imp, qurb_csv_reader_line (imp->reader), row_error->message);
        }
    }
  /* Held-back rows belong to this batch's transaction. */
  if (!qurb_import_flush (&imp->ctx, error))
    {
      g_prefix_error (error, "%s: ", imp->ctx.path);
      return FALSE;
    }
  return TRUE;
}

/* Every file tried leaves a row for `qurbctl status`, landed or not. A
 * database too broken to take it has already said so in error. */
static void
record_run (QurbDb *db, Import *imp, gboolean ok, GError **error)
{
  QurbImportRun run = { kind_names[imp->kind], imp->ctx.path, imp->ctx.now,
                        imp->ctx.stats.rows, imp->ctx.stats.skipped,
                        ok ? NULL : error != NULL && *error != NULL ? (*error)->message
                        : _("the import stopped") };
  g_autoptr(GError) local_error = NULL;

  if (!qurb_import_run_record (db, &run, &local_error))
    g_debug ("import run not recorded: %s", local_error->message);
}

gboolean
qurb_import_file (QurbDb *db, QurbImportKind kind, const gchar *path,
                  const QurbImportCallbacks *callbacks, QurbImportStats *stats,
                  GError **error)
{
  static const QurbImportCallbacks no_callbacks = { 0 };
  Import imp = { 0 };
  g_autofree gchar *summary = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (callbacks == NULL)
    callbacks = &no_callbacks;

  imp.kind = kind;
  imp.ctx.db = db;
  imp.ctx.path = path;
  imp.ctx.today = qurb_today_iso ();
  imp.ctx.now = qurb_now_iso ();
  {
    g_autoptr(QurbAgency) agency = qurb_agency_load (db, error);

    if (agency == NULL)
      goto out;
    imp.ctx.agency_scope = g_steal_pointer (&agency->scope);
  }
  imp.columns = kind == QURB_IMPORT_MEMBERS ? qurb_member_columns
              : kind == QURB_IMPORT_CLAIMS ? qurb_claim_columns
              : qurb_caravan_columns;
  imp.n_columns = g_strv_length ((gchar **) imp.columns);
  g_assert (imp.n_columns <= G_N_ELEMENTS (imp.column_index));
  imp.ctx.row_warnings = g_ptr_array_new_with_free_func (g_free);
  imp.bad_rows = g_array_new (FALSE, FALSE, sizeof (BadRow));
  g_array_set_clear_func (imp.bad_rows, bad_row_clear);

  imp.reader = qurb_csv_reader_new_for_path (path, error);
  if (imp.reader == NULL || !read_header (&imp, path, error))
    goto out;
  note_separator (&imp, callbacks);
  if (kind == QURB_IMPORT_CLAIMS && !begin_claims_load (&imp, error))
    goto out;

  while (!imp.finished)
    {
      imp.batch_offset = qurb_csv_reader_offset (imp.reader);
      imp.batch_line = qurb_csv_reader_next_line (imp.reader);
      qurb_csv_reader_release_before (imp.reader, imp.batch_offset);
      imp.batch_stats = imp.ctx.stats;
      qurb_import_mark_batch (&imp.ctx);

      if (!qurb_db_transact (db, import_batch, &imp, error))
        goto out;

      for (guint i = 0; i < imp.bad_rows->len; i++)
        {
          BadRow *bad = &g_array_index (imp.bad_rows, BadRow, i);
          if (bad->warning && callbacks->warning)
            callbacks->warning (path, bad->line, bad->reason, callbacks->user_data);
          else if (!bad->warning && callbacks->bad_row)
            callbacks->bad_row (path, bad->line, bad->reason, callbacks->user_data);
        }
      if (callbacks->progress)
        callbacks->progress (qurb_csv_reader_offset (imp.reader),
                             qurb_csv_reader_size (imp.reader), callbacks->user_data);
    }

  /* Read to the end: its pages need not stay next to the held rows. */
  g_clear_pointer (&imp.reader, qurb_csv_reader_free);
  imp.batch_stats = imp.ctx.stats;
  qurb_import_mark_batch (&imp.ctx);
  if (imp.ctx.staged && !qurb_import_stage_finish (&imp.ctx, error))
    goto out;

  summary = g_strdup_printf ("rows=%u inserted=%u updated=%u unchanged=%u skipped=%u notices=%u",
                             imp.ctx.stats.rows, imp.ctx.stats.inserted, imp.ctx.stats.updated,
                             imp.ctx.stats.unchanged, imp.ctx.stats.skipped, imp.ctx.stats.notices);
  {
    AuditEntry entry = { kind_actions[kind], path, summary };
    ok = qurb_db_transact (db, write_audit, &entry, error);
  }

out:
  ok = end_claims_load (&imp, error) && ok;
  record_run (db, &imp, ok, error);
  if (stats)
    *stats = imp.ctx.stats;
  g_clear_pointer (&imp.reader, qurb_csv_reader_free);
  g_array_unref (imp.bad_rows);
  qurb_import_context_clear (&imp.ctx);
  return ok;
}
