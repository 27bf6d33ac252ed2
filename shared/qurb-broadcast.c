/* qurb-broadcast.c — open-day announcements sent by SMS to an audience */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "qurb-agency.h"
#include "qurb-broadcast.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-outbox.h"
#include "qurb-provinces.h"

#define AUDIENCE_ALL      "all"
#define AUDIENCE_PROVINCE "province:"
#define AUDIENCE_CARAVAN  "caravan:"

/* "all", "province:A,B" (any spelling of each; written back canonical)
 * or "caravan:CODE" (upper case). */
gchar *
qurb_audience_normalize (const gchar *audience, GError **error)
{
  g_autofree gchar *text = g_strstrip (g_strdup (audience ? audience : ""));

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_ascii_strcasecmp (text, AUDIENCE_ALL) == 0)
    return g_strdup (AUDIENCE_ALL);
  if (g_str_has_prefix (text, AUDIENCE_PROVINCE))
    {
      g_auto(GStrv) names = qurb_provinces_parse_list (text + strlen (AUDIENCE_PROVINCE), error);
      g_autofree gchar *joined = NULL;

      if (names == NULL)
        return NULL;
      if (names[0] != NULL)
        {
          joined = g_strjoinv (",", names);
          return g_strconcat (AUDIENCE_PROVINCE, joined, NULL);
        }
    }
  if (g_str_has_prefix (text, AUDIENCE_CARAVAN) && text[strlen (AUDIENCE_CARAVAN)] != '\0')
    {
      g_autofree gchar *code = g_ascii_strup (g_strstrip (text + strlen (AUDIENCE_CARAVAN)), -1);
      return g_strconcat (AUDIENCE_CARAVAN, code, NULL);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("the audience must be “all”, “province:NAME[,NAME…]” or “caravan:CODE”, not “%s”"),
               text);
  return NULL;
}

/* The caravan code of a normalised "caravan:CODE" audience, else NULL. */
const gchar *
qurb_audience_caravan (const gchar *audience)
{
  return g_str_has_prefix (audience, AUDIENCE_CARAVAN) ? audience + strlen (AUDIENCE_CARAVAN) : NULL;
}

/* The audience as the parameters ?1–?3 and ?7 of AUDIENCE_ROWS. */
typedef struct {
  const gchar *kind;     /* "all", "province", "caravan" */
  gchar *provinces;      /* "\nA\nB\n" */
  gchar *caravan;
  gchar *scope;          /* the provinces this box serves (QurbAgency), or NULL */
} AudienceQuery;

static void
audience_query_clear (AudienceQuery *query)
{
  g_free (query->provinces);
  g_free (query->caravan);
  g_free (query->scope);
}

static gboolean
audience_query (QurbDb *db, const gchar *audience, AudienceQuery *query, GError **error)
{
  g_autofree gchar *normalized = qurb_audience_normalize (audience, error);
  g_autoptr(QurbAgency) agency = NULL;

  memset (query, 0, sizeof *query);
  if (normalized == NULL || (agency = qurb_agency_load (db, error)) == NULL)
    return FALSE;
  query->scope = g_steal_pointer (&agency->scope);
  if (g_str_has_prefix (normalized, AUDIENCE_PROVINCE))
    {
      g_auto(GStrv) names = g_strsplit (normalized + strlen (AUDIENCE_PROVINCE), ",", -1);
      g_autofree gchar *joined = g_strjoinv ("\n", names);

      query->kind = "province";
      query->provinces = g_strconcat ("\n", joined, "\n", NULL);
    }
  else if (g_str_has_prefix (normalized, AUDIENCE_CARAVAN))
    {
      query->kind = "caravan";
      query->caravan = g_strdup (normalized + strlen (AUDIENCE_CARAVAN));
    }
  else
    query->kind = "all";
  return TRUE;
}

/* The members an audience reaches: with a phone, not opted out (STOP), and
 * one per phone (a family sharing one gets it once, in the language of
 * whoever registered first: SQLite takes the other columns of a min()
 * aggregate from the row that has the minimum). Parameters ?1 kind,
 * ?2 provinces, ?3 caravan. */
#define AUDIENCE_ROWS(columns) \
  "SELECT min(id) AS id, " columns " FROM members" \
  " WHERE broadcasts = 1 AND phone IS NOT NULL AND " QURB_AGENCY_SERVES_SQL ("?7", "province") " AND (" \
  "   ?1 = 'all'" \
  "   OR (?1 = 'province' AND instr(?2, char(10) || qurb_province(province) || char(10)) > 0)" \
  "   OR (?1 = 'caravan' AND id IN (SELECT b.member_id FROM bookings b" \
  "        JOIN caravans c ON c.id = b.caravan_id WHERE c.code = ?3 AND b.state = 'active')))" \
  " GROUP BY phone"

