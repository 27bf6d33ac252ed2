/* qurbctl.h — the staff and operations command line */
#pragma once

#include <glib.h>

#include "qurb-db.h"
#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-members.h"
#include "qurb-ticket-key.h"

G_BEGIN_DECLS

/* Exit statuses, fixed for scripts. */
enum {
  QURBCTL_OK = 0,
  QURBCTL_FAILED = 1,
  QURBCTL_USAGE = 2,
  QURBCTL_ROWS_SKIPPED = 3,  /* import: some rows were reported and skipped */
};

typedef struct {
  const gchar *db_path;
  const gchar *config_path;   /* NULL: $QURB_CONFIG, else the default if it exists */
} QurbctlGlobals;

typedef gint (*QurbctlCommandFunc) (const QurbctlGlobals *globals,
                                    gint                  argc,
                                    gchar               **argv);

QurbDb *qurbctl_open_db        (const QurbctlGlobals *globals);
GKeyFile *qurbctl_load_config  (const QurbctlGlobals *globals,
                                GError              **error);
const gchar *qurbctl_config_path (const QurbctlGlobals *globals);
gint    qurbctl_fail           (const GError *error);
gchar  *qurbctl_pad            (const gchar  *text,
                                glong         width);
QurbMember *qurbctl_find_member (QurbDb      *db,
                                 const gchar *member_no);
gboolean qurbctl_parse_options (const gchar   *usage,
                                const gchar   *summary,
                                GOptionEntry  *entries,
                                gint          *argc,
                                gchar       ***argv,
                                gint           min_args,
                                gint           max_args);

gint qurbctl_cmd_init     (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_import   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_demo     (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_messages (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_member   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_caravans (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_book     (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_cancel   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_broadcast (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_staff_pin (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_member_set_phone (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_unlock   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_sms_simulate (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_status   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_backup   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_prune    (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_import_drop (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_ticket   (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_ticket_key (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_checkin  (const QurbctlGlobals *globals, gint argc, gchar **argv);
gint qurbctl_cmd_report   (const QurbctlGlobals *globals, gint argc, gchar **argv);

/* The deployment's ticket key ([tickets] key=); FALSE once the reason is printed. */
gboolean qurbctl_ticket_key (const QurbctlGlobals *globals,
                             QurbTicketKeyMode     mode,
                             QurbTicketKey        *key,
                             gchar               **path);

G_END_DECLS
