/* qurb-smsd-config.h — the daemon's configuration (docs/DESIGN.md section 1) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gchar *name;              /* "modem", "modem:2", … */
  gchar *device;
  gchar *connection;
  gchar *model;
  gchar *capture_dir;       /* NULL when not set */
  guint poll_interval_ms;
  guint send_interval_ms;
  guint heartbeat_seconds;  /* how often `qurbctl status` hears of it */
  gboolean delivery_reports;
} QurbModemConfig;

typedef struct {
  gchar *db_path;           /* NULL: $QURB_DB or the default */
  GPtrArray *modems;        /* QurbModemConfig */
  guint max_replies_per_hour;
  guint claim_lease_seconds;  /* a silent daemon's message is taken over after this */
  gint quiet_start;         /* minutes since midnight; -1 for none */
  gint quiet_end;
} QurbSmsdConfig;

QurbSmsdConfig *qurb_smsd_config_load      (const gchar  *path,
                                            GError      **error);
QurbSmsdConfig *qurb_smsd_config_parse     (const gchar  *data,
                                            const gchar  *origin,
                                            GError      **error);
void            qurb_smsd_config_free      (QurbSmsdConfig *config);
gboolean        qurb_smsd_config_is_quiet  (const QurbSmsdConfig *config,
                                            gint                  minute_of_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbSmsdConfig, qurb_smsd_config_free)

G_END_DECLS
