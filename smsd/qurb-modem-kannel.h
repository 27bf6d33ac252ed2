/* qurb-modem-kannel.h — Kannel's smsbox in place of a GSM modem */
#pragma once

#include "qurb-modem.h"
#include "qurb-smsd-config.h"

G_BEGIN_DECLS

/* name is the config section ("kannel", "kannel:2"); NULL with error
 * when the credentials file cannot be read. */
QurbModem *qurb_modem_kannel_new (const gchar             *name,
                                  const QurbKannelSection *section,
                                  GError                 **error);

G_END_DECLS
