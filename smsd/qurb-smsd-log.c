/* qurb-smsd-log.c — the daemon's journal: modem and message as fields,
 * members' numbers masked */
#include "config.h"

#include "qurb-phone.h"
#include "qurb-smsd-log.h"

/* Logs carry the modem and the message as journal fields (QURB_MODEM=,
 * QURB_MESSAGE_ID=; message_id 0 for none) beside a text whose numbers
 * are masked, so that `journalctl QURB_MESSAGE_ID=42` finds a message's
 * story without anyone reading a member's number. */
void
qurb_smsd_log (GLogLevelFlags level, const gchar *modem, gint64 message_id, const gchar *format, ...)
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
    g_log_structured (G_LOG_DOMAIN, level, "QURB_MODEM", modem, "QURB_MESSAGE_ID", id,
                      "MESSAGE", "%s", text);
  else
    g_log_structured (G_LOG_DOMAIN, level, "QURB_MODEM", modem, "MESSAGE", "%s", text);
}

/* A number for the log: masked unless debug output was asked for. */
gchar *
qurb_smsd_masked (const gchar *number)
{
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return qurb_phone_mask (number);
  return g_strdup (number);
}
