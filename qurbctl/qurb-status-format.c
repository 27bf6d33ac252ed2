/* qurb-status-format.c — `qurbctl status` as JSON, Prometheus text or prose
 *
 * The JSON object's fields, in this order, are the contract of
 * docs/DESIGN.md section 5; monitoring scripts read them. */
#include "config.h"

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-json.h"
#include "qurb-status-format.h"

#define I64 "%" G_GINT64_FORMAT

static void
append_int_or_null (GString *out, gint64 value)
{
  if (value < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, I64, value);
}

void
qurb_status_to_json (const QurbStatus *status, GString *out)
{
  const QurbImportStatus *last = &status->last_import;

  g_string_append (out, "{\"version\":");
  qurb_json_append_string (out, PACKAGE_VERSION);
  g_string_append_printf (out, ",\"schema\":%d,\"members\":" I64 ",\"claims\":" I64 ",\"last_import\":",
                          status->schema, status->members, status->claims);
  if (last->kind == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append (out, "{\"kind\":");
      qurb_json_append_string (out, last->kind);
      g_string_append (out, ",\"at\":");
      qurb_json_append_string (out, last->at);
      g_string_append_printf (out, ",\"rows\":" I64 ",\"skipped\":" I64 "}", last->rows, last->skipped);
    }
  g_string_append_printf (out, ",\"inbox\":{\"unanswered\":" I64 ",\"oldest_s\":" I64 "}",
                          status->inbox_unanswered, MAX (status->inbox_oldest_s, 0));
  g_string_append_printf (out, ",\"outbox\":{\"queued\":" I64 ",\"sending\":" I64 ",\"failed_24h\":" I64
                          ",\"oldest_queued_s\":" I64 "}", status->outbox_queued, status->outbox_sending,
                          status->outbox_failed_24h, MAX (status->outbox_oldest_queued_s, 0));
  g_string_append (out, ",\"modems\":[");
  for (guint i = 0; i < status->modems->len; i++)
    {
      const QurbModemStatus *modem = status->modems->pdata[i];

      g_string_append (out, i ? ",{\"name\":" : "{\"name\":");
      qurb_json_append_string (out, modem->name);
      g_string_append (out, ",\"seen_at\":");
      qurb_json_append_string (out, modem->seen_at);
      g_string_append (out, ",\"signal\":");
      append_int_or_null (out, modem->signal);
      g_string_append (out, ",\"network\":");
      qurb_json_append_string (out, modem->network);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "],\"broadcasts\":{\"active\":" I64 "},\"healthy\":%s,\"problems\":[",
                          status->broadcasts_active, status->healthy ? "true" : "false");
  for (guint i = 0; i < status->problems->len; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      qurb_json_append_string (out, status->problems->pdata[i]);
    }
  g_string_append (out, "]}\n");
}

