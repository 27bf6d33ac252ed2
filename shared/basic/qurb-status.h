/* qurb-status.h — a box's health: the figures, and what makes it unhealthy
 *
 * Pure: the figures come from the database (shared/qurb-operations.c);
 * the rules of docs/DESIGN.md section 5 are decided here. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A modem is unhealthy when not seen for this long, a reply when queued
 * for this long (DESIGN.md section 5). */
#define QURB_STATUS_MODEM_STALE_S  (5 * 60)
#define QURB_STATUS_REPLY_STALE_S  (10 * 60)

typedef struct {
  gchar *name;        /* the [modem…] section */
  gchar *seen_at;     /* ISO local time; NULL: never seen */
  gint signal;        /* percent; -1 unknown */
  gchar *network;     /* NULL unknown */
  gint64 unseen_s;    /* seconds since seen_at; -1 never seen */
} QurbModemStatus;

typedef struct {
  gchar *kind;        /* NULL: no import yet */
  gchar *at;
  gint64 rows;
  gint64 skipped;
  gchar *error;       /* NULL: the file was read to its end */
  gint64 age_s;
} QurbImportStatus;

typedef struct {
  gint schema;
  gint64 members, claims;
  QurbImportStatus last_import;
  gint64 imports_failed_24h;
  gint64 inbox_unanswered;
  gint64 inbox_oldest_s;          /* -1: none waiting */
  gint64 outbox_queued, outbox_sending, outbox_failed_24h;
  gint64 outbox_oldest_queued_s;  /* -1: none queued */
  gint64 oldest_reply_queued_s;   /* -1: no reply queued */
  GPtrArray *modems;              /* QurbModemStatus */
  gint64 broadcasts_active;
  /* Filled by qurb_status_judge(). */
  gboolean healthy;
  GPtrArray *problems;            /* gchar *, in the staff's language */
} QurbStatus;

QurbStatus *qurb_status_new            (void);
void        qurb_status_free           (QurbStatus *status);
QurbModemStatus *qurb_status_add_modem (QurbStatus  *status,
                                        const gchar *name);
void        qurb_status_judge          (QurbStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbStatus, qurb_status_free)

G_END_DECLS
