/* qurb-provinces.h — Morocco's provinces and prefectures, by any name */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const gchar *qurb_province_find       (GPtrArray *tokens,
                                       guint     *first,
                                       guint     *count);
const gchar *qurb_province_find_excluding (GPtrArray      *tokens,
                                           const gboolean *excluded,
                                           guint          *first,
                                           guint          *count);
const gchar *qurb_province_arabic     (const gchar *canonical);
const gchar *qurb_province_canonical  (const gchar *text);
GStrv        qurb_provinces_parse_list (const gchar  *text,
                                        GError      **error);
const gchar *qurb_province_nearest    (const gchar *text);
gboolean     qurb_province_same       (const gchar *a,
                                       const gchar *b);

G_END_DECLS
