/* cmd-access.c — qurbctl member set-phone and unlock: what the desk does
 * for a member the kiosk cannot help */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-identify.h"
#include "qurb-lockout.h"
#include "qurb-phone.h"
#include "qurb-phone-register.h"
#include "qurbctl.h"

gint
qurbctl_cmd_member_set_phone (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbMember) member = NULL;
  g_autofree gchar *phone = NULL;
  gboolean none = FALSE;
  GOptionEntry entries[] = {
    { "none", 0, 0, G_OPTION_ARG_NONE, &none, N_("Remove the member's phone"), NULL },
    { NULL }
  };

  if (!qurbctl_parse_options (_("MEMBER_NO [PHONE]"),
                              _("Register a member's mobile phone, seen at the desk (any Moroccan form:\n"
                                "06…, +2126…); imports keep it. The change is written to the audit log."),
                              entries, &argc, &argv, 1, 2) || (argc == 3) == none)
    return QURBCTL_USAGE;
  if (!none && (phone = qurb_phone_normalize (argv[2])) == NULL)
    {
      g_printerr (_("qurbctl: “%s” is not a Moroccan mobile number\n"), argv[2]);
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL || (member = qurbctl_find_member (db, argv[1])) == NULL)
    return QURBCTL_FAILED;
  if (!qurb_member_set_phone (db, member->id, phone, "staff", &error))
    return qurbctl_fail (error);
  g_print (_("Member %s: phone %s\n"), member->member_no, phone ? phone : _("none"));
  return QURBCTL_OK;
}

gint
qurbctl_cmd_unlock (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *subject = NULL;
  gboolean kiosk = FALSE, lifted = FALSE;
  GOptionEntry entries[] = {
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &kiosk, N_("The argument is a kiosk ([agency] code), not a member number"), NULL },
    { NULL }
  };

  if (!qurbctl_parse_options (_("MEMBER_NO | --kiosk CODE"),
                              _("Lift the lock on a member number (many wrong CINs at the kiosks), or\n"
                                "a kiosk's slow-down, at once. Written to the audit log."),
                              entries, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (kiosk)
    subject = qurb_kiosk_subject (argv[1]);
  else
    {
      g_autoptr(QurbMember) member = qurbctl_find_member (db, argv[1]);

      if (member == NULL)
        return QURBCTL_FAILED;
      subject = g_strconcat ("member:", member->member_no, NULL);
    }
  if (!qurb_lockout_lift (db, subject, "staff", &lifted, &error))
    return qurbctl_fail (error);
  g_print (lifted ? _("%s: unlocked\n") : _("%s: was not locked\n"), argv[1]);
  return QURBCTL_OK;
}
