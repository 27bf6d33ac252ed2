/* cmd-sms.c — qurbctl sms-simulate: a text through the daemon's own path */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-json.h"
#include "qurb-sms.h"
#include "qurbctl.h"

static void
append_arg (GString *out, gboolean *first, const gchar *key, const gchar *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append (out, *first ? "" : ",");
  qurb_json_append_string (out, key);
  g_string_append_c (out, ':');
  qurb_json_append_string (out, value);
  *first = FALSE;
}

/* One object, as docs/DESIGN.md section 3 fixes it. */
static gchar *
result_to_json (const QurbSmsResult *result)
{
  const QurbSmsCommand *command = &result->command;
  g_autoptr(GString) out = g_string_new ("{\"intent\":");
  gboolean first = TRUE;

  qurb_json_append_string (out, qurb_intent_name (command->intent));
  g_string_append (out, ",\"lang\":");
  qurb_json_append_string (out, result->lang);
  g_string_append (out, ",\"args\":{");
  append_arg (out, &first, "dossier", command->dossier);
  append_arg (out, &first, "province", command->province);
  append_arg (out, &first, "caravan", command->caravan);
  append_arg (out, &first, "time", command->time);
  append_arg (out, &first, "booking", command->booking);
  append_arg (out, &first, "lang", command->intent == QURB_INTENT_LANGUAGE ? command->lang : NULL);
  if (command->intent == QURB_INTENT_RATE)
    {
      g_string_append_printf (out, "%s\"rating\":%d", first ? "" : ",", command->rating);
      first = FALSE;
    }
  g_string_append (out, "},\"reply\":[");
  if (result->reply != NULL)
    {
      g_autoptr(GPtrArray) parts = qurb_sms_split (result->reply);
      for (guint i = 0; i < parts->len; i++)
        {
          g_string_append (out, i ? "," : "");
          qurb_json_append_string (out, parts->pdata[i]);
        }
    }
  g_string_append (out, "],\"encoding\":");
  qurb_json_append_string (out, qurb_encoding_name (result->reply ? result->segments.encoding
                                                                  : QURB_ENCODING_GSM7));
  g_string_append_printf (out, ",\"segments\":%u}", result->reply ? result->segments.parts : 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gint
qurbctl_cmd_sms_simulate (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *from = NULL;
  g_autofree gchar *text = NULL;
  gboolean json = FALSE;
  gint max_per_hour = 10;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The sender's number"), N_("NUMBER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the outcome as one JSON object"), NULL },
    { "max-replies-per-hour", 0, 0, G_OPTION_ARG_INT, &max_per_hour,
      N_("Answers per sender and hour (default 10)"), "N" },
    { NULL }
  };
  QurbSmsPolicy policy = QURB_SMS_POLICY_DEFAULT;
  QurbSmsResult result = { 0 };
  gint64 id;

  if (!qurbctl_parse_options (_("--from NUMBER TEXT…"),
                              _("Run a text message through exactly the path the SMS daemon uses —\n"
                                "same rules, same database effects — and print the answer."),
                              entries, &argc, &argv, 1, -1))
    return QURBCTL_USAGE;
  if (from == NULL)
    {
      g_printerr (_("qurbctl: say who sends the message with --from NUMBER\n"));
      return QURBCTL_USAGE;
    }
  policy.max_replies_per_hour = MAX (0, max_per_hour);
  text = g_strjoinv (" ", argv + 1);
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (!qurb_sms_receive (db, from, text, &id, &error) ||
      !qurb_sms_process (db, id, &policy, &result, &error))
    return qurbctl_fail (error);

  if (json)
    {
      g_autofree gchar *line = result_to_json (&result);
      g_print ("%s\n", line);
    }
  else if (result.reply != NULL)
    g_print ("%s\n", result.reply);
  else
    g_print (_("(no answer: %s)\n"), qurb_intent_name (result.command.intent));
  qurb_sms_result_clear (&result);
  return QURBCTL_OK;
}
