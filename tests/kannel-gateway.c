/* kannel-gateway.c — Debian's Kannel on loopback for a test
 *
 * The pitfalls of fakesmsc 1.4.5 (see tests/kannel/README.md): it logs
 * the messages phones receive at debug level only (-v 0); it reads stdin
 * with stdio buffering, so a line is written only once the one before is
 * logged as sent; it aborts at the end of its stdin, so it is stopped by a
 * signal first. bearerbox keeps what smsbox has not taken in its store
 * (store-type = file), so smsbox can come and go. */
#include "config.h"

#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "kannel-gateway.h"
#include "qurb-test-util.h"

#define FAKESMSC "/usr/lib/kannel/test/fakesmsc"
#define WAIT_SECONDS 30

static gchar *
program (const gchar *name)
{
  gchar *path = g_find_program_in_path (name);
  gchar *sbin;

  if (path != NULL)
    return path;
  sbin = g_build_filename ("/usr/sbin", name, NULL);
  if (g_file_test (sbin, G_FILE_TEST_IS_EXECUTABLE))
    return sbin;
  g_free (sbin);
  return NULL;
}

gboolean
qurb_kannel_gateway_available (void)
{
  g_autofree gchar *bearerbox = program ("bearerbox");
  g_autofree gchar *smsbox = program ("smsbox");

  return bearerbox != NULL && smsbox != NULL && g_file_test (FAKESMSC, G_FILE_TEST_IS_EXECUTABLE);
}

static gboolean
port_open (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
wait_port (guint port, const gchar *what)
{
  gint64 until = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!port_open (port))
    {
      if (g_get_monotonic_time () > until)
        g_error ("%s did not open port %u", what, port);
      g_usleep (50 * 1000);
    }
}

/* A box of ours: its output in DIR/NAME.out, killed if the test dies. */
static GSubprocess *
spawn (QurbKannelGateway *gateway, const gchar *name, GSubprocessFlags flags, const gchar *const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autofree gchar *out = g_strdup_printf ("%s/%s.out", gateway->dir, name);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  g_subprocess_launcher_set_child_setup (launcher, qurb_test_die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

/* SIGTERM, and SIGKILL for a box still there after 10 s. */
static void
stop (GSubprocess **process)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (*process == NULL)
    return;
  g_subprocess_send_signal (*process, SIGTERM);
  /* the identifier goes once the process has exited */
  while (g_subprocess_get_identifier (*process) != NULL && g_get_monotonic_time () < until)
    g_usleep (20 * 1000);
  g_subprocess_force_exit (*process);
  g_subprocess_wait (*process, NULL, NULL);
  g_clear_object (process);
}

static void
mt_free (QurbKannelMt *mt)
{
  g_free (mt->to);
  g_free (mt->udh);
  g_bytes_unref (mt->payload);
  g_free (mt);
}

static void
write_config (QurbKannelGateway *gateway, guint retries, guint delay)
{
  g_autofree gchar *template_path = g_test_build_filename (G_TEST_DIST, "kannel", "kannel.conf.in", NULL);
  g_autofree gchar *template = NULL;
  g_autofree gchar *conf = g_build_filename (gateway->dir, "kannel.conf", NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  const struct { const gchar *name; guint value; } ports[] = {
    { "@ADMIN_PORT@", gateway->admin_port }, { "@SMSBOX_PORT@", gateway->smsbox_port },
    { "@FAKE_PORT@", gateway->fake_port }, { "@BENCH_PORT@", gateway->bench_port },
    { "@SENDSMS_PORT@", gateway->sendsms_port }, { "@APP_PORT@", gateway->app_port },
    { "@RETRY@", retries }, { "@QDELAY@", delay }, { "@MAX_PENDING@", 512 }, { "@LOG_LEVEL@", 1 },
  };

  g_file_get_contents (template_path, &template, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (template);
  g_string_replace (text, "@DIR@", gateway->dir, 0);
  g_string_replace (text, "@IMMEDIATE@", "false", 0);
  for (guint i = 0; i < G_N_ELEMENTS (ports); i++)
    {
      g_autofree gchar *value = g_strdup_printf ("%u", ports[i].value);
      g_string_replace (text, ports[i].name, value, 0);
    }
  g_assert_null (strchr (text->str, '@'));  /* every placeholder filled */
  g_file_set_contents (conf, text->str, -1, &error);
  g_assert_no_error (error);
}

gchar *
qurb_kannel_gateway_status (QurbKannelGateway *gateway)
{
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct, "timeout", 5, NULL);
  g_autofree gchar *url = g_strdup_printf ("http://127.0.0.1:%u/status.txt?password=statuspw", gateway->admin_port);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, NULL);

  return body ? g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body)) : g_strdup ("");
}

