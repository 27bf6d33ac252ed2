/* kannel-gateway.h — Debian's Kannel on loopback for a test: bearerbox,
 * smsbox and a simulated SMSC (fakesmsc) whose stdin is what phones send
 * and whose log is what phones receive (tests/kannel/kannel.conf.in) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  gchar *to;
  gchar *udh;               /* hex, "" for a part without a header */
  GBytes *payload;          /* the part's bytes: UTF-8, or UTF-16BE for UCS-2 */
  gboolean ucs2;            /* known as such ("ucs-2"); a part with a header does not say */
} QurbKannelMt;

typedef struct {
  gchar *dir;
  guint admin_port, smsbox_port, fake_port, bench_port, sendsms_port, app_port;
  GSubprocess *bearerbox, *smsbox, *fakesmsc;
  GOutputStream *phones;    /* fakesmsc's stdin */
  goffset log_read;         /* how far fakesmsc's log is read */
  guint sent;               /* messages fakesmsc says it sent */
  GPtrArray *mts;           /* QurbKannelMt, in the order they arrived */
} QurbKannelGateway;

gboolean           qurb_kannel_gateway_available     (void);
QurbKannelGateway *qurb_kannel_gateway_start         (const gchar *dir,
                                                      guint        http_retries,
                                                      guint        retry_delay_s);
void               qurb_kannel_gateway_start_smsbox  (QurbKannelGateway *gateway);
void               qurb_kannel_gateway_stop_smsbox   (QurbKannelGateway *gateway);
gboolean           qurb_kannel_gateway_revive_smsbox (QurbKannelGateway *gateway);
void               qurb_kannel_gateway_send          (QurbKannelGateway *gateway,
                                                      const gchar       *from,
                                                      const gchar       *to,
                                                      const gchar       *text);
guint              qurb_kannel_gateway_read_mts      (QurbKannelGateway *gateway);
gchar             *qurb_kannel_gateway_status        (QurbKannelGateway *gateway);
void               qurb_kannel_gateway_free          (QurbKannelGateway *gateway);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbKannelGateway, qurb_kannel_gateway_free)

G_END_DECLS
