/* qurb-ticket.c — the caravan-day ticket: a booking code a device can
 * check without the network */
#include "config.h"

#include <string.h>

#include "qurb-booking-rules.h"
#include "qurb-ticket.h"

/* What the signature covers: a version and the code, so that a future
 * ticket format can never be mistaken for this one. */
#define SIGNED_PREFIX "qurb-ticket-v1:"
#define KEY_ID_PREFIX "qurb-ticket-key-id:"

static const gchar base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* The first n_chars × 5 bits of a SHA-256 digest, in base32. */
static void
base32_prefix (const guint8 data[32], gsize n_chars, gchar *out)
{
  g_assert (n_chars * 5 <= 32 * 8);
  for (gsize i = 0; i < n_chars; i++)
    {
      gsize bit = i * 5, byte = bit / 8, shift = bit % 8;
      guint window = (guint) data[byte] << 8 | (byte + 1 < 32 ? data[byte + 1] : 0);

      out[i] = base32_alphabet[(window >> (11 - shift)) & 0x1f];
    }
  out[n_chars] = '\0';
}

void
qurb_ticket_key_id (const QurbTicketKey *key, gchar id[QURB_TICKET_KEY_ID_LENGTH + 1])
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (sha, (const guchar *) KEY_ID_PREFIX, strlen (KEY_ID_PREFIX));
  g_checksum_update (sha, key->bytes, sizeof key->bytes);
  g_checksum_get_digest (sha, digest, &length);
  base32_prefix (digest, QURB_TICKET_KEY_ID_LENGTH, id);
}

static void
signature (const QurbTicketKey *key, const gchar *code, gchar tag[QURB_TICKET_TAG_LENGTH + 1])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key->bytes, sizeof key->bytes);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_hmac_update (hmac, (const guchar *) SIGNED_PREFIX, strlen (SIGNED_PREFIX));
  g_hmac_update (hmac, (const guchar *) code, strlen (code));
  g_hmac_get_digest (hmac, digest, &length);
  base32_prefix (digest, QURB_TICKET_TAG_LENGTH, tag);
}

/* 64 hexadecimal digits (whitespace around them allowed). */
gboolean
qurb_ticket_key_parse (const gchar *text, QurbTicketKey *key)
{
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (strlen (trimmed) != 2 * QURB_TICKET_KEY_SIZE)
    return FALSE;
  for (guint i = 0; i < QURB_TICKET_KEY_SIZE; i++)
    {
      gint high = g_ascii_xdigit_value (trimmed[2 * i]), low = g_ascii_xdigit_value (trimmed[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      key->bytes[i] = (guint8) (high << 4 | low);
    }
  return TRUE;
}

gchar *
qurb_ticket_key_format (const QurbTicketKey *key)
{
  GString *text = g_string_sized_new (2 * QURB_TICKET_KEY_SIZE + 2);

  for (guint i = 0; i < QURB_TICKET_KEY_SIZE; i++)
    g_string_append_printf (text, "%02x", key->bytes[i]);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

void
qurb_ticket_payload (const QurbTicketKey *key, const gchar *booking_code,
                     gchar payload[QURB_TICKET_PAYLOAD_SIZE])
{
  gchar id[QURB_TICKET_KEY_ID_LENGTH + 1], tag[QURB_TICKET_TAG_LENGTH + 1];
  gchar code[QURB_BOOKING_CODE_SIZE];

  g_return_if_fail (qurb_booking_code_normalize (booking_code, code));

  qurb_ticket_key_id (key, id);
  signature (key, code, tag);
  g_snprintf (payload, QURB_TICKET_PAYLOAD_SIZE, QURB_TICKET_PREFIX "-%s-%s-%s", code, id, tag);
}

/* Letters and digits only, upper case: what a ticket is made of once
 * whatever a scanner or a person put between its parts is gone. */
static gchar *
compact (const gchar *text)
{
  GString *out = g_string_new (NULL);

  for (const gchar *p = text; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

/* Whether text has the shape of a signed ticket (signed by anyone). */
gboolean
qurb_ticket_is_signed (const gchar *text)
{
  g_autofree gchar *packed = compact (text ? text : "");

  return strlen (packed) == strlen (QURB_TICKET_PREFIX) + QURB_BOOKING_CODE_LENGTH +
                            QURB_TICKET_KEY_ID_LENGTH + QURB_TICKET_TAG_LENGTH &&
         g_str_has_prefix (packed, QURB_TICKET_PREFIX);
}

/* Reads a scanned or typed text. code is filled whenever a booking code
 * could be read, refused or not (for the audit). A bare code needs no
 * key; a signed ticket cannot be checked without one (key NULL: FOREIGN). */
QurbTicketCheck
qurb_ticket_read (const gchar *text, const QurbTicketKey *key, gchar code[QURB_BOOKING_CODE_SIZE])
{
  g_autofree gchar *packed = NULL, *trimmed = NULL;
  gchar id[QURB_TICKET_KEY_ID_LENGTH + 1], tag[QURB_TICKET_TAG_LENGTH + 1];
  const gchar *their_id, *their_tag;
  guint8 difference = 0;

  code[0] = '\0';
  if (text == NULL)
    return QURB_TICKET_UNREADABLE;
  trimmed = g_strstrip (g_strdup (text));
  if (qurb_booking_code_normalize (trimmed, code))
    return QURB_TICKET_CODE_ONLY;
  code[0] = '\0';
  if (!qurb_ticket_is_signed (text))
    return QURB_TICKET_UNREADABLE;

  packed = compact (text);
  {
    gchar piece[QURB_BOOKING_CODE_SIZE];

    memcpy (piece, packed + strlen (QURB_TICKET_PREFIX), QURB_BOOKING_CODE_LENGTH);
    piece[QURB_BOOKING_CODE_LENGTH] = '\0';
    if (!qurb_booking_code_normalize (piece, code))
      return QURB_TICKET_UNREADABLE;
  }
  their_id = packed + strlen (QURB_TICKET_PREFIX) + QURB_BOOKING_CODE_LENGTH;
  their_tag = their_id + QURB_TICKET_KEY_ID_LENGTH;
  if (key == NULL)
    return QURB_TICKET_FOREIGN;
  qurb_ticket_key_id (key, id);
  if (memcmp (id, their_id, QURB_TICKET_KEY_ID_LENGTH) != 0)
    return QURB_TICKET_FOREIGN;
  signature (key, code, tag);
  /* Every character compared: the time taken tells nothing. */
  for (guint i = 0; i < QURB_TICKET_TAG_LENGTH; i++)
    difference |= (guint8) (tag[i] ^ their_tag[i]);
  return difference == 0 ? QURB_TICKET_VALID : QURB_TICKET_FORGED;
}
