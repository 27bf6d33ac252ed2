/* main.c — qurb-kiosk: the touch kiosk in an agency lobby */
#include "config.h"

#include <locale.h>

#include "qurb-agency.h"
#include "qurb-checkin-window.h"
#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-kiosk-voice.h"
#include "qurb-kiosk-window.h"
#include "qurb-staff-window.h"
#include "qurb-schema.h"

typedef struct {
  gchar *db_option;
  gchar *config_path;
  gboolean windowed;
  gboolean staff;
  gboolean checkin;      /* the caravan's check-in tablet */
  gchar *caravan;        /* --caravan: the caravan it checks in, or NULL: any of today */
  gboolean first_frame;  /* benchmarks: print the time of the first frame, quit */
  gboolean version;
  gchar *db_path;       /* resolved */
  guint idle_seconds;
  gchar *lang;
  gchar *agency_code, *agency_name, *provinces;   /* [agency] */
  gboolean voice;                                 /* [kiosk] voice */
  guint voice_volume;                             /* [kiosk] voice-volume, 0–100 */
  gchar *printer;                                 /* [kiosk] printer */
  gchar *key_path;                                /* [tickets] key */
  QurbDb *db;
} Kiosk;

/* [kiosk] voice: off unless asked for. */
static gboolean
read_switch (GKeyFile *file, const gchar *group, const gchar *key, gboolean *out, const gchar *origin,
             GError **error)
{
  g_autofree gchar *value = qurb_config_value (file, group, key);

  if (value == NULL || *value == '\0' || g_ascii_strcasecmp (value, "false") == 0 ||
      g_ascii_strcasecmp (value, "no") == 0 || g_str_equal (value, "0"))
    *out = FALSE;
  else if (g_ascii_strcasecmp (value, "true") == 0 || g_ascii_strcasecmp (value, "yes") == 0 ||
           g_str_equal (value, "1"))
    *out = TRUE;
  else
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: [%s] %s must be true or false, not \"%s\"", origin, group, key, value);
      return FALSE;
    }
  return TRUE;
}

/* [database] path, [kiosk] idle-seconds, language, voice, voice-volume
 * and printer, [tickets] key, [agency] code, name and provinces
 * (DESIGN.md section 6); a missing file is not an error (everything has
 * a default), a broken one is. */
static gboolean
load_config (Kiosk *kiosk, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  const gchar *path = kiosk->config_path ? kiosk->config_path : QURB_DEFAULT_CONFIG;
  g_autofree gchar *config_db = NULL, *lang = NULL;

  kiosk->idle_seconds = 60;
  kiosk->lang = g_strdup ("ar");
  kiosk->voice_volume = 80;
  kiosk->key_path = qurb_ticket_key_path (NULL);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (kiosk->config_path == NULL && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }
  config_db = qurb_config_value (file, "database", "path");
  if (kiosk->db_option == NULL && config_db != NULL && *config_db != '\0' && g_getenv ("QURB_DB") == NULL)
    kiosk->db_option = g_steal_pointer (&config_db);
  if (!qurb_config_number (file, "kiosk", "idle-seconds", 60, 10, 3600, &kiosk->idle_seconds, path, error) ||
      !read_switch (file, "kiosk", "voice", &kiosk->voice, path, error) ||
      !qurb_config_number (file, "kiosk", "voice-volume", 80, 0, 100, &kiosk->voice_volume, path, error))
    return FALSE;
  g_free (kiosk->key_path);
  kiosk->key_path = qurb_ticket_key_path (file);
  kiosk->printer = qurb_ticket_printer (file);
  kiosk->agency_code = qurb_config_value (file, "agency", "code");
  kiosk->agency_name = qurb_config_value (file, "agency", "name");
  kiosk->provinces = qurb_config_value (file, "agency", "provinces");
  lang = qurb_config_value (file, "kiosk", "language");
  if (lang != NULL && (g_str_equal (lang, "fr") || g_str_equal (lang, "ar")))
    {
      g_free (kiosk->lang);
      kiosk->lang = g_steal_pointer (&lang);
    }
  return TRUE;
}

static void
first_frame_painted (GdkFrameClock *clock, GtkWindow *window)
{
  g_print ("first-frame-us=%" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
window_mapped (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted), window);
}