/* bearerbox sees smsbox and the simulated SMSC online. */
static void
wait_online (QurbKannelGateway *gateway)
{
  gint64 until = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (TRUE)
    {
      g_autofree gchar *status = qurb_kannel_gateway_status (gateway);

      if (strstr (status, "smsbox:") != NULL && strstr (status, "FAKE[FAKE]") != NULL &&
          strstr (strstr (status, "FAKE[FAKE]"), "(online") != NULL)
        return;
      if (g_get_monotonic_time () > until)
        g_error ("Kannel did not come up: %s", status);
      g_usleep (50 * 1000);
    }
}

void
qurb_kannel_gateway_start_smsbox (QurbKannelGateway *gateway)
{
  g_autofree gchar *smsbox = program ("smsbox");
  g_autofree gchar *conf = g_build_filename (gateway->dir, "kannel.conf", NULL);

  gateway->smsbox = spawn (gateway, "smsbox", G_SUBPROCESS_FLAGS_NONE,
                           (const gchar *const[]) { smsbox, "-v", "2", conf, NULL });
  wait_port (gateway->sendsms_port, "smsbox");
  wait_online (gateway);
}

void
qurb_kannel_gateway_stop_smsbox (QurbKannelGateway *gateway)
{
  stop (&gateway->smsbox);
}

/* smsbox 1.4.5 can panic (gwlib/conn.c: conn_unregister: Assertion `conn
 * != NULL') when the service it posts to resets a connection mid-request,
 * as a killed qurb-smsd does. On a box its supervisor starts it again
 * (Debian's run_kannel_box, or systemd's Restart=); so does this. TRUE if
 * it had to. */
gboolean
qurb_kannel_gateway_revive_smsbox (QurbKannelGateway *gateway)
{
  if (gateway->smsbox == NULL || g_subprocess_get_identifier (gateway->smsbox) != NULL)
    return FALSE;
  g_subprocess_wait (gateway->smsbox, NULL, NULL);
  g_test_message ("smsbox exited (status %d); started again", g_subprocess_get_status (gateway->smsbox));
  g_clear_object (&gateway->smsbox);
  qurb_kannel_gateway_start_smsbox (gateway);
  return TRUE;
}

QurbKannelGateway *
qurb_kannel_gateway_start (const gchar *dir, guint http_retries, guint retry_delay_s)
{
  QurbKannelGateway *gateway = g_new0 (QurbKannelGateway, 1);
  g_autofree gchar *bearerbox = program ("bearerbox");
  g_autofree gchar *conf = g_build_filename (dir, "kannel.conf", NULL);
  g_autofree gchar *fake_port = NULL;

  gateway->dir = g_strdup (dir);
  gateway->mts = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_free);
  gateway->admin_port = qurb_test_free_port ();
  gateway->smsbox_port = qurb_test_free_port ();
  gateway->fake_port = qurb_test_free_port ();
  gateway->bench_port = qurb_test_free_port ();
  gateway->sendsms_port = qurb_test_free_port ();
  gateway->app_port = qurb_test_free_port ();
  write_config (gateway, http_retries, retry_delay_s);

  gateway->bearerbox = spawn (gateway, "bearerbox", G_SUBPROCESS_FLAGS_NONE,
                              (const gchar *const[]) { bearerbox, "-v", "2", conf, NULL });
  wait_port (gateway->admin_port, "bearerbox");
  wait_port (gateway->smsbox_port, "bearerbox");

  wait_port (gateway->fake_port, "bearerbox");
  /* -i 0: no pacing; -v 0: every message phones receive is logged */
  fake_port = g_strdup_printf ("%u", gateway->fake_port);
  gateway->fakesmsc = spawn (gateway, "fakesmsc", G_SUBPROCESS_FLAGS_STDIN_PIPE,
                             (const gchar *const[]) { FAKESMSC, "-H", "127.0.0.1", "-r", fake_port,
                                                      "-i", "0", "-v", "0", NULL });
  gateway->phones = g_subprocess_get_stdin_pipe (gateway->fakesmsc);
  qurb_kannel_gateway_start_smsbox (gateway);
  return gateway;
}

static GBytes *
unquote (const gchar *text)
{
  g_autofree gchar *spaced = g_strdup (text);

  g_strdelimit (spaced, "+", ' ');
  return g_uri_unescape_bytes (spaced, -1, NULL, NULL);
}

