/* cmd-checkin.c — qurbctl checkin: a ticket at the caravan, and a day's
 * check-ins carried from the caravan's copy of the database to the box */
#include "config.h"

#include "qurb-checkin.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurbctl.h"

/* A second scan of a booking already checked in: not a refusal, not news. */
#define QURBCTL_ALREADY_CHECKED_IN 4

static gint
export_day (QurbDb *db, const gchar *date, const gchar *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *today = qurb_today_iso ();
  guint count = 0;

  if (!qurb_checkin_export (db, date ? date : today, path, &count, &error))
    return qurbctl_fail (error);
  /* TRANSLATORS: %1$u a number of check-ins, %2$s the day, %3$s a file */
  g_print (qurb_dngettext (qurb_ui_lang (), "%1$u check-in of %2$s written to %3$s\n",
                           "%1$u check-ins of %2$s written to %3$s\n", count),
           count, date ? date : today, path);
  return QURBCTL_OK;
}

static gint
import_file (QurbDb *db, const gchar *path)
{
  g_autoptr(GError) error = NULL;
  QurbCheckinImport report;

  if (!qurb_checkin_import (db, path, &report, &error))
    {
      qurb_checkin_import_clear (&report);
      return qurbctl_fail (error);
    }
  for (guint i = 0; i < report.problems->len; i++)
    g_printerr ("%s\n", (const gchar *) report.problems->pdata[i]);
  /* TRANSLATORS: %1$u new check-ins, %2$u made earlier, %3$u already there, %4$u reported */
  g_print (_("%1$u recorded, %2$u made earlier, %3$u already there, %4$u reported\n"),
           report.recorded, report.earlier, report.unchanged, report.problems->len);
  {
    gint status = report.problems->len > 0 ? QURBCTL_ROWS_SKIPPED : QURBCTL_OK;
    qurb_checkin_import_clear (&report);
    return status;
  }
}

static gint
check_in (const QurbctlGlobals *globals, QurbDb *db, const gchar *text, const gchar *caravan)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *message = NULL;
  QurbCheckinRequest request = { text, NULL, caravan, "staff" };
  QurbCheckinResult result;
  QurbTicketKey key;
  gint status;

  /* Only a signed ticket needs the key; this device never makes one. */
  if (qurb_ticket_is_signed (text))
    {
      if (!qurbctl_ticket_key (globals, QURB_TICKET_KEY_LOAD, &key, NULL))
        return QURBCTL_FAILED;
      request.key = &key;
    }
  if (!qurb_checkin (db, &request, &result, &error))
    return qurbctl_fail (error);
  message = qurb_checkin_describe (&result, caravan, qurb_ui_lang ());
  status = result.outcome == QURB_CHECKIN_OK ? QURBCTL_OK
         : result.outcome == QURB_CHECKIN_ALREADY ? QURBCTL_ALREADY_CHECKED_IN : QURBCTL_FAILED;
  if (status == QURBCTL_FAILED)
    g_printerr ("%s\n", message);
  else
    g_print ("%s\n", message);
  qurb_checkin_result_clear (&result);
  return status;
}

gint
qurbctl_cmd_checkin (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autofree gchar *export_path = NULL, *import_path = NULL, *date = NULL, *caravan = NULL;
  GOptionEntry entries[] = {
    { "caravan", 0, 0, G_OPTION_ARG_STRING, &caravan, N_("Refuse tickets of other caravans"), N_("CODE") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, N_("Write the day's check-ins to a file"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("With --export: that day's caravans (default: today)"),
      "YYYY-MM-DD" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Record the check-ins of an exported file (the earliest scan wins)"), N_("FILE") },
    { NULL }
  };
  gint y, m, d;

  if (!qurbctl_parse_options (_("TICKET|BOOKING_CODE | --export FILE | --import FILE"),
                              _("Check a booking in at its caravan, once: a scanned ticket or a booking\n"
                                "code. Exit status 0 checked in, 4 already checked in (it says when), 1\n"
                                "refused (forged, another agency's, cancelled, another day or caravan).\n"
                                "A tablet at the caravan works on a copy of the database taken that\n"
                                "morning, and a copy of the ticket key; --export writes its day's\n"
                                "check-ins, --import records them on the agency box."),
                              entries, &argc, &argv, 0, 1))
    return QURBCTL_USAGE;
  if ((export_path != NULL) + (import_path != NULL) + (argc == 2) != 1)
    {
      g_printerr (_("qurbctl: give a ticket or booking code, or --export FILE, or --import FILE\n"));
      return QURBCTL_USAGE;
    }
  if (date != NULL && !qurb_parse_date (date, &y, &m, &d))
    {
      g_printerr (_("qurbctl: “%s” is not a date as YYYY-MM-DD\n"), date);
      return QURBCTL_USAGE;
    }
  if ((db = qurbctl_open_db (globals)) == NULL)
    return QURBCTL_FAILED;
  if (export_path != NULL)
    return export_day (db, date, export_path);
  if (import_path != NULL)
    return import_file (db, import_path);
  return check_in (globals, db, argv[1], caravan);
}
