/* qurb-modem-kannel-private.h — the Kannel adapter's state, shared by its
 * two sides: smsbox's posts held (qurb-modem-kannel.c) and our parts
 * sent through sendsms (qurb-kannel-sendsms.c) */
#pragma once

#include <libsoup/soup.h>

#include "qurb-kannel-format.h"
#include "qurb-modem-kannel.h"

G_BEGIN_DECLS

typedef struct {
  QurbModem parent;
  QurbKannelAccount account;  /* its strings are owned below */
  gchar *listen, *callback_url, *sendsms_url, *username, *password, *short_code, *smsc_id;
  gchar **allow_ip;
  guint hold_seconds;
  SoupServer *server;         /* from the first connect to free */
  SoupSession *session;
  gboolean connected;
  GQueue held;                /* Held, oldest first */
  GHashTable *by_serial;      /* &Held.serial → Held */
  GHashTable *by_key;         /* Held.key → Held */
  guint64 next_serial;
  guint expiry_source;
  gint last_ref;              /* -1 before the first part */
  GSourceFunc wake;           /* the daemon's, when parts came in; NULL: none */
  gpointer wake_data;
  guint wake_source;
} KannelModem;

/* qurb-kannel-sendsms.c: the sendsms side of the modem operations */
gpointer qurb_kannel_encode          (QurbModem *modem, const gchar *number, const gchar *text,
                                      guint8 reference, guint *n_parts, GError **error);
gboolean qurb_kannel_send_part       (QurbModem *modem, gpointer encoded, guint index,
                                      gint *network_ref, GError **error);
gint     qurb_kannel_send_part_async (QurbModem *modem, gpointer encoded, guint index,
                                      QurbModemSentFunc done, gpointer user_data);
void     qurb_kannel_free_encoded    (gpointer encoded);
SoupSession *qurb_kannel_session_new (guint window);

G_END_DECLS
