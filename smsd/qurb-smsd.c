/* qurb-smsd.c — the SMS daemon: modems polled, messages answered, outbox sent
 *
 * One main loop; each modem has a poll timer and a send timer. The
 * order of every step is what makes it safe to kill at any moment:
 * a part is committed to the database before it is deleted from the
 * modem; a reply is queued in the same transaction that marks its
 * message handled; a part sent is recorded before the next is sent, and
 * a message is claimed by one modem at a time. */
#include "config.h"

#include <string.h>

#include "qurb-clock.h"
#include "qurb-operations.h"
#include "qurb-log-limit.h"
#include "qurb-phone.h"
#include "qurb-broadcast.h"
#include "qurb-ratings.h"
#include "qurb-reminders.h"
#include "qurb-outbox.h"
#include "qurb-sms-store.h"
#include "qurb-sms.h"
#include "qurb-smsd-log.h"
#include "qurb-smsd.h"

#define REASSEMBLY_TIMEOUT_SECONDS 600
#define MAX_SEND_ATTEMPTS 5
#define MAX_BACKOFF_MS 60000
/* After a database error the daemon waits 1, 2, 4 … s (at most a minute)
 * before it touches the database again: a full disk is not retried every
 * poll. */
#define DB_BACKOFF_BASE_MS 1000
#define WARN_EVERY_US (60 * G_USEC_PER_SEC)
#define STATUS_EVERY_US (60 * G_USEC_PER_SEC)

typedef struct {
  QurbSmsd *smsd;
  QurbModem *modem;
  const QurbModemConfig *config;
  gboolean connected;
  guint errors;               /* in a row; reset by any success */
  gint64 retry_at;            /* monotonic µs before which we do not reconnect */
  gint64 status_at;           /* when to read signal and network again */
  gint64 heartbeat_at;        /* when to write the next heartbeat */
  gint signal;                /* as last read; -1 unknown */
  gchar *network;
  guint poll_source;
  guint send_source;
  QurbOutboxItem item;        /* the message in flight, id 0 when none */
  gpointer encoded;
  guint n_parts;
  guint next_part;            /* parts of it the network took */
  gboolean unrecorded;        /* part next_part went out, not yet recorded */
  gint network_ref;           /* of that part */
  gint64 lease_from;          /* real ms when our claim was last granted */
} Runner;

struct _QurbSmsd {
  QurbDb *db;
  QurbSmsdConfig *config;
  GPtrArray *runners;
  QurbLogLimit *log_limit;
  guint db_errors;            /* in a row */
  gint64 db_retry_at;         /* monotonic µs before which the database waits */
};

/* One warning per kind of failure a minute, with how many were held back. */
static void
warn (QurbSmsd *smsd, const gchar *doing, const gchar *message)
{
  g_autofree gchar *kind = qurb_log_kind (doing, message);
  guint held_back = 0;

  if (!qurb_log_limit_allow (smsd->log_limit, kind, g_get_monotonic_time (), &held_back))
    return;
  if (held_back > 0)
    g_warning ("%s: %s (%u more like it in the last minute)", doing, message, held_back);
  else
    g_warning ("%s: %s", doing, message);
}

static void
db_failed (QurbSmsd *smsd, const gchar *doing, const GError *error)
{
  guint delay = qurb_backoff_ms (++smsd->db_errors, DB_BACKOFF_BASE_MS, MAX_BACKOFF_MS);

  smsd->db_retry_at = g_get_monotonic_time () + (gint64) delay * 1000;
  warn (smsd, doing, error->message);
}

static gboolean
db_waiting (QurbSmsd *smsd)
{
  return g_get_monotonic_time () < smsd->db_retry_at;
}

static gint64
real_ms (void)
{
  return g_get_real_time () / 1000;
}

static guint
lease_ms (Runner *runner)
{
  return runner->smsd->config->claim_lease_seconds * 1000;
}

