/* test-csv.c — the RFC 4180 reader, on good and broken input */
#include "config.h"

#include <glib/gstdio.h>

#include "qurb-csv.h"

/* Each record rendered as fields joined by '|', "BAD@line" for a
 * skipped record, records joined by '\n'. */
static gchar *
render (const gchar *input)
{
  g_autoptr(QurbCsvReader) reader = qurb_csv_reader_new_for_data (input, strlen (input));
  g_autoptr(GString) out = g_string_new (NULL);
  QurbCsvStatus status;

  while (TRUE)
    {
      g_autoptr(GError) error = NULL;

      status = qurb_csv_reader_next (reader, &error);
      if (status == QURB_CSV_END)
        break;
      if (out->len)
        g_string_append_c (out, '\n');
      if (status == QURB_CSV_BAD)
        {
          g_assert_nonnull (error);
          g_string_append_printf (out, "BAD@%u", qurb_csv_reader_line (reader));
          continue;
        }
      g_assert_no_error (error);
      g_string_append_printf (out, "%u:", qurb_csv_reader_line (reader));
      for (guint i = 0; i < qurb_csv_reader_n_fields (reader); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", qurb_csv_reader_field (reader, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_csv_table (void)
{
  static const struct { const gchar *input, *expected; } cases[] = {
    { "a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3" },
    { "a,b\r\n1,2\r\n", "1:a|b\n2:1|2" },
    { "a,b\n1,2", "1:a|b\n2:1|2" },                               /* no final newline */
    { "\xEF\xBB\xBF" "a,b\n", "1:a|b" },                            /* byte-order mark */
    { "a,,c\n", "1:a||c" },
    { ",\n", "1:|" },
    { "\"x,y\",z\n", "1:x,y|z" },
    { "\"he said \"\"hi\"\"\",2\n", "1:he said \"hi\"|2" },
    { "\"two\nlines\",b\nnext,row\n", "1:two\nlines|b\n3:next|row" },
    { "a\n\n\nb\n", "1:a\n4:b" },                                  /* blank lines */
    { "EL FASSI,\"EL FASSI, née BERRADA\",ليلى\n", "1:EL FASSI|EL FASSI, née BERRADA|ليلى" },
    { "a\rb,c\n", "1:a\rb|c" },                                    /* lone CR is data */
    /* Broken records cost one line each, and the reader goes on. */
    { "\"abc\"x,1\nok,2\n", "BAD@1\n2:ok|2" },
    { "ab\"c,1\nok,2\n", "BAD@1\n2:ok|2" },
    { "\"never closed,1\nok,2\n", "BAD@1\n2:ok|2" },
    { "ok,\xff\xfe\nnext,1\n", "BAD@1\n2:next|1" },                  /* not UTF-8 */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *got = render (cases[i].input);
      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_csv_rewind (void)
{
  const gchar *input = "a,b\nc,d\ne,f\n";
  g_autoptr(QurbCsvReader) reader = qurb_csv_reader_new_for_data (input, strlen (input));
  gsize offset;
  guint line;

  g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_RECORD);
  offset = qurb_csv_reader_offset (reader);
  line = qurb_csv_reader_next_line (reader);
  g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_RECORD);
  g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_RECORD);
  g_assert_cmpstr (qurb_csv_reader_field (reader, 0), ==, "e");

  qurb_csv_reader_rewind_to (reader, offset, line);
  g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_RECORD);
  g_assert_cmpstr (qurb_csv_reader_field (reader, 1), ==, "d");
  g_assert_cmpuint (qurb_csv_reader_line (reader), ==, 2);
  g_assert_cmpstr (qurb_csv_reader_fields (reader)[0], ==, "c");
  g_assert_null (qurb_csv_reader_fields (reader)[2]);
}

/* A file of many pages, read, its first part given back, then read again
 * from the point it was given back to: the same records. */
static void
test_csv_release (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("qurb-csv-XXXXXX", &error);
  g_autofree gchar *path = g_build_filename (dir, "rows.csv", NULL);
  g_autoptr(QurbCsvReader) reader = NULL;
  gsize offset = 0;
  guint line = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%u,\"row %u\"\n", i, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  reader = qurb_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 20000; i++)
    {
      if (i == 15000)
        {
          offset = qurb_csv_reader_offset (reader);
          line = qurb_csv_reader_next_line (reader);
          qurb_csv_reader_release_before (reader, offset);
        }
      g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_RECORD);
    }
  g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_END);
  qurb_csv_reader_release_before (reader, qurb_csv_reader_size (reader) + 4096);

  qurb_csv_reader_rewind_to (reader, offset, line);
  for (guint i = 15000; i < 20000; i++)
    {
      g_autofree gchar *expected = g_strdup_printf ("row %u", i);

      g_assert_cmpint (qurb_csv_reader_next (reader, NULL), ==, QURB_CSV_RECORD);
      g_assert_cmpuint (qurb_csv_reader_line (reader), ==, i + 1);
      g_assert_cmpstr (qurb_csv_reader_field (reader, 1), ==, expected);
    }
  g_clear_pointer (&reader, qurb_csv_reader_free);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_csv_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  QurbCsvReader *reader = qurb_csv_reader_new_for_path ("/nonexistent/members.csv", &error);

  g_assert_null (reader);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/table", test_csv_table);
  g_test_add_func ("/csv/rewind", test_csv_rewind);
  g_test_add_func ("/csv/release", test_csv_release);
  g_test_add_func ("/csv/missing-file", test_csv_missing_file);
  return g_test_run ();
}
