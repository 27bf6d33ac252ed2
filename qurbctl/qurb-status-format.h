/* qurb-status-format.h — `qurbctl status` as JSON, Prometheus text or prose */
#pragma once

#include <glib.h>

#include "qurb-status.h"

G_BEGIN_DECLS

void qurb_status_to_json       (const QurbStatus *status,
                                GString          *out);
void qurb_status_to_prometheus (const QurbStatus *status,
                                GString          *out);
void qurb_status_to_text       (const QurbStatus *status,
                                GString          *out);

G_END_DECLS
