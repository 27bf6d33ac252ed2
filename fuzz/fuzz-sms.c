/* fuzz-sms.c — libFuzzer target: folding, parsing and segment maths of
 * any bytes a modem may hand over. Built with -Dfuzzing=true and clang. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "qurb-fold.h"
#include "qurb-phone.h"
#include "qurb-segments.h"
#include "qurb-sms-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Codes of letters only and of a series, as a database holds them. */
static const gchar *const caravan_codes[] = { "LAA1", "GLM1", "CONC", NULL };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree gchar *text = g_strndup ((const gchar *) data, size);
  g_autofree gchar *folded = qurb_fold (text);
  g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);
  QurbSmsCommand command;

  qurb_sms_parse (text, caravan_codes, &command);
  g_assert (strlen (command.dossier) < sizeof command.dossier);
  g_assert (command.time[0] == '\0' || strlen (command.time) == 5);
  g_assert (command.intent <= QURB_INTENT_RATE);

  if (g_utf8_validate (text, -1, NULL))
    {
      g_autofree gchar *gsm = qurb_gsm7_fold (text);
      g_autoptr(GPtrArray) parts = qurb_sms_split (text);
      QurbSegments segments;
      g_autoptr(GString) joined = g_string_new (NULL);

      qurb_sms_segments (gsm, &segments);
      g_assert (segments.encoding == QURB_ENCODING_GSM7);
      /* Parts put back together give the text back. */
      for (guint i = 0; i < parts->len; i++)
        g_string_append (joined, parts->pdata[i]);
      g_assert (strcmp (joined->str, text) == 0);
    }
  for (guint i = 0; i + 1 < tokens->len; i++)
    qurb_edit_distance (tokens->pdata[i], tokens->pdata[i + 1], 2);
  g_free (qurb_phone_normalize (text));
  return 0;
}
