/* qurb-smsd-config.c — the daemon's configuration (docs/DESIGN.md section 1) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-smsd-config.h"

static void
modem_config_free (QurbModemConfig *modem)
{
  g_free (modem->name);
  g_free (modem->device);
  g_free (modem->connection);
  g_free (modem->model);
  g_free (modem->capture_dir);
  g_free (modem);
}

void
qurb_smsd_config_free (QurbSmsdConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->db_path);
  g_ptr_array_unref (config->modems);
  g_free (config);
}

static gboolean
parse_quiet_hours (const gchar *text, gint *start, gint *end)
{
  g_auto(GStrv) ends = NULL;

  *start = *end = -1;
  if (text == NULL || *text == '\0')
    return TRUE;
  ends = g_strsplit (text, "-", 2);
  return g_strv_length (ends) == 2 &&
         qurb_parse_hhmm (g_strstrip (ends[0]), start) &&
         qurb_parse_hhmm (g_strstrip (ends[1]), end);
}

QurbSmsdConfig *
qurb_smsd_config_parse (const gchar *data, const gchar *origin, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(QurbSmsdConfig) config = g_new0 (QurbSmsdConfig, 1);
  g_auto(GStrv) groups = NULL;
  g_autofree gchar *quiet = NULL;

  config->modems = g_ptr_array_new_with_free_func ((GDestroyNotify) modem_config_free);
  if (!g_key_file_load_from_data (file, data, -1, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", origin);
      return NULL;
    }
  config->db_path = qurb_config_value (file, "database", "path");
  if (!qurb_config_number (file, "sms", "max-replies-per-hour", 10, 0, 100000, &config->max_replies_per_hour,
               origin, error))
    return NULL;
  /* Longer than a part can take to send (30 s at most), twice over. */
  if (!qurb_config_number (file, "sms", "claim-lease-seconds", 120, 1, 3600, &config->claim_lease_seconds,
               origin, error))
    return NULL;
  quiet = qurb_config_value (file, "sms", "quiet-hours");
  if (!parse_quiet_hours (quiet, &config->quiet_start, &config->quiet_end))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("%s: [sms] quiet-hours must be HH:MM-HH:MM, not “%s”"), origin, quiet);
      return NULL;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      QurbModemConfig *modem;

      if (strcmp (groups[i], "modem") != 0 && !g_str_has_prefix (groups[i], "modem:"))
        continue;
      modem = g_new0 (QurbModemConfig, 1);
      g_ptr_array_add (config->modems, modem);
      modem->name = g_strdup (groups[i]);
      modem->device = qurb_config_value (file, groups[i], "device");
      modem->connection = qurb_config_value (file, groups[i], "connection");
      modem->model = qurb_config_value (file, groups[i], "model");
      modem->capture_dir = qurb_config_value (file, groups[i], "capture-dir");
      if (modem->capture_dir != NULL && *modem->capture_dir == '\0')
        g_clear_pointer (&modem->capture_dir, g_free);
      if (modem->device == NULL || *modem->device == '\0')
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                       _("%s: [%s] has no device"), origin, groups[i]);
          return NULL;
        }
      {
        g_autofree gchar *reports = qurb_config_value (file, groups[i], "delivery-reports");
        modem->delivery_reports = reports == NULL || g_ascii_strcasecmp (reports, "no") != 0;
      }
      if (!qurb_config_number (file, groups[i], "poll-interval-ms", 2000, 50, 3600000, &modem->poll_interval_ms,
                   origin, error) ||
          !qurb_config_number (file, groups[i], "send-interval-ms", 3000, 0, 3600000, &modem->send_interval_ms,
                   origin, error) ||
          /* Below the 5 minutes after which status calls a modem lost. */
          !qurb_config_number (file, groups[i], "heartbeat-seconds", 30, 1, 240, &modem->heartbeat_seconds,
                   origin, error))
        return NULL;
    }
  if (config->modems->len == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s: no [modem] section"), origin);
      return NULL;
    }
  return g_steal_pointer (&config);
}

QurbSmsdConfig *
qurb_smsd_config_load (const gchar *path, GError **error)
{
  g_autofree gchar *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, error))
    return NULL;
  return qurb_smsd_config_parse (data, path, error);
}

/* Quiet hours may run over midnight (21:30-08:00). */
gboolean
qurb_smsd_config_is_quiet (const QurbSmsdConfig *config, gint minute)
{
  if (config->quiet_start < 0)
    return FALSE;
  if (config->quiet_start <= config->quiet_end)
    return minute >= config->quiet_start && minute < config->quiet_end;
  return minute >= config->quiet_start || minute < config->quiet_end;
}
