/* qurb-test-util.h — fixtures shared by the tests */
#pragma once

#include <gio/gio.h>

#include "qurb-db.h"
#include "qurb-ticket.h"

G_BEGIN_DECLS

typedef struct {
  gchar *dir;      /* a fresh folder, removed by _teardown */
  gchar *db_path;
  QurbDb *db;
} QurbFixture;

void         qurb_fixture_setup      (QurbFixture *fixture, gconstpointer data);
void         qurb_fixture_teardown   (QurbFixture *fixture, gconstpointer data);
gchar       *qurb_fixture_write      (QurbFixture *fixture,
                                      const gchar *name,
                                      const gchar *contents);
void         qurb_fixture_load_corpus (QurbFixture *fixture);
gchar       *qurb_test_corpus_path   (const gchar *name);
guint        qurb_test_count_files   (const gchar *dir);
gint64       qurb_test_query_int     (QurbDb      *db,
                                      const gchar *sql);
gchar       *qurb_test_query_text    (QurbDb      *db,
                                      const gchar *sql);
gchar       *qurb_test_sms_reply     (QurbDb      *db,
                                      const gchar *sender,
                                      const gchar *text);
void         qurb_test_die_with_parent (gpointer unused);
void         qurb_test_stop_daemon   (GSubprocess *daemon);
gint64       qurb_test_wait_for_int  (QurbDb      *db,
                                      const gchar *sql,
                                      gint64       n);
guint        qurb_test_free_port     (void);
guint        qurb_test_modem_inbox_size (const gchar *device);
gboolean     qurb_test_sms_work_left (QurbDb      *db,
                                      const gchar *const *devices);
gchar       *qurb_test_book          (QurbDb      *db,
                                      const gchar *member_no,
                                      const gchar *caravan_code);
void         qurb_test_ticket_key    (QurbTicketKey *key,
                                      guint8         seed);

/* What a qurbctl run printed and how it ended. */
typedef struct {
  gint status;
  gchar *out;
  gchar *err;
} QurbRun;

void         qurb_run_clear          (QurbRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QurbRun, qurb_run_clear)
void         qurb_test_run_qurbctl   (QurbRun            *run,
                                      const gchar        *db,
                                      const gchar *const *env,
                                      ...) G_GNUC_NULL_TERMINATED;

#define qurb_assert_query_text(db, sql, expected) G_STMT_START { \
    g_autofree gchar *_qurb_value = qurb_test_query_text ((db), (sql)); \
    g_assert_cmpstr (_qurb_value, ==, (expected)); \
  } G_STMT_END

G_END_DECLS
