/* qurb-sms-store.c — the SMS daemon's side of the database
 *
 * Parts become messages by (sender, reference, total) and by their SMSC
 * time stamps: the parts of one message leave the phone back to back, so
 * their stamps lie seconds apart. Two parts with the same number and
 * different texts belong to different messages (a reference reused, two
 * long texts in one poll); the same part with the same text is the network
 * repeating it. Nothing is dropped: every part ends in one message. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-outbox.h"
#include "qurb-sms-store.h"

typedef struct {
  const QurbSmsPart *part;
  gboolean is_new;
} StorePart;

static gboolean
store_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  StorePart *job = user_data;
  const QurbSmsPart *p = job->part;
  g_autofree gchar *now = qurb_now_iso ();
  /* Undecodable: text '' and the mark, so that reading it again after a
   * crash finds the same row (a NULL text would never be equal). */
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "INSERT OR IGNORE INTO sms_parts (modem, sender, sent_at, reference, total, seq, text, received_at,"
      "  undecodable) VALUES (?, ?, ?, ?, ?, ?, coalesce (?7, ''), ?, ?7 IS NULL)", error);

  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "tttiiitt", p->modem, p->sender, p->sent_at, p->reference,
                     p->total, p->seq, p->text, now) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  job->is_new = qurb_db_changes (db) == 1;
  return TRUE;
}

/* Committed when it returns TRUE: only then may the modem delete it. */
gboolean
qurb_sms_store_part (QurbDb *db, const QurbSmsPart *part, gboolean *is_new, GError **error)
{
  StorePart job = { part, FALSE };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_db_transact (db, store_in_transaction, &job, error))
    return FALSE;
  if (is_new)
    *is_new = job.is_new;
  return TRUE;
}

/* Parts further apart than this (by their SMSC stamps) are never one
 * message; within it, a part joins the nearest message lacking its number. */
#define SAME_MESSAGE_SECONDS 300

typedef struct {
  gint64 id;
  gchar *sender;
  gint reference, total, seq;
  gint64 sent;            /* SMSC stamp, seconds */
  gchar *received_at;
  gchar *text;
  gboolean undecodable;
} Part;

typedef struct {
  GPtrArray *parts;       /* Part, each number once, and repeats */
  GPtrArray *by_seq;      /* [seq - 1] → the first Part with that number */
  gint64 first, last;     /* SMSC stamps */
  guint present;
} Candidate;

typedef struct {
  gchar *cutoff;          /* received before this: the rest will not come */
  GArray *ids;
} Assemble;

static void
part_free (Part *part)
{
  g_free (part->sender);
  g_free (part->received_at);
  g_free (part->text);
  g_free (part);
}

static void
candidate_free (Candidate *c)
{
  if (c == NULL)
    return;   /* moved to the ready list */
  g_ptr_array_unref (c->parts);
  g_ptr_array_unref (c->by_seq);
  g_free (c);
}

static gint64
stamp_seconds (const gchar *iso)
{
  gint y = 1970, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (iso != NULL)
    sscanf (iso, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec);
  dt = g_date_time_new_utc (y, mo, d, h, mi, sec);
  return dt ? g_date_time_to_unix (dt) : 0;
}

static gint64
distance (const Candidate *c, gint64 t)
{
  return t < c->first ? c->first - t : t > c->last ? t - c->last : 0;
}

static void
candidate_add (Candidate *c, Part *part)
{
  g_ptr_array_add (c->parts, part);
  if (c->by_seq->pdata[part->seq - 1] == NULL)
    {
      c->by_seq->pdata[part->seq - 1] = part;
      c->present++;
    }
  c->first = MIN (c->first, part->sent);
  c->last = MAX (c->last, part->sent);
}

/* Where part goes among the candidate messages of its (sender, reference,
 * total), taken in the order of their stamps: a repeat joins its first
 * copy; a new number joins the nearest message that lacks it (the oldest
 * when two are as near); anything else starts a message of its own. */
static void
place (GPtrArray *candidates, Part *part)
{
  Candidate *best = NULL;
  gint64 best_distance = G_MAXINT64;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = candidates->pdata[i];
      Part *same = c->by_seq->pdata[part->seq - 1];

      if (distance (c, part->sent) > SAME_MESSAGE_SECONDS)
        continue;
      if (same != NULL && same->undecodable == part->undecodable && g_strcmp0 (same->text, part->text) == 0)
        {
          candidate_add (c, part);
          return;
        }
      if (same == NULL && distance (c, part->sent) < best_distance)
        {
          best = c;
          best_distance = distance (c, part->sent);
        }
    }
  if (best == NULL)
    {
      best = g_new0 (Candidate, 1);
      best->parts = g_ptr_array_new ();
      best->by_seq = g_ptr_array_new ();
      g_ptr_array_set_size (best->by_seq, part->total);
      best->first = best->last = part->sent;
      g_ptr_array_add (candidates, best);
    }
  candidate_add (best, part);
}

/* One message from a candidate: its parts by number; a missing part
 * leaves a space (the message is answered from what came, DESIGN 3.1),
 * an undecodable one makes it a message kept, marked, not answered. */
