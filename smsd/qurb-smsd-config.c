/* qurb-smsd-config.c — the daemon's configuration (docs/DESIGN.md section 1) */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-smsd-config.h"

static void
kannel_section_free (QurbKannelSection *kannel)
{
  if (kannel == NULL)
    return;
  g_free (kannel->listen);
  g_free (kannel->callback_url);
  g_strfreev (kannel->allow_ip);
  g_free (kannel->sendsms_url);
  g_free (kannel->credentials);
  g_free (kannel->short_code);
  g_free (kannel->smsc_id);
  g_free (kannel);
}

static void
modem_config_free (QurbModemConfig *modem)
{
  kannel_section_free (modem->kannel);
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

/* A [modem] section: a GSM modem through libGammu. */
/* Below the 5 minutes after which status calls a modem lost. */
static gboolean
heartbeat_seconds (GKeyFile *file, const gchar *group, QurbModemConfig *modem, const gchar *origin,
                   GError **error)
{
  return qurb_config_number (file, group, "heartbeat-seconds", 30, 1, 240, &modem->heartbeat_seconds,
                             origin, error);
}

static gboolean
parse_modem (GKeyFile *file, const gchar *group, QurbModemConfig *modem, const gchar *origin,
             GError **error)
{
  g_autofree gchar *reports = qurb_config_value (file, group, "delivery-reports");

  modem->device = qurb_config_value (file, group, "device");
  modem->connection = qurb_config_value (file, group, "connection");
  modem->model = qurb_config_value (file, group, "model");
  modem->capture_dir = qurb_config_value (file, group, "capture-dir");
  if (modem->capture_dir != NULL && *modem->capture_dir == '\0')
    g_clear_pointer (&modem->capture_dir, g_free);
  if (modem->device == NULL || *modem->device == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("%s: [%s] has no device"), origin, group);
      return FALSE;
    }
  modem->delivery_reports = reports == NULL || g_ascii_strcasecmp (reports, "no") != 0;
  return qurb_config_number (file, group, "poll-interval-ms", 2000, 50, 3600000, &modem->poll_interval_ms,
                             origin, error) &&
         qurb_config_number (file, group, "send-interval-ms", 3000, 0, 3600000, &modem->send_interval_ms,
                             origin, error) &&
         heartbeat_seconds (file, group, modem, origin, error);
}

/* "a, b,c" as a NULL-terminated list without empty items. */
static gchar **
split_list (const gchar *text)
{
  g_auto(GStrv) items = g_strsplit_set (text, ", ", -1);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    if (*items[i] != '\0')
      g_ptr_array_add (list, g_strdup (items[i]));
  g_ptr_array_add (list, NULL);
  return (gchar **) g_ptr_array_free (list, FALSE);
}

/* A value the section cannot do without. */
static gchar *
required (GKeyFile *file, const gchar *group, const gchar *key, const gchar *origin, GError **error)
{
  gchar *value = qurb_config_value (file, group, key);

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("%s: [%s] has no %s"), origin, group, key);
      return NULL;
    }
  return value;
}

/* "127.0.0.1:13080", "[::1]:13080": an address of this machine and a port;
 * *any when it is every address (0.0.0.0, ::). */
static gboolean
is_listen_address (const gchar *text, gboolean *any)
{
  g_autoptr(GSocketConnectable) address = g_network_address_parse (text, 0, NULL);
  g_autoptr(GInetAddress) inet = NULL;

  if (address == NULL || g_network_address_get_port (G_NETWORK_ADDRESS (address)) == 0)
    return FALSE;
  inet = g_inet_address_new_from_string (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)));
  if (inet == NULL)
    return FALSE;
  *any = g_inet_address_get_is_any (inet);
  return TRUE;
}

