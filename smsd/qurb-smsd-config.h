/* qurb-smsd-config.h — the daemon's configuration (docs/DESIGN.md section 1) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A [kannel] section: Kannel's smsbox in place of a GSM modem. */
typedef struct {
  gchar *listen;            /* address:port where smsbox posts messages and reports */
  gchar *callback_url;      /* how smsbox reaches that listener, for dlr-url */
  gchar **allow_ip;         /* who may post there; empty: anyone */
  gchar *sendsms_url;       /* smsbox's sendsms, http://host:13013/cgi-bin/sendsms */
  gchar *credentials;       /* a file of username= and password= lines */
  gchar *short_code;        /* the sender of every answer */
  gchar *smsc_id;           /* NULL, or the link answers must leave by */
  guint hold_seconds;       /* a post not stored by then is answered 503 */
  guint sendsms_window;     /* parts sent to sendsms at once, without waiting */
} QurbKannelSection;

typedef struct {
  gchar *name;              /* "modem", "modem:2", "kannel", … */
  QurbKannelSection *kannel; /* NULL for a GSM modem */
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