gboolean
qurb_broadcast_estimate (QurbDb *db, const gchar *audience, const gchar *text_fr,
                         const gchar *text_ar, QurbBroadcastEstimate *estimate, GError **error)
{
  AudienceQuery query;
  sqlite3_stmt *stmt;
  gint step;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (estimate, 0, sizeof *estimate);
  qurb_sms_segments (text_fr ? text_fr : "", &estimate->fr);
  qurb_sms_segments (text_ar ? text_ar : "", &estimate->ar);
  if (!audience_query (db, audience, &query, error))
    return FALSE;
  stmt = qurb_db_statement (db,
      "SELECT lang, count(*) FROM (" AUDIENCE_ROWS ("lang") ") GROUP BY lang", error);
  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "tttttIt", query.kind, query.provinces, query.caravan, NULL, NULL,
                     (gint64) 0, query.scope))
    {
      audience_query_clear (&query);
      return FALSE;
    }
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      guint n = sqlite3_column_int (stmt, 1);

      if (g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, 0), "ar") == 0)
        estimate->recipients_ar += n;
      else
        estimate->recipients_fr += n;
    }
  sqlite3_reset (stmt);
  audience_query_clear (&query);
  estimate->total_parts = (guint64) estimate->recipients_fr * estimate->fr.parts +
                          (guint64) estimate->recipients_ar * estimate->ar.parts;
  return step == 0;
}

/* One announcement's messages, in one statement and without their text
 * (QURB_MESSAGE_TEXT_SQL): at a million members this is what keeps
 * queueing to seconds. */
static gboolean
queue_one (QurbDb *db, gint64 id, const gchar *audience, const gchar *now, guint *messages,
           GError **error)
{
  AudienceQuery query;
  sqlite3_stmt *stmt;
  gboolean ok;
  gint n;

  if (!audience_query (db, audience, &query, error))
    return FALSE;
  stmt = qurb_db_statement (db,
      "INSERT INTO messages (member_id, dir, peer, text, state, at, kind, priority, announcement_id,"
      "                      lang, updated_at) "
      AUDIENCE_ROWS ("'out', phone, '', 'queued', ?4, 'broadcast', ?6, ?5, lang, ?4"), error);
  ok = stmt != NULL &&
       qurb_db_bind (db, stmt, error, "ttttIit", query.kind, query.provinces, query.caravan,
                     now, id, (gint) QURB_PRIORITY_BROADCAST, query.scope) &&
       qurb_db_step_done (db, stmt, error);
  audience_query_clear (&query);
  if (!ok)
    return FALSE;
  n = qurb_db_changes (db);
  *messages += n;
  g_message ("announcement %" G_GINT64_FORMAT ": %d messages queued", id, n);
  return qurb_db_transact_exec (db, error,
      "UPDATE announcements SET state = 'queued', queued_at = ?, recipients = ? WHERE id = ?",
      "tiI", now, n, id);
}

/* An announcement whose time has come. */
typedef struct {
  gint64 id;
  gchar *audience;
} Due;

static void
due_clear (gpointer due)
{
  g_free (((Due *) due)->audience);
}

static gboolean
queue_due_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  guint *messages = user_data;
  g_autofree gchar *now = qurb_now_iso ();
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (Due));
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT id, audience FROM announcements WHERE state = 'scheduled' AND send_at <= ?"
      " ORDER BY send_at, id", error);
  gint step;

  g_array_set_clear_func (due, due_clear);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", now))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      Due one = { sqlite3_column_int64 (stmt, 0), g_strdup ((const gchar *) sqlite3_column_text (stmt, 1)) };

      g_array_append_val (due, one);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    if (!queue_one (db, g_array_index (due, Due, i).id, g_array_index (due, Due, i).audience, now,
                    messages, error))
      return FALSE;
  /* Sent to the last one (or withdrawn): done. */
  return qurb_db_transact_exec (db, error,
      "UPDATE announcements SET state = 'done' WHERE state = 'queued' AND NOT EXISTS"
      " (SELECT 1 FROM messages WHERE announcement_id = announcements.id AND state IN ('queued', 'sending'))",
      "");
}

/* Queues every announcement whose time has come. Takes the write lock only
 * when there is something to do. */
