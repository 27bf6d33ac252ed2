/* test-kannel-format.c — what Kannel's smsbox posts and what we ask of its
 * sendsms, on canned inputs; the [kannel] configuration section */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qurb-kannel-format.h"
#include "qurb-smsd-config.h"

/* "a=b&c=d" as smsbox's query arrives (decoded already). */
static GHashTable *
query (const gchar *text)
{
  return g_uri_parse_params (text, -1, "&", G_URI_PARAMS_NONE, NULL);
}

static void
test_mo (void)
{
  static const struct {
    const gchar *query;
    const gchar *charset;   /* of the Content-Type */
    const gchar *body;      /* hex */
    const gchar *sender;    /* NULL: refused */
    const gchar *text;      /* NULL: kept, undecodable */
    const gchar *key;
  } cases[] = {
    /* mo-recode = true: UTF-8 whatever the phone sent */
    { "from=+212612345678&to=2525&ts=1795855149&coding=0&charset=UTF-8&id=e4a6",
      "UTF-8", "455441542032303234303031323334", "+212612345678", "ETAT 2024001234", "mo:e4a6" },
    { "from=+212612345678&ts=1795855149&coding=0&id=x", NULL,
      "d8add8a7d984d8a920323032", "+212612345678", "حالة 202", "mo:x" },
    /* mo-recode = false: UCS-2 arrives as UTF-16BE */
    { "from=0612345678&ts=1795855149&coding=2&charset=UTF-16BE", "UTF-16BE",
      "062d0627064406290020", "0612345678", "حالة ", NULL },
    /* the charset of the query when the Content-Type has none */
    { "from=0612345678&ts=1795855149&coding=2&charset=UTF-16BE", NULL,
      "00450054", "0612345678", "ET", NULL },
    /* 8-bit data, bytes that are not UTF-8, a NUL inside: kept, no text */
    { "from=0612345678&ts=1795855149&coding=1", NULL, "0102", "0612345678", NULL, NULL },
    { "from=0612345678&ts=1795855149&coding=0", "UTF-8", "c328", "0612345678", NULL, NULL },
    { "from=0612345678&ts=1795855149", "UTF-8", "410042", "0612345678", NULL, NULL },
    { "from=0612345678&ts=1795855149", NULL, "", "0612345678", "", NULL },
    /* no sender, no time stamp (a retry could not be recognised) */
    { "to=2525&ts=1795855149", NULL, "41", NULL, NULL, NULL },
    { "from=0612345678", NULL, "41", NULL, NULL, NULL },
    { "from=0612345678&ts=soon", NULL, "41", NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) q = query (cases[i].query);
      g_autoptr(GError) error = NULL;
      g_autofree gchar *key = NULL;
      gsize length = strlen (cases[i].body) / 2;
      g_autofree guint8 *body = g_malloc0 (length + 1);
      QurbModemPart *part;

      for (gsize j = 0; j < length; j++)
        body[j] = g_ascii_xdigit_value (cases[i].body[2 * j]) * 16 + g_ascii_xdigit_value (cases[i].body[2 * j + 1]);
      part = qurb_kannel_parse_mo (q, cases[i].charset, body, length, &key, &error);
      g_test_message ("case %u: %s", i, cases[i].query);
      if (cases[i].sender == NULL)
        {
          g_assert_null (part);
          g_assert_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (part->sender, ==, cases[i].sender);
      g_assert_cmpstr (part->text, ==, cases[i].text);
      g_assert_cmpstr (key, ==, cases[i].key);
      /* %T in local civil time, as every stored time (TZ=Africa/Casablanca) */
      g_assert_cmpstr (part->sent_at, ==, "2026-11-28T09:39:09");
      g_assert_cmpint (part->reference, ==, -1);
      g_assert_cmpint (part->total, ==, 1);
      g_assert_cmpint (part->seq, ==, 1);
      g_assert_false (part->status_report);
      qurb_modem_part_free (part);
    }
}

static void
test_dlr (void)
{
  static const struct {
    const gchar *query;
    gint ref;               /* -1: refused */
    gboolean delivered;
    const gchar *key;
  } cases[] = {
    { "ref=560169144&type=1&phone=+212612345678", 560169144, TRUE, "dlr:560169144:1" },
    { "ref=7&type=8", 7, FALSE, "dlr:7:8" },     /* the operator took it: not yet */
    { "ref=7&type=2", 7, FALSE, "dlr:7:2" },     /* failed */
    { "ref=7&type=16", 7, FALSE, "dlr:7:16" },   /* refused by the operator */
    { "ref=7&type=4", 7, FALSE, "dlr:7:4" },     /* buffered */
    { "ref=7", -1, FALSE, NULL },
    { "type=1", -1, FALSE, NULL },
    { "ref=-3&type=1", -1, FALSE, NULL },
    { "ref=99999999999&type=1", -1, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) q = query (cases[i].query);
      g_autoptr(GError) error = NULL;
      g_autofree gchar *key = NULL;
      QurbModemPart *part = qurb_kannel_parse_dlr (q, &key, &error);

      g_test_message ("case %u: %s", i, cases[i].query);
      if (cases[i].ref < 0)
        {
          g_assert_null (part);
          g_assert_nonnull (error);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (part->status_report);
      g_assert_cmpint (part->report_ref, ==, cases[i].ref);
      g_assert_cmpint (part->delivered, ==, cases[i].delivered);
      g_assert_nonnull (part->sender);
      g_assert_cmpstr (key, ==, cases[i].key);
      qurb_modem_part_free (part);
    }
}

static void
test_sendsms_url (void)
{
  QurbKannelAccount account = { "http://127.0.0.1:13013/cgi-bin/sendsms", "qurb", "p&ss=w rd", "2525", NULL,
                                "http://10.0.0.2:13080/" };
  static const struct {
    QurbKannelPart part;
    const gchar *smsc_id;
    const gchar *expected;
  } cases[] = {
    { { "+212612345678", "Dossier 2024001234 : accepté", FALSE, 0, 1, 1, 42 }, NULL,
      "http://127.0.0.1:13013/cgi-bin/sendsms?username=qurb&password=p%26ss%3Dw%20rd&from=2525"
      "&to=%2B212612345678&text=Dossier%202024001234%20%3A%20accept%C3%A9&charset=UTF-8&coding=0"
      "&dlr-mask=19&dlr-url=http%3A%2F%2F10.0.0.2%3A13080%2Fdlr%3Fref%3D42%26type%3D%25d" },
    /* Arabic: charset=UTF-8 with coding=2; part 2 of 3 with our header */
    { { "+212612345678", "حالة", TRUE, 0x1a, 3, 2, 2147483647 }, "OPERATOR",
      "http://127.0.0.1:13013/cgi-bin/sendsms?username=qurb&password=p%26ss%3Dw%20rd&from=2525"
      "&to=%2B212612345678&text=%D8%AD%D8%A7%D9%84%D8%A9&charset=UTF-8&coding=2&udh=%05%00%03%1A%03%02"
      "&smsc=OPERATOR&dlr-mask=19&dlr-url=http%3A%2F%2F10.0.0.2%3A13080%2Fdlr%3Fref%3D2147483647%26type%3D%25d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *url = NULL;

      account.smsc_id = cases[i].smsc_id;
      url = qurb_kannel_sendsms_url (&account, &cases[i].part);
      g_assert_cmpstr (url, ==, cases[i].expected);
    }
}

static void
test_credentials (void)
{
  static const struct {
    const gchar *contents;
    const gchar *username;  /* NULL: refused */
    const gchar *password;
  } cases[] = {
    { "username=qurb\npassword=s3cret\n", "qurb", "s3cret" },
    { "# from the gateway's team\n  username = qurb  \n\npassword= a=b#c \n", "qurb", "a=b#c" },
    { "username=qurb\n", NULL, NULL },
    { "password=x\nusername=\n", NULL, NULL },
    { "", NULL, NULL },
  };
  g_autofree gchar *dir = g_dir_make_tmp ("qurb-kannel-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "credentials", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *username = NULL, *password = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      ok = qurb_kannel_read_credentials (path, &username, &password, &error);
      g_assert_cmpint (ok, ==, cases[i].username != NULL);
      g_assert_cmpstr (username, ==, cases[i].username);
      g_assert_cmpstr (password, ==, cases[i].password);
      if (!ok)
        g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    }
  g_unlink (path);
  {
    g_autofree gchar *username = NULL, *password = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_false (qurb_kannel_read_credentials (path, &username, &password, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
  g_rmdir (dir);
}

static void
test_config (void)
{
  static const gchar *good =
    "[kannel]\nlisten=127.0.0.1:13080\nsendsms-url=http://127.0.0.1:13013/cgi-bin/sendsms\n"
    "credentials=/etc/qurb/kannel.credentials\nshort-code=2525\n"
    "[kannel:2]\nlisten=0.0.0.0:13081\ncallback-url=http://box-laa.vpn:13081\nallow-ip=10.0.0.1, 10.0.0.2\n"
    "sendsms-url=http://10.0.0.1:13013/cgi-bin/sendsms\ncredentials=/c\nshort-code=2526\n"
    "smsc-id=OPERATOR\nhold-seconds=5\npoll-interval-ms=100\nsend-interval-ms=10\n"
    "[modem]\ndevice=/dev/ttyUSB0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbSmsdConfig) config = qurb_smsd_config_parse (good, "test", &error);
  QurbModemConfig *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (config->modems->len, ==, 3);
  first = config->modems->pdata[0];
  second = config->modems->pdata[1];
  g_assert_cmpstr (first->name, ==, "kannel");
  g_assert_nonnull (first->kannel);
  g_assert_cmpstr (first->kannel->callback_url, ==, "http://127.0.0.1:13080");
  g_assert_cmpstr (first->kannel->short_code, ==, "2525");
  g_assert_null (first->kannel->smsc_id);
  g_assert_cmpuint (g_strv_length (first->kannel->allow_ip), ==, 2);  /* loopback, both families */
  g_assert_cmpuint (first->kannel->hold_seconds, ==, 20);
  g_assert_cmpuint (first->poll_interval_ms, ==, 200);
  g_assert_cmpuint (first->send_interval_ms, ==, 0);  /* Kannel throttles */
  g_assert_cmpstr (second->name, ==, "kannel:2");
  g_assert_cmpstr (second->kannel->callback_url, ==, "http://box-laa.vpn:13081");
  g_assert_cmpstr (second->kannel->allow_ip[1], ==, "10.0.0.2");
  g_assert_null (second->kannel->allow_ip[2]);
  g_assert_cmpstr (second->kannel->smsc_id, ==, "OPERATOR");
  g_assert_cmpuint (second->kannel->hold_seconds, ==, 5);
  g_assert_cmpuint (second->send_interval_ms, ==, 10);
  g_assert_null (((QurbModemConfig *) config->modems->pdata[2])->kannel);

  {
    g_autoptr(QurbSmsdConfig) any = qurb_smsd_config_parse (
        "[kannel]\nlisten=[::]:1\ncallback-url=https://box.vpn:1\nsendsms-url=http://x/\ncredentials=/c\n"
        "short-code=1\nallow-ip=any\n", "test", &error);
    g_assert_no_error (error);
    g_assert_null (((QurbModemConfig *) any->modems->pdata[0])->kannel->allow_ip[0]);
  }

  /* Values that cannot work, refused at start with what is wrong. */
  {
    static const struct { const gchar *keys; const gchar *message; } bad[] = {
      { "listen=localhost:13080\nsendsms-url=http://x/",
        "test: [kannel] listen must be an address of this machine and a port (10.8.0.12:13080), not “localhost:13080”" },
      { "listen=127.0.0.1\nsendsms-url=http://x/",
        "test: [kannel] listen must be an address of this machine and a port (10.8.0.12:13080), not “127.0.0.1”" },
      { "listen=0.0.0.0:13080\nsendsms-url=http://x/",
        "test: [kannel] listens on every address: callback-url must say how smsbox reaches it" },
      { "listen=127.0.0.1:13080\nsendsms-url=ftp://x/", "test: [kannel] “ftp://x/” is not an http:// address" },
      { "listen=127.0.0.1:13080\nsendsms-url=http://x/\ncallback-url=box:13080",
        "test: [kannel] “box:13080” is not an http:// address" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree gchar *ini = g_strdup_printf ("[kannel]\n%s\ncredentials=/c\nshort-code=2525\n", bad[i].keys);
        g_autoptr(QurbSmsdConfig) refused = qurb_smsd_config_parse (ini, "test", &error);

        g_assert_null (refused);
        g_assert_nonnull (error);
        g_assert_cmpstr (error->message, ==, bad[i].message);
        g_clear_error (&error);
      }
  }

  /* Each key the section cannot do without, missing in turn. */
  for (const gchar *const *key = (const gchar *const[]) { "listen", "sendsms-url", "credentials", "short-code", NULL };
       *key != NULL; key++)
    {
      g_autoptr(GString) ini = g_string_new ("[kannel]\nlisten=127.0.0.1:1\nsendsms-url=http://x/\n"
                                             "credentials=/c\nshort-code=2525\n");
      g_autofree gchar *line = g_strdup_printf ("%s=", *key);
      g_autofree gchar *expected = g_strdup_printf ("test: [kannel] has no %s", *key);
      gchar *at = strstr (ini->str, line);
      g_autoptr(QurbSmsdConfig) missing = NULL;

      g_string_erase (ini, at - ini->str, strchr (at, '\n') - at + 1);
      missing = qurb_smsd_config_parse (ini->str, "test", &error);
      g_assert_null (missing);
      g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
    }
  g_assert_null (qurb_smsd_config_parse ("[sms]\nquiet-hours=\n", "test", &error));
  g_assert_cmpstr (error->message, ==, "test: no [modem] or [kannel] section");
}

/* The [kannel] section of systemd/qurb.conf.example, uncommented, is read
 * as it says. */
static void
test_example (void)
{
  g_autofree gchar *path = g_test_build_filename (G_TEST_DIST, "..", "systemd", "qurb.conf.example", NULL);
  g_autofree gchar *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) uncommented = g_string_new (NULL);
  g_autoptr(QurbSmsdConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_kannel = FALSE;
  QurbKannelSection *kannel = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strcmp (lines[i], "#[kannel]") == 0)
        in_kannel = TRUE;
      else if (*lines[i] == '\0')
        in_kannel = FALSE;
      g_string_append_printf (uncommented, "%s\n", in_kannel ? lines[i] + 1 : lines[i]);
    }
  config = qurb_smsd_config_parse (uncommented->str, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < config->modems->len; i++)
    if (((QurbModemConfig *) config->modems->pdata[i])->kannel != NULL)
      kannel = ((QurbModemConfig *) config->modems->pdata[i])->kannel;
  g_assert_nonnull (kannel);
  g_assert_cmpstr (kannel->listen, ==, "10.8.0.12:13080");
  g_assert_cmpstr (kannel->callback_url, ==, "http://10.8.0.12:13080");
  g_assert_cmpstr (kannel->allow_ip[0], ==, "10.8.0.1");
  g_assert_cmpstr (kannel->sendsms_url, ==, "http://10.8.0.1:13013/cgi-bin/sendsms");
  g_assert_cmpstr (kannel->credentials, ==, "/etc/qurb/kannel.credentials");
  g_assert_cmpstr (kannel->short_code, ==, "2525");
  g_assert_null (kannel->smsc_id);
  g_assert_cmpuint (kannel->hold_seconds, ==, 20);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kannel-format/mo", test_mo);
  g_test_add_func ("/kannel-format/dlr", test_dlr);
  g_test_add_func ("/kannel-format/sendsms-url", test_sendsms_url);
  g_test_add_func ("/kannel-format/credentials", test_credentials);
  g_test_add_func ("/kannel-format/config", test_config);
  g_test_add_func ("/kannel-format/example", test_example);
  return g_test_run ();
}