static void
activate (GtkApplication *app, Kiosk *kiosk)
{
  g_autoptr(QurbKioskSession) session = NULL;
  GtkWidget *window;

  qurb_kiosk_init_resources ();
  session = qurb_kiosk_session_new (kiosk->db, kiosk->lang, kiosk->idle_seconds);
  qurb_kiosk_session_set_agency (session, kiosk->agency_code, kiosk->agency_name, kiosk->provinces);
  /* The agency box's kiosk may make the ticket key; a check-in tablet
   * only reads its copy. */
  qurb_kiosk_session_set_tickets (session, qurb_kiosk_tickets_new (kiosk->key_path,
                                                                   kiosk->checkin ? QURB_TICKET_KEY_LOAD
                                                                                  : QURB_TICKET_KEY_CREATE,
                                                                   kiosk->checkin ? NULL : kiosk->printer));
  if (kiosk->voice && !kiosk->staff && !kiosk->checkin)
    {
      g_autoptr(GError) error = NULL;
      QurbKioskVoice *voice = qurb_kiosk_voice_new (kiosk->voice_volume, &error);

      /* No sound here: the kiosk runs silent, and says so once. */
      if (voice == NULL)
        g_warning ("voice guidance is off: %s", error->message);
      qurb_kiosk_session_set_voice (session, voice);
    }
  /* The staff console is a window on the staff's desk, not the lobby's. */
  if (kiosk->checkin)
    window = GTK_WIDGET (qurb_checkin_window_new (session, kiosk->caravan, !kiosk->windowed));
  else
    window = kiosk->staff ? GTK_WIDGET (qurb_staff_window_new (session))
                          : GTK_WIDGET (qurb_kiosk_window_new (session, !kiosk->windowed));
  gtk_window_set_application (GTK_WINDOW (window), app);
  if (kiosk->first_frame)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static gint
handle_local_options (GApplication *app, GVariantDict *options, Kiosk *kiosk)
{
  g_autoptr(GError) error = NULL;

  if (kiosk->version)
    {
      g_print ("qurb-kiosk %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* A kiosk without its catalogues would greet members in English. */
  if (!qurb_i18n_require ("ar", &error) || !qurb_i18n_require ("fr", &error))
    {
      g_printerr ("qurb-kiosk: %s\n", error->message);
      return 1;
    }
  if (!load_config (kiosk, &error))
    {
      g_printerr ("qurb-kiosk: %s\n", error->message);
      return 1;
    }
  if (kiosk->caravan != NULL && !kiosk->checkin)
    {
      g_printerr ("qurb-kiosk: --caravan goes with --checkin\n");
      return 2;
    }
  kiosk->db_path = g_strdup (qurb_db_resolve_path (kiosk->db_option));
  kiosk->db = qurb_db_open (kiosk->db_path, &error);
  if (kiosk->db == NULL || !qurb_schema_repair (kiosk->db, &error) ||
      !qurb_agency_configure_file (kiosk->db, kiosk->config_path ? kiosk->config_path : QURB_DEFAULT_CONFIG,
                                   kiosk->config_path != NULL, &error))
    {
      g_printerr ("qurb-kiosk: %s\n", error->message);
      return 1;
    }
  return -1;  /* go on */
}

int
main (int argc, char **argv)
{
  Kiosk kiosk = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &kiosk.db_option, "The database (default: $QURB_DB, then the configuration)", "PATH" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &kiosk.config_path, "The configuration file (default: " QURB_DEFAULT_CONFIG ")", "PATH" },
    { "staff", 0, 0, G_OPTION_ARG_NONE, &kiosk.staff, "The staff console (PIN): compose and follow announcements", NULL },
    { "checkin", 0, 0, G_OPTION_ARG_NONE, &kiosk.checkin, "The caravan's check-in screen (a barcode scanner types tickets in)", NULL },
    { "caravan", 0, 0, G_OPTION_ARG_STRING, &kiosk.caravan, "With --checkin: the caravan checked in (default: any caravan of today)", "CODE" },
    { "windowed", 0, 0, G_OPTION_ARG_NONE, &kiosk.windowed, "A window that can be closed, not the locked-down full screen", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &kiosk.version, "Print the version", NULL },
    { "bench-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &kiosk.first_frame, "Print when the first frame is painted, then quit (bench/)", NULL },
    { NULL }
  };
  g_autoptr(GtkApplication) app = NULL;
  gint status;

  setlocale (LC_ALL, "");
  app = gtk_application_new ("ma.qurb.Kiosk", G_APPLICATION_NON_UNIQUE);
  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), &kiosk);
  g_signal_connect (app, "activate", G_CALLBACK (activate), &kiosk);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_clear_pointer (&kiosk.db, qurb_db_close);
  g_free (kiosk.db_option);
  g_free (kiosk.config_path);
  g_free (kiosk.db_path);
  g_free (kiosk.lang);
  g_free (kiosk.agency_code);
  g_free (kiosk.agency_name);
  g_free (kiosk.provinces);
  g_free (kiosk.printer);
  g_free (kiosk.key_path);
  g_free (kiosk.caravan);
  return status;
}