static gboolean
assemble_candidate (QurbDb *db, Assemble *job, Candidate *c, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gchar *now = qurb_now_iso ();
  const Part *first = NULL;
  gboolean undecodable = FALSE, complete = c->present == c->by_seq->len;
  sqlite3_stmt *stmt;
  gint64 message_id;

  for (guint seq = 0; seq < c->by_seq->len; seq++)
    {
      const Part *part = c->by_seq->pdata[seq];

      if (part == NULL)
        {
          if (text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
          continue;
        }
      first = first ? first : part;
      undecodable |= part->undecodable;
      g_string_append (text, part->text);
    }
  g_assert (first != NULL);

  stmt = qurb_db_statement (db,
      "INSERT INTO messages (dir, peer, text, state, at, updated_at, error)"
      " VALUES ('in', ?1, ?2, ?3, ?4, ?4, ?5)", error);
  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "ttttt", first->sender, text->str,
                     undecodable ? "ignored" : "received", now,
                     undecodable ? "undecodable" : !complete ? QURB_SMS_PARTS_MISSING : NULL) ||
      !qurb_db_step_done (db, stmt, error))
    return FALSE;
  message_id = qurb_db_last_id (db);
  if (!undecodable)
    g_array_append_val (job->ids, message_id);

  for (guint i = 0; i < c->parts->len; i++)
    {
      stmt = qurb_db_statement (db, "UPDATE sms_parts SET message_id = ? WHERE id = ?", error);
      if (stmt == NULL ||
          !qurb_db_bind (db, stmt, error, "II", message_id, ((Part *) c->parts->pdata[i])->id) ||
          !qurb_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A complete candidate is ready now; an incomplete one once its oldest
 * part has waited the timeout. The others wait in the table. */
static void
settle (Assemble *job, GPtrArray *candidates, GPtrArray *ready)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = candidates->pdata[i];
      gboolean waited = FALSE;

      for (guint p = 0; p < c->parts->len && !waited; p++)
        waited = strcmp (((Part *) c->parts->pdata[p])->received_at, job->cutoff) <= 0;
      if (c->present == c->by_seq->len || waited)
        g_ptr_array_add (ready, g_steal_pointer (&candidates->pdata[i]));
    }
  g_ptr_array_set_size (candidates, 0);
}

static gint64
first_part_id (const Candidate *c)
{
  gint64 id = G_MAXINT64;

  for (guint i = 0; i < c->parts->len; i++)
    id = MIN (id, ((Part *) c->parts->pdata[i])->id);
  return id;
}

static gint
compare_first_parts (gconstpointer a, gconstpointer b)
{
  gint64 x = first_part_id (*(Candidate *const *) a), y = first_part_id (*(Candidate *const *) b);

  return x < y ? -1 : x > y;
}

static gboolean
assemble_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  Assemble *job = user_data;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  const Part *bucket = NULL;
  sqlite3_stmt *stmt;
  gint step;

  g_array_set_size (job->ids, 0);
  stmt = qurb_db_statement (db,
      "SELECT id, sender, reference, total, seq, sent_at, received_at, text, undecodable FROM sms_parts"
      " WHERE message_id IS NULL ORDER BY sender, reference, total, sent_at, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      Part *part = g_new0 (Part, 1);

      part->id = sqlite3_column_int64 (stmt, 0);
      part->sender = qurb_db_column_dup (stmt, 1);
      part->reference = sqlite3_column_int (stmt, 2);
      part->total = MAX (1, sqlite3_column_int (stmt, 3));
      part->seq = CLAMP (sqlite3_column_int (stmt, 4), 1, part->total);
      part->sent = stamp_seconds ((const gchar *) sqlite3_column_text (stmt, 5));
      part->received_at = qurb_db_column_dup (stmt, 6);
      part->text = qurb_db_column_dup (stmt, 7);
      part->undecodable = sqlite3_column_int (stmt, 8) != 0 || part->text == NULL;
      g_ptr_array_add (parts, part);
    }
  sqlite3_reset (stmt);
  if (step < 0)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = parts->pdata[i];

      /* A new (sender, reference, total), or a single part: a message of
       * its own. */
      if (bucket != NULL && (part->reference < 0 || part->reference != bucket->reference ||
                             part->total != bucket->total || strcmp (part->sender, bucket->sender) != 0))
        settle (job, candidates, ready);
      bucket = part;
      place (candidates, part);
    }
  settle (job, candidates, ready);
  /* Messages in the order their first part came. */
  g_ptr_array_sort (ready, compare_first_parts);
  for (guint i = 0; i < ready->len; i++)
    if (!assemble_candidate (db, job, ready->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* The ids of the messages now complete and ready to answer, oldest first. */
GArray *
qurb_sms_assemble (QurbDb *db, guint timeout_seconds, GError **error)
{
  g_autofree gchar *cutoff = qurb_now_plus_seconds (-(gint) timeout_seconds);
  Assemble job = { cutoff, g_array_new (FALSE, FALSE, sizeof (gint64)) };
  /* The daemon calls this on every poll: no write lock when no part waits. */
  gint waiting = qurb_db_query_exists (db, error,
      "SELECT 1 FROM sms_parts WHERE message_id IS NULL LIMIT 1", "");

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (waiting <= 0)
    {
      if (waiting == 0)
        return job.ids;
      g_array_unref (job.ids);
      return NULL;
    }
  if (!qurb_db_transact (db, assemble_in_transaction, &job, error))
    {
      g_array_unref (job.ids);
      return NULL;
    }
  return job.ids;
}
