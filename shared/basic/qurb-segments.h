/* qurb-segments.h — SMS segment maths: encoding, length, parts
 *
 * Pure. GSM 03.38 7-bit text takes 160 septets in one part, 153 per part
 * when concatenated, and characters of the extension table ({ } [ ] ~ \ |
 * ^ €) take two septets that never straddle parts. Anything else goes as
 * UCS-2: 70 UTF-16 units, 67 per part, a surrogate pair never split. */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

typedef struct {
  QurbEncoding encoding;
  guint units;       /* septets (GSM-7) or UTF-16 code units (UCS-2) */
  guint parts;
  guint per_part;    /* 160/153 or 70/67, as it applies */
  guint left;        /* units still free in the last part */
} QurbSegments;

void          qurb_sms_segments    (const gchar  *text,
                                    QurbSegments *segments);
GPtrArray    *qurb_sms_split       (const gchar  *text);
gboolean      qurb_gsm7_char       (gunichar      c,
                                    guint        *septets);
gchar        *qurb_gsm7_fold       (const gchar  *text);
const gchar  *qurb_encoding_name   (QurbEncoding  encoding);

G_END_DECLS
