/* qurb-db.c — opening, statements, transactions with retry, audit */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qurb-clock.h"
#include "qurb-db.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"
#include "qurb-schema.h"

/* How long one attempt waits on another writer, and how many attempts a
 * transaction makes before telling the user to try again. */
#define BUSY_TIMEOUT_MS   5000
#define TRANSACT_ATTEMPTS 8

struct _QurbDb {
  sqlite3 *handle;
  gchar *path;
  /* SQL text → prepared statement, owned. Keyed by the text's address:
   * callers pass string literals, and hashing the whole text on every
   * call was a measurable share of a bulk import. */
  GHashTable *statements;
  /* A connection belongs to the thread that opened it. */
  GThread *owner;
};

G_DEFINE_QUARK (qurb-db-error-quark, qurb_db_error)

const gchar *
qurb_db_resolve_path (const gchar *cli_path)
{
  const gchar *env;

  if (cli_path != NULL && *cli_path != '\0')
    return cli_path;
  env = g_getenv ("QURB_DB");
  if (env != NULL && *env != '\0')
    return env;
  return QURB_DEFAULT_DB;
}

static gboolean
rc_is_busy (gint rc)
{
  gint primary = rc & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

/* sqlite's own words go to the message for staff and logs, but a lock is
 * never reported as "database is locked": it is retried, and if it
 * persists the user is told to try again. */
gboolean
qurb_db_fail (QurbDb *db, gint rc, const gchar *what, GError **error)
{
  gint primary = rc & 0xff;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rc_is_busy (rc))
    g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_BUSY,
                 _("The database is busy; please try again in a moment."));
  else if (primary == SQLITE_FULL)
    g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FULL,
                 "%s: %s", what, sqlite3_errmsg (db->handle));
  else if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_CONSTRAINT,
                 "%s: %s", what, sqlite3_errmsg (db->handle));
  else
    g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED,
                 "%s: %s", what, db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
