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
#include "qurb-phone.h"
#include "qurb-broadcast.h"
#include "qurb-reminders.h"
#include "qurb-outbox.h"
#include "qurb-sms-store.h"
#include "qurb-sms.h"
#include "qurb-smsd.h"

#define REASSEMBLY_TIMEOUT_SECONDS 600
#define MAX_SEND_ATTEMPTS 5
#define MAX_BACKOFF_MS 60000
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
  guint next_part;
} Runner;

struct _QurbSmsd {
  QurbDb *db;
  QurbSmsdConfig *config;
  GPtrArray *runners;
};

/* Logs carry the modem and the message as journal fields (QURB_MODEM=,
 * QURB_MESSAGE_ID=; message_id 0 for none) beside a text whose numbers
 * are masked, so that `journalctl QURB_MESSAGE_ID=42` finds a message's
 * story without anyone reading a member's number. */
static void G_GNUC_PRINTF (4, 5)
log_event (GLogLevelFlags level, const Runner *runner, gint64 message_id, const gchar *format, ...)
{
  g_autofree gchar *text = NULL;
  gchar id[24];
  va_list args;

  if ((level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) &&
      g_log_writer_default_would_drop (level, G_LOG_DOMAIN))
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, message_id);
  if (message_id > 0)
    g_log_structured (G_LOG_DOMAIN, level, "QURB_MODEM", runner->modem->name, "QURB_MESSAGE_ID", id,
                      "MESSAGE", "%s", text);
  else
    g_log_structured (G_LOG_DOMAIN, level, "QURB_MODEM", runner->modem->name, "MESSAGE", "%s", text);
}

static gchar *
masked (const gchar *number)
{
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return qurb_phone_mask (number);
  return g_strdup (number);
}

/* Errors are counted here, not by the modem: after any of them the
 * modem is closed and opened again, sooner after the first than after
 * the fifth. */