static gboolean
is_http_url (const gchar *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

/* A [kannel] section: Kannel's smsbox posts messages and delivery
 * reports to us and takes our answers through its sendsms. Kannel
 * throttles for the operator, so parts go back to back by default. */
static gboolean
parse_kannel (GKeyFile *file, const gchar *group, QurbModemConfig *modem, const gchar *origin,
              GError **error)
{
  QurbKannelSection *kannel = modem->kannel = g_new0 (QurbKannelSection, 1);
  g_autofree gchar *allow = qurb_config_value (file, group, "allow-ip");
  gboolean any_address = FALSE;

  if ((kannel->listen = required (file, group, "listen", origin, error)) == NULL ||
      (kannel->sendsms_url = required (file, group, "sendsms-url", origin, error)) == NULL ||
      (kannel->credentials = required (file, group, "credentials", origin, error)) == NULL ||
      (kannel->short_code = required (file, group, "short-code", origin, error)) == NULL)
    return FALSE;
  if (!is_listen_address (kannel->listen, &any_address))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("%s: [%s] listen must be an address of this machine and a port (10.8.0.12:13080), not “%s”"),
                   origin, group, kannel->listen);
      return FALSE;
    }
  kannel->callback_url = qurb_config_value (file, group, "callback-url");
  if (kannel->callback_url == NULL || *kannel->callback_url == '\0')
    {
      /* smsbox cannot call back "every address" */
      if (any_address)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                       _("%s: [%s] listens on every address: callback-url must say how smsbox reaches it"),
                       origin, group);
          return FALSE;
        }
      g_free (kannel->callback_url);
      kannel->callback_url = g_strconcat ("http://", kannel->listen, NULL);
    }
  for (const gchar *const *url = (const gchar *const[]) { kannel->sendsms_url, kannel->callback_url, NULL };
       *url != NULL; url++)
    if (!is_http_url (*url))
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     _("%s: [%s] “%s” is not an http:// address"), origin, group, *url);
        return FALSE;
      }
  kannel->smsc_id = qurb_config_value (file, group, "smsc-id");
  if (kannel->smsc_id != NULL && *kannel->smsc_id == '\0')
    g_clear_pointer (&kannel->smsc_id, g_free);
  /* Only the gateway on this machine unless told otherwise; "any" for anyone. */
  kannel->allow_ip = split_list (allow == NULL || *allow == '\0' ? "127.0.0.1,::1"
                                 : g_ascii_strcasecmp (allow, "any") == 0 ? "" : allow);
  /* sendsms-window: with Kannel's default sendsms a part waits ~40 ms for its
   * 202 (bench/RESULTS.md), so 64 parts on their way carry ~1,500 parts a
   * second; a kill may send again one part per message under way. */
  return qurb_config_number (file, group, "hold-seconds", 20, 1, 3600, &kannel->hold_seconds,
                             origin, error) &&
         qurb_config_number (file, group, "sendsms-window", 64, 1, 256, &kannel->sendsms_window,
                             origin, error) &&
         qurb_config_number (file, group, "poll-interval-ms", 200, 50, 3600000, &modem->poll_interval_ms,
                             origin, error) &&
         qurb_config_number (file, group, "send-interval-ms", 0, 0, 3600000, &modem->send_interval_ms,
                             origin, error) &&
         heartbeat_seconds (file, group, modem, origin, error);
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
      gboolean is_modem = strcmp (groups[i], "modem") == 0 || g_str_has_prefix (groups[i], "modem:");
      gboolean is_kannel = strcmp (groups[i], "kannel") == 0 || g_str_has_prefix (groups[i], "kannel:");
      QurbModemConfig *modem;

      if (!is_modem && !is_kannel)
        continue;
      modem = g_new0 (QurbModemConfig, 1);
      g_ptr_array_add (config->modems, modem);
      modem->name = g_strdup (groups[i]);
      if (is_modem ? !parse_modem (file, groups[i], modem, origin, error)
                   : !parse_kannel (file, groups[i], modem, origin, error))
        return NULL;
    }
  if (config->modems->len == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s: no [modem] or [kannel] section"), origin);
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