/* Errors are counted here, not by the modem: after any of them the
 * modem is closed and opened again, sooner after the first than after
 * the fifth. */
static void
modem_failed (Runner *runner, const GError *error)
{
  guint delay = MIN (MAX_BACKOFF_MS, 500u << MIN (runner->errors, 7));

  g_autofree gchar *doing = g_strdup_printf ("modem %s", runner->modem->name);
  g_autofree gchar *message = NULL;

  runner->errors++;
  message = g_strdup_printf ("%s (error %u in a row; reconnecting in %u ms)", error->message,
                             runner->errors, delay);
  warn (runner->smsd, doing, message);
  runner->modem->ops->disconnect (runner->modem);
  runner->connected = FALSE;
  runner->retry_at = g_get_monotonic_time () + (gint64) delay * 1000;
}

/* Signal and network, on connecting and every minute after; logged
 * when the modem connects or changes network. */
static void
read_status (Runner *runner, gboolean connecting)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *network = NULL;
  gint signal = -1;

  runner->status_at = g_get_monotonic_time () + STATUS_EVERY_US;
  if (!runner->modem->ops->status (runner->modem, &signal, &network, &error))
    {
      qurb_smsd_log (G_LOG_LEVEL_WARNING, runner->modem->name, 0, "modem %s: %s", runner->modem->name, error->message);
      return;
    }
  if (connecting || g_strcmp0 (network, runner->network) != 0)
    qurb_smsd_log (G_LOG_LEVEL_MESSAGE, runner->modem->name, 0, "modem %s: connected, network %s, signal %d%%",
               runner->modem->name, network, signal);
  runner->signal = signal;
  g_free (runner->network);
  runner->network = g_steal_pointer (&network);
}

/* The modem answered: say so in the database, every heartbeat-seconds,
 * for `qurbctl status` (which never touches a modem). */
static void
heartbeat (Runner *runner)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (now < runner->heartbeat_at)
    return;
  runner->heartbeat_at = now + (gint64) runner->config->heartbeat_seconds * G_USEC_PER_SEC;
  if (!qurb_heartbeat_record (runner->smsd->db, runner->modem->name, runner->signal, runner->network,
                              &error))
    qurb_smsd_log (G_LOG_LEVEL_WARNING, runner->modem->name, 0, "modem %s: heartbeat not recorded: %s",
               runner->modem->name, error->message);
}

static gboolean
ensure_connected (Runner *runner)
{
  g_autoptr(GError) error = NULL;

  if (runner->connected)
    return TRUE;
  if (g_get_monotonic_time () < runner->retry_at)
    return FALSE;
  if (!runner->modem->ops->connect (runner->modem, &error))
    {
      modem_failed (runner, error);
      return FALSE;
    }
  runner->connected = TRUE;
  read_status (runner, TRUE);
  runner->heartbeat_at = 0;
  return TRUE;
}

static gboolean
answer (Runner *runner, gint64 id)
{
  QurbSmsPolicy policy = { runner->smsd->config->max_replies_per_hour };
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;

  if (!qurb_sms_process (runner->smsd->db, id, &policy, &result, &error))
    {
      /* Left 'received': tried again once the database is back. */
      db_failed (runner->smsd, "answering a message", error);
      return FALSE;
    }
  qurb_smsd_log (G_LOG_LEVEL_DEBUG, runner->modem->name, id, "message %" G_GINT64_FORMAT ": %s, %s", id,
             qurb_intent_name (result.command.intent), result.reply ? "answered" : "no answer");
  qurb_sms_result_clear (&result);
  return TRUE;
}

