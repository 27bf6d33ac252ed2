/* qurb-modem.c — what the daemon needs from a GSM modem */
#include "config.h"

#include "qurb-modem.h"

G_DEFINE_QUARK (qurb-modem-error-quark, qurb_modem_error)

void
qurb_modem_part_free (QurbModemPart *part)
{
  if (part == NULL)
    return;
  g_free (part->sender);
  g_free (part->text);
  g_free (part->sent_at);
  g_free (part->handle);
  g_free (part);
}

void
qurb_modem_free (QurbModem *modem)
{
  if (modem != NULL)
    modem->ops->free (modem);
}
