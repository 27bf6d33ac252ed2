/* qurb-agency.c — the provinces this box serves, and who serves the others */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "qurb-agency.h"
#include "qurb-clock.h"
#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"

#define CODE_KEY      "agency.code"
#define SCOPE_KEY     "agency.provinces"   /* "\nA\nB\n", canonical */
#define DIRECTORY_KEY "agency.directory"   /* "Province\tCODE\n" … */

/* "\nA\nB\n" from "a, b", or "" for an empty list. */
static gchar *
scope_of (const gchar *provinces, GError **error)
{
  g_auto(GStrv) names = qurb_provinces_parse_list (provinces, error);
  g_autofree gchar *joined = NULL;

  if (names == NULL)
    return NULL;
  if (names[0] == NULL)
    return g_strdup ("");
  joined = g_strjoinv ("\n", names);
  return g_strconcat ("\n", joined, "\n", NULL);
}

/* "GLM-01=Guelmim,Tan-Tan\n…" → "Guelmim\tGLM-01\nTan-Tan\tGLM-01\n…". */
static gchar *
directory_of (const gchar *text, GError **error)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (lines[i], "=", 2);
      g_auto(GStrv) names = NULL;
      g_autofree gchar *code = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (pair[1] == NULL || *g_strstrip (pair[0]) == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not an agency and its provinces (CODE=PROVINCE,…)"), lines[i]);
          return NULL;
        }
      names = qurb_provinces_parse_list (pair[1], error);
      if (names == NULL)
        return NULL;
      code = g_ascii_strup (pair[0], -1);
      for (guint k = 0; names[k] != NULL; k++)
        g_string_append_printf (out, "%s\t%s\n", names[k], code);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct {
  const gchar *code, *scope, *directory;
} SetJob;

static gboolean
put_setting (QurbDb *db, const gchar *key, const gchar *value, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3 WHERE value <> ?2", error);

  return stmt != NULL && qurb_db_bind (db, stmt, error, "ttt", key, value, now) &&
         qurb_db_step_done (db, stmt, error);
}

static gboolean
set_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  SetJob *job = user_data;

  return put_setting (db, CODE_KEY, job->code, error) && put_setting (db, SCOPE_KEY, job->scope, error) &&
         put_setting (db, DIRECTORY_KEY, job->directory, error);
}

/* Records this box's agency: its code, the provinces it serves (any
 * spelling, comma-separated; empty for all) and the directory of the
 * others ("CODE=PROVINCE,…" per line). Nothing is written unless all of
 * it is valid. */
gboolean
qurb_agency_set (QurbDb *db, const gchar *code, const gchar *provinces, const gchar *directory,
                 GError **error)
{
  g_autofree gchar *scope = NULL, *entries = NULL, *trimmed = NULL, *upper = NULL;
  SetJob job;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((scope = scope_of (provinces, error)) == NULL || (entries = directory_of (directory, error)) == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (code ? code : ""));
  upper = g_ascii_strup (trimmed, -1);
  job = (SetJob) { upper, scope, entries };
  return qurb_db_transact (db, set_in_transaction, &job, error);
}

/* The [agency] and [agencies] sections of a configuration, kept in the
 * database; a configuration without [agency] leaves what is there. */
gboolean
qurb_agency_configure (QurbDb *db, GKeyFile *config, const gchar *origin, GError **error)
{
  g_autofree gchar *code = NULL, *provinces = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(GString) directory = g_string_new (NULL);

  g_return_val_if_fail (db != NULL && config != NULL, FALSE);
  if (!g_key_file_has_group (config, "agency"))
    return TRUE;
  code = qurb_config_value (config, "agency", "code");
  provinces = qurb_config_value (config, "agency", "provinces");
  codes = g_key_file_get_keys (config, "agencies", NULL, NULL);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree gchar *served = qurb_config_value (config, "agencies", codes[i]);
      g_string_append_printf (directory, "%s=%s\n", codes[i], served ? served : "");
    }
  if (!qurb_agency_set (db, code, provinces, directory->str, error))
    {
      g_prefix_error (error, "%s: [agency]: ", origin);
      return FALSE;
    }
  return TRUE;
}

/* The same, from the configuration file at path; a file that does not
 * exist is no error unless it was asked for by name (required). */
gboolean
qurb_agency_configure_file (QurbDb *db, const gchar *path, gboolean required, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db != NULL && path != NULL, FALSE);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (!required && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }
  return qurb_agency_configure (db, file, path, error);
}

static gchar *
setting (QurbDb *db, const gchar *key, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "SELECT value FROM settings WHERE key = ?", error);
  gchar *value = NULL;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", key) || (step = qurb_db_step_row (db, stmt, error)) < 0)
    return NULL;
  value = step > 0 ? qurb_db_column_dup (stmt, 0) : g_strdup ("");
  sqlite3_reset (stmt);
  return value;
}

/* This box's agency; NULL only on a database error. */
QurbAgency *
qurb_agency_load (QurbDb *db, GError **error)
{
  g_autoptr(QurbAgency) agency = g_new0 (QurbAgency, 1);
  g_autofree gchar *code = NULL, *scope = NULL, *directory = NULL;
  g_auto(GStrv) lines = NULL;

  if ((code = setting (db, CODE_KEY, error)) == NULL || (scope = setting (db, SCOPE_KEY, error)) == NULL ||
      (directory = setting (db, DIRECTORY_KEY, error)) == NULL)
    return NULL;
  agency->code = *code ? g_steal_pointer (&code) : NULL;
  agency->scope = *scope ? g_steal_pointer (&scope) : NULL;
  agency->directory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (directory, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (lines[i], "\t", 2);

      if (pair[0] != NULL && pair[1] != NULL)
        g_hash_table_insert (agency->directory, g_strdup (pair[0]), g_strdup (pair[1]));
    }
  return g_steal_pointer (&agency);
}

/* Whether the box serves the members and caravans of this province (any
 * spelling). A province no one can name is served only by a box that
 * serves all of them. */
gboolean
qurb_agency_serves (const QurbAgency *agency, const gchar *province)
{
  const gchar *canonical;
  g_autofree gchar *needle = NULL;

  g_return_val_if_fail (agency != NULL, TRUE);
  if (agency->scope == NULL)
    return TRUE;
  canonical = qurb_province_canonical (province);
  if (canonical == NULL)
    return FALSE;
  needle = g_strconcat ("\n", canonical, "\n", NULL);
  return strstr (agency->scope, needle) != NULL;
}

/* The code of the agency that serves a province this box does not, from
 * the directory, or NULL when the directory does not say. */
const gchar *
qurb_agency_serving (const QurbAgency *agency, const gchar *province)
{
  const gchar *canonical = qurb_province_canonical (province);

  g_return_val_if_fail (agency != NULL, NULL);
  return canonical != NULL ? g_hash_table_lookup (agency->directory, canonical) : NULL;
}

void
qurb_agency_free (QurbAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->code);
  g_free (agency->scope);
  g_clear_pointer (&agency->directory, g_hash_table_unref);
  g_free (agency);
}