gboolean
qurb_broadcasts_queue_due (QurbDb *db, guint *messages, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  gboolean outside, ok;
  guint local = 0;
  gint pending = qurb_db_query_exists (db, error,
      "SELECT 1 FROM announcements a WHERE (a.state = 'scheduled' AND a.send_at <= ?1)"
      " OR (a.state = 'queued' AND NOT EXISTS (SELECT 1 FROM messages m"
      "      WHERE m.announcement_id = a.id AND m.state IN ('queued', 'sending')))", "t", now);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (messages)
    *messages = 0;
  if (pending <= 0)
    return pending == 0;
  /* Every message is made from a members row and the announcement being
   * queued, so the per-row foreign-key lookups could only ever pass: off
   * for this statement, as for a bulk import (settable outside a
   * transaction only). */
  outside = !qurb_db_in_transaction (db);
  if (outside && !qurb_db_exec (db, "PRAGMA foreign_keys=OFF", error))
    return FALSE;
  ok = qurb_db_transact (db, queue_due_in_transaction, &local, error);
  if (outside && !qurb_db_exec (db, "PRAGMA foreign_keys=ON", ok ? error : NULL))
    ok = FALSE;
  if (ok && messages)
    *messages = local;
  return ok;
}

typedef struct {
  gint64 id;
  guint withdrawn;
} CancelJob;

static gboolean
cancel_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  CancelJob *job = user_data;
  g_autoptr(QurbAnnouncement) a = qurb_announcement_find (db, job->id, error);
  g_autofree gchar *now = qurb_now_iso ();
  g_autofree gchar *detail = NULL;

  if (a == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("there is no announcement %lld"), (long long) job->id);
      return FALSE;
    }
  if (g_str_equal (a->state, "done") || g_str_equal (a->state, "cancelled"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   g_str_equal (a->state, "done") ? _("announcement %lld has been sent already")
                                                  : _("announcement %lld is cancelled already"),
                   (long long) job->id);
      return FALSE;
    }
  /* What a modem holds ("sending") goes out; the rest is withdrawn. */
  if (!qurb_db_transact_exec (db, error,
        "UPDATE messages SET state = 'withdrawn', updated_at = ? WHERE announcement_id = ? AND state = 'queued'",
        "tI", now, job->id))
    return FALSE;
  job->withdrawn = qurb_db_changes (db);
  detail = g_strdup_printf ("id=%" G_GINT64_FORMAT " withdrawn=%u", job->id, job->withdrawn);
  return qurb_db_transact_exec (db, error, "UPDATE announcements SET state = 'cancelled' WHERE id = ?",
                                "I", job->id) &&
         qurb_db_audit (db, "staff", "announcement-cancel", NULL, detail, error);
}

gboolean
qurb_broadcast_cancel (QurbDb *db, gint64 id, guint *withdrawn, GError **error)
{
  CancelJob job = { id, 0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, cancel_in_transaction, &job, error))
    return FALSE;
  if (withdrawn)
    *withdrawn = job.withdrawn;
  return TRUE;
}

gboolean
qurb_broadcast_progress (QurbDb *db, gint64 id, QurbBroadcastProgress *progress, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT state, count(*) FROM messages WHERE announcement_id = ? GROUP BY state", error);
  gint step;

  memset (progress, 0, sizeof *progress);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "I", id))
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      const gchar *state = (const gchar *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      progress->total += n;
      if (g_str_equal (state, "queued"))
        progress->queued = n;
      else if (g_str_equal (state, "sending"))
        progress->sending = n;
      else if (g_str_equal (state, "sent"))
        progress->sent = n;
      else if (g_str_equal (state, "delivered"))
        progress->delivered = n;
      else if (g_str_equal (state, "failed"))
        progress->failed = n;
      else if (g_str_equal (state, "withdrawn"))
        progress->withdrawn = n;
    }
  sqlite3_reset (stmt);
  return step == 0;
}

/* Pure: the share of messages that need nothing more, 0 to 1. */
gdouble
qurb_broadcast_progress_done (const QurbBroadcastProgress *p)
{
  if (p->total == 0)
    return 0.0;
  return (gdouble) (p->sent + p->delivered + p->failed + p->withdrawn) / p->total;
}

/* Broadcast messages the network took, per day, over the last days
 * (oldest first, days without any included). */
GArray *
qurb_broadcast_sent_per_day (QurbDb *db, guint days, GError **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (QurbDayCount));
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, 1 - (gint) days);
  g_autofree gchar *since = g_date_time_format (first, "%Y-%m-%d");
  sqlite3_stmt *stmt;
  gint step;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < days; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);
      g_autofree gchar *iso = g_date_time_format (day, "%Y-%m-%d");
      QurbDayCount count = { "", 0 };

      g_strlcpy (count.day, iso, sizeof count.day);
      g_array_append_val (counts, count);
    }
  stmt = qurb_db_statement (db,
      "SELECT substr(updated_at, 1, 10), count(*) FROM messages"
      " WHERE kind = 'broadcast' AND state IN ('sent', 'delivered') AND updated_at >= ?"
      " GROUP BY 1", error);
  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", since))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    for (guint i = 0; i < counts->len; i++)
      if (g_strcmp0 (g_array_index (counts, QurbDayCount, i).day, (const gchar *) sqlite3_column_text (stmt, 0)) == 0)
        g_array_index (counts, QurbDayCount, i).sent = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&counts) : NULL;
}
