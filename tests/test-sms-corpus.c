/* test-sms-corpus.c — every line of the SMS corpora, each against a fresh
 * database of the fixtures, through the daemon's own path
 *
 * corpus/sms-dev.tsv is the shared corpus; corpus/sms-extra.tsv holds our
 * own harder cases in the same format: from, text, intent, args, lang;
 * corpus/sms-members.tsv messages written the way members really text
 * (docs/DESIGN.md 3.1), from the rules rather than from the parser. */
#include "config.h"

#include "qurb-sms.h"
#include "qurb-test-util.h"

typedef struct {
  gchar *file;
  guint line;
  gchar **fields;
} CorpusLine;

static void
corpus_line_free (gpointer data)
{
  CorpusLine *line = data;
  g_free (line->file);
  g_strfreev (line->fields);
  g_free (line);
}

/* "caravan=LAA1;time=10:30" from a result, keys in a fixed order. */
static gchar *
args_of (const QurbSmsResult *result)
{
  const QurbSmsCommand *c = &result->command;
  const struct { const gchar *key, *value; } args[] = {
    { "dossier", c->dossier }, { "province", c->province }, { "caravan", c->caravan },
    { "time", c->time }, { "booking", c->booking },
    { "lang", c->intent == QURB_INTENT_LANGUAGE ? c->lang : NULL },
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    if (args[i].value != NULL && args[i].value[0] != '\0')
      g_string_append_printf (out, "%s%s=%s", out->len ? ";" : "", args[i].key, args[i].value);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same, from the corpus: its keys may come in any order. */
static gchar *
canonical_args (const gchar *text)
{
  static const gchar *const order[] = { "dossier", "province", "caravan", "time", "booking", "lang" };
  g_auto(GStrv) pairs = g_strsplit (text, ";", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; pairs[i]; i++)
      if (g_str_has_prefix (pairs[i], order[k]) && pairs[i][strlen (order[k])] == '=')
        g_string_append_printf (out, "%s%s", out->len ? ";" : "", pairs[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_line (gconstpointer data)
{
  const CorpusLine *line = data;
  QurbFixture fixture;
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;
  g_autofree gchar *args = NULL, *expected_args = NULL;
  gint64 id;

  g_test_message ("%s:%u: %s", line->file, line->line, line->fields[1]);
  qurb_fixture_setup (&fixture, NULL);
  qurb_fixture_load_corpus (&fixture);

  g_assert_true (qurb_sms_receive (fixture.db, line->fields[0], line->fields[1], &id, &error));
  g_assert_true (qurb_sms_process (fixture.db, id, NULL, &result, &error));
  g_assert_no_error (error);

  args = args_of (&result);
  expected_args = canonical_args (line->fields[3]);
  g_assert_cmpstr (qurb_intent_name (result.command.intent), ==, line->fields[2]);
  g_assert_cmpstr (args, ==, expected_args);
  g_assert_cmpstr (result.lang, ==, line->fields[4]);
  /* Every message that is not ignored gets exactly one reply. */
  if (result.command.intent == QURB_INTENT_IGNORED)
    g_assert_null (result.reply);
  else
    {
      g_assert_nonnull (result.reply);
      g_assert_cmpuint (result.segments.parts, >=, 1);
    }

  qurb_sms_result_clear (&result);
  qurb_fixture_teardown (&fixture, NULL);
}

static void
add_corpus (const gchar *name, GPtrArray *keep)
{
  g_autofree gchar *path = g_path_is_absolute (name) ? g_strdup (name) : qurb_test_corpus_path (name);
  g_autofree gchar *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      CorpusLine *line;
      g_autofree gchar *test_path = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      line = g_new0 (CorpusLine, 1);
      line->file = g_path_get_basename (name);
      line->line = i + 1;
      line->fields = g_strsplit (lines[i], "\t", 5);
      g_assert_cmpuint (g_strv_length (line->fields), ==, 5);
      g_ptr_array_add (keep, line);
      test_path = g_strdup_printf ("/sms-corpus/%s/%u", line->file, i + 1);
      g_test_add_data_func (test_path, line, test_line);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (corpus_line_free);
  gint status;

  g_test_init (&argc, &argv, NULL);
  /* A line that fails is reported and the others still run. */
  g_test_set_nonfatal_assertions ();
  add_corpus ("sms-dev.tsv", lines);
  add_corpus ("sms-extra.tsv", lines);
  add_corpus ("sms-members.tsv", lines);
  add_corpus ("sms-blind.tsv", lines);
  /* Another corpus to measure on, e.g. messages held out while writing
   * the language: QURB_SMS_CORPUS=/path/to/file.tsv. */
  if (g_getenv ("QURB_SMS_CORPUS") != NULL)
    add_corpus (g_getenv ("QURB_SMS_CORPUS"), lines);
  status = g_test_run ();
  return status;
}
