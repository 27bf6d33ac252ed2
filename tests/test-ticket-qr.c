/* test-ticket-qr.c — a booking's ticket as a QR code read back by a real
 * decoder (zbarimg, Debian's zbar-tools), printed through a fake `lp`, and
 * the key file it is signed with */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "qurb-booking.h"
#include "qurb-ticket-issue.h"
#include "qurb-ticket-key.h"
#include "qurb-test-util.h"

/* What zbarimg reads in a PNG file, or NULL when it reads nothing. */
static gchar *
zbar_read (const gchar *png_path)
{
  g_autofree gchar *out = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *argv[] = { "zbarimg", "--quiet", "--raw", png_path, NULL };
  gint status = -1;

  g_assert_true (g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? g_strdup (g_strstrip (out)) : NULL;
}

static gboolean
have_zbarimg (void)
{
  g_autofree gchar *path = g_find_program_in_path ("zbarimg");

  if (path == NULL)
    g_test_skip ("zbarimg is not installed (Debian: zbar-tools; scripts/deps.sh installs it)");
  return path != NULL;
}

static void
write_png (const QurbTicketQr *qr, const gchar *path, guint scale)
{
  g_autoptr(GBytes) png = qurb_ticket_qr_png (qr, scale);
  g_autoptr(GError) error = NULL;
  gsize length;
  const gchar *data = g_bytes_get_data (png, &length);

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_qr_round_trip (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *code = NULL, *png_path = NULL, *read = NULL, *tampered_path = NULL;
  g_autofree gchar *tampered_read = NULL;
  g_autoptr(QurbTicket) ticket = NULL;
  g_autoptr(QurbTicketQr) tampered = NULL;
  gchar payload[QURB_TICKET_PAYLOAD_SIZE], read_code[QURB_BOOKING_CODE_SIZE];
  QurbTicketKey key, other;

  if (!have_zbarimg ())
    return;
  qurb_fixture_load_corpus (fixture);
  code = qurb_test_book (fixture->db, "100001", "LAA1");
  qurb_test_ticket_key (&key, 1);
  ticket = qurb_ticket_issue (fixture->db, &key, code, "fr", &error);
  g_assert_no_error (error);
  /* Version 2: 25 modules a side, small enough for a phone's screen. */
  g_assert_cmpuint (ticket->qr->version, ==, 2);
  g_assert_cmpuint (ticket->qr->size, ==, 25);
  g_assert_nonnull (strstr (ticket->text, code));
  g_assert_nonnull (strstr (ticket->text, "LAA1"));
  g_assert_nonnull (strstr (ticket->text, "03/02/2027"));

  /* Decoded by zbar: the payload, and a signature that checks. */
  png_path = g_build_filename (fixture->dir, "ticket.png", NULL);
  write_png (ticket->qr, png_path, 4);
  read = zbar_read (png_path);
  g_assert_cmpstr (read, ==, ticket->payload);
  g_assert_cmpint (qurb_ticket_read (read, &key, read_code), ==, QURB_TICKET_VALID);
  g_assert_cmpstr (read_code, ==, code);
  /* Another deployment's key does not vouch for it. */
  qurb_test_ticket_key (&other, 2);
  g_assert_cmpint (qurb_ticket_read (read, &other, read_code), ==, QURB_TICKET_FOREIGN);

  /* A QR code made of a payload changed by one character (the code of
   * another booking, the signature kept): decoded, and refused. */
  g_strlcpy (payload, ticket->payload, sizeof payload);
  payload[10] = payload[10] == '2' ? '3' : '2';
  tampered = qurb_ticket_qr_new (payload, &error);
  g_assert_no_error (error);
  tampered_path = g_build_filename (fixture->dir, "tampered.png", NULL);
  write_png (tampered, tampered_path, 4);
  tampered_read = zbar_read (tampered_path);
  g_assert_cmpstr (tampered_read, ==, payload);
  g_assert_cmpint (qurb_ticket_read (tampered_read, &key, read_code), ==, QURB_TICKET_FORGED);

  /* A cancelled booking has no ticket. */
  g_assert_true (qurb_db_exec (fixture->db, "UPDATE bookings SET state = 'cancelled'", NULL));
  g_assert_null (qurb_ticket_issue (fixture->db, &key, code, "fr", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A fake lp: records its arguments and keeps copies of what it was given;
 * exits 1 for the queue "jammed". */
static gchar *
fake_lp (QurbFixture *fixture)
{
  g_autofree gchar *bin = g_build_filename (fixture->dir, "bin", NULL);
  g_autofree gchar *script = g_build_filename (bin, "lp", NULL);
  g_autofree gchar *text = g_strdup_printf (
      "#!/bin/sh\n"
      "out=%s/printed\n"
      "mkdir -p \"$out\"\n"
      "echo \"$@\" > \"$out/args\"\n"
      "[ \"$2\" = jammed ] && { echo 'lp: printer jammed' >&2; exit 1; }\n"
      "for f; do [ -f \"$f\" ] && cp \"$f\" \"$out/\"; done\n"
      "echo 'request id is receipt-1 (2 file(s))'\n", fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (bin, 0755), ==, 0);
  g_file_set_contents (script, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  return g_steal_pointer (&bin);
}

static void
test_print (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *code = NULL, *bin = fake_lp (fixture), *args = NULL, *text = NULL;
  g_autofree gchar *args_path = g_build_filename (fixture->dir, "printed", "args", NULL);
  g_autofree gchar *text_path = g_build_filename (fixture->dir, "printed", "ticket.txt", NULL);
  g_autofree gchar *png_path = g_build_filename (fixture->dir, "printed", "ticket.png", NULL);
  g_autofree gchar *path = g_strconcat (bin, ":", g_getenv ("PATH"), NULL);
  g_autofree gchar *old_path = g_strdup (g_getenv ("PATH"));
  g_autoptr(QurbTicket) ticket = NULL;
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autofree gchar *printer = NULL, *zbarimg = g_find_program_in_path ("zbarimg");
  QurbTicketKey key;

  qurb_fixture_load_corpus (fixture);
  code = qurb_test_book (fixture->db, "100001", "LAA1");
  qurb_test_ticket_key (&key, 1);
  ticket = qurb_ticket_issue (fixture->db, &key, code, "fr", &error);
  g_assert_no_error (error);

  /* The queue comes from [kiosk] printer=; none, no printing. */
  g_assert_null (qurb_ticket_printer (config));
  g_key_file_set_string (config, "kiosk", "printer", "");
  g_assert_null (qurb_ticket_printer (config));
  g_key_file_set_string (config, "kiosk", "printer", "receipt");
  printer = qurb_ticket_printer (config);
  g_assert_cmpstr (printer, ==, "receipt");

  g_setenv ("PATH", path, TRUE);
  g_assert_true (qurb_ticket_print (ticket, printer, &error));
  g_assert_no_error (error);
  g_file_get_contents (args_path, &args, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (args, "-d receipt -t Qurb "));
  g_assert_nonnull (strstr (args, " -- "));
  g_file_get_contents (text_path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, ticket->text);
  if (zbarimg != NULL)
    {
      g_autofree gchar *read = zbar_read (png_path);
      g_assert_cmpstr (read, ==, ticket->payload);
    }
  /* A printer that refuses: the reason lp gave. */
  g_assert_false (qurb_ticket_print (ticket, "jammed", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "printer jammed"));
  g_setenv ("PATH", old_path, TRUE);
}

static void
test_key_file (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *path = g_build_filename (fixture->dir, "ticket.key", NULL);
  g_autofree gchar *contents = NULL;
  g_autoptr(GError) error = NULL;
  QurbTicketKey key, again;
  gboolean created = FALSE;
  GStatBuf st;

  /* A device that only checks never makes a key of its own. */
  g_assert_false (qurb_ticket_key_get (path, QURB_TICKET_KEY_LOAD, &key, &created, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (qurb_ticket_key_get (path, QURB_TICKET_KEY_CREATE, &key, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_cmpuint (strlen (contents), ==, 65);
  g_assert_true (qurb_ticket_key_parse (contents, &again));
  g_assert_cmpmem (key.bytes, sizeof key.bytes, again.bytes, sizeof again.bytes);
  /* Made once: the next program reads the same key. */
  g_assert_true (qurb_ticket_key_get (path, QURB_TICKET_KEY_CREATE, &again, &created, &error));
  g_assert_false (created);
  g_assert_cmpmem (key.bytes, sizeof key.bytes, again.bytes, sizeof again.bytes);
  /* No temporary file left beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const gchar *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".ticket.key-"));
  }

  /* A key anyone can read is refused; so is a file that is not a key. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_false (qurb_ticket_key_get (path, QURB_TICKET_KEY_LOAD, &again, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM);
  g_clear_error (&error);
  g_file_set_contents (path, "not a key\n", -1, NULL);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_false (qurb_ticket_key_get (path, QURB_TICKET_KEY_LOAD, &again, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_null (strstr (error->message, "not a key"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ticket-qr/round-trip", QurbFixture, NULL, qurb_fixture_setup, test_qr_round_trip,
              qurb_fixture_teardown);
  g_test_add ("/ticket-qr/print", QurbFixture, NULL, qurb_fixture_setup, test_print, qurb_fixture_teardown);
  g_test_add ("/ticket-qr/key-file", QurbFixture, NULL, qurb_fixture_setup, test_key_file,
              qurb_fixture_teardown);
  return g_test_run ();
}
