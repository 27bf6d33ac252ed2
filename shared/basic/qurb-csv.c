/* qurb-csv.c — RFC 4180 reader that reports, and steps over, broken records */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "qurb-csv.h"
#include "qurb-i18n.h"

struct _QurbCsvReader {
  GMappedFile *mapped;     /* owned; NULL for in-memory data */
  const gchar *data;
  gsize        length;
  gsize        pos;
  guint        next_line;  /* physical line number at pos, 1-based */
  guint        line;       /* line on which the current record starts */
  gchar        separator;  /* ',' unless a file says otherwise */
  GString     *buffer;     /* current record's fields, NUL-separated */
  GArray      *starts;     /* guint offsets into buffer */
  GPtrArray   *fields;     /* pointers into buffer, NULL-terminated */
};

static QurbCsvReader *
reader_new (const gchar *data, gsize length)
{
  QurbCsvReader *reader = g_new0 (QurbCsvReader, 1);

  reader->data = data;
  reader->length = length;
  reader->next_line = 1;
  reader->separator = ',';
  reader->buffer = g_string_sized_new (512);
  reader->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);
  reader->fields = g_ptr_array_sized_new (17);
  /* A UTF-8 byte-order mark, as spreadsheet exports write it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = 3;
  return reader;
}

QurbCsvReader *
qurb_csv_reader_new_for_path (const gchar *path, GError **error)
{
  GMappedFile *mapped = g_mapped_file_new (path, FALSE, error);
  QurbCsvReader *reader;

  if (mapped == NULL)
    return NULL;
  reader = reader_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  reader->mapped = mapped;
  return reader;
}

QurbCsvReader *
qurb_csv_reader_new_for_data (const gchar *data, gsize length)
{
  return reader_new (data, length);
}

void
qurb_csv_reader_free (QurbCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_pointer (&reader->mapped, g_mapped_file_unref);
  g_string_free (reader->buffer, TRUE);
  g_array_unref (reader->starts);
  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

/* Resume after a broken record at the start of the physical line that
 * follows the record's first line, so one bad quote costs one line. */
static void
skip_to_line_after (QurbCsvReader *reader, gsize record_start, guint record_line)
{
  const gchar *nl = memchr (reader->data + record_start, '\n', reader->length - record_start);

  reader->pos = nl ? (gsize) (nl - reader->data) + 1 : reader->length;
  reader->next_line = record_line + 1;
}

static void
begin_field (QurbCsvReader *reader)
{
  guint start = reader->buffer->len;
  g_array_append_val (reader->starts, start);
}

