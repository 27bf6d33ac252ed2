/* main.c — qurb-smsd: the SMS daemon on one or more GSM modems */
#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "qurb-agency.h"
#include "qurb-i18n.h"
#include "qurb-modem-gammu.h"
#include "qurb-sd-notify.h"
#include "qurb-modem-kannel.h"
#include "qurb-smsd.h"

typedef struct {
  GMainLoop *loop;
  QurbDb *db;
  QurbSmsd *smsd;
  const gchar *config_path;
  const gchar *only_modem;
  gboolean stopping;
} Daemon;

/* The modems of config (or just the one asked for): GSM modems through
 * libGammu, Kannel's smsbox for [kannel] sections. */
static QurbSmsd *
build (Daemon *daemon, GError **error)
{
  g_autoptr(QurbSmsdConfig) config = qurb_smsd_config_load (daemon->config_path, error);
  g_autoptr(GPtrArray) modems = NULL;

  if (config == NULL)
    return NULL;
  if (daemon->only_modem != NULL)
    for (guint i = config->modems->len; i-- > 0;)
      if (g_strcmp0 (((QurbModemConfig *) config->modems->pdata[i])->name, daemon->only_modem) != 0)
        g_ptr_array_remove_index (config->modems, i);
  if (config->modems->len == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s: no [%s] section"), daemon->config_path, daemon->only_modem);
      return NULL;
    }
  modems = g_ptr_array_new ();
  for (guint i = 0; i < config->modems->len; i++)
    {
      QurbModemConfig *m = config->modems->pdata[i];
      QurbGammuConfig gammu = { m->name, m->device, m->connection, m->model, m->capture_dir, 0,
                                m->delivery_reports };
      QurbModem *modem = m->kannel ? qurb_modem_kannel_new (m->name, m->kannel, error)
                                   : qurb_modem_gammu_new (&gammu);

      if (modem == NULL)
        {
          for (guint j = 0; j < modems->len; j++)
            qurb_modem_free (modems->pdata[j]);
          return NULL;
        }
      g_ptr_array_add (modems, modem);
    }
  return qurb_smsd_new (daemon->db, g_steal_pointer (&config), modems);
}

static gboolean
on_stop (gpointer user_data)
{
  Daemon *daemon = user_data;

  g_message ("stopping");
  daemon->stopping = TRUE;
  qurb_sd_notify ("STOPPING=1");
  qurb_smsd_stop (daemon->smsd);
  g_main_loop_quit (daemon->loop);
  return G_SOURCE_REMOVE;
}

/* SIGHUP: the configuration again, modems reopened. */
static gboolean
on_reload (gpointer user_data)
{
  Daemon *daemon = user_data;
  g_autoptr(GError) error = NULL;
  QurbSmsd *fresh;

  /* A stop waits for the parts on their way, turning the main loop: no
   * reload in the middle of it. */
  if (daemon->stopping)
    return G_SOURCE_CONTINUE;
  qurb_sd_notify ("RELOADING=1");
  fresh = build (daemon, &error);
  if (fresh == NULL)
    g_warning ("reload: %s; keeping the running configuration", error->message);
  else
    {
      g_message ("configuration reloaded");
      qurb_smsd_free (daemon->smsd);
      daemon->smsd = fresh;
      qurb_smsd_start (daemon->smsd);
    }
  qurb_sd_notify ("READY=1");
  return G_SOURCE_CONTINUE;
}

/* The main loop turns: the modems' timers are not stuck in a call that
 * never returns (systemd restarts a daemon that stops saying so). */
static gboolean
on_watchdog (gpointer user_data)
{
  qurb_sd_notify ("WATCHDOG=1");
  return G_SOURCE_CONTINUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *config_path = NULL, *db_path = NULL, *only_modem = NULL;
  gboolean debug = FALSE, version = FALSE;
  Daemon daemon = { 0 };
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path, N_("The configuration file"), N_("PATH") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database (overrides the configuration)"), N_("PATH") },
    { "modem", 'm', 0, G_OPTION_ARG_STRING, &only_modem, N_("Run only this [modem…] section"), N_("NAME") },
    { "debug", 'd', 0, G_OPTION_ARG_NONE, &debug, N_("Log every step, numbers unmasked"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr(QurbSmsdConfig) config = NULL;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, _("Answers members' text messages and sends the outbox."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("qurb-smsd: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      printf ("qurb-smsd %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (debug)
    g_log_set_debug_enabled (TRUE);
  /* Members read Arabic or French: without both catalogues the daemon
   * would answer them in the English of the source. */
  if (!qurb_i18n_require ("ar", &error) || !qurb_i18n_require ("fr", &error))
    {
      g_printerr ("qurb-smsd: %s\n", error->message);
      return 1;
    }

  /* Before anything else, so that a SIGTERM during start-up is a clean
   * stop once the loop runs, never the default death. */
  daemon.loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_stop, &daemon);
  g_unix_signal_add (SIGINT, on_stop, &daemon);
  g_unix_signal_add (SIGHUP, on_reload, &daemon);

  daemon.config_path = config_path ? config_path : QURB_DEFAULT_CONFIG;
  daemon.only_modem = only_modem;
  config = qurb_smsd_config_load (daemon.config_path, &error);
  if (config == NULL)
    {
      g_printerr ("qurb-smsd: %s\n", error->message);
      return 1;
    }
  daemon.db = qurb_db_open (qurb_db_resolve_path (db_path ? db_path : config->db_path), &error);
  if (daemon.db == NULL || !qurb_agency_configure_file (daemon.db, daemon.config_path, TRUE, &error))
    {
      g_printerr ("qurb-smsd: %s\n", error->message);
      return 1;
    }
  daemon.smsd = build (&daemon, &error);
  if (daemon.smsd == NULL)
    {
      g_printerr ("qurb-smsd: %s\n", error->message);
      qurb_db_close (daemon.db);
      return 1;
    }

  qurb_smsd_start (daemon.smsd);
  g_message ("started on %u modem(s), database %s", config->modems->len, qurb_db_path (daemon.db));
  {
    g_autofree gchar *ready = g_strdup_printf ("READY=1\nSTATUS=answering on %u modem(s)", config->modems->len);
    guint64 watchdog_usec = qurb_sd_watchdog_usec ();

    qurb_sd_notify (ready);
    if (watchdog_usec > 0)
      g_timeout_add (MAX (watchdog_usec / 2000, 1), on_watchdog, NULL);
  }
  g_main_loop_run (daemon.loop);

  qurb_smsd_free (daemon.smsd);
  qurb_db_close (daemon.db);
  g_main_loop_unref (daemon.loop);
  return 0;
}
