/* fuzz-csv.c — libFuzzer target: the CSV reader and row checks on any
 * bytes a staff member may try to import. */
#include "config.h"

#include <stdint.h>

#include "qurb-csv.h"
#include "qurb-records.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(QurbCsvReader) reader = qurb_csv_reader_new_for_data ((const gchar *) data, size);
  QurbCsvStatus status;
  guint records = 0;

  while ((status = qurb_csv_reader_next (reader, NULL)) != QURB_CSV_END && records++ < 10000)
    {
      gchar **fields;
      guint n;

      g_assert (qurb_csv_reader_offset (reader) <= size);
      if (status != QURB_CSV_RECORD)
        continue;
      fields = qurb_csv_reader_fields (reader);
      n = qurb_csv_reader_n_fields (reader);
      if (n == 10)
        {
          QurbMemberRow row;
          if (qurb_member_row_parse (fields, "2027-01-15", &row, NULL))
            qurb_member_row_clear (&row);
        }
      else if (n == 9)
        {
          QurbClaimRow row;
          qurb_claim_row_parse (fields, "2027-01-15", &row, NULL);
        }
      else if (n == 12)
        {
          QurbCaravanRow row;
          qurb_caravan_row_parse (fields, &row, NULL);
        }
    }
  return 0;
}
