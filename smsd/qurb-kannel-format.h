/* qurb-kannel-format.h — what Kannel's smsbox and qurb-smsd say to each other
 *
 * Pure: query strings and bodies in, parts and addresses out; the HTTP
 * itself is qurb-modem-kannel.c's. The shapes are those of the sms-service
 * in docs/kannel/smsbox-laa.conf.example:
 *   POST /mo?from=%p&to=%P&ts=%T&smsc=%i&coding=%c&charset=%C&id=%I  (body: the text)
 *   GET  /dlr?ref=OUR-REFERENCE&type=%d                              (our dlr-url) */
#pragma once

#include "qurb-modem.h"

G_BEGIN_DECLS

/* Kannel's delivery report types (dlr-mask bits). */
typedef enum {
  QURB_KANNEL_DLR_DELIVERED = 1,
  QURB_KANNEL_DLR_FAILED = 2,
  QURB_KANNEL_DLR_BUFFERED = 4,
  QURB_KANNEL_DLR_SMSC_ACCEPTED = 8,
  QURB_KANNEL_DLR_SMSC_REJECTED = 16,
} QurbKannelDlr;

/* Delivered, failed, rejected: the ones that say how a part ended. */
#define QURB_KANNEL_DLR_MASK (QURB_KANNEL_DLR_DELIVERED | QURB_KANNEL_DLR_FAILED | QURB_KANNEL_DLR_SMSC_REJECTED)

typedef struct {
  const gchar *sendsms_url;   /* http://host:13013/cgi-bin/sendsms */
  const gchar *username;
  const gchar *password;
  const gchar *short_code;    /* from= of every part */
  const gchar *smsc_id;       /* NULL: any link Kannel chooses */
  const gchar *callback_url;  /* http://host:port of our listener, for dlr-url */
} QurbKannelAccount;

typedef struct {
  const gchar *to;
  const gchar *text;          /* this part's text, UTF-8 */
  gboolean ucs2;
  guint8 reference;           /* our concatenation reference */
  guint total;                /* parts in the message; 1: no header */
  guint seq;                  /* 1-based */
  gint network_ref;           /* ours, carried back by the delivery report */
} QurbKannelPart;

QurbModemPart *qurb_kannel_parse_mo     (GHashTable    *query,
                                         const gchar   *charset,
                                         const guint8  *body,
                                         gsize          length,
                                         gchar        **key,
                                         GError       **error);
QurbModemPart *qurb_kannel_parse_dlr    (GHashTable    *query,
                                         gchar        **key,
                                         GError       **error);
gchar         *qurb_kannel_sendsms_url  (const QurbKannelAccount *account,
                                         const QurbKannelPart    *part);
gboolean       qurb_kannel_read_credentials (const gchar  *path,
                                             gchar       **username,
                                             gchar       **password,
                                             GError      **error);

G_END_DECLS