qurb_db_exec (QurbDb *db, const gchar *sql, GError **error)
{
  gint rc;

  g_return_val_if_fail (db != NULL && sql != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return qurb_db_fail (db, rc, "exec", error);
  return TRUE;
}

/* A prepared statement kept for the life of the connection, reset and
 * with its bindings cleared, ready to bind. sql must be a string that
 * lives as long as db (a literal). */
sqlite3_stmt *
qurb_db_statement (QurbDb *db, const gchar *sql, GError **error)
{
  sqlite3_stmt *stmt;
  gint rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_assert (db->owner == g_thread_self ());

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      qurb_db_fail (db, rc, "prepare", error);
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Binds parameters 1, 2, … in order, one type letter each: 't' text
 * (NULL binds NULL), 'i' gint, 'I' gint64, 'J' a gint64 row id where 0
 * binds NULL. Text is bound SQLITE_STATIC: it must outlive the step
 * that uses it. */
static gboolean
bind_valist (QurbDb *db, sqlite3_stmt *stmt, GError **error, const gchar *types, va_list args)
{
  gint rc = SQLITE_OK;
  gint index = 1;

  for (const gchar *t = types; *t && rc == SQLITE_OK; t++, index++)
    {
      switch (*t)
        {
        case 't':
          {
            const gchar *text = va_arg (args, const gchar *);
            rc = text ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC)
                      : sqlite3_bind_null (stmt, index);
          }
          break;
        case 'i':
          rc = sqlite3_bind_int (stmt, index, va_arg (args, gint));
          break;
        case 'I':
          rc = sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case 'J':
          {
            gint64 id = va_arg (args, gint64);
            rc = id > 0 ? sqlite3_bind_int64 (stmt, index, id) : sqlite3_bind_null (stmt, index);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (rc != SQLITE_OK)
    return qurb_db_fail (db, rc, "bind", error);
  return TRUE;
}

gboolean
qurb_db_bind (QurbDb *db, sqlite3_stmt *stmt, GError **error, const gchar *types, ...)
{
  va_list args;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  va_start (args, types);
  ok = bind_valist (db, stmt, error, types, args);
  va_end (args);
  return ok;
}

typedef struct {
  const gchar *sql;
  const gchar *types;
  va_list *args;
} ExecJob;

static gboolean
exec_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  ExecJob *job = user_data;
  sqlite3_stmt *stmt = qurb_db_statement (db, job->sql, error);
  va_list args;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  /* A retried transaction binds again from the first argument. */
  va_copy (args, *job->args);
  ok = bind_valist (db, stmt, error, job->types, args);
  va_end (args);
  return ok && qurb_db_step_done (db, stmt, error);
}

/* One statement (a literal, see qurb_db_statement), bound as
 * qurb_db_bind does, in a transaction of its own. */
gboolean
qurb_db_transact_exec (QurbDb *db, GError **error, const gchar *sql, const gchar *types, ...)
{
  va_list args;
  ExecJob job = { sql, types, &args };
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  va_start (args, types);
  ok = qurb_db_transact (db, exec_in_transaction, &job, error);
  va_end (args);
  return ok;
}

gint
qurb_db_step_row (QurbDb *db, sqlite3_stmt *stmt, GError **error)
{
  gint rc = sqlite3_step (stmt);

  g_return_val_if_fail (db != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  qurb_db_fail (db, rc, "step", error);
  sqlite3_reset (stmt);
  return -1;
}

gboolean
qurb_db_step_done (QurbDb *db, sqlite3_stmt *stmt, GError **error)
{
  gint rc = sqlite3_step (stmt);

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return qurb_db_fail (db, rc, "step", error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* SQL qurb_province(text): the canonical province of a free-text one, or
 * NULL. Members' provinces come as the central system spells them; the
 * few distinct spellings are folded once per connection, then remembered. */
static void
province_sql (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  GHashTable *cache = sqlite3_user_data (context);
  const gchar *text = (const gchar *) sqlite3_value_text (argv[0]);
  const gchar *canonical;
  gpointer found;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (!g_hash_table_lookup_extended (cache, text, NULL, &found))
    {
      found = (gpointer) qurb_province_canonical (text);
      g_hash_table_insert (cache, g_strdup (text), found);
    }
  canonical = found;
  if (canonical != NULL)
    sqlite3_result_text (context, canonical, -1, SQLITE_STATIC);
  else
    sqlite3_result_null (context);
}

static gint
register_province_function (sqlite3 *handle)
{
  GHashTable *cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return sqlite3_create_function_v2 (handle, "qurb_province", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                     cache, province_sql, NULL, NULL,
                                     (void (*) (void *)) g_hash_table_unref);
}

/* A new database file is created QURB_DB_FILE_MODE whatever the umask
 * (sqlite gives its -wal and -shm the file's mode); an existing one, and
 * its -wal and -shm, lose any access by others. Only the owner can change
 * a mode: for anyone else this does nothing. */
static void
keep_private (const gchar *path)
{
  static const gchar *const suffixes[] = { "", "-wal", "-shm" };
  gint fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, QURB_DB_FILE_MODE);

  if (fd >= 0)
    {
      fchmod (fd, QURB_DB_FILE_MODE);
      close (fd);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && (st.st_mode & 0007) != 0 && st.st_uid == geteuid ())
        g_chmod (file, st.st_mode & 0770);
    }
}

QurbDb *
qurb_db_open (const gchar *path, GError **error)
{
  g_autoptr(QurbDb) db = g_new0 (QurbDb, 1);
  g_autofree gchar *dir = NULL;
  gint rc;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db->path = g_strdup (path);
  db->owner = g_thread_self ();
  db->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }

  keep_private (path);
  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_FAILED,
                   _("Cannot open the database %s: %s"), path,
                   db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);

  /* WAL lets the kiosk read while smsd and imports write; NORMAL sync is
   * durable across process crashes, which is what WAL promises. */
  if (!qurb_db_exec (db, "PRAGMA journal_mode=WAL", error) ||
      !qurb_db_exec (db, "PRAGMA synchronous=NORMAL", error) ||
      !qurb_db_exec (db, "PRAGMA foreign_keys=ON", error) ||
      !qurb_db_exec (db, "PRAGMA temp_store=MEMORY", error))
    return NULL;
  rc = register_province_function (db->handle);
  if (rc != SQLITE_OK)
    {
      qurb_db_fail (db, rc, "qurb_province()", error);
      return NULL;
    }

  if (!qurb_schema_migrate (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

void
qurb_db_close (QurbDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db);
}

sqlite3 *
qurb_db_handle (QurbDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->handle;
}

const gchar *
qurb_db_path (QurbDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

/* Whether the query (a literal) returns a row: 1 or 0, -1 on error.
 * Read-only, so it takes no write lock: the cheap way for a periodic
 * task to learn it has nothing to do. */
gint
qurb_db_query_exists (QurbDb *db, GError **error, const gchar *sql, const gchar *types, ...)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, sql, error);
  va_list args;
  gboolean ok;
  gint step;

  if (stmt == NULL)
    return -1;
  va_start (args, types);
  ok = bind_valist (db, stmt, error, types, args);
  va_end (args);
  if (!ok)
    return -1;
  step = qurb_db_step_row (db, stmt, error);
  sqlite3_reset (stmt);
  return step;
}

gboolean
qurb_db_in_transaction (QurbDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return !sqlite3_get_autocommit (db->handle);
}

static void
rollback (QurbDb *db)
{
  if (qurb_db_in_transaction (db))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs func inside BEGIN IMMEDIATE … COMMIT. IMMEDIATE takes the write
 * lock up front, so a transaction that reads (seats left) and then
 * writes (the booking) can never be overtaken between the two. A lock
 * that outlasts busy_timeout rolls back and runs func again from the
 * start; any other failure rolls back and is reported. */
gboolean
qurb_db_transact (QurbDb *db, QurbDbTxnFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (db != NULL && func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (qurb_db_in_transaction (db))
    return func (db, user_data, error);

  for (guint attempt = 1, checkpointed = FALSE; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gint rc = sqlite3_exec (db->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        {
          if (func (db, user_data, &local_error))
            {
              rc = sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
              if (rc == SQLITE_OK)
                return TRUE;
              qurb_db_fail (db, rc, "commit", &local_error);
            }
          rollback (db);
        }
      else
        qurb_db_fail (db, rc, "begin", &local_error);

      /* Out of space: the write-ahead log holds the last free bytes and
       * would keep them after space comes back. Copied into the database
       * and truncated, then the transaction is tried once more. */
      if (g_error_matches (local_error, QURB_DB_ERROR, QURB_DB_ERROR_FULL) && !checkpointed)
        {
          checkpointed = TRUE;
          rc = sqlite3_wal_checkpoint_v2 (db->handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
          g_debug ("database full: write-ahead log checkpointed and truncated (%s)", sqlite3_errstr (rc));
          if (rc == SQLITE_OK && attempt < TRANSACT_ATTEMPTS)
            continue;
        }
      if (!g_error_matches (local_error, QURB_DB_ERROR, QURB_DB_ERROR_BUSY) ||
          attempt == TRANSACT_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (g_random_int_range (10, 50) * 1000 * attempt);
    }
}

gint
qurb_db_schema_version (QurbDb *db)
{
  sqlite3_stmt *stmt = NULL;
  gint version = -1;

  if (sqlite3_prepare_v2 (db->handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

gboolean
qurb_db_audit (QurbDb *db, const gchar *actor, const gchar *action,
               const gchar *subject, const gchar *detail, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)", error);

  return stmt != NULL &&
         qurb_db_bind (db, stmt, error, "ttttt", now, actor, action, subject, detail) &&
         qurb_db_step_done (db, stmt, error);
}

/* The rowid of the last row this connection inserted. */
gint64
qurb_db_last_id (QurbDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return sqlite3_last_insert_rowid (db->handle);
}

/* Rows the last statement of this connection changed. */
gint64
qurb_db_changes (QurbDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return sqlite3_changes64 (db->handle);
}

/* A text column as a new string, or NULL for NULL. */
gchar *
qurb_db_column_dup (sqlite3_stmt *stmt, gint column)
{
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, column));
}