/* "Got message 7: <2525 +212612345678 ucs-2 %06-%06...>" as one part:
 * "text" is the text as is; "ucs-2" and "udh HEADER data BYTES" are
 * url-encoded, '+' for a blank. */
static QurbKannelMt *
parse_mt (const gchar *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 4);
  QurbKannelMt *mt;

  if (g_strv_length (fields) < 4)
    return NULL;
  mt = g_new0 (QurbKannelMt, 1);
  mt->to = g_strdup (fields[1]);
  if (strcmp (fields[2], "udh") == 0)
    {
      g_auto(GStrv) udh = g_strsplit (fields[3], " data ", 2);
      g_autoptr(GBytes) header = unquote (udh[0]);
      g_autoptr(GString) hex = g_string_new (NULL);
      gsize length;
      const guint8 *bytes = g_bytes_get_data (header, &length);

      for (gsize i = 0; i < length; i++)
        g_string_append_printf (hex, "%02x", bytes[i]);
      mt->udh = g_strdup (hex->str);
      mt->payload = unquote (udh[1] ? udh[1] : "");
    }
  else
    {
      mt->udh = g_strdup ("");
      mt->ucs2 = strcmp (fields[2], "ucs-2") == 0;
      mt->payload = mt->ucs2 ? unquote (fields[3]) : g_bytes_new (fields[3], strlen (fields[3]));
    }
  return mt;
}

/* What fakesmsc logged since last time: messages sent, messages received. */
guint
qurb_kannel_gateway_read_mts (QurbKannelGateway *gateway)
{
  g_autofree gchar *path = g_build_filename (gateway->dir, "fakesmsc.out", NULL);
  g_autofree gchar *log = NULL;
  gsize length = 0;
  gchar *line, *end;

  if (!g_file_get_contents (path, &log, &length, NULL) || (goffset) length <= gateway->log_read)
    return gateway->mts->len;
  for (line = log + gateway->log_read; (end = memchr (line, '\n', log + length - line)) != NULL; line = end + 1)
    {
      const gchar *sent = g_strstr_len (line, end - line, "fakesmsc: sent message ");
      const gchar *got = g_strstr_len (line, end - line, "Got message ");

      *end = '\0';
      if (sent != NULL)
        gateway->sent = MAX (gateway->sent, (guint) g_ascii_strtoull (sent + strlen ("fakesmsc: sent message "), NULL, 10));
      else if (got != NULL && strchr (got, '<') != NULL && end[-1] == '>')
        {
          QurbKannelMt *mt;

          end[-1] = '\0';
          mt = parse_mt (strchr (got, '<') + 1);
          end[-1] = '>';
          if (mt != NULL)
            g_ptr_array_add (gateway->mts, mt);
        }
    }
  gateway->log_read = line - log;
  return gateway->mts->len;
}

/* A phone sends text: as plain text, or as UCS-2 when it is not ASCII. */
void
qurb_kannel_gateway_send (QurbKannelGateway *gateway, const gchar *from, const gchar *to, const gchar *text)
{
  gboolean ascii = TRUE;
  g_autofree gchar *line = NULL;
  g_autoptr(GError) error = NULL;
  guint before = gateway->sent;
  gint64 until = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (const gchar *c = text; *c; c++)
    ascii = ascii && (guchar) *c < 0x80;
  if (ascii)
    line = g_strdup_printf ("%s %s text %s\n", from, to, text);
  else
    {
      gsize written = 0;
      g_autofree gchar *ucs2 = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, &written, NULL);
      g_autofree gchar *escaped = g_uri_escape_bytes ((const guint8 *) ucs2, written, NULL);

      line = g_strdup_printf ("%s %s ucs2 %s\n", from, to, escaped);
    }
  g_assert_cmpuint (strlen (line), <, 256);  /* fakesmsc's line buffer */
  g_output_stream_write_all (gateway->phones, line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (gateway->phones, NULL, &error);
  g_assert_no_error (error);
  while (qurb_kannel_gateway_read_mts (gateway), gateway->sent <= before)
    {
      if (g_get_monotonic_time () > until)
        g_error ("fakesmsc did not send “%s”", line);
      g_usleep (2 * 1000);
    }
}

void
qurb_kannel_gateway_free (QurbKannelGateway *gateway)
{
  if (gateway == NULL)
    return;
  stop (&gateway->smsbox);
  /* fakesmsc aborts at the end of its input: a signal first */
  stop (&gateway->fakesmsc);
  stop (&gateway->bearerbox);
  g_ptr_array_unref (gateway->mts);
  g_free (gateway->dir);
  g_free (gateway);
}
