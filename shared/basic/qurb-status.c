/* qurb-status.c — a box's health: the figures, and what makes it unhealthy */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-status.h"

static void
modem_status_free (QurbModemStatus *modem)
{
  g_free (modem->name);
  g_free (modem->seen_at);
  g_free (modem->network);
  g_free (modem);
}

QurbStatus *
qurb_status_new (void)
{
  QurbStatus *status = g_new0 (QurbStatus, 1);

  status->inbox_oldest_s = status->outbox_oldest_queued_s = status->oldest_reply_queued_s = -1;
  status->modems = g_ptr_array_new_with_free_func ((GDestroyNotify) modem_status_free);
  status->problems = g_ptr_array_new_with_free_func (g_free);
  return status;
}

void
qurb_status_free (QurbStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->last_import.kind);
  g_free (status->last_import.at);
  g_free (status->last_import.error);
  g_ptr_array_unref (status->modems);
  g_ptr_array_unref (status->problems);
  g_free (status);
}

QurbModemStatus *
qurb_status_add_modem (QurbStatus *status, const gchar *name)
{
  QurbModemStatus *modem = g_new0 (QurbModemStatus, 1);

  modem->name = g_strdup (name);
  modem->signal = -1;
  modem->unseen_s = -1;
  g_ptr_array_add (status->modems, modem);
  return modem;
}

static void G_GNUC_PRINTF (2, 3)
problem (QurbStatus *status, const gchar *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (status->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Unhealthy (DESIGN.md section 5): a modem not seen for 5 minutes, a
 * reply queued for more than 10, failures in the last 24 hours — a
 * message that could not be sent, or an import file that was refused.
 * A box with no modem at all cannot answer anyone: unhealthy too. */
void
qurb_status_judge (QurbStatus *status)
{
  const gchar *lang = qurb_ui_lang ();

  g_ptr_array_set_size (status->problems, 0);
  if (status->modems->len == 0)
    problem (status, "%s", _("no modem has ever been seen: is qurb-smsd running?"));
  for (guint i = 0; i < status->modems->len; i++)
    {
      QurbModemStatus *modem = status->modems->pdata[i];

      if (modem->unseen_s < 0)
        problem (status, _("modem %s has never been seen"), modem->name);
      else if (modem->unseen_s >= QURB_STATUS_MODEM_STALE_S)
        problem (status, qurb_dngettext (lang, "modem %s not seen for %d minute",
                                         "modem %s not seen for %d minutes",
                                         (gulong) (modem->unseen_s / 60)),
                 modem->name, (gint) (modem->unseen_s / 60));
    }
  if (status->oldest_reply_queued_s > QURB_STATUS_REPLY_STALE_S)
    problem (status, qurb_dngettext (lang, "a reply has waited %d minute to be sent",
                                     "a reply has waited %d minutes to be sent",
                                     (gulong) (status->oldest_reply_queued_s / 60)),
             (gint) (status->oldest_reply_queued_s / 60));
  if (status->outbox_failed_24h > 0)
    problem (status, qurb_dngettext (lang, "%d message could not be sent in the last 24 hours",
                                     "%d messages could not be sent in the last 24 hours",
                                     (gulong) status->outbox_failed_24h),
             (gint) status->outbox_failed_24h);
  if (status->imports_failed_24h > 0)
    problem (status, qurb_dngettext (lang, "%d import file was refused in the last 24 hours",
                                     "%d import files were refused in the last 24 hours",
                                     (gulong) status->imports_failed_24h),
             (gint) status->imports_failed_24h);
  status->healthy = status->problems->len == 0;
}
