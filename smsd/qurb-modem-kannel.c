/* qurb-modem-kannel.c — Kannel's smsbox in place of a GSM modem (libsoup 3)
 *
 * Incoming messages and delivery reports are HTTP requests from smsbox.
 * Each is held — paused, unanswered — with its part until the daemon has
 * stored and committed the part and deletes it: only then is the request
 * answered 200, the HTTP twin of store-before-delete. A request still held
 * after hold-seconds (the database does not answer), or when the daemon
 * disconnects, is answered 503 and Kannel posts it again
 * (http-request-retry); its part stays in the inbox all the same, since
 * smsbox may be gone and retry nothing. A retry is the same part: Kannel's
 * id joins it to the part still held here, and its time stamp (%T) makes
 * it "seen before" for the store once stored. The daemon is woken when
 * posts come in, and takes in together all that came meanwhile: one
 * transaction stores them, then each is answered 200.
 *
 * Answers go out through sendsms (qurb-kannel-sendsms.c). */
#include "config.h"

#include <string.h>

#include "qurb-modem-kannel-private.h"

/* Parts held at most: beyond, a post is answered 503 at once. */
#define MAX_HELD 10000
#define PROBE_TIMEOUT_SECONDS 2
#define LISTEN_BACKLOG 1024

typedef struct {
  guint64 serial;             /* the handle read_inbox gives out */
  gchar *key;                 /* joins a retry to its part; NULL: none */
  QurbModemPart *part;
  GPtrArray *requests;        /* SoupServerMessage, paused, waiting for an answer */
  gint64 answer_by;           /* monotonic µs: 503 then if still waiting */
  GList *link;                /* in KannelModem.held */
} Held;

static void on_request_gone (SoupServerMessage *msg, Held *held);

/* ---- requests held ---- */

static void
answer (SoupServerMessage *msg, Held *held, guint status)
{
  g_signal_handlers_disconnect_by_func (msg, on_request_gone, held);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "", 0);
  soup_server_message_unpause (msg);
}

static void
answer_all (Held *held, guint status)
{
  for (guint i = 0; i < held->requests->len; i++)
    answer (held->requests->pdata[i], held, status);
  g_ptr_array_set_size (held->requests, 0);
}

/* smsbox went away: nothing to answer, the part stays. */
static void
on_request_gone (SoupServerMessage *msg, Held *held)
{
  g_signal_handlers_disconnect_by_func (msg, on_request_gone, held);
  g_ptr_array_remove (held->requests, msg);
}

