/* qurb-log-limit.h — one warning per kind of error per interval, and the
 * back-off after errors in a row
 *
 * Pure: the caller passes the time. A daemon whose database or modem keeps
 * failing writes one line a minute for each kind of failure, saying how
 * many like it were held back, instead of one per poll. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _QurbLogLimit QurbLogLimit;

QurbLogLimit *qurb_log_limit_new   (gint64 interval_us);
void          qurb_log_limit_free  (QurbLogLimit *limit);
/* Whether a warning of this kind may be written at now_us; when it may,
 * *held_back is how many of its kind were not written since the last. */
gboolean      qurb_log_limit_allow (QurbLogLimit *limit,
                                    const gchar  *kind,
                                    gint64        now_us,
                                    guint        *held_back);
/* The kind of an error: what was being done and the error's words, its
 * numbers (ids, counts) left out. */
gchar        *qurb_log_kind        (const gchar *doing,
                                    const gchar *message);
/* The wait after `failures` errors in a row: 0 for none, then base_ms,
 * doubling, never above max_ms. */
guint         qurb_backoff_ms      (guint failures,
                                    guint base_ms,
                                    guint max_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbLogLimit, qurb_log_limit_free)

G_END_DECLS
