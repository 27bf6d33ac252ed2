/* qurb-db.h — the one sqlite3 database every Qurb process shares */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define QURB_DB_ERROR (qurb_db_error_quark ())

typedef enum {
  QURB_DB_ERROR_FAILED,
  QURB_DB_ERROR_BUSY,       /* still locked after every retry */
  QURB_DB_ERROR_CONSTRAINT,
  QURB_DB_ERROR_TOO_NEW,    /* written by a newer Qurb */
  QURB_DB_ERROR_FULL,       /* no space left (the log was checkpointed) */
} QurbDbError;

/* The database holds CINs, phones, claims and the PIN hash: never readable
 * by others, whatever the umask. The group reads and writes it (the kiosk,
 * in group qurb, writes bookings; a WAL reader must write the -shm). */
#define QURB_DB_FILE_MODE 0660

typedef struct _QurbDb QurbDb;

typedef gboolean (*QurbDbTxnFunc) (QurbDb   *db,
                                   gpointer  user_data,
                                   GError  **error);

GQuark        qurb_db_error_quark      (void);

const gchar  *qurb_db_resolve_path     (const gchar *cli_path);
QurbDb       *qurb_db_open             (const gchar  *path,
                                        GError      **error);
void          qurb_db_close            (QurbDb *db);
sqlite3      *qurb_db_handle           (QurbDb *db);
const gchar  *qurb_db_path             (QurbDb *db);

gboolean      qurb_db_exec             (QurbDb       *db,
                                        const gchar  *sql,
                                        GError      **error);
sqlite3_stmt *qurb_db_statement        (QurbDb       *db,
                                        const gchar  *sql,
                                        GError      **error);
gboolean      qurb_db_bind             (QurbDb        *db,
                                        sqlite3_stmt  *stmt,
                                        GError       **error,
                                        const gchar   *types,
                                        ...);
gboolean      qurb_db_step_done        (QurbDb        *db,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gint          qurb_db_step_row         (QurbDb        *db,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean      qurb_db_fail             (QurbDb       *db,
                                        gint          rc,
                                        const gchar  *what,
                                        GError      **error);

gboolean      qurb_db_transact         (QurbDb         *db,
                                        QurbDbTxnFunc   func,
                                        gpointer        user_data,
                                        GError        **error);
gboolean      qurb_db_transact_exec    (QurbDb       *db,
                                        GError      **error,
                                        const gchar  *sql,
                                        const gchar  *types,
                                        ...);
gint          qurb_db_query_exists     (QurbDb       *db,
                                        GError      **error,
                                        const gchar  *sql,
                                        const gchar  *types,
                                        ...);
gboolean      qurb_db_in_transaction   (QurbDb *db);
gint          qurb_db_schema_version   (QurbDb *db);
gint64        qurb_db_last_id          (QurbDb *db);
gint64        qurb_db_changes          (QurbDb *db);
gchar        *qurb_db_column_dup       (sqlite3_stmt *stmt,
                                        gint          column);
gboolean      qurb_db_audit            (QurbDb       *db,
                                        const gchar  *actor,
                                        const gchar  *action,
                                        const gchar  *subject,
                                        const gchar  *detail,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbDb, qurb_db_close)

G_END_DECLS
