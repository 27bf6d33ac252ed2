/* qurb-smsd.c — the SMS daemon: modems polled, messages answered, outbox sent
 *
 * One main loop; each modem has a poll timer and a send timer (what comes
 * in: qurb-smsd-intake.c; what goes out: qurb-smsd-send.c). The order of
 * every step is what makes it safe to kill at any moment: a part is
 * committed to the database before it is deleted from the modem; a reply
 * is queued in the same transaction that marks its message handled; a
 * part sent is recorded before the next part of its message is sent, and
 * a message is claimed by one modem at a time. */
#include "config.h"

#include <string.h>

#include "qurb-clock.h"
#include "qurb-operations.h"
#include "qurb-broadcast.h"
#include "qurb-ratings.h"
#include "qurb-reminders.h"
#include "qurb-smsd-log.h"
#include "qurb-smsd-private.h"

#define MAX_BACKOFF_MS 60000
/* After a database error the daemon waits 1, 2, 4 … s (at most a minute)
 * before it touches the database again: a full disk is not retried every
 * poll. */
#define DB_BACKOFF_BASE_MS 1000
#define WARN_EVERY_US (60 * G_USEC_PER_SEC)
#define STATUS_EVERY_US (60 * G_USEC_PER_SEC)

typedef QurbSmsdRunner Runner;

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

void
qurb_smsd_db_failed (QurbSmsd *smsd, const gchar *doing, const GError *error)
{
  guint delay = qurb_backoff_ms (++smsd->db_errors, DB_BACKOFF_BASE_MS, MAX_BACKOFF_MS);

  smsd->db_retry_at = g_get_monotonic_time () + (gint64) delay * 1000;
  warn (smsd, doing, error->message);
}

gboolean
qurb_smsd_db_waiting (QurbSmsd *smsd)
{
  return g_get_monotonic_time () < smsd->db_retry_at;
}

/* Errors are counted here, not by the modem: after any of them the
 * modem is closed and opened again, sooner after the first than after
 * the fifth. */
void
qurb_smsd_modem_failed (Runner *runner, const GError *error)
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
void
qurb_smsd_heartbeat (Runner *runner)
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

gboolean
qurb_smsd_ensure_connected (Runner *runner)
{
  g_autoptr(GError) error = NULL;

  if (runner->connected)
    return TRUE;
  if (g_get_monotonic_time () < runner->retry_at)
    return FALSE;
  if (!runner->modem->ops->connect (runner->modem, &error))
    {
      qurb_smsd_modem_failed (runner, error);
      return FALSE;
    }
  runner->connected = TRUE;
  read_status (runner, TRUE);
  runner->heartbeat_at = 0;
  return TRUE;
}

/* Connected, and its signal and network read again when due. */
gboolean
qurb_smsd_modem_ready (Runner *runner)
{
  if (!qurb_smsd_ensure_connected (runner))
    return FALSE;
  if (g_get_monotonic_time () >= runner->status_at)
    read_status (runner, FALSE);
  return TRUE;
}

static gboolean
poll_tick (gpointer user_data)
{
  Runner *runner = user_data;
  QurbSmsd *smsd = runner->smsd;
  QurbDb *db = smsd->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = qurb_now ();

  /* Nothing is read from the modem that cannot be stored. */
  if (qurb_smsd_db_waiting (smsd) || !qurb_smsd_intake (runner))
    return G_SOURCE_CONTINUE;

  if (!qurb_smsd_config_is_quiet (smsd->config,
                                  g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)) &&
      (!qurb_reminders_queue (db, NULL, &error) || !qurb_ratings_queue (db, NULL, &error)))
    {
      qurb_smsd_db_failed (smsd, "reminders and ratings", error);
      return G_SOURCE_CONTINUE;
    }
  /* Announcements whose time has come join the outbox (any hour: the
   * outbox itself holds broadcasts through the quiet hours). */
  if (!qurb_broadcasts_queue_due (db, NULL, &error))
    {
      qurb_smsd_db_failed (smsd, "broadcasts", error);
      return G_SOURCE_CONTINUE;
    }
  smsd->db_errors = 0;
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
  smsd->running = TRUE;
  for (guint i = 0; i < smsd->runners->len; i++)
    {
      Runner *runner = smsd->runners->pdata[i];

      qurb_smsd_sender_start (runner);
      runner->poll_source = g_timeout_add (runner->config->poll_interval_ms, poll_tick, runner);
      qurb_smsd_watch_inbox (runner);
    }
}

/* Between two ticks, so no part is ever half sent: the messages under way
 * go back to the queue with the parts already sent recorded. Called
 * again (a stop, then the daemon freed), it has nothing more to do. */
void
qurb_smsd_stop (QurbSmsd *smsd)
{
  if (!smsd->running)
    return;
  smsd->running = FALSE;
  for (guint i = 0; i < smsd->runners->len; i++)
    {
      Runner *runner = smsd->runners->pdata[i];

      g_clear_handle_id (&runner->poll_source, g_source_remove);
      g_clear_handle_id (&runner->answer_source, g_source_remove);
      g_clear_handle_id (&runner->intake_source, g_source_remove);
      qurb_smsd_sender_stop (runner);
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
      g_clear_pointer (&runner->flights, g_ptr_array_unref);
      g_free (runner->network);
      g_free (runner);
    }
  g_ptr_array_unref (smsd->runners);
  qurb_log_limit_free (smsd->log_limit);
  qurb_smsd_config_free (smsd->config);
  g_free (smsd);
}
