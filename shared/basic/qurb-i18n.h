/* qurb-i18n.h — translations looked up per call, in a language chosen per call
 *
 * The daemon answers one member in Arabic and the next in French from the
 * same thread, and staff tools run with whatever locale the shell has; so
 * rather than switching the process locale, Qurb reads the gettext
 * catalogues (built by meson's i18n module) itself and asks for a language
 * explicitly. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const gchar *qurb_dgettext   (const gchar *lang,
                              const gchar *msgid) G_GNUC_FORMAT (2);
const gchar *qurb_dngettext  (const gchar *lang,
                              const gchar *msgid,
                              const gchar *msgid_plural,
                              gulong       n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
const gchar *qurb_dpgettext  (const gchar *lang,
                              const gchar *context,
                              const gchar *msgid) G_GNUC_FORMAT (3);
const gchar *qurb_ui_lang    (void);
const gchar *qurb_i18n_catalog_dir (void);
gboolean     qurb_i18n_require (const gchar  *lang,
                                GError      **error);

gulong       qurb_plural_eval (const gchar *expression,
                               gulong       n,
                               gboolean    *ok);

/* For text in the user's own language (command-line output, errors). */
#define _(s)         qurb_dgettext (qurb_ui_lang (), (s))
#define N_(s)        (s)
/* Marks s for the catalogue in context c (looked up with qurb_dpgettext). */
#define NC_(c, s)    (s)

G_END_DECLS
