/* cmd-show.c — qurbctl member, caravans and messages */
#include "config.h"

#include <stdio.h>

#include "qurb-booking.h"
#include "qurb-i18n.h"
#include "qurb-json.h"
#include "qurb-messages.h"
#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-members.h"
#include "qurb-texts.h"
#include "qurbctl.h"

static const gchar *
staff_lang (void)
{
  return g_strcmp0 (qurb_ui_lang (), "ar") == 0 ? "ar" : "fr";
}

gint
qurbctl_cmd_member (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbMember) member = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GArray) bookings = NULL;
  const gchar *lang = qurb_ui_lang ();

  if (argc > 1 && g_str_equal (argv[1], "set-phone"))
    return qurbctl_cmd_member_set_phone (globals, argc - 1, argv + 1);
  if (!qurbctl_parse_options (_("MEMBER_NO | set-phone MEMBER_NO PHONE"),
                              _("Show a member, their claims and their bookings."),
                              NULL, &argc, &argv, 1, 1))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  member = qurbctl_find_member (db, argv[1]);
  if (member == NULL)
    return QURBCTL_FAILED;

  g_print ("%s  %s %s  (%s %s)\n", member->member_no, member->last_name, member->first_name,
           member->first_name_ar, member->last_name_ar);
  g_print (_("CIN %s · phone %s · language %s · %s\n"), member->cin,
           member->phone ? member->phone : _("none"), member->lang, member->province);

  claims = qurb_claims_for_member (db, member->id, 0, &error);
  if (claims == NULL)
    return qurbctl_fail (error);
  g_print ("\n%s\n", _("Claims:"));
  for (guint i = 0; i < claims->len; i++)
    {
      QurbClaim *claim = claims->pdata[i];
      g_autofree gchar *paid = qurb_format_amount (lang, claim->amount_paid);
      g_autofree gchar *status = qurbctl_pad (qurb_claim_status_label (lang, claim->status), 36);

      g_print ("  %s  %-15s %s  %s %s  %s\n", claim->dossier_no, claim->kind,
               claim->deposited_on, status, claim->status_date, paid);
    }

  bookings = qurb_bookings_upcoming (db, member->id, &error);
  if (bookings == NULL)
    return qurbctl_fail (error);
  g_print ("\n%s\n", _("Upcoming bookings:"));
  if (bookings->len == 0)
    g_print ("  %s\n", _("none"));
  for (guint i = 0; i < bookings->len; i++)
    {
      QurbBooking *b = &g_array_index (bookings, QurbBooking, i);
      g_print ("  %s  %-8s %s %s\n", b->code, b->caravan_code, b->date, b->start_time);
    }
  return QURBCTL_OK;
}

gint
qurbctl_cmd_caravans (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) caravans = NULL;
  gboolean ar = g_strcmp0 (staff_lang (), "ar") == 0;

  if (!qurbctl_parse_options (NULL, _("List upcoming caravans with the seats left."),
                              NULL, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  caravans = qurb_caravans_upcoming (db, &error);
  if (caravans == NULL)
    return qurbctl_fail (error);
  for (guint i = 0; i < caravans->len; i++)
    {
      QurbCaravan *c = caravans->pdata[i];
      g_autofree gchar *province = qurbctl_pad (c->province, 10);

      g_print ("%-8s %s %s-%s  %s %-3d %s · %s\n", c->code, c->date, c->start_time,
               c->end_time, province, c->seats_left, ar ? c->title_ar : c->title_fr,
               ar ? c->site_ar : c->site_fr);
    }
  return QURBCTL_OK;
}

typedef struct {
  gboolean json;
} MessagesView;

static void
print_message (const QurbMessage *message, gpointer user_data)
{
  MessagesView *view = user_data;

  if (view->json)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      qurb_message_to_json (message, line);
      g_print ("%s\n", line->str);
      return;
    }
  g_print ("%6" G_GINT64_FORMAT "  %s  %-3s %-14s %-9s %-9s %s\n", message->id, message->at,
           message->dir, message->peer, message->state, message->kind ? message->kind : "",
           message->text);
}

gint
qurbctl_cmd_messages (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  MessagesView view = { FALSE };
  gint last = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &view.json, N_("One JSON object per line"), NULL },
    { "last", 'n', 0, G_OPTION_ARG_INT, &last, N_("Only the newest N messages"), "N" },
    { NULL }
  };

  if (!qurbctl_parse_options (NULL, _("Show the SMS log, both directions, newest last."),
                              entries, &argc, &argv, 0, 0))
    return QURBCTL_USAGE;
  if (last < 0)
    {
      g_printerr (_("qurbctl: --last must not be negative\n"));
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL)
    return QURBCTL_FAILED;
  if (!qurb_messages_foreach (db, last, print_message, &view, &error))
    return qurbctl_fail (error);
  return QURBCTL_OK;
}
