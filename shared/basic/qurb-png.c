/* qurb-png.c — a square of black and white modules as a PNG image
 *
 * One 8-bit greyscale image, one IDAT chunk, rows unfiltered: a QR code
 * of a few hundred pixels compresses to a few hundred bytes anyway. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "qurb-png.h"

static guint32
crc32_update (guint32 crc, const guint8 *data, gsize length)
{
  static guint32 table[256];

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;
        for (guint k = 0; k < 8; k++)
          c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
      }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
append_u32 (GByteArray *out, guint32 value)
{
  guint8 be[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, be, 4);
}

/* Length, type, data, and the CRC of type and data. */
static void
append_chunk (GByteArray *out, const gchar type[4], const guint8 *data, gsize length)
{
  guint32 crc = 0xffffffffu;

  append_u32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, (guint) length);
  crc = crc32_update (crc, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  append_u32 (out, crc ^ 0xffffffffu);
}

static GBytes *
deflate (const guint8 *data, gsize length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  /* Into memory: nothing here can fail but memory itself. */
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL) ||
      !g_output_stream_close (stream, NULL, NULL))
    g_error ("compressing a PNG image failed");
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* modules: size × size, row by row, non-zero for a dark module. Each
 * module becomes scale × scale pixels, with margin light modules around
 * (a QR code wants 4: its quiet zone). */
GBytes *
qurb_png_from_modules (const guint8 *modules, guint size, guint scale, guint margin)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint side, row_bytes;
  g_autofree guint8 *raw = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 header[13];
  gsize compressed_length;
  const guint8 *compressed_data;

  g_return_val_if_fail (modules != NULL && size > 0 && scale > 0, NULL);
  g_return_val_if_fail ((size + 2 * margin) * scale <= 8192, NULL);

  side = (size + 2 * margin) * scale;
  row_bytes = side + 1;   /* each row starts with its filter: 0, none */
  raw = g_malloc (row_bytes * side);
  for (guint y = 0; y < side; y++)
    {
      guint8 *row = raw + y * row_bytes;
      gint my = (gint) (y / scale) - (gint) margin;

      row[0] = 0;
      for (guint x = 0; x < side; x++)
        {
          gint mx = (gint) (x / scale) - (gint) margin;
          gboolean dark = mx >= 0 && my >= 0 && mx < (gint) size && my < (gint) size &&
                          modules[my * size + mx] != 0;

          row[1 + x] = dark ? 0x00 : 0xff;
        }
    }
  compressed = deflate (raw, (gsize) row_bytes * side);

  g_byte_array_append (out, signature, sizeof signature);
  header[0] = side >> 24; header[1] = side >> 16; header[2] = side >> 8; header[3] = side;
  memcpy (header + 4, header, 4);
  header[8] = 8;    /* bits per sample */
  header[9] = 0;    /* greyscale */
  header[10] = 0;   /* deflate */
  header[11] = 0;   /* adaptive filtering, each row's own */
  header[12] = 0;   /* not interlaced */
  append_chunk (out, "IHDR", header, sizeof header);
  compressed_data = g_bytes_get_data (compressed, &compressed_length);
  append_chunk (out, "IDAT", compressed_data, compressed_length);
  append_chunk (out, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
