/* qurb-announcements.c — open-day announcements: the kiosk banner and broadcasts */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "qurb-announcements.h"
#include "qurb-broadcast.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"

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

/* Whether an announcement's audience concerns a box serving provinces
 * (canonical names; NULL serves every province): everyone, members of a
 * province served, or members booked on a caravan held in one. */
static gboolean
audience_served (QurbDb *db, const gchar *audience, const gchar *const *provinces, GError **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree gchar *caravan_province = NULL;
  const gchar *caravan = qurb_audience_caravan (audience);

  if (provinces == NULL || g_strcmp0 (audience, "all") == 0)
    return TRUE;
  if (caravan != NULL)
    {
      sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT province FROM caravans WHERE code = ?", error);
      gint step;

      if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", caravan) ||
          (step = qurb_db_step_row (db, stmt, error)) < 0)
        return FALSE;
      caravan_province = step > 0 ? qurb_db_column_dup (stmt, 0) : NULL;
      sqlite3_reset (stmt);
      names = g_strsplit (caravan_province ? caravan_province : "", ",", -1);
    }
  else if (g_str_has_prefix (audience, "province:"))
    names = g_strsplit (audience + strlen ("province:"), ",", -1);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    for (guint j = 0; provinces[j] != NULL; j++)
      if (*names[i] != '\0' && qurb_province_same (names[i], provinces[j]))
        return TRUE;
  return FALSE;
}

/* What the lobby screens of a box serving provinces (NULL: every
 * province) show now: announced (send time passed), not cancelled,
 * banner not ended, for an audience of the box; newest first. */
GPtrArray *
qurb_announcements_on_banner (QurbDb *db, const gchar *const *provinces, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_announcement_free);
  g_autoptr(GPtrArray) shown = NULL;
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
  if (step < 0)
    return NULL;
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_announcement_free);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (audience_served (db, ((QurbAnnouncement *) list->pdata[i])->audience, provinces, &local_error))
        g_ptr_array_add (shown, g_ptr_array_steal_index (list, i--));
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&shown);
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

static gboolean
invalid (GError **error, const gchar *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* "2027-01-23" → "2027-01-23T23:59:59"; a date-time stays as it is. */
static gchar *
normalize_time (const gchar *text, gboolean end_of_day, GError **error)
{
  g_autoptr(GDateTime) dt = NULL;
  gint y, m, d;

  g_autofree gchar *iso = g_strstrip (g_strdup (text));

  if (qurb_parse_date (iso, &y, &m, &d) && strlen (iso) == 10)
    return g_strdup_printf ("%sT%s", iso, end_of_day ? "23:59:59" : "00:00:00");
  /* "2027-01-23 09:00" and "2027-01-23T09:00" as well as with seconds. */
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (strlen (iso) == 16)
    {
      gchar *with_seconds = g_strconcat (iso, ":00", NULL);
      g_free (iso);
      iso = with_seconds;
    }
  dt = qurb_parse_datetime (iso);
  if (dt == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)"), text);
      return NULL;
    }
  return qurb_datetime_iso (dt);
}

typedef struct {
  const QurbAnnouncementDraft *draft;
  const gchar *audience, *send_at, *banner_until;
  gint64 id;
} CreateJob;

static gboolean
create_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  CreateJob *job = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  g_autofree gchar *detail = NULL;

  if (qurb_audience_caravan (job->audience) != NULL)
    {
      gint known = qurb_db_query_exists (db, error, "SELECT 1 FROM caravans WHERE code = ?", "t",
                                         qurb_audience_caravan (job->audience));
      if (known < 0)
        return FALSE;
      if (known == 0)
        return invalid (error, _("there is no caravan with that code"));
    }
  if (!qurb_db_transact_exec (db, error,
        "INSERT INTO announcements (title_fr, title_ar, text_fr, text_ar, audience, send_at,"
        "  banner_until, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?)",
        "ttttttttt", job->draft->title_fr, job->draft->title_ar, job->draft->text_fr,
        job->draft->text_ar, job->audience, job->send_at, job->banner_until,
        job->draft->created_by ? job->draft->created_by : "staff", now))
    return FALSE;
  job->id = qurb_db_last_id (db);
  detail = g_strdup_printf ("id=%" G_GINT64_FORMAT " audience=%s send_at=%s", job->id, job->audience, job->send_at);
  return qurb_db_audit (db, job->draft->created_by ? job->draft->created_by : "staff",
                        "announcement-create", NULL, detail, error);
}

static gboolean
blank (const gchar *text)
{
  g_autofree gchar *copy = g_strstrip (g_strdup (text ? text : ""));
  return *copy == '\0';
}

gboolean
qurb_announcement_create (QurbDb *db, const QurbAnnouncementDraft *draft, gint64 *id, GError **error)
{
  g_autofree gchar *audience = NULL, *send_at = NULL, *banner_until = NULL;
  CreateJob job = { draft };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (blank (draft->text_fr) || blank (draft->text_ar))
    return invalid (error, _("an announcement needs its text in French and in Arabic"));
  if (blank (draft->title_fr) || blank (draft->title_ar))
    return invalid (error, _("an announcement needs its title in French and in Arabic"));
  audience = qurb_audience_normalize (draft->audience, error);
  if (audience == NULL)
    return FALSE;
  send_at = draft->send_at ? normalize_time (draft->send_at, FALSE, error) : qurb_now_iso ();
  if (send_at == NULL)
    return FALSE;
  if (draft->banner_until != NULL &&
      (banner_until = normalize_time (draft->banner_until, TRUE, error)) == NULL)
    return FALSE;
  job.audience = audience;
  job.send_at = send_at;
  job.banner_until = banner_until;
  if (!qurb_db_transact (db, create_in_transaction, &job, error))
    return FALSE;
  if (id)
    *id = job.id;
  return TRUE;
}
