/* qurb-announcements.c — open-day announcements: the kiosk banner and broadcasts */
#include "config.h"

#include "qurb-announcements.h"
#include "qurb-clock.h"

const gchar *
qurb_announcement_title (const QurbAnnouncement *announcement, const gchar *lang)
{
  return g_strcmp0 (lang, "ar") == 0 ? announcement->title_ar : announcement->title_fr;
}

const gchar *
qurb_announcement_text (const QurbAnnouncement *announcement, const gchar *lang)
{
  return g_strcmp0 (lang, "ar") == 0 ? announcement->text_ar : announcement->text_fr;
}

void
qurb_announcement_free (QurbAnnouncement *announcement)
{
  if (announcement == NULL)
    return;
  g_free (announcement->title_fr);
  g_free (announcement->title_ar);
  g_free (announcement->text_fr);
  g_free (announcement->text_ar);
  g_free (announcement->audience);
  g_free (announcement->send_at);
  g_free (announcement->banner_until);
  g_free (announcement->state);
  g_free (announcement->queued_at);
  g_free (announcement);
}

#define ANNOUNCEMENT_COLUMNS \
  "SELECT id, title_fr, title_ar, text_fr, text_ar, audience, send_at, banner_until, state," \
  "       queued_at, coalesce(recipients, -1)" \
  " FROM announcements"

static QurbAnnouncement *
announcement_from_row (sqlite3_stmt *stmt)
{
  QurbAnnouncement *a = g_new0 (QurbAnnouncement, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->title_fr = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  a->title_ar = g_strdup ((const gchar *) sqlite3_column_text (stmt, 2));
  a->text_fr = g_strdup ((const gchar *) sqlite3_column_text (stmt, 3));
  a->text_ar = g_strdup ((const gchar *) sqlite3_column_text (stmt, 4));
  a->audience = g_strdup ((const gchar *) sqlite3_column_text (stmt, 5));
  a->send_at = g_strdup ((const gchar *) sqlite3_column_text (stmt, 6));
  a->banner_until = g_strdup ((const gchar *) sqlite3_column_text (stmt, 7));
  a->state = g_strdup ((const gchar *) sqlite3_column_text (stmt, 8));
  a->queued_at = g_strdup ((const gchar *) sqlite3_column_text (stmt, 9));
  a->recipients = sqlite3_column_int64 (stmt, 10);
  return a;
}

/* What the lobby screens show now: announced (send time passed), not
 * cancelled, banner not ended; newest first. */
GPtrArray *
qurb_announcements_on_banner (QurbDb *db, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_announcement_free);
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      ANNOUNCEMENT_COLUMNS " WHERE state <> 'cancelled' AND send_at <= ?1"
      " AND coalesce(banner_until, strftime('%Y-%m-%dT%H:%M:%S', send_at, '+"
      G_STRINGIFY (QURB_BANNER_DEFAULT_DAYS) " days')) >= ?1"
      " ORDER BY send_at DESC, id DESC", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", now))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    g_ptr_array_add (list, announcement_from_row (stmt));
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&list) : NULL;
}

/* Every announcement, newest first; limit 0 means all. */
GPtrArray *
qurb_announcements_all (QurbDb *db, guint limit, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_announcement_free);
  sqlite3_stmt *stmt = qurb_db_statement (db,
      ANNOUNCEMENT_COLUMNS " ORDER BY id DESC LIMIT ?", error);
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", limit > 0 ? (gint64) limit : (gint64) -1))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    g_ptr_array_add (list, announcement_from_row (stmt));
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&list) : NULL;
}

/* NULL with no error when there is none. */
QurbAnnouncement *
qurb_announcement_find (QurbDb *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, ANNOUNCEMENT_COLUMNS " WHERE id = ?", error);
  QurbAnnouncement *found = NULL;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", id) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return NULL;
  if (step > 0)
    found = announcement_from_row (stmt);
  sqlite3_reset (stmt);
  return found;
}