/* Messages stored but not answered, by this run or one that died. */
static gboolean
answer_waiting (Runner *runner)
{
  QurbDb *db = runner->smsd->db;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT id FROM messages WHERE dir = 'in' AND state = 'received' ORDER BY id LIMIT 200", &error);
  gint step;

  if (stmt != NULL)
    {
      while ((step = qurb_db_step_row (db, stmt, &error)) > 0)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }
  if (error != NULL)
    {
      db_failed (runner->smsd, "messages to answer", error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!answer (runner, g_array_index (ids, gint64, i)))
      return FALSE;
  return TRUE;
}

static gboolean
store_and_delete (Runner *runner, QurbModemPart *part)
{
  QurbDb *db = runner->smsd->db;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *who = qurb_smsd_masked (part->sender);

  if (part->status_report)
    {
      if (part->delivered && !qurb_outbox_delivered (db, runner->modem->name, part->report_ref, &error))
        {
          db_failed (runner->smsd, "delivery report", error);
          return FALSE;
        }
    }
  else
    {
      g_autofree gchar *sender = qurb_sms_sender_normalize (part->sender);
      QurbSmsPart stored = { runner->modem->name, sender, part->sent_at, part->reference,
                             part->total, part->seq, part->text };
      gboolean is_new = FALSE;

      /* Committed before the modem may forget it. */
      if (!qurb_sms_store_part (db, &stored, &is_new, &error))
        {
          g_debug ("part from %s not stored, left on the modem", who);
          db_failed (runner->smsd, "storing a part (left on the modem)", error);
          return FALSE;
        }
      qurb_smsd_log (G_LOG_LEVEL_DEBUG, runner->modem->name, 0, "part %d/%d from %s %s", part->seq, part->total, who,
                 is_new ? "stored" : "seen before");
    }
  if (!runner->modem->ops->delete_part (runner->modem, part, &error))
    {
      /* Stored already: when it is read again it is recognised. */
      modem_failed (runner, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
poll_tick (gpointer user_data)
{
  Runner *runner = user_data;
  QurbSmsd *smsd = runner->smsd;
  QurbDb *db = smsd->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = qurb_now ();
  guint db_errors = smsd->db_errors;

  /* Nothing is read from the modem that cannot be stored. */
  if (db_waiting (smsd))
    return G_SOURCE_CONTINUE;
  if (ensure_connected (runner))
    {
      if (g_get_monotonic_time () >= runner->status_at)
        read_status (runner, FALSE);
      parts = runner->modem->ops->read_inbox (runner->modem, &error);
      if (parts == NULL)
        modem_failed (runner, error);
      else
        {
          runner->errors = 0;
          heartbeat (runner);
          for (guint i = 0; i < parts->len; i++)
            if (!store_and_delete (runner, parts->pdata[i]))
              break;
        }
    }
  g_clear_error (&error);
  if (smsd->db_errors != db_errors)
    return G_SOURCE_CONTINUE;

  ids = qurb_sms_assemble (db, REASSEMBLY_TIMEOUT_SECONDS, &error);
  if (ids == NULL)
    {
      db_failed (smsd, "assembling parts", error);
      return G_SOURCE_CONTINUE;
    }
  if (!answer_waiting (runner))
    return G_SOURCE_CONTINUE;

  if (!qurb_smsd_config_is_quiet (smsd->config,
                                  g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)) &&
      (!qurb_reminders_queue (db, NULL, &error) || !qurb_ratings_queue (db, NULL, &error)))
    {
      db_failed (smsd, "reminders and ratings", error);
      return G_SOURCE_CONTINUE;
    }
  /* Announcements whose time has come join the outbox (any hour: the
   * outbox itself holds broadcasts through the quiet hours). */
  if (!qurb_broadcasts_queue_due (db, NULL, &error))
    {
      db_failed (smsd, "broadcasts", error);
      return G_SOURCE_CONTINUE;
    }
  smsd->db_errors = 0;
  return G_SOURCE_CONTINUE;
}

static void
drop_in_flight (Runner *runner)
{
  if (runner->encoded != NULL)
    runner->modem->ops->free_encoded (g_steal_pointer (&runner->encoded));
  qurb_outbox_item_clear (&runner->item);
  runner->item.id = 0;
  runner->unrecorded = FALSE;
}

static void
send_failed (Runner *runner, const GError *error)
{
  g_autoptr(GError) local_error = NULL;

  if (!qurb_outbox_retry_later (runner->smsd->db, &runner->item, runner->modem->name, error->message,
                                MAX_SEND_ATTEMPTS, &local_error))
    db_failed (runner->smsd, "outbox", local_error);
  drop_in_flight (runner);
}

/* The part that went out (next_part) into the database, before any other
 * is sent; the message is sent after its last part. Kept for the next
 * tick when the database fails. */
static gboolean
record_part (Runner *runner)
{
  g_autoptr(GError) error = NULL;
  gint64 stamp = real_ms ();
  gboolean ours = FALSE;

  if (!qurb_outbox_part_sent (runner->smsd->db, &runner->item, runner->modem->name, runner->next_part,
                              runner->n_parts, runner->network_ref, lease_ms (runner), &ours, &error))
    {
      db_failed (runner->smsd, "recording a part sent", error);
      return FALSE;
    }
  runner->unrecorded = FALSE;
  runner->lease_from = stamp;
  if (!ours)
    {
      qurb_smsd_log (G_LOG_LEVEL_MESSAGE, runner->modem->name, runner->item.id,
                 "message %" G_GINT64_FORMAT ": its claim lapsed; another modem sends it whole", runner->item.id);
      drop_in_flight (runner);
    }
  else if (runner->next_part >= runner->n_parts)
    {
      g_autofree gchar *who = qurb_smsd_masked (runner->item.peer);

      qurb_smsd_log (G_LOG_LEVEL_MESSAGE, runner->modem->name, runner->item.id, "message %" G_GINT64_FORMAT " sent to %s in %u parts",
                 runner->item.id, who, runner->n_parts);
      drop_in_flight (runner);
    }
  return TRUE;
}

/* Claims the next message; FALSE when there is none or it failed. */
static gboolean
claim_next (Runner *runner)
{
  QurbSmsd *smsd = runner->smsd;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = qurb_now ();
  gboolean quiet = qurb_smsd_config_is_quiet (smsd->config,
                                              g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));
  gint64 stamp = real_ms ();

  if (!qurb_outbox_claim (smsd->db, runner->modem->name, !quiet, lease_ms (runner), &runner->item, &error))
    {
      db_failed (smsd, "outbox", error);
      return FALSE;
    }
  if (runner->item.id == 0)
    return FALSE;
  runner->lease_from = stamp;
  runner->encoded = runner->modem->ops->encode (runner->modem, runner->item.peer, runner->item.text,
                                                runner->item.reference, &runner->n_parts, &error);
  if (runner->encoded == NULL)
    {
      send_failed (runner, error);
      return FALSE;
    }
  runner->next_part = MIN (runner->item.parts_sent, runner->n_parts);
  /* Every part out already (an older run): only the record is missing. */
  if (runner->next_part == runner->n_parts)
    {
      runner->unrecorded = TRUE;
      runner->network_ref = -1;
    }
  return TRUE;
}

/* Sends one part; FALSE when there was nothing to send or it failed. */
static gboolean
send_one_part (Runner *runner)
{
  QurbSmsd *smsd = runner->smsd;
  g_autoptr(GError) error = NULL;
  gint network_ref = -1;

  if (db_waiting (smsd) || !ensure_connected (runner))
    return FALSE;
  if (runner->item.id == 0 && !claim_next (runner))
    return FALSE;
  if (runner->unrecorded)
    return record_part (runner);

  /* Half the lease gone (a slow modem, a long send interval): renewed
   * before the part, so that no part is ever sent on a claim that may
   * lapse during the send; given up when it is another modem's now. */
  if (real_ms () - runner->lease_from > lease_ms (runner) / 2)
    {
      gint64 stamp = real_ms ();
      gboolean ours = FALSE;

      if (!qurb_outbox_renew (smsd->db, &runner->item, runner->modem->name, lease_ms (runner), &ours, &error))
        {
          db_failed (smsd, "outbox", error);
          return FALSE;
        }
      if (!ours)
        {
          g_message ("message %" G_GINT64_FORMAT ": its claim lapsed; another modem sends it whole",
                     runner->item.id);
          drop_in_flight (runner);
          return TRUE;
        }
      runner->lease_from = stamp;
    }

  if (!runner->modem->ops->send_part (runner->modem, runner->encoded, runner->next_part,
                                      &network_ref, &error))
    {
      send_failed (runner, error);
      modem_failed (runner, error);
      return FALSE;
    }
  runner->errors = 0;
  runner->next_part++;
  runner->unrecorded = TRUE;
  runner->network_ref = network_ref;
  return record_part (runner);
}

/* send-interval-ms is the least time between two parts: one part a tick;
 * with no interval, parts go back to back for a while each tick. */
static gboolean
send_tick (gpointer user_data)
{
  Runner *runner = user_data;
  gint64 until = g_get_monotonic_time () + 200 * 1000;

  while (send_one_part (runner) && runner->config->send_interval_ms == 0 &&
         g_get_monotonic_time () < until)
    ;
  return G_SOURCE_CONTINUE;
}

QurbSmsd *
qurb_smsd_new (QurbDb *db, QurbSmsdConfig *config, GPtrArray *modems)
{
  QurbSmsd *smsd = g_new0 (QurbSmsd, 1);

  g_return_val_if_fail (modems->len == config->modems->len, NULL);
  smsd->db = db;
  smsd->config = config;
  smsd->runners = g_ptr_array_new ();
  smsd->log_limit = qurb_log_limit_new (WARN_EVERY_US);
  for (guint i = 0; i < modems->len; i++)
    {
      Runner *runner = g_new0 (Runner, 1);

      runner->smsd = smsd;
      runner->modem = modems->pdata[i];
      runner->config = config->modems->pdata[i];
      runner->signal = -1;
      g_ptr_array_add (smsd->runners, runner);
    }
  return smsd;
}

void
qurb_smsd_start (QurbSmsd *smsd)
{
  for (guint i = 0; i < smsd->runners->len; i++)
    {
      Runner *runner = smsd->runners->pdata[i];
      g_autoptr(GError) error = NULL;

      /* What this modem was sending when the last run stopped goes back. */
      if (!qurb_outbox_release (smsd->db, runner->modem->name, &error))
        db_failed (smsd, "outbox", error);
      runner->poll_source = g_timeout_add (runner->config->poll_interval_ms, poll_tick, runner);
      runner->send_source = g_timeout_add (MAX (20, runner->config->send_interval_ms), send_tick, runner);
    }
}

/* Between two ticks, so no part is ever half sent: the message in
 * flight goes back to the queue with the parts already sent recorded. */
void
qurb_smsd_stop (QurbSmsd *smsd)
{
  for (guint i = 0; i < smsd->runners->len; i++)
    {
      Runner *runner = smsd->runners->pdata[i];
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&runner->poll_source, g_source_remove);
      g_clear_handle_id (&runner->send_source, g_source_remove);
      if (runner->unrecorded)
        record_part (runner);
      if (runner->item.id != 0 && !qurb_outbox_release (smsd->db, runner->modem->name, &error))
        g_warning ("outbox: %s", error->message);
      drop_in_flight (runner);
      runner->modem->ops->disconnect (runner->modem);
      runner->connected = FALSE;
    }
}

void
qurb_smsd_free (QurbSmsd *smsd)
{
  if (smsd == NULL)
    return;
  qurb_smsd_stop (smsd);
  for (guint i = 0; i < smsd->runners->len; i++)
    {
      Runner *runner = smsd->runners->pdata[i];
      qurb_modem_free (runner->modem);
      g_free (runner->network);
      g_free (runner);
    }
  g_ptr_array_unref (smsd->runners);
  qurb_log_limit_free (smsd->log_limit);
  qurb_smsd_config_free (smsd->config);
  g_free (smsd);
}
