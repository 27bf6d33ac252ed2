/* qurb-ticket-key.h — the deployment's secret that signs caravan tickets
 *
 * A file of 64 hexadecimal digits, readable by its owner only, made on
 * first use by whoever signs first (or by `qurbctl ticket-key`). The key
 * is never printed nor logged; only its id (qurb_ticket_key_id) is. A
 * device that only checks tickets — the caravan's tablet — must be given
 * a copy: it never makes a key of its own. */
#pragma once

#include <glib.h>

#include "qurb-ticket.h"

G_BEGIN_DECLS

#define QURB_TICKET_KEY_FILE_MODE 0600

typedef enum {
  QURB_TICKET_KEY_LOAD,     /* the key must be there */
  QURB_TICKET_KEY_CREATE,   /* made when missing */
} QurbTicketKeyMode;

gchar    *qurb_ticket_key_path (GKeyFile          *config);
gboolean  qurb_ticket_key_get  (const gchar       *path,
                                QurbTicketKeyMode  mode,
                                QurbTicketKey     *key,
                                gboolean          *created,
                                GError           **error);

G_END_DECLS
