/* qurb-kannel-format.c — what Kannel's smsbox and qurb-smsd say to each other */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-kannel-format.h"

static gboolean
parse_int (const gchar *text, gint64 min, gint64 max, gint64 *out)
{
  gchar *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *out = g_ascii_strtoll (text, &end, 10);
  return *end == '\0' && *out >= min && *out <= max;
}

static QurbModemPart *
bad_request (GError **error, const gchar *what)
{
  g_set_error (error, QURB_MODEM_ERROR, QURB_MODEM_ERROR_FAILED, "%s", what);
  return NULL;
}

/* The text in UTF-8, or NULL when it cannot be: kept, marked, not answered
 * (as the modem adapter does with a part it cannot decode). */
static gchar *
decode_text (const gchar *coding, const gchar *charset, const guint8 *body, gsize length)
{
  g_autofree gchar *text = NULL;
  gsize written = length;

  if (g_strcmp0 (coding, "1") == 0)
    return NULL;  /* 8-bit data: a ringtone, a binary part */
  if (charset == NULL || *charset == '\0' || g_ascii_strcasecmp (charset, "UTF-8") == 0)
    text = g_strndup ((const gchar *) body, length);
  else
    text = g_convert ((const gchar *) body, length, "UTF-8", charset, NULL, &written, NULL);
  /* A NUL inside would cut the text short unseen. */
  if (text == NULL || strlen (text) != written || !g_utf8_validate (text, written, NULL))
    return NULL;
  return g_steal_pointer (&text);
}

/* An incoming message. %T, the time bearerbox took it, and %I, Kannel's
 * id, are the same in every retry of one post: the time makes a retry the
 * same part for the store's uniqueness rule, the id lets the adapter join
 * a retry to the part it still holds (*key). Concatenated messages come
 * whole: bearerbox joins the parts (sms-combine-concatenated-mo). */
QurbModemPart *
qurb_kannel_parse_mo (GHashTable *query, const gchar *charset, const guint8 *body, gsize length,
                      gchar **key, GError **error)
{
  const gchar *from = g_hash_table_lookup (query, "from");
  const gchar *id = g_hash_table_lookup (query, "id");
  g_autoptr(GDateTime) stamp = NULL;
  QurbModemPart *part;
  gint64 ts;

  if (from == NULL || *from == '\0')
    return bad_request (error, "no from= (%p) in the post-url");
  if (!parse_int (g_hash_table_lookup (query, "ts"), 0, G_MAXINT64 / G_USEC_PER_SEC, &ts) ||
      (stamp = g_date_time_new_from_unix_local (ts)) == NULL)
    return bad_request (error, "no ts= (%T) in the post-url");
  if (charset == NULL)
    charset = g_hash_table_lookup (query, "charset");

  part = g_new0 (QurbModemPart, 1);
  part->sender = g_strdup (from);
  part->text = decode_text (g_hash_table_lookup (query, "coding"), charset, body, length);
  part->sent_at = qurb_datetime_iso (stamp);
  part->reference = -1;
  part->total = part->seq = 1;
  *key = id != NULL && *id != '\0' ? g_strconcat ("mo:", id, NULL) : NULL;
  return part;
}

/* A delivery report to the dlr-url of one of our parts. */
QurbModemPart *
qurb_kannel_parse_dlr (GHashTable *query, gchar **key, GError **error)
{
  const gchar *phone = g_hash_table_lookup (query, "phone");
  QurbModemPart *part;
  gint64 ref, type;

  if (!parse_int (g_hash_table_lookup (query, "ref"), 0, G_MAXINT, &ref))
    return bad_request (error, "no ref= in the delivery report");
  if (!parse_int (g_hash_table_lookup (query, "type"), 0, G_MAXINT, &type))
    return bad_request (error, "no type= (%d) in the delivery report");

  part = g_new0 (QurbModemPart, 1);
  part->sender = g_strdup (phone ? phone : "");
  part->reference = -1;
  part->total = part->seq = 1;
  part->status_report = TRUE;
  part->report_ref = (gint) ref;
  /* 8 (the operator took it) and 4 (buffered) come before the end. */
  part->delivered = type == QURB_KANNEL_DLR_DELIVERED;
  *key = g_strdup_printf ("dlr:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, ref, type);
  return part;
}

static void
append_param (GString *url, const gchar *name, const gchar *value)
{
  g_autofree gchar *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (url, "%s%s=%s", strchr (url->str, '?') ? "&" : "?", name, escaped);
}

/* One part through smsbox's sendsms. charset=UTF-8 with coding=2 is what
 * makes Kannel send Arabic as UCS-2 (either alone gives "????" or
 * garbage). A part of several carries our own concatenation header, so
 * that Kannel never cuts it again and a part resent after a restart is
 * the same part. The dlr-url carries our reference: Kannel 1.4.5 answers
 * sendsms without an id of its own. */
gchar *
qurb_kannel_sendsms_url (const QurbKannelAccount *account, const QurbKannelPart *part)
{
  GString *url = g_string_new (account->sendsms_url);
  g_autofree gchar *callback = g_strdup (account->callback_url);
  g_autofree gchar *dlr_url = NULL;
  g_autofree gchar *mask = g_strdup_printf ("%d", QURB_KANNEL_DLR_MASK);

  while (g_str_has_suffix (callback, "/"))
    callback[strlen (callback) - 1] = '\0';
  dlr_url = g_strdup_printf ("%s/dlr?ref=%d&type=%%d", callback, part->network_ref);

  append_param (url, "username", account->username);
  append_param (url, "password", account->password);
  append_param (url, "from", account->short_code);
  append_param (url, "to", part->to);
  append_param (url, "text", part->text);
  append_param (url, "charset", "UTF-8");
  append_param (url, "coding", part->ucs2 ? "2" : "0");
  if (part->total > 1)
    {
      /* 05 00 03 ref total seq: 8-bit reference concatenation */
      const guint8 udh[] = { 5, 0, 3, part->reference, part->total, part->seq };
      g_autofree gchar *escaped = g_uri_escape_bytes (udh, sizeof udh, NULL);

      g_string_append_printf (url, "&udh=%s", escaped);
    }
  if (account->smsc_id != NULL)
    append_param (url, "smsc", account->smsc_id);
  append_param (url, "dlr-mask", mask);
  append_param (url, "dlr-url", dlr_url);
  return g_string_free (url, FALSE);
}

/* username= and password= lines ('#' comments): the file alone holds the
 * secret, readable by the daemon's user only; it is never logged. */
gboolean
qurb_kannel_read_credentials (const gchar *path, gchar **username, gchar **password, GError **error)
{
  g_autofree gchar *data = NULL;
  g_auto(GStrv) lines = NULL;

  *username = *password = NULL;
  if (!g_file_get_contents (path, &data, NULL, error))
    return FALSE;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gchar *line = g_strstrip (lines[i]);
      gchar *equals = strchr (line, '=');

      if (*line == '#' || equals == NULL)
        continue;
      *equals = '\0';
      g_strstrip (line);
      if (strcmp (line, "username") == 0)
        {
          g_free (*username);
          *username = g_strdup (g_strstrip (equals + 1));
        }
      else if (strcmp (line, "password") == 0)
        {
          g_free (*password);
          *password = g_strdup (g_strstrip (equals + 1));
        }
    }
  if (*username == NULL || **username == '\0' || *password == NULL || **password == '\0')
    {
      g_clear_pointer (username, g_free);
      g_clear_pointer (password, g_free);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: needs a username= and a password= line"), path);
      return FALSE;
    }
  return TRUE;
}