static void
forget (KannelModem *self, Held *held)
{
  answer_all (held, SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_queue_delete_link (&self->held, held->link);
  if (held->key != NULL)
    g_hash_table_remove (self->by_key, held->key);
  g_hash_table_remove (self->by_serial, &held->serial);
  g_ptr_array_unref (held->requests);
  qurb_modem_part_free (held->part);
  g_free (held->key);
  g_free (held);
}

static gboolean
expire_held (gpointer user_data)
{
  KannelModem *self = user_data;
  gint64 now = g_get_monotonic_time ();

  for (GList *l = self->held.head; l != NULL; l = l->next)
    {
      Held *held = l->data;

      if (held->requests->len > 0 && held->answer_by <= now)
        {
          g_debug ("kannel %s: part held %u s without being stored; Kannel will post it again",
                   self->parent.name, self->hold_seconds);
          answer_all (held, SOUP_STATUS_SERVICE_UNAVAILABLE);
        }
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_wake (gpointer user_data)
{
  KannelModem *self = user_data;

  self->wake_source = 0;
  self->wake (self->wake_data);
  return G_SOURCE_REMOVE;
}

/* Once the main loop has read every post that is there: the daemon takes
 * them in together. */
static void
hold (KannelModem *self, Held *held, SoupServerMessage *msg)
{
  g_ptr_array_add (held->requests, g_object_ref (msg));
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_request_gone), held);
  held->answer_by = g_get_monotonic_time () + (gint64) self->hold_seconds * G_USEC_PER_SEC;
  soup_server_message_pause (msg);
  if (self->wake != NULL && self->wake_source == 0)
    self->wake_source = g_idle_add (on_wake, self);
}

static gboolean
allowed (KannelModem *self, SoupServerMessage *msg)
{
  const gchar *remote = soup_server_message_get_remote_host (msg);

  if (self->allow_ip[0] == NULL)
    return TRUE;
  if (remote != NULL && g_str_has_prefix (remote, "::ffff:"))
    remote += strlen ("::ffff:");  /* IPv4 on a dual-stack socket */
  return remote != NULL && g_strv_contains ((const gchar *const *) self->allow_ip, remote);
}

static QurbModemPart *
parse_request (SoupServerMessage *msg, const char *path, GHashTable *query, gchar **key, GError **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = NULL;
  GHashTable *params = NULL;
  QurbModemPart *part;
  gsize length;
  const guint8 *data;

  if (strcmp (path, "/dlr") == 0)
    return qurb_kannel_parse_dlr (query, key, error);
  /* the text is the body of a post-url; a get-url would lose it */
  if (strcmp (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "messages come by post-url, not get-url");
      return NULL;
    }
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (body, &length);
  soup_message_headers_get_content_type (headers, &params);
  part = qurb_kannel_parse_mo (query, params ? g_hash_table_lookup (params, "charset") : NULL,
                               data, length, key, error);
  g_clear_pointer (&params, g_hash_table_destroy);
  return part;
}

/* POST /mo (an incoming message) and GET /dlr (a delivery report). */
static void
on_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer user_data)
{
  KannelModem *self = user_data;
  g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *key = NULL;
  QurbModemPart *part;
  Held *held;

  if (!allowed (self, msg))
    {
      g_warning ("kannel %s: a post from %s, not in allow-ip", self->parent.name,
                 soup_server_message_get_remote_host (msg));
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
      return;
    }
  if (strcmp (path, "/mo") != 0 && strcmp (path, "/dlr") != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  part = parse_request (msg, path, query ? query : empty, &key, &error);
  if (part == NULL)
    {
      g_warning ("kannel %s: %s %s: %s", self->parent.name, soup_server_message_get_method (msg), path,
                 error->message);
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      return;
    }

  held = key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
  if (held != NULL)
    qurb_modem_part_free (part);  /* a retry of a part held here */
  else if (self->held.length >= MAX_HELD)
    {
      qurb_modem_part_free (part);
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }
  else
    {
      held = g_new0 (Held, 1);
      held->serial = ++self->next_serial;
      held->key = g_steal_pointer (&key);
      held->part = part;
      held->requests = g_ptr_array_new_with_free_func (g_object_unref);
      g_queue_push_tail (&self->held, held);
      held->link = self->held.tail;
      g_hash_table_insert (self->by_serial, &held->serial, held);
      if (held->key != NULL)
        g_hash_table_insert (self->by_key, held->key, held);
    }
  hold (self, held, msg);
}

/* ---- the modem operations ---- */

/* smsbox opens up to max-pending-requests connections at once: a
 * backlog of GLib's default 10 would leave them waiting on SYN retries. */
static GSocket *
listening_socket (const gchar *listen, GError **error)
{
  g_autoptr(GSocketConnectable) address = g_network_address_parse (listen, 0, NULL);
  g_autoptr(GSocketAddress) bind_to = NULL;
  g_autoptr(GSocket) socket = NULL;

  if (address != NULL)
    bind_to = g_inet_socket_address_new_from_string (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)),
                                                     g_network_address_get_port (G_NETWORK_ADDRESS (address)));
  if (bind_to == NULL)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED,
                   "listen=%s is not an address and a port (127.0.0.1:13080)", listen);
      return NULL;
    }
  socket = g_socket_new (g_socket_address_get_family (bind_to), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, bind_to, TRUE, error) || !g_socket_listen (socket, error))
    {
      g_prefix_error (error, "listen on %s: ", listen);
      return NULL;
    }
  return g_steal_pointer (&socket);
}

static gboolean
start_listening (KannelModem *self, GError **error)
{
  g_autoptr(GSocket) socket = listening_socket (self->listen, error);

  if (socket == NULL)
    return FALSE;
  self->server = soup_server_new ("server-header", "qurb-smsd ", NULL);
  soup_server_add_handler (self->server, "/mo", on_request, self, NULL);
  soup_server_add_handler (self->server, "/dlr", on_request, self, NULL);
  if (!soup_server_listen_socket (self->server, socket, 0, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }
  self->expiry_source = g_timeout_add_seconds (1, expire_held, self);
  g_message ("kannel %s: listening on %s for smsbox", self->parent.name, self->listen);
  return TRUE;
}

/* Whether smsbox's sendsms port takes a connection. */
static gboolean
probe_smsbox (KannelModem *self, GError **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) local_error = NULL;

  g_socket_client_set_timeout (client, PROBE_TIMEOUT_SECONDS);
  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_uri (client, self->sendsms_url, 80, NULL, &local_error);
  if (connection == NULL)
    {
      g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_DEVICE, "smsbox: %s", local_error->message);
      return FALSE;
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* Listening from the first connect on; connected while smsbox answers, so
 * that no answer is taken from the outbox to fail while it is away. */
static gboolean
kannel_connect (QurbModem *modem, GError **error)
{
  KannelModem *self = (KannelModem *) modem;

  if (self->server == NULL && !start_listening (self, error))
    return FALSE;
  if (!probe_smsbox (self, error))
    return FALSE;
  self->connected = TRUE;
  return TRUE;
}

static void
kannel_disconnect (QurbModem *modem)
{
  KannelModem *self = (KannelModem *) modem;

  self->connected = FALSE;
  for (GList *l = self->held.head; l != NULL; l = l->next)
    answer_all (l->data, SOUP_STATUS_SERVICE_UNAVAILABLE);
}

static GPtrArray *
kannel_read_inbox (QurbModem *modem, GError **error)
{
  KannelModem *self = (KannelModem *) modem;
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_modem_part_free);

  for (GList *l = self->held.head; l != NULL; l = l->next)
    {
      Held *held = l->data;
      QurbModemPart *copy = g_memdup2 (held->part, sizeof *held->part);

      copy->sender = g_strdup (held->part->sender);
      copy->text = g_strdup (held->part->text);
      copy->sent_at = g_strdup (held->part->sent_at);
      copy->handle = g_memdup2 (&held->serial, sizeof held->serial);
      g_ptr_array_add (parts, copy);
    }
  return parts;
}

