/* qurb-modem-gammu.h — a modem through libGammu, and Gammu's smsbackup files */
#pragma once

#include "qurb-modem.h"

G_BEGIN_DECLS

typedef struct {
  const gchar *name;          /* the config section, "modem" or "modem:2" */
  const gchar *device;        /* /dev/serial/by-id/…, or a folder for model=dummy */
  const gchar *connection;    /* any Gammu connection: at, at115200, none, … */
  const gchar *model;         /* "" to detect, "dummy" in tests */
  const gchar *capture_dir;   /* NULL, or where each sent part is also written */
  guint send_timeout_ms;
  gboolean delivery_reports;  /* ask the network to report each delivery */
} QurbGammuConfig;

QurbModem *qurb_modem_gammu_new     (const QurbGammuConfig *config);

/* Gammu smsbackup files: the dummy driver's inbox, and capture-dir. */
gboolean   qurb_gammu_write_part    (const gchar         *path,
                                     const QurbModemPart *part,
                                     GError             **error);
GPtrArray *qurb_gammu_read_parts    (const gchar  *path,
                                     GError      **error);

G_END_DECLS
