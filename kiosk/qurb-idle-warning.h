/* qurb-idle-warning.h — "Need more time?", full screen, before the idle reset
 *
 * Shown over the screen the member was on (nothing under it changes): a
 * countdown, "Yes, more time" (signal "more-time") and "No, I have
 * finished" (signal "finished"). Any touch is more time too. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QURB_TYPE_IDLE_WARNING (qurb_idle_warning_get_type ())
G_DECLARE_FINAL_TYPE (QurbIdleWarning, qurb_idle_warning, QURB, IDLE_WARNING, GtkBox)

void qurb_idle_warning_relabel (QurbIdleWarning *self,
                                const gchar     *lang);
void qurb_idle_warning_count   (QurbIdleWarning *self,
                                const gchar     *lang,
                                guint            seconds_left);

G_END_DECLS
