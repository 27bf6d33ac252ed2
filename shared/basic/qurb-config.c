/* qurb-config.c — reading /etc/qurb/qurb.conf, shared by every program */
#include "config.h"

#include <string.h>

#include "qurb-config.h"
#include "qurb-i18n.h"

/* A value without the "; comment" the example file puts after it. */
gchar *
qurb_config_value (GKeyFile *file, const gchar *group, const gchar *key)
{
  g_autofree gchar *raw = g_key_file_get_value (file, group, key, NULL);
  gchar *comment;

  if (raw == NULL)
    return NULL;
  for (comment = strchr (raw, ';'); comment != NULL; comment = strchr (comment + 1, ';'))
    if (comment == raw || comment[-1] == ' ' || comment[-1] == '\t')
      {
        *comment = '\0';
        break;
      }
  return g_strdup (g_strstrip (raw));
}

gboolean
qurb_config_number (GKeyFile *file, const gchar *group, const gchar *key, guint fallback, guint min,
                    guint max, guint *out, const gchar *origin, GError **error)
{
  g_autofree gchar *text = qurb_config_value (file, group, key);
  gchar *end = NULL;
  guint64 n;

  if (text == NULL || *text == '\0')
    {
      *out = fallback;
      return TRUE;
    }
  n = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || n < min || n > max)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("%s: [%s] %s must be a whole number from %u to %u, not “%s”"),
                   origin, group, key, min, max, text);
      return FALSE;
    }
  *out = n;
  return TRUE;
}