static void
modem_failed (Runner *runner, const GError *error)
{
  guint delay = MIN (MAX_BACKOFF_MS, 500u << MIN (runner->errors, 7));

  runner->errors++;
  log_event (G_LOG_LEVEL_WARNING, runner, runner->item.id, "modem %s: %s (error %u in a row; reconnecting in %u ms)",
             runner->modem->name, error->message, runner->errors, delay);
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
      log_event (G_LOG_LEVEL_WARNING, runner, 0, "modem %s: %s", runner->modem->name, error->message);
      return;
    }
  if (connecting || g_strcmp0 (network, runner->network) != 0)
    log_event (G_LOG_LEVEL_MESSAGE, runner, 0, "modem %s: connected, network %s, signal %d%%",
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
    log_event (G_LOG_LEVEL_WARNING, runner, 0, "modem %s: heartbeat not recorded: %s",
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

static void
answer (Runner *runner, gint64 id)
{
  QurbSmsPolicy policy = { runner->smsd->config->max_replies_per_hour };
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;

  if (!qurb_sms_process (runner->smsd->db, id, &policy, &result, &error))
    {
      /* Left 'received': the next poll tries again. */
      log_event (G_LOG_LEVEL_WARNING, runner, id, "message %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  log_event (G_LOG_LEVEL_DEBUG, runner, id, "message %" G_GINT64_FORMAT ": %s, %s", id,
             qurb_intent_name (result.command.intent), result.reply ? "answered" : "no answer");
  qurb_sms_result_clear (&result);
}

/* Messages stored but not answered, by this run or one that died. */
static void
answer_waiting (Runner *runner)
{
  QurbDb *db = runner->smsd->db;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "SELECT id FROM messages WHERE dir = 'in' AND state = 'received' ORDER BY id LIMIT 200", &error);
  gint step;

  if (stmt == NULL)
    return;
  while ((step = qurb_db_step_row (db, stmt, &error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    answer (runner, g_array_index (ids, gint64, i));
}

static gboolean
store_and_delete (Runner *runner, QurbModemPart *part)
{
  QurbDb *db = runner->smsd->db;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *who = masked (part->sender);

  if (part->status_report)
    {
      if (part->delivered && !qurb_outbox_delivered (db, runner->modem->name, part->report_ref, &error))
        {
          log_event (G_LOG_LEVEL_WARNING, runner, 0, "delivery report: %s", error->message);
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
          log_event (G_LOG_LEVEL_WARNING, runner, 0, "part from %s not stored, left on the modem: %s", who,
                     error->message);
          return FALSE;
        }
      log_event (G_LOG_LEVEL_DEBUG, runner, 0, "part %d/%d from %s %s", part->seq, part->total, who,
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
  QurbDb *db = runner->smsd->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = qurb_now ();

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

  ids = qurb_sms_assemble (db, REASSEMBLY_TIMEOUT_SECONDS, &error);
  if (ids == NULL)
    g_warning ("assembling parts: %s", error->message);
  answer_waiting (runner);

  if (!qurb_smsd_config_is_quiet (runner->smsd->config,
                                  g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)))
    {
      g_clear_error (&error);
      if (!qurb_reminders_queue (db, NULL, &error))
        g_warning ("reminders: %s", error->message);
    }
  /* Announcements whose time has come join the outbox (any hour: the
   * outbox itself holds broadcasts through the quiet hours). */
  g_clear_error (&error);
  if (!qurb_broadcasts_queue_due (db, NULL, &error))
    g_warning ("broadcasts: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
drop_in_flight (Runner *runner)
{
  if (runner->encoded != NULL)
    runner->modem->ops->free_encoded (g_steal_pointer (&runner->encoded));
  qurb_outbox_item_clear (&runner->item);
  runner->item.id = 0;
}

static void
send_failed (Runner *runner, const GError *error)
{
  g_autoptr(GError) local_error = NULL;

  log_event (G_LOG_LEVEL_WARNING, runner, runner->item.id, "message %" G_GINT64_FORMAT " not sent: %s",
             runner->item.id, error->message);
  if (!qurb_outbox_retry_later (runner->smsd->db, runner->item.id, error->message,
                                MAX_SEND_ATTEMPTS, &local_error))
    log_event (G_LOG_LEVEL_WARNING, runner, runner->item.id, "message %" G_GINT64_FORMAT ": %s",
               runner->item.id, local_error->message);
  drop_in_flight (runner);
}

/* Sends one part; FALSE when there was nothing to send or it failed. */
static gboolean
send_one_part (Runner *runner)
{
  QurbSmsd *smsd = runner->smsd;
  g_autoptr(GError) error = NULL;
  gint network_ref = -1;

  if (!ensure_connected (runner))
    return FALSE;

  if (runner->item.id == 0)
    {
      g_autoptr(GDateTime) now = qurb_now ();
      gboolean quiet = qurb_smsd_config_is_quiet (smsd->config,
                                                  g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));

      if (!qurb_outbox_claim (smsd->db, runner->modem->name, !quiet, &runner->item, &error))
        {
          g_warning ("outbox: %s", error->message);
          return FALSE;
        }
      if (runner->item.id == 0)
        return FALSE;
      runner->encoded = runner->modem->ops->encode (runner->modem, runner->item.peer, runner->item.text,
                                                    runner->item.reference, &runner->n_parts, &error);
      if (runner->encoded == NULL)
        {
          send_failed (runner, error);
          return FALSE;
        }
      runner->next_part = MIN (runner->item.parts_sent, runner->n_parts);
    }

  if (runner->next_part < runner->n_parts)
    {
      if (!runner->modem->ops->send_part (runner->modem, runner->encoded, runner->next_part,
                                          &network_ref, &error))
        {
          send_failed (runner, error);
          modem_failed (runner, error);
          return FALSE;
        }
      runner->errors = 0;
      runner->next_part++;
      if (!qurb_outbox_part_sent (smsd->db, runner->item.id, runner->next_part, runner->modem->name,
                                  network_ref, &error))
        log_event (G_LOG_LEVEL_WARNING, runner, runner->item.id, "message %" G_GINT64_FORMAT ": %s",
                   runner->item.id, error->message);
    }
  if (runner->next_part >= runner->n_parts)
    {
      g_autofree gchar *who = masked (runner->item.peer);

      g_clear_error (&error);
      if (!qurb_outbox_sent (smsd->db, runner->item.id, &error))
        log_event (G_LOG_LEVEL_WARNING, runner, runner->item.id, "message %" G_GINT64_FORMAT ": %s",
                   runner->item.id, error->message);
      log_event (G_LOG_LEVEL_MESSAGE, runner, runner->item.id, "message %" G_GINT64_FORMAT " sent to %s in %u parts",
                 runner->item.id, who, runner->n_parts);
      drop_in_flight (runner);
    }
  return TRUE;
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
        g_warning ("outbox: %s", error->message);
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
  qurb_smsd_config_free (smsd->config);
  g_free (smsd);
}
