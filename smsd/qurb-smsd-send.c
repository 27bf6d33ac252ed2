/* qurb-smsd-send.c — the outbox sent through a modem
 *
 * A message is claimed, cut into parts, and its parts go out one after
 * the other, each recorded before the next part of that message goes; the
 * message is sent with its last part.
 *
 * A GSM modem sends a part and makes us wait: one message under way, its
 * claim and each part's record a transaction of their own, one part a
 * tick (send-interval-ms), or back to back for a while when there is no
 * interval. Kannel's smsbox answers each part on its own time: up to
 * `window` messages are under way, claimed together in one transaction,
 * the next part of each on its way at once, and the parts that came back
 * meanwhile recorded together in one transaction. So a kill may send
 * again one part per message under way — the parts on their way, not yet
 * recorded — where a modem repeats at most one. */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-smsd-log.h"
#include "qurb-smsd-private.h"

#define MAX_SEND_ATTEMPTS 5
/* With no send interval, a tick sends back to back this long at most. */
#define SEND_BURST_US (200 * 1000)
/* Through Kannel: messages under way at first, below smsbox's listen
 * backlog; again after this long with nothing sent (its connections may
 * be closed by then). */
#define RAMP_START 8
#define RAMP_IDLE_US (10 * G_USEC_PER_SEC)

typedef QurbSmsdRunner Runner;
typedef QurbSmsdFlight Flight;

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

static void
flight_free (Flight *flight)
{
  if (flight->encoded != NULL)
    flight->runner->modem->ops->free_encoded (flight->encoded);
  qurb_outbox_item_clear (&flight->item);
  g_free (flight);
}

/* Never while a part of it is on its way. */
static void
drop (Flight *flight)
{
  g_assert (!flight->under_way);
  g_ptr_array_remove_fast (flight->runner->flights, flight);
}

static void
send_failed (Flight *flight, const GError *error)
{
  Runner *runner = flight->runner;
  g_autoptr(GError) local_error = NULL;

  if (!qurb_outbox_retry_later (runner->smsd->db, &flight->item, runner->modem->name, error->message,
                                MAX_SEND_ATTEMPTS, &local_error))
    qurb_smsd_db_failed (runner->smsd, "outbox", local_error);
  drop (flight);
}

/* Every part that went out and is not recorded yet into the database, in
 * one transaction; a message is sent after its last part. Kept for later
 * when the database fails. */
static gboolean
record_parts (Runner *runner)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (QurbOutboxSentPart));
  g_autoptr(GPtrArray) recorded = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 stamp = real_ms ();

  for (guint i = 0; i < runner->flights->len; i++)
    {
      Flight *flight = runner->flights->pdata[i];
      QurbOutboxSentPart part = { &flight->item, flight->next_part, flight->n_parts, flight->network_ref };

      if (!flight->unrecorded)
        continue;
      g_array_append_val (parts, part);
      g_ptr_array_add (recorded, flight);
    }
  if (parts->len == 0)
    return TRUE;
  if (runner->reports_held)
    qurb_smsd_intake_soon (runner);   /* after this commit, their parts are there */
  if (!qurb_outbox_parts_sent (runner->smsd->db, runner->modem->name, lease_ms (runner),
                               (QurbOutboxSentPart *) parts->data, parts->len, &error))
    {
      qurb_smsd_db_failed (runner->smsd, "recording a part sent", error);
      return FALSE;
    }
  for (guint i = 0; i < recorded->len; i++)
    {
      Flight *flight = recorded->pdata[i];
      gint64 id = flight->item.id;

      flight->unrecorded = FALSE;
      flight->lease_from = stamp;
      if (!g_array_index (parts, QurbOutboxSentPart, i).ours)
        {
          qurb_smsd_log (G_LOG_LEVEL_MESSAGE, runner->modem->name, id, "message %" G_GINT64_FORMAT
                         ": its claim lapsed; another modem sends it whole", id);
          drop (flight);
        }
      else if (flight->next_part >= flight->n_parts)
        {
          g_autofree gchar *who = qurb_smsd_masked (flight->item.peer);

          qurb_smsd_log (G_LOG_LEVEL_MESSAGE, runner->modem->name, id, "message %" G_GINT64_FORMAT
                         " sent to %s in %u parts", id, who, flight->n_parts);
          drop (flight);
        }
    }
  return TRUE;
}

/* Up to max more messages claimed, in one transaction, each cut into
 * parts; FALSE when none was (none waits, or the database failed). */