QurbCsvStatus
qurb_csv_reader_next (QurbCsvReader *reader, GError **error)
{
  const gchar *d = reader->data;
  gsize end = reader->length;
  gsize p = reader->pos;
  gsize record_start;
  gboolean in_quotes = FALSE;
  gboolean after_quote = FALSE;

  /* Blank lines between records carry nothing. */
  while (p < end && (d[p] == '\n' || d[p] == '\r'))
    {
      if (d[p] == '\n')
        reader->next_line++;
      p++;
    }
  if (p >= end)
    {
      reader->pos = p;
      return QURB_CSV_END;
    }

  record_start = p;
  reader->line = reader->next_line;
  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->starts, 0);
  begin_field (reader);

  while (p < end)
    {
      gchar c = d[p];

      if (in_quotes)
        {
          /* Copy up to the next quote in one go. */
          const gchar *quote = memchr (d + p, '"', end - p);
          gsize run = quote ? (gsize) (quote - (d + p)) : end - p;

          for (gsize i = 0; i < run; i++)
            reader->next_line += d[p + i] == '\n';
          g_string_append_len (reader->buffer, d + p, run);
          p += run;
          if (p >= end)
            break;
          if (p + 1 < end && d[p + 1] == '"')
            {
              g_string_append_c (reader->buffer, '"');
              p += 2;
              continue;
            }
          in_quotes = FALSE;
          after_quote = TRUE;
          p++;
          continue;
        }

      if (c == reader->separator)
        {
          g_string_append_c (reader->buffer, '\0');
          begin_field (reader);
          after_quote = FALSE;
          p++;
          continue;
        }
      if (c == '\n' || (c == '\r' && (p + 1 >= end || d[p + 1] == '\n')))
        break;
      if (after_quote)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("text after a closing quote"));
          skip_to_line_after (reader, record_start, reader->line);
          return QURB_CSV_BAD;
        }
      if (c == '"')
        {
          /* A quote opens a field only at its start (RFC 4180). */
          guint field_start = g_array_index (reader->starts, guint, reader->starts->len - 1);
          if (reader->buffer->len == field_start)
            {
              in_quotes = TRUE;
              p++;
              continue;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("a quote inside an unquoted field"));
          skip_to_line_after (reader, record_start, reader->line);
          return QURB_CSV_BAD;
        }
      /* An unquoted run: everything up to the next comma, quote or line end. */
      {
        gsize q = p + 1;

        while (q < end && d[q] != reader->separator && d[q] != '"' && d[q] != '\n' && d[q] != '\r')
          q++;
        g_string_append_len (reader->buffer, d + p, q - p);
        p = q;
      }
    }

  if (in_quotes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("a quoted field is never closed"));
      skip_to_line_after (reader, record_start, reader->line);
      return QURB_CSV_BAD;
    }

  /* Step over the record's line ending. */
  if (p < end && d[p] == '\r')
    p++;
  if (p < end && d[p] == '\n')
    {
      p++;
      reader->next_line++;
    }
  reader->pos = p;

  /* Validate the raw bytes: the buffer holds NULs between fields. */
  if (!g_utf8_validate_len (d + record_start, p - record_start, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the line is not valid UTF-8 text"));
      return QURB_CSV_BAD;
    }
  /* The buffer has stopped growing: its field pointers are now stable. */
  g_ptr_array_set_size (reader->fields, 0);
  for (guint i = 0; i < reader->starts->len; i++)
    g_ptr_array_add (reader->fields, reader->buffer->str + g_array_index (reader->starts, guint, i));
  g_ptr_array_add (reader->fields, NULL);
  return QURB_CSV_RECORD;
}

gchar **
qurb_csv_reader_fields (QurbCsvReader *reader)
{
  return (gchar **) reader->fields->pdata;
}

/* Back to a point saved from _offset() and _line() before a record. */
void
qurb_csv_reader_rewind_to (QurbCsvReader *reader, gsize offset, guint line)
{
  g_return_if_fail (offset <= reader->length);
  reader->pos = offset;
  reader->next_line = line;
}

/* Fields apart by ';' (what a French-locale spreadsheet writes) or a tab
 * rather than ','; set before reading the records it applies to. */
void
qurb_csv_reader_set_separator (QurbCsvReader *reader, gchar separator)
{
  g_return_if_fail (separator != '"' && separator != '\n' && separator != '\r' && separator != '\0');
  reader->separator = separator;
}

gchar
qurb_csv_reader_get_separator (QurbCsvReader *reader)
{
  return reader->separator;
}

guint
qurb_csv_reader_next_line (QurbCsvReader *reader)
{
  return reader->next_line;
}

guint
qurb_csv_reader_n_fields (QurbCsvReader *reader)
{
  return reader->starts->len;
}

const gchar *
qurb_csv_reader_field (QurbCsvReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->starts->len, NULL);
  return reader->buffer->str + g_array_index (reader->starts, guint, index);
}

guint
qurb_csv_reader_line (QurbCsvReader *reader)
{
  return reader->line;
}

gsize
qurb_csv_reader_offset (QurbCsvReader *reader)
{
  return reader->pos;
}

gsize
qurb_csv_reader_size (QurbCsvReader *reader)
{
  return reader->length;
}

/* Appends value as one field, quoted when it needs it (RFC 4180): a
 * comma, a quote or a line break. NULL appends nothing (an empty field). */
void
qurb_csv_append_field (GString *out, const gchar *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const gchar *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
