/* qurb-kannel-sendsms.c — our parts out through smsbox's sendsms (libsoup 3)
 *
 * One GET a part, as a modem sends: 202 is sent, 4xx refused, anything
 * else a failure. Either waited for (send_part) or not (send_part_async:
 * the daemon keeps several on their way, on as many kept-alive
 * connections). Each part asks for its delivery reports at our listener,
 * with our own reference for it. */
#include "config.h"

#include <string.h>

#include "qurb-modem-kannel-private.h"
#include "qurb-segments.h"

#define SENDSMS_TIMEOUT_SECONDS 10

typedef struct {
  gchar *number;
  GPtrArray *pieces;
  gboolean ucs2;
  guint8 reference;
} Encoded;

/* An asynchronous send, until smsbox answers. */
typedef struct {
  QurbModemSentFunc done;
  gpointer user_data;
  SoupMessage *msg;
  gint network_ref;
  GError *error;              /* failed before anything was sent */
} Sending;

/* Straight to smsbox: no system proxy between us and our gateway; as many
 * connections as parts on their way. */
SoupSession *
qurb_kannel_session_new (guint window)
{
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (NULL, NULL);

  return soup_session_new_with_options ("proxy-resolver", resolver, "timeout", SENDSMS_TIMEOUT_SECONDS,
                                        "max-conns", MAX (window, 2), "max-conns-per-host", MAX (window, 2),
                                        NULL);
}

/* Cut at spaces by our own segment maths, in the alphabet it chooses. */
gpointer
qurb_kannel_encode (QurbModem *modem, const gchar *number, const gchar *text, guint8 reference,
                    guint *n_parts, GError **error)
{
  g_autoptr(GPtrArray) pieces = qurb_sms_split (text);
  QurbSegments segments;
  Encoded *encoded;

  if (number == NULL || *number == '\0' || pieces->len == 0 || pieces->len > 255)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "text or number cannot be encoded");
      return NULL;
    }
  qurb_sms_segments (text, &segments);
  encoded = g_new0 (Encoded, 1);
  encoded->number = g_strdup (number);
  encoded->pieces = g_steal_pointer (&pieces);
  encoded->ucs2 = segments.encoding == QURB_ENCODING_UCS2;
  encoded->reference = reference;
  *n_parts = encoded->pieces->len;
  return encoded;
}

void
qurb_kannel_free_encoded (gpointer encoded_ptr)
{
  Encoded *encoded = encoded_ptr;

  g_free (encoded->number);
  g_ptr_array_unref (encoded->pieces);
  g_free (encoded);
}

/* Our reference for a part, carried back by its delivery report: the
 * wall clock's milliseconds (31 bits, round again after 24.8 days), one
 * more than the last when that is not later, so that it stays unique
 * across restarts too. */
static gint
next_network_ref (KannelModem *self)
{
  gint ref = (gint) ((g_get_real_time () / 1000) & G_MAXINT);

  if (self->last_ref >= 0)
    {
      guint32 ahead = ((guint32) ref - (guint32) self->last_ref) & G_MAXINT;

      if (ahead == 0 || ahead >= 1u << 30)
        ref = (self->last_ref + 1) & G_MAXINT;
    }
  self->last_ref = ref;
  return ref;
}

/* The request for part index, and the reference it carries. */
static SoupMessage *
sendsms_message (KannelModem *self, Encoded *encoded, guint index, gint *network_ref, GError **error)
{
  QurbKannelPart part = { encoded->number, encoded->pieces->pdata[index], encoded->ucs2, encoded->reference,
                          encoded->pieces->len, index + 1, next_network_ref (self) };
  g_autofree gchar *url = qurb_kannel_sendsms_url (&self->account, &part);
  SoupMessage *msg = soup_message_new ("GET", url);

  if (msg == NULL)
    {
      /* Not the URL: it holds the password. */
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "sendsms-url is not a URL");
      return NULL;
    }
  *network_ref = part.network_ref;
  return msg;
}

/* The first line of smsbox's answer ("0: Accepted for delivery"), short. */
static gchar *
answer_text (GBytes *body)
{
  gsize length;
  const gchar *data = g_bytes_get_data (body, &length);
  g_autofree gchar *text = g_strndup (data, MIN (length, 120));

  text[strcspn (text, "\r\n")] = '\0';
  return g_utf8_make_valid (text, -1);
}

/* What smsbox's answer (body, or the failure to get one) says. */
static gboolean
sendsms_answered (SoupMessage *msg, GBytes *body, const GError *http_error, GError **error)
{
  g_autofree gchar *said = NULL;
  guint status;

  if (body == NULL)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_DEVICE, "sendsms: %s", http_error->message);
      return FALSE;
    }
  status = soup_message_get_status (msg);
  if (status == SOUP_STATUS_ACCEPTED || status == SOUP_STATUS_OK)
    return TRUE;
  said = answer_text (body);
  g_set_error (error, QURB_MODEM_ERROR,
               status >= 400 && status < 500 ? QURB_MODEM_ERROR_REFUSED : QURB_MODEM_ERROR_FAILED,
               "sendsms: %u %s", status, said);
  return FALSE;
}

gboolean
qurb_kannel_send_part (QurbModem *modem, gpointer encoded_ptr, guint index, gint *network_ref,
                       GError **error)
{
  KannelModem *self = (KannelModem *) modem;
  Encoded *encoded = encoded_ptr;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) http_error = NULL;
  gint ref = -1;

  g_return_val_if_fail (index < encoded->pieces->len, FALSE);
  msg = sendsms_message (self, encoded, index, &ref, error);
  if (msg == NULL)
    return FALSE;
  body = soup_session_send_and_read (self->session, msg, NULL, &http_error);
  if (!sendsms_answered (msg, body, http_error, error))
    return FALSE;
  if (network_ref)
    *network_ref = ref;
  return TRUE;
}

static void
sending_done (Sending *sending, GBytes *body, const GError *http_error)
{
  g_autoptr(GError) error = g_steal_pointer (&sending->error);

  if (error == NULL && !sendsms_answered (sending->msg, body, http_error, &error))
    sending->network_ref = -1;
  sending->done (sending->network_ref, error, sending->user_data);
  g_clear_object (&sending->msg);
  g_free (sending);
}

static void
on_sendsms_answer (GObject *session, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) http_error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (session), result, &http_error);

  sending_done (user_data, body, http_error);
}

static gboolean
on_not_sent (gpointer user_data)
{
  sending_done (user_data, NULL, NULL);
  return G_SOURCE_REMOVE;
}

gint
qurb_kannel_send_part_async (QurbModem *modem, gpointer encoded_ptr, guint index, QurbModemSentFunc done,
                             gpointer user_data)
{
  KannelModem *self = (KannelModem *) modem;
  Encoded *encoded = encoded_ptr;
  Sending *sending;

  g_return_val_if_fail (index < encoded->pieces->len, -1);
  sending = g_new0 (Sending, 1);
  sending->done = done;
  sending->user_data = user_data;
  sending->network_ref = -1;
  sending->msg = sendsms_message (self, encoded, index, &sending->network_ref, &sending->error);
  if (sending->msg == NULL)
    {
      g_idle_add (on_not_sent, sending);   /* from the main loop, as promised */
      return -1;
    }
  soup_session_send_and_read_async (self->session, sending->msg, G_PRIORITY_DEFAULT, NULL,
                                    on_sendsms_answer, sending);
  return sending->network_ref;
}