static gboolean
claim_more (Runner *runner, guint max)
{
  QurbSmsd *smsd = runner->smsd;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = qurb_now ();
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (QurbOutboxItem));
  gboolean quiet = qurb_smsd_config_is_quiet (smsd->config,
                                              g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));
  gint64 stamp = real_ms ();

  if (!qurb_outbox_claim_many (smsd->db, runner->modem->name, !quiet, lease_ms (runner), max, items, &error))
    {
      qurb_smsd_db_failed (smsd, "outbox", error);
      return FALSE;
    }
  runner->outbox_empty = items->len < max;
  for (guint i = 0; i < items->len; i++)
    {
      Flight *flight = g_new0 (Flight, 1);

      flight->runner = runner;
      flight->item = g_array_index (items, QurbOutboxItem, i);
      flight->lease_from = stamp;
      g_ptr_array_add (runner->flights, flight);
      flight->encoded = runner->modem->ops->encode (runner->modem, flight->item.peer, flight->item.text,
                                                    flight->item.reference, &flight->n_parts, &error);
      if (flight->encoded == NULL)
        {
          send_failed (flight, error);
          g_clear_error (&error);
          continue;
        }
      flight->next_part = MIN (flight->item.parts_sent, flight->n_parts);
      /* Every part out already (an older run): only the record is missing. */
      if (flight->next_part == flight->n_parts)
        {
          flight->unrecorded = TRUE;
          flight->network_ref = -1;
        }
    }
  return items->len > 0;
}

/* Half the lease gone (a slow modem, a long send interval): renewed
 * before the part, so that no part is ever sent on a claim that may lapse
 * during the send. 1: send; 0: the message is another modem's now
 * (dropped); -1: the database failed. */
static gint
renew_if_due (Flight *flight)
{
  Runner *runner = flight->runner;
  g_autoptr(GError) error = NULL;
  gint64 stamp = real_ms ();
  gboolean ours = FALSE;

  if (stamp - flight->lease_from <= lease_ms (runner) / 2)
    return 1;
  if (!qurb_outbox_renew (runner->smsd->db, &flight->item, runner->modem->name, lease_ms (runner), &ours,
                          &error))
    {
      qurb_smsd_db_failed (runner->smsd, "outbox", error);
      return -1;
    }
  if (!ours)
    {
      g_message ("message %" G_GINT64_FORMAT ": its claim lapsed; another modem sends it whole",
                 flight->item.id);
      drop (flight);
      return 0;
    }
  flight->lease_from = stamp;
  return 1;
}

static void
part_went (Flight *flight, gint network_ref)
{
  flight->runner->errors = 0;
  flight->next_part++;
  flight->unrecorded = TRUE;
  flight->network_ref = network_ref;
}

/* A modem: sends one part and waits for it; FALSE when there was nothing
 * to send or it failed. */
static gboolean
send_one_part (Runner *runner)
{
  g_autoptr(GError) error = NULL;
  gint network_ref = -1;
  Flight *flight;

  if (qurb_smsd_db_waiting (runner->smsd) || !qurb_smsd_ensure_connected (runner))
    return FALSE;
  if (runner->flights->len == 0 && !claim_more (runner, 1))
    return FALSE;
  if (runner->flights->len == 0)
    return FALSE;   /* it could not be encoded */
  flight = runner->flights->pdata[0];
  if (flight->unrecorded)
    return record_parts (runner);
  switch (renew_if_due (flight))
    {
    case -1: return FALSE;
    case 0: return TRUE;
    default: break;
    }
  if (!runner->modem->ops->send_part (runner->modem, flight->encoded, flight->next_part, &network_ref, &error))
    {
      send_failed (flight, error);
      qurb_smsd_modem_failed (runner, error);
      return FALSE;
    }
  part_went (flight, network_ref);
  return record_parts (runner);
}

static void pump (Runner *runner);

static gboolean
on_pump (gpointer user_data)
{
  Runner *runner = user_data;

  runner->pump_source = 0;
  pump (runner);
  return G_SOURCE_REMOVE;
}

/* Once the main loop has dispatched what is ready (parts that came back
 * together are recorded together). */
static void
pump_soon (Runner *runner)
{
  if (runner->smsd->running && runner->pump_source == 0)
    runner->pump_source = g_idle_add (on_pump, runner);
}

static void
on_part_sent (gint network_ref, const GError *error, gpointer user_data)
{
  Flight *flight = user_data;
  Runner *runner = flight->runner;

  flight->under_way = FALSE;
  runner->under_way--;
  if (error == NULL)
    {
      part_went (flight, network_ref);
      runner->ramp = MIN (runner->ramp + 1, runner->window);
      runner->last_sent_at = g_get_monotonic_time ();
    }
  else
    {
      gboolean first = runner->connected;

      send_failed (flight, error);
      runner->ramp = MIN (RAMP_START, runner->window);
      /* smsbox gone fails every part on its way: one reconnection. */
      if (first)
        qurb_smsd_modem_failed (runner, error);
    }
  pump_soon (runner);
}

