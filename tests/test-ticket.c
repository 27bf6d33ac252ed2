/* test-ticket.c — the caravan ticket's payload and its PNG, no database */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "qurb-png.h"
#include "qurb-ticket.h"

static void
key_from_byte (QurbTicketKey *key, guint8 seed)
{
  for (guint i = 0; i < QURB_TICKET_KEY_SIZE; i++)
    key->bytes[i] = (guint8) (seed + 7 * i);
}

static void
test_payload_shape (void)
{
  QurbTicketKey key;
  gchar payload[QURB_TICKET_PAYLOAD_SIZE], again[QURB_TICKET_PAYLOAD_SIZE];
  gchar id[QURB_TICKET_KEY_ID_LENGTH + 1];

  key_from_byte (&key, 1);
  qurb_ticket_payload (&key, "k7p-2qx", payload);
  qurb_ticket_key_id (&key, id);
  /* QURB-CODE-KEYI-16 characters of signature: 33, the QR code's
   * alphanumeric alphabet only (version 2 at level M holds 38). */
  g_assert_cmpuint (strlen (payload), ==, 33);
  g_assert_true (g_str_has_prefix (payload, "QURB-K7P2QX-"));
  g_assert_true (strncmp (payload + 12, id, 4) == 0);
  for (const gchar *p = payload; *p; p++)
    g_assert_nonnull (strchr ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", *p));
  /* The same code and key always sign the same. */
  qurb_ticket_payload (&key, "K7P2QX", again);
  g_assert_cmpstr (payload, ==, again);
}

typedef struct {
  const gchar *what;
  gchar *(*alter) (const gchar *payload);
  QurbTicketCheck expected;
} Alteration;

static gchar *as_is (const gchar *p) { return g_strdup (p); }
static gchar *lower_case (const gchar *p) { return g_ascii_strdown (p, -1); }
static gchar *spaced (const gchar *p) { return g_strdelimit (g_strdup_printf ("  %s\n", p), "-", ' '); }
static gchar *packed (const gchar *p) { g_auto(GStrv) parts = g_strsplit (p, "-", -1); return g_strjoinv ("", parts); }
static gchar *
one_signature_letter (const gchar *p)
{
  gchar *t = g_strdup (p);
  t[strlen (t) - 1] = t[strlen (t) - 1] == 'A' ? 'B' : 'A';
  return t;
}
static gchar *
another_code (const gchar *p)
{
  gchar *t = g_strdup (p);
  t[5] = t[5] == 'K' ? 'M' : 'K';   /* K7P2QX → M7P2QX, signature kept */
  return t;
}
static gchar *
another_key_id (const gchar *p)
{
  gchar *t = g_strdup (p);
  t[12] = t[12] == 'A' ? 'B' : 'A';
  return t;
}
static gchar *truncated (const gchar *p) { return g_strndup (p, strlen (p) - 1); }
static gchar *bare_code (const gchar *p) { return g_strdup ("k7p 2qx"); }
static gchar *nonsense (const gchar *p) { return g_strdup ("hello"); }
static gchar *code_outside_alphabet (const gchar *p) { gchar *t = g_strdup (p); t[5] = 'O'; return t; }

static const Alteration alterations[] = {
  { "as printed", as_is, QURB_TICKET_VALID },
  { "typed in lower case", lower_case, QURB_TICKET_VALID },
  { "spaces for dashes, blanks around", spaced, QURB_TICKET_VALID },
  { "no separators (a scanner's keyboard)", packed, QURB_TICKET_VALID },
  { "one letter of the signature", one_signature_letter, QURB_TICKET_FORGED },
  { "another booking code, the signature kept", another_code, QURB_TICKET_FORGED },
  { "another key id", another_key_id, QURB_TICKET_FOREIGN },
  { "one character short", truncated, QURB_TICKET_UNREADABLE },
  { "a bare booking code", bare_code, QURB_TICKET_CODE_ONLY },
  { "not a ticket", nonsense, QURB_TICKET_UNREADABLE },
  { "a code no booking can have", code_outside_alphabet, QURB_TICKET_UNREADABLE },
};

static void
test_read_back (void)
{
  QurbTicketKey key;
  gchar payload[QURB_TICKET_PAYLOAD_SIZE], code[QURB_BOOKING_CODE_SIZE];

  key_from_byte (&key, 1);
  qurb_ticket_payload (&key, "K7P2QX", payload);
  for (guint i = 0; i < G_N_ELEMENTS (alterations); i++)
    {
      g_autofree gchar *text = alterations[i].alter (payload);

      g_test_message ("%s: %s", alterations[i].what, text);
      g_assert_cmpint (qurb_ticket_read (text, &key, code), ==, alterations[i].expected);
      if (alterations[i].expected == QURB_TICKET_VALID || alterations[i].expected == QURB_TICKET_CODE_ONLY)
        g_assert_cmpstr (code, ==, "K7P2QX");
    }
  g_assert_cmpint (qurb_ticket_read (NULL, &key, code), ==, QURB_TICKET_UNREADABLE);
}

/* Another deployment's ticket: its own key, and its key's id. */
static void
test_foreign_key (void)
{
  QurbTicketKey ours, theirs;
  gchar payload[QURB_TICKET_PAYLOAD_SIZE], code[QURB_BOOKING_CODE_SIZE];

  key_from_byte (&ours, 1);
  key_from_byte (&theirs, 2);
  qurb_ticket_payload (&theirs, "K7P2QX", payload);
  g_assert_cmpint (qurb_ticket_read (payload, &ours, code), ==, QURB_TICKET_FOREIGN);
  g_assert_cmpstr (code, ==, "K7P2QX");
  g_assert_cmpint (qurb_ticket_read (payload, &theirs, code), ==, QURB_TICKET_VALID);
  /* No key on this device: a signed ticket cannot be vouched for. */
  g_assert_cmpint (qurb_ticket_read (payload, NULL, code), ==, QURB_TICKET_FOREIGN);
  g_assert_cmpint (qurb_ticket_read ("K7P2QX", NULL, code), ==, QURB_TICKET_CODE_ONLY);
}

static void
test_key_text (void)
{
  static const struct { const gchar *text; gboolean ok; } cases[] = {
    { "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", TRUE },
    { "  00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF  ", TRUE },
    { "00112233445566778899aabbccddeeff00112233445566778899aabbccddeef", FALSE },
    { "00112233445566778899aabbccddeeff00112233445566778899aabbccddeefg", FALSE },
    { "", FALSE },
  };
  QurbTicketKey key;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (qurb_ticket_key_parse (cases[i].text, &key), ==, cases[i].ok);
  g_assert_true (qurb_ticket_key_parse (cases[0].text, &key));
  {
    g_autofree gchar *text = qurb_ticket_key_format (&key);
    g_assert_cmpstr (text, ==, cases[0].text);
  }
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The PNG: signature, a greyscale IHDR of the right size, and pixels
 * that are the modules scaled, with the quiet zone white. */
static void
test_png (void)
{
  static const guint8 modules[9] = { 1, 0, 1,
                                     0, 1, 0,
                                     1, 1, 0 };
  g_autoptr(GBytes) png = qurb_png_from_modules (modules, 3, 2, 1);
  gsize length;
  const guint8 *data = g_bytes_get_data (png, &length);
  guint32 idat_length;
  g_autoptr(GZlibDecompressor) inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  guint8 pixels[10 * 11];
  gsize read, written;
  g_autoptr(GError) error = NULL;

  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_u32 (data + 16), ==, 10);   /* (3 + 2 × 1) × 2 */
  g_assert_cmpuint (read_u32 (data + 20), ==, 10);
  g_assert_cmpuint (data[24], ==, 8);
  g_assert_cmpuint (data[25], ==, 0);
  idat_length = read_u32 (data + 33);
  g_assert_cmpmem (data + 37, 4, "IDAT", 4);
  g_assert_cmpmem (data + length - 8, 4, "IEND", 4);
  g_assert_cmpint (g_converter_convert (G_CONVERTER (inflater), data + 41, idat_length, pixels, sizeof pixels,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, sizeof pixels);
  for (guint y = 0; y < 10; y++)
    {
      g_assert_cmpuint (pixels[y * 11], ==, 0);   /* no filter */
      for (guint x = 0; x < 10; x++)
        {
          gint mx = (gint) x / 2 - 1, my = (gint) y / 2 - 1;
          gboolean dark = mx >= 0 && my >= 0 && mx < 3 && my < 3 && modules[my * 3 + mx];

          g_assert_cmpuint (pixels[y * 11 + 1 + x], ==, dark ? 0x00 : 0xff);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ticket/payload-shape", test_payload_shape);
  g_test_add_func ("/ticket/read-back", test_read_back);
  g_test_add_func ("/ticket/foreign-key", test_foreign_key);
  g_test_add_func ("/ticket/key-text", test_key_text);
  g_test_add_func ("/ticket/png", test_png);
  return g_test_run ();
}