/* The daemon has committed the part: now smsbox may forget it. A part
 * answered and forgotten already (a retry stored twice) is no error. */
static gboolean
kannel_delete_part (QurbModem *modem, QurbModemPart *part, GError **error)
{
  KannelModem *self = (KannelModem *) modem;
  Held *held = g_hash_table_lookup (self->by_serial, part->handle);

  if (held != NULL)
    {
      answer_all (held, SOUP_STATUS_OK);
      forget (self, held);
    }
  return TRUE;
}

/* No signal to report: whether smsbox answers, and who we are to it. */
static gboolean
kannel_status (QurbModem *modem, gint *signal_percent, gchar **network, GError **error)
{
  KannelModem *self = (KannelModem *) modem;
  g_autoptr(GUri) uri = g_uri_parse (self->sendsms_url, G_URI_FLAGS_NONE, NULL);

  if (!probe_smsbox (self, error))
    return FALSE;
  *signal_percent = -1;
  *network = g_strdup_printf ("Kannel smsbox %s:%d, short code %s", uri ? g_uri_get_host (uri) : "?",
                              uri ? g_uri_get_port (uri) : -1, self->short_code);
  return TRUE;
}

static void
kannel_free (QurbModem *modem)
{
  KannelModem *self = (KannelModem *) modem;

  kannel_disconnect (modem);
  while (self->held.head != NULL)
    forget (self, self->held.head->data);
  g_clear_handle_id (&self->expiry_source, g_source_remove);
  g_clear_handle_id (&self->wake_source, g_source_remove);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->session);
  g_hash_table_unref (self->by_serial);
  g_hash_table_unref (self->by_key);
  g_free (self->listen);
  g_free (self->callback_url);
  g_free (self->sendsms_url);
  g_free (self->username);
  g_free (self->password);
  g_free (self->short_code);
  g_free (self->smsc_id);
  g_strfreev (self->allow_ip);
  g_free (modem->name);
  g_free (self);
}

static void
kannel_watch_inbox (QurbModem *modem, GSourceFunc wake, gpointer data)
{
  KannelModem *self = (KannelModem *) modem;

  self->wake = wake;
  self->wake_data = data;
}

static const QurbModemOps kannel_ops = {
  kannel_connect, kannel_disconnect, kannel_read_inbox, kannel_delete_part,
  qurb_kannel_encode, qurb_kannel_send_part, qurb_kannel_free_encoded, kannel_free, kannel_status,
  kannel_watch_inbox, qurb_kannel_send_part_async,
};

QurbModem *
qurb_modem_kannel_new (const gchar *name, const QurbKannelSection *section, GError **error)
{
  g_autofree gchar *username = NULL, *password = NULL;
  KannelModem *self;

  if (!qurb_kannel_read_credentials (section->credentials, &username, &password, error))
    return NULL;
  self = g_new0 (KannelModem, 1);
  self->parent.ops = &kannel_ops;
  self->parent.name = g_strdup (name);
  self->listen = g_strdup (section->listen);
  self->callback_url = g_strdup (section->callback_url);
  self->sendsms_url = g_strdup (section->sendsms_url);
  self->username = g_steal_pointer (&username);
  self->password = g_steal_pointer (&password);
  self->short_code = g_strdup (section->short_code);
  self->smsc_id = g_strdup (section->smsc_id);
  self->allow_ip = g_strdupv (section->allow_ip);
  self->hold_seconds = section->hold_seconds;
  self->account = (QurbKannelAccount) { self->sendsms_url, self->username, self->password,
                                        self->short_code, self->smsc_id, self->callback_url };
  self->session = qurb_kannel_session_new (section->sendsms_window);
  g_queue_init (&self->held);
  self->by_serial = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->last_ref = -1;
  return &self->parent;
}
