/* qurb-json.c — writing JSON values for the command-line's --json output */
#include "config.h"

#include "qurb-json.h"

/* A JSON string (RFC 8259), or null for NULL. Non-ASCII stays UTF-8. */
void
qurb_json_append_string (GString *out, const gchar *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* One object on one line, fields as docs/DESIGN.md section 1 fixes them. */
void
qurb_message_to_json (const QurbMessage *message, GString *out)
{
  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"dir\":", message->id);
  qurb_json_append_string (out, message->dir);
  g_string_append (out, ",\"peer\":");
  qurb_json_append_string (out, message->peer);
  g_string_append (out, ",\"text\":");
  qurb_json_append_string (out, message->text);
  g_string_append (out, ",\"state\":");
  qurb_json_append_string (out, message->state);
  g_string_append (out, ",\"at\":");
  qurb_json_append_string (out, message->at);
  if (message->reply_to > 0)
    g_string_append_printf (out, ",\"reply_to\":%" G_GINT64_FORMAT, message->reply_to);
  else
    g_string_append (out, ",\"reply_to\":null");
  g_string_append (out, ",\"kind\":");
  qurb_json_append_string (out, message->kind);
  /* Only where there is one: why an incoming message got no answer. */
  if (message->note != NULL)
    {
      g_string_append (out, ",\"note\":");
      qurb_json_append_string (out, message->note);
    }
  g_string_append_c (out, '}');
}
