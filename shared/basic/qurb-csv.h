/* qurb-csv.h — RFC 4180 reader that reports, and steps over, broken records */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  QURB_CSV_RECORD,  /* a record is ready: see _n_fields() and _field() */
  QURB_CSV_BAD,     /* a malformed record was skipped; error says why */
  QURB_CSV_END,
} QurbCsvStatus;

typedef struct _QurbCsvReader QurbCsvReader;

QurbCsvReader *qurb_csv_reader_new_for_path (const gchar  *path,
                                             GError      **error);
QurbCsvReader *qurb_csv_reader_new_for_data (const gchar  *data,
                                             gsize         length);
void           qurb_csv_reader_free         (QurbCsvReader *reader);

QurbCsvStatus  qurb_csv_reader_next         (QurbCsvReader *reader,
                                             GError       **error);
guint          qurb_csv_reader_n_fields     (QurbCsvReader *reader);
const gchar   *qurb_csv_reader_field        (QurbCsvReader *reader,
                                             guint          index);
gchar        **qurb_csv_reader_fields       (QurbCsvReader *reader);
void           qurb_csv_reader_set_separator (QurbCsvReader *reader,
                                              gchar          separator);
gchar          qurb_csv_reader_get_separator (QurbCsvReader *reader);
void           qurb_csv_reader_rewind_to    (QurbCsvReader *reader,
                                             gsize          offset,
                                             guint          line);
guint          qurb_csv_reader_line         (QurbCsvReader *reader);
guint          qurb_csv_reader_next_line    (QurbCsvReader *reader);
gsize          qurb_csv_reader_offset       (QurbCsvReader *reader);
gsize          qurb_csv_reader_size         (QurbCsvReader *reader);

void           qurb_csv_append_field        (GString      *out,
                                             const gchar  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbCsvReader, qurb_csv_reader_free)

G_END_DECLS
