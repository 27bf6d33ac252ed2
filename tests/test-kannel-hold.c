/* test-kannel-hold.c — the Kannel adapter in this process: a post from
 * smsbox is answered 200 only once the daemon has stored its part and
 * deletes it; 503 when it is not taken in time or the adapter disconnects,
 * the part kept all the same; a retry is the same part. Sending against a
 * stand-in for smsbox's sendsms. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "qurb-modem-kannel.h"
#include "qurb-segments.h"
#include "qurb-test-util.h"

#define PASSWORD "pw-never-logged"

/* smsbox's sendsms, in a thread of its own: send_part waits for it
 * synchronously, as the daemon does. */
typedef struct {
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  guint port;
  GMutex lock;
  GCond ready;
  guint status;               /* what it answers */
  GPtrArray *queries;         /* what it was asked */
} Sendsms;

typedef struct {
  gchar *dir;
  gchar *credentials;
  guint listen_port;
  Sendsms sendsms;
  SoupSession *client;        /* smsbox posting to us */
} Fixture;

typedef struct {
  SoupMessage *msg;
  guint status;
  gboolean done;
} Reply;

static void
on_sendsms (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  Sendsms *s = data;
  static const gchar answer[] = "0: Accepted for delivery";

  g_mutex_lock (&s->lock);
  g_ptr_array_add (s->queries, g_strdup (g_uri_get_query (soup_server_message_get_uri (msg))));
  soup_server_message_set_status (msg, s->status, NULL);
  g_mutex_unlock (&s->lock);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, answer, strlen (answer));
}