/* Kannel: the parts that came back recorded, more messages claimed while
 * there is room, and the next part of each message sent off. */
static void
pump (Runner *runner)
{
  gboolean unrecorded = FALSE;
  gint renewed;

  if (qurb_smsd_db_waiting (runner->smsd) || !record_parts (runner) ||
      !qurb_smsd_ensure_connected (runner))
    return;
  if (runner->under_way == 0 && g_get_monotonic_time () - runner->last_sent_at > RAMP_IDLE_US)
    runner->ramp = MIN (RAMP_START, runner->window);
  if (!runner->outbox_empty && runner->flights->len < runner->ramp)
    claim_more (runner, runner->ramp - runner->flights->len);
  for (guint i = 0; i < runner->flights->len && !qurb_smsd_db_waiting (runner->smsd);)
    {
      Flight *flight = runner->flights->pdata[i];

      unrecorded |= flight->unrecorded;
      if (flight->under_way || flight->unrecorded)
        {
          i++;
          continue;
        }
      renewed = renew_if_due (flight);
      if (renewed < 0)
        break;
      if (renewed == 0)
        continue;   /* dropped: another flight is at i now */
      flight->under_way = TRUE;
      runner->under_way++;
      flight->network_ref = runner->modem->ops->send_part_async (runner->modem, flight->encoded,
                                                                 flight->next_part, on_part_sent, flight);
      i++;
    }
  /* claimed with every part out already (an older run): recorded next */
  if (unrecorded)
    pump_soon (runner);
}

/* send-interval-ms is the least time between two parts: one part a tick;
 * with no interval, parts go back to back for a while each tick. Through
 * Kannel, the tick only looks for what others queued meanwhile. */
static gboolean
send_tick (gpointer user_data)
{
  Runner *runner = user_data;
  gint64 until = g_get_monotonic_time () + SEND_BURST_US;

  if (runner->window > 1)
    {
      runner->outbox_empty = FALSE;
      pump (runner);
      return G_SOURCE_CONTINUE;
    }
  while (send_one_part (runner) && runner->config->send_interval_ms == 0 &&
         g_get_monotonic_time () < until)
    ;
  return G_SOURCE_CONTINUE;
}

/* Whether a delivery report on network_ref is early: its part is still
 * on its way or not recorded yet (smsbox may post a report before its
 * answer to our sendsms comes in). */
gboolean
qurb_smsd_sender_awaits (Runner *runner, gint network_ref)
{
  for (guint i = 0; runner->flights != NULL && i < runner->flights->len; i++)
    {
      Flight *flight = runner->flights->pdata[i];

      if ((flight->under_way || flight->unrecorded) && flight->network_ref == network_ref)
        return TRUE;
    }
  return FALSE;
}

/* Answers were queued: sent now, not at the next tick. */
void
qurb_smsd_sender_wake (Runner *runner)
{
  if (runner->window <= 1)
    return;
  runner->outbox_empty = FALSE;
  pump_soon (runner);
}

void
qurb_smsd_sender_start (Runner *runner)
{
  const QurbModemConfig *config = runner->config;
  g_autoptr(GError) error = NULL;

  if (runner->flights == NULL)
    runner->flights = g_ptr_array_new_with_free_func ((GDestroyNotify) flight_free);
  runner->window = runner->modem->ops->send_part_async != NULL && config->send_interval_ms == 0 &&
                   config->kannel != NULL ? MAX (1, config->kannel->sendsms_window) : 1;
  runner->ramp = MIN (RAMP_START, runner->window);
  /* What this modem was sending when the last run stopped goes back. */
  if (!qurb_outbox_release (runner->smsd->db, runner->modem->name, &error))
    qurb_smsd_db_failed (runner->smsd, "outbox", error);
  runner->send_source = g_timeout_add (MAX (20, config->send_interval_ms), send_tick, runner);
}

/* The parts on their way come back first (the modem's own timeout bounds
 * the wait), so that none is sent and forgotten; then the messages under
 * way go back to the queue, their parts sent recorded. */
void
qurb_smsd_sender_stop (Runner *runner)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&runner->send_source, g_source_remove);
  g_clear_handle_id (&runner->pump_source, g_source_remove);
  while (runner->under_way > 0)
    g_main_context_iteration (NULL, TRUE);
  record_parts (runner);
  if (runner->flights->len > 0 && !qurb_outbox_release (runner->smsd->db, runner->modem->name, &error))
    g_warning ("outbox: %s", error->message);
  g_ptr_array_set_size (runner->flights, 0);
}