/* A label value in the exposition format: \, " and newline escaped. */
static void
append_label (GString *out, const gchar *value)
{
  for (const gchar *p = value ? value : ""; *p; p++)
    {
      if (*p == '\\' || *p == '"')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

static void
gauge (GString *out, const gchar *name, const gchar *help, gint64 value)
{
  g_string_append_printf (out, "# HELP %s %s\n# TYPE %s gauge\n%s " I64 "\n", name, help, name, name, value);
}

static gint64
unix_time (const gchar *stored)
{
  g_autoptr(GDateTime) dt = qurb_parse_datetime (stored);
  return dt ? g_date_time_to_unix (dt) : 0;
}

/* The node exporter's textfile collector format: one gauge per figure,
 * modems as labels. Help texts stay English: they are metric metadata. */
void
qurb_status_to_prometheus (const QurbStatus *status, GString *out)
{
  const QurbImportStatus *last = &status->last_import;

  g_string_append (out, "# HELP qurb_info The Qurb version and database schema.\n# TYPE qurb_info gauge\n"
                        "qurb_info{version=\"");
  append_label (out, PACKAGE_VERSION);
  g_string_append_printf (out, "\",schema=\"%d\"} 1\n", status->schema);
  gauge (out, "qurb_healthy", "1 when qurbctl status finds no problem.", status->healthy);
  gauge (out, "qurb_problems", "Problems qurbctl status reports.", status->problems->len);
  gauge (out, "qurb_members", "Members in the database.", status->members);
  gauge (out, "qurb_claims", "Claims in the database.", status->claims);
  if (last->kind != NULL)
    {
      g_string_append (out, "# HELP qurb_last_import_timestamp_seconds When the last import file was done.\n"
                            "# TYPE qurb_last_import_timestamp_seconds gauge\n"
                            "qurb_last_import_timestamp_seconds{kind=\"");
      append_label (out, last->kind);
      g_string_append_printf (out, "\"} " I64 "\n", unix_time (last->at));
      gauge (out, "qurb_last_import_rows", "Rows in the last import file.", last->rows);
      gauge (out, "qurb_last_import_skipped", "Rows of the last import file that were skipped.", last->skipped);
    }
  gauge (out, "qurb_inbox_unanswered", "Received messages not answered yet.", status->inbox_unanswered);
  gauge (out, "qurb_inbox_oldest_seconds", "Age of the oldest unanswered message.",
         MAX (status->inbox_oldest_s, 0));
  gauge (out, "qurb_outbox_queued", "Messages waiting to be sent.", status->outbox_queued);
  gauge (out, "qurb_outbox_sending", "Messages on a modem now.", status->outbox_sending);
  gauge (out, "qurb_outbox_failed_24h", "Messages that failed in the last 24 hours.", status->outbox_failed_24h);
  gauge (out, "qurb_outbox_oldest_queued_seconds", "Age of the oldest queued message.",
         MAX (status->outbox_oldest_queued_s, 0));
  gauge (out, "qurb_broadcasts_active", "Announcements scheduled or being sent.", status->broadcasts_active);
  g_string_append (out, "# HELP qurb_modem_seen_seconds Seconds since the modem last answered (-1: never).\n"
                        "# TYPE qurb_modem_seen_seconds gauge\n");
  for (guint i = 0; i < status->modems->len; i++)
    {
      const QurbModemStatus *modem = status->modems->pdata[i];

      g_string_append (out, "qurb_modem_seen_seconds{modem=\"");
      append_label (out, modem->name);
      g_string_append_printf (out, "\"} " I64 "\n", modem->unseen_s);
    }
  g_string_append (out, "# HELP qurb_modem_signal_percent The modem's signal as last read (-1: unknown).\n"
                        "# TYPE qurb_modem_signal_percent gauge\n");
  for (guint i = 0; i < status->modems->len; i++)
    {
      const QurbModemStatus *modem = status->modems->pdata[i];

      g_string_append (out, "qurb_modem_signal_percent{modem=\"");
      append_label (out, modem->name);
      g_string_append (out, "\",network=\"");
      append_label (out, modem->network);
      g_string_append_printf (out, "\"} %d\n", modem->signal);
    }
}

static gchar *
age (gint64 seconds)
{
  if (seconds < 120)
    return g_strdup_printf (_("%d s"), (gint) seconds);
  if (seconds < 2 * 3600)
    return g_strdup_printf (_("%d min"), (gint) (seconds / 60));
  return g_strdup_printf (_("%d h"), (gint) (seconds / 3600));
}

/* An import's kind as staff read it; the JSON and Prometheus outputs keep
 * the command's word ("members", "claims", "caravans"). */
static const gchar *
import_kind_label (const gchar *kind)
{
  static const struct { const gchar *kind, *label; } kinds[] = {
    /* TRANSLATORS: the kind of the last import, in "last import: %s at …" */
    { "members", N_("members") },
    /* TRANSLATORS: the kind of the last import, in "last import: %s at …" */
    { "claims", N_("claims") },
    /* TRANSLATORS: the kind of the last import, in "last import: %s at …" */
    { "caravans", N_("caravans") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return _(kinds[i].label);
  return kind;
}

void
qurb_status_to_text (const QurbStatus *status, GString *out)
{
  const QurbImportStatus *last = &status->last_import;
  g_autofree gchar *oldest = age (MAX (status->outbox_oldest_queued_s, 0));

  g_string_append_printf (out, _("Qurb %s, schema %d: %s\n"), PACKAGE_VERSION, status->schema,
                          status->healthy ? _("healthy") : _("NOT HEALTHY"));
  g_string_append_printf (out, _("members %d, claims %d\n"), (gint) status->members, (gint) status->claims);
  if (last->kind == NULL)
    g_string_append_printf (out, "%s\n", _("last import: none"));
  else
    g_string_append_printf (out, _("last import: %s at %s, %d rows, %d skipped%s%s\n"),
                            import_kind_label (last->kind), last->at,
                            (gint) last->rows, (gint) last->skipped, last->error ? " — " : "",
                            last->error ? last->error : "");
  g_string_append_printf (out, _("inbox: %d unanswered\n"), (gint) status->inbox_unanswered);
  g_string_append_printf (out, _("outbox: %d queued (oldest %s), %d sending, %d failed in 24 h\n"),
                          (gint) status->outbox_queued, oldest, (gint) status->outbox_sending,
                          (gint) status->outbox_failed_24h);
  for (guint i = 0; i < status->modems->len; i++)
    {
      const QurbModemStatus *modem = status->modems->pdata[i];
      g_autofree gchar *ago = age (modem->unseen_s);

      if (modem->seen_at == NULL)
        g_string_append_printf (out, _("modem %s: never seen\n"), modem->name);
      else
        g_string_append_printf (out, _("modem %s: seen %s ago, signal %d%%, network %s\n"), modem->name, ago,
                                modem->signal, modem->network ? modem->network : "?");
    }
  g_string_append_printf (out, _("broadcasts: %d active\n"), (gint) status->broadcasts_active);
  for (guint i = 0; i < status->problems->len; i++)
    g_string_append_printf (out, _("problem: %s\n"), (const gchar *) status->problems->pdata[i]);
}