static gpointer
sendsms_thread (gpointer data)
{
  Sendsms *s = data;
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/cgi-bin/sendsms", on_sendsms, s, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL));
  uris = soup_server_get_uris (server);
  g_mutex_lock (&s->lock);
  s->port = g_uri_get_port (uris->data);
  g_cond_signal (&s->ready);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (s->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static void
sendsms_start (Sendsms *s)
{
  g_mutex_init (&s->lock);
  g_cond_init (&s->ready);
  s->status = SOUP_STATUS_ACCEPTED;
  s->queries = g_ptr_array_new_with_free_func (g_free);
  s->context = g_main_context_new ();
  s->loop = g_main_loop_new (s->context, FALSE);
  g_mutex_lock (&s->lock);
  s->thread = g_thread_new ("sendsms", sendsms_thread, s);
  while (s->port == 0)
    g_cond_wait (&s->ready, &s->lock);
  g_mutex_unlock (&s->lock);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
sendsms_stop (Sendsms *s)
{
  if (s->thread == NULL)
    return;
  g_main_context_invoke (s->context, quit_loop, s->loop);
  g_thread_join (g_steal_pointer (&s->thread));
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("qurb-kannel-XXXXXX", NULL);
  f->credentials = g_build_filename (f->dir, "credentials", NULL);
  g_assert_true (g_file_set_contents (f->credentials, "username=qurb\npassword=" PASSWORD "\n", -1, NULL));
  f->listen_port = qurb_test_free_port ();
  sendsms_start (&f->sendsms);
  {
    g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
    /* as smsbox does, many posts to us at once */
    f->client = soup_session_new_with_options ("proxy-resolver", direct, "max-conns-per-host", 32, NULL);
  }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->client);
  sendsms_stop (&f->sendsms);
  g_ptr_array_unref (f->sendsms.queries);
  g_unlink (f->credentials);
  g_rmdir (f->dir);
  g_free (f->credentials);
  g_free (f->dir);
}

static QurbModem *
new_modem (Fixture *f, guint hold_seconds, const gchar *allow)
{
  g_autofree gchar *listen = g_strdup_printf ("127.0.0.1:%u", f->listen_port);
  g_autofree gchar *callback = g_strdup_printf ("http://127.0.0.1:%u", f->listen_port);
  g_autofree gchar *sendsms = g_strdup_printf ("http://127.0.0.1:%u/cgi-bin/sendsms", f->sendsms.port);
  g_auto(GStrv) allow_ip = g_strsplit (allow, ",", -1);
  QurbKannelSection section = { listen, callback, allow_ip, sendsms, f->credentials, "2525", NULL, hold_seconds };
  g_autoptr(GError) error = NULL;
  QurbModem *modem = qurb_modem_kannel_new ("kannel", &section, &error);

  g_assert_no_error (error);
  g_assert_true (modem->ops->connect (modem, &error));
  g_assert_no_error (error);
  return modem;
}

static void
on_reply (GObject *session, GAsyncResult *result, gpointer data)
{
  Reply *reply = data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (session), result, NULL);

  reply->status = soup_message_get_status (reply->msg);
  reply->done = TRUE;
  g_clear_object (&reply->msg);
}

/* smsbox posting (an incoming message) or getting (a report). */
static void
request (Fixture *f, const gchar *method, const gchar *path, const gchar *body, Reply *reply)
{
  g_autofree gchar *url = g_strdup_printf ("http://127.0.0.1:%u%s", f->listen_port, path);

  *reply = (Reply) { soup_message_new (method, url), 0, FALSE };
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (reply->msg, "text/plain; charset=\"UTF-8\"", bytes);
    }
  soup_session_send_and_read_async (f->client, reply->msg, G_PRIORITY_DEFAULT, NULL, on_reply, reply);
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static void
wait_reply (Reply *reply, guint max_ms)
{
  gint64 until = g_get_monotonic_time () + max_ms * 1000;

  while (!reply->done && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (reply->done);
}

/* The parts the adapter holds, once it holds n. */
static GPtrArray *
inbox (QurbModem *modem, guint n)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;

  while (g_get_monotonic_time () < until)
    {
      GPtrArray *parts = modem->ops->read_inbox (modem, &error);

      g_assert_no_error (error);
      if (parts->len >= n)
        return parts;
      g_ptr_array_unref (parts);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_not_reached ();
}

static void
test_held_until_stored (Fixture *f, gconstpointer data)
{
  g_autoptr(QurbModem) modem = new_modem (f, 20, "127.0.0.1");
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  Reply first, retry, other;
  QurbModemPart *part;

  request (f, "POST", "/mo?from=%2B212612345678&to=2525&ts=1795855149&coding=0&charset=UTF-8&id=A",
           "ETAT 2024001234", &first);
  parts = inbox (modem, 1);
  spin (300);
  g_assert_false (first.done);  /* not stored yet: no answer */
  part = parts->pdata[0];
  g_assert_cmpstr (part->sender, ==, "+212612345678");
  g_assert_cmpstr (part->text, ==, "ETAT 2024001234");
  g_assert_cmpstr (part->sent_at, ==, "2026-11-28T09:39:09");
  g_assert_false (part->status_report);

  /* smsbox gave up waiting and posts it again: the same part */
  request (f, "POST", "/mo?from=%2B212612345678&to=2525&ts=1795855149&coding=0&charset=UTF-8&id=A",
           "ETAT 2024001234", &retry);
  request (f, "POST", "/mo?from=%2B212661234567&to=2525&ts=1795855150&id=B", "حالة", &other);
  g_clear_pointer (&parts, g_ptr_array_unref);
  parts = inbox (modem, 2);
  spin (200);
  g_ptr_array_unref (parts);
  parts = inbox (modem, 2);
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpstr (((QurbModemPart *) parts->pdata[1])->text, ==, "حالة");
  g_assert_false (first.done || retry.done || other.done);

  /* stored and committed: now both posts of A are answered, B waits */
  g_assert_true (modem->ops->delete_part (modem, parts->pdata[0], &error));
  wait_reply (&first, 2000);
  wait_reply (&retry, 2000);
  g_assert_cmpuint (first.status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (retry.status, ==, SOUP_STATUS_OK);
  spin (100);
  g_assert_false (other.done);
  /* deleting twice (a part read twice) is no error */
  g_assert_true (modem->ops->delete_part (modem, parts->pdata[0], &error));
  g_assert_true (modem->ops->delete_part (modem, parts->pdata[1], &error));
  wait_reply (&other, 2000);
  g_assert_cmpuint (other.status, ==, SOUP_STATUS_OK);
  g_ptr_array_unref (parts);
  parts = modem->ops->read_inbox (modem, &error);
  g_assert_cmpuint (parts->len, ==, 0);
}

static void
test_not_taken (Fixture *f, gconstpointer data)
{
  g_autoptr(QurbModem) modem = new_modem (f, 1, "127.0.0.1");
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  Reply first, retry, third;

  /* The database does not answer: 503 after hold-seconds, so that
   * Kannel posts again; the part stays, for smsbox may be gone. */
  request (f, "POST", "/mo?from=0612345678&ts=1795855149&id=C", "AIDE", &first);
  wait_reply (&first, 4000);
  g_assert_cmpuint (first.status, ==, SOUP_STATUS_SERVICE_UNAVAILABLE);
  parts = inbox (modem, 1);
  g_assert_cmpuint (parts->len, ==, 1);
  g_clear_pointer (&parts, g_ptr_array_unref);

  request (f, "POST", "/mo?from=0612345678&ts=1795855149&id=C", "AIDE", &retry);
  spin (300);
  parts = inbox (modem, 1);
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_true (modem->ops->delete_part (modem, parts->pdata[0], &error));
  wait_reply (&retry, 2000);
  g_assert_cmpuint (retry.status, ==, SOUP_STATUS_OK);
  g_clear_pointer (&parts, g_ptr_array_unref);

  /* The daemon disconnects (a modem error, a stop): 503 at once. */
  request (f, "POST", "/mo?from=0612345678&ts=1795855151&id=D", "AIDE", &third);
  parts = inbox (modem, 1);
  modem->ops->disconnect (modem);
  wait_reply (&third, 2000);
  g_assert_cmpuint (third.status, ==, SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_assert_true (modem->ops->connect (modem, &error));
  g_ptr_array_unref (parts);
  parts = inbox (modem, 1);
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_true (modem->ops->delete_part (modem, parts->pdata[0], &error));
}

static void
test_reports_and_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(QurbModem) modem = new_modem (f, 20, "127.0.0.1,::1");
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  Reply delivered, acked, bad, unknown, get;

  g_test_expect_message ("qurb-smsd", G_LOG_LEVEL_WARNING, "*POST /mo: no ts= (%T) in the post-url");
  g_test_expect_message ("qurb-smsd", G_LOG_LEVEL_WARNING, "*GET /mo: messages come by post-url, not get-url");
  request (f, "GET", "/dlr?ref=560169144&type=1", NULL, &delivered);
  request (f, "GET", "/dlr?ref=560169144&type=8", NULL, &acked);
  request (f, "POST", "/mo?from=0612345678", "AIDE", &bad);
  request (f, "GET", "/mo/more", NULL, &unknown);
  parts = inbox (modem, 2);
  g_assert_true (((QurbModemPart *) parts->pdata[0])->status_report);
  g_assert_cmpint (((QurbModemPart *) parts->pdata[0])->report_ref, ==, 560169144);
  /* type 1 is the end; type 8 (the operator took it) is not */
  g_assert_cmpint (((QurbModemPart *) parts->pdata[0])->delivered +
                   ((QurbModemPart *) parts->pdata[1])->delivered, ==, 1);
  wait_reply (&bad, 2000);  /* the warnings in the order expected */
  request (f, "GET", "/mo?from=0612345678&ts=1795855149&text=AIDE", NULL, &get);
  wait_reply (&unknown, 2000);
  wait_reply (&get, 2000);
  g_assert_cmpuint (get.status, ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpuint (bad.status, ==, SOUP_STATUS_BAD_REQUEST);  /* no %T: a retry could not be known */
  g_assert_cmpuint (unknown.status, ==, SOUP_STATUS_NOT_FOUND);
  g_test_assert_expected_messages ();
  for (guint i = 0; i < parts->len; i++)
    g_assert_true (modem->ops->delete_part (modem, parts->pdata[i], &error));
  wait_reply (&delivered, 2000);
  wait_reply (&acked, 2000);
  g_assert_cmpuint (delivered.status, ==, SOUP_STATUS_OK);
  g_clear_pointer (&modem, qurb_modem_free);

  /* Only the addresses of allow-ip may post. */
  modem = new_modem (f, 20, "10.9.9.9");
  g_test_expect_message ("qurb-smsd", G_LOG_LEVEL_WARNING, "*a post from 127.0.0.1, not in allow-ip");
  request (f, "POST", "/mo?from=0612345678&ts=1795855149&id=E", "AIDE", &bad);
  wait_reply (&bad, 2000);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (bad.status, ==, SOUP_STATUS_FORBIDDEN);
}

/* The query sendsms received last, decoded, and its raw udh= (the
 * header holds a NUL, which no decoded string can). */
static GHashTable *
last_query (Fixture *f, gchar **udh)
{
  g_autofree gchar *raw = NULL;
  gchar *at;

  g_mutex_lock (&f->sendsms.lock);
  raw = g_strdup (f->sendsms.queries->pdata[f->sendsms.queries->len - 1]);
  g_mutex_unlock (&f->sendsms.lock);
  *udh = NULL;
  if ((at = strstr (raw, "&udh=")) != NULL)
    {
      gsize length = strcspn (at + 1, "&") + 1;

      *udh = g_strndup (at + strlen ("&udh="), length - strlen ("&udh="));
      memmove (at, at + length, strlen (at + length) + 1);
    }
  return g_uri_parse_params (raw, -1, "&", G_URI_PARAMS_NONE, NULL);
}

static void
set_status (Fixture *f, guint status)
{
  g_mutex_lock (&f->sendsms.lock);
  f->sendsms.status = status;
  g_mutex_unlock (&f->sendsms.lock);
}

static void
test_send (Fixture *f, gconstpointer data)
{
  g_autoptr(QurbModem) modem = new_modem (f, 20, "127.0.0.1");
  g_autoptr(GString) arabic = g_string_new (NULL);
  g_autoptr(GPtrArray) pieces = NULL;
  g_autoptr(GError) error = NULL;
  gpointer encoded;
  guint n_parts = 0;
  gint refs[3] = { -1, -1, -1 };

  /* 100 Arabic letters: two UCS-2 parts, cut by our segment maths */
  for (guint i = 0; i < 20; i++)
    g_string_append (arabic, "حالة ");
  pieces = qurb_sms_split (arabic->str);
  encoded = modem->ops->encode (modem, "+212612345678", arabic->str, 0x2a, &n_parts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_parts, ==, 2);
  g_assert_cmpuint (pieces->len, ==, 2);
  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree gchar *udh = NULL;
      g_autoptr(GHashTable) query = NULL;
      g_autofree gchar *expected_udh = g_strdup_printf ("%%05%%00%%03%%2A%%02%%0%u", i + 1);
      g_autofree gchar *dlr_url = NULL;

      g_assert_true (modem->ops->send_part (modem, encoded, i, &refs[i], &error));
      g_assert_no_error (error);
      query = last_query (f, &udh);
      g_assert_nonnull (query);
      g_assert_cmpstr (g_hash_table_lookup (query, "username"), ==, "qurb");
      g_assert_cmpstr (g_hash_table_lookup (query, "password"), ==, PASSWORD);
      g_assert_cmpstr (g_hash_table_lookup (query, "from"), ==, "2525");
      g_assert_cmpstr (g_hash_table_lookup (query, "to"), ==, "+212612345678");
      g_assert_cmpstr (g_hash_table_lookup (query, "text"), ==, pieces->pdata[i]);
      g_assert_cmpstr (g_hash_table_lookup (query, "charset"), ==, "UTF-8");
      g_assert_cmpstr (g_hash_table_lookup (query, "coding"), ==, "2");
      g_assert_cmpstr (udh, ==, expected_udh);
      g_assert_cmpstr (g_hash_table_lookup (query, "dlr-mask"), ==, "19");
      dlr_url = g_strdup_printf ("http://127.0.0.1:%u/dlr?ref=%d&type=%%d", f->listen_port, refs[i]);
      g_assert_cmpstr (g_hash_table_lookup (query, "dlr-url"), ==, dlr_url);
    }
  g_assert_cmpint (refs[1], >, refs[0]);  /* one more, within one millisecond */
  modem->ops->free_encoded (encoded);

  /* French in GSM-7, one part, no header */
  encoded = modem->ops->encode (modem, "+212612345678", "Dossier 2024001234 : accepté", 7, &n_parts, &error);
  g_assert_cmpuint (n_parts, ==, 1);
  g_assert_true (modem->ops->send_part (modem, encoded, 0, &refs[2], &error));
  g_assert_cmpint (refs[2], >, refs[1]);
  {
    g_autofree gchar *udh = NULL;
    g_autoptr(GHashTable) query = last_query (f, &udh);

    g_assert_cmpstr (g_hash_table_lookup (query, "coding"), ==, "0");
    g_assert_null (udh);
    g_assert_cmpstr (g_hash_table_lookup (query, "text"), ==, "Dossier 2024001234 : accepté");
  }

  /* Refused (4xx), failed (5xx), smsbox gone: never the password in a message. */
  set_status (f, SOUP_STATUS_FORBIDDEN);
  g_assert_false (modem->ops->send_part (modem, encoded, 0, &refs[2], &error));
  g_assert_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_REFUSED);
  g_assert_null (strstr (error->message, PASSWORD));
  g_clear_error (&error);
  set_status (f, SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_assert_false (modem->ops->send_part (modem, encoded, 0, &refs[2], &error));
  g_assert_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED);
  g_clear_error (&error);
  sendsms_stop (&f->sendsms);
  g_assert_false (modem->ops->send_part (modem, encoded, 0, &refs[2], &error));
  g_assert_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_DEVICE);
  g_assert_null (strstr (error->message, PASSWORD));
  g_clear_error (&error);
  modem->ops->free_encoded (encoded);

  /* smsbox away: not connected (nothing is taken from the outbox to fail),
   * though posts are still taken in. */
  modem->ops->disconnect (modem);
  g_assert_false (modem->ops->connect (modem, &error));
  g_assert_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_DEVICE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/kannel-hold/held-until-stored", test_held_until_stored);
  ADD ("/kannel-hold/not-taken", test_not_taken);
  ADD ("/kannel-hold/reports-and-refusals", test_reports_and_refusals);
  ADD ("/kannel-hold/send", test_send);
  return g_test_run ();
}
