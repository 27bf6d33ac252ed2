/* qurb-sms-rating.h — a mark from 1 to 5 in a member's answer
 *
 * Pure. Read only when the member was asked for a rating and has not
 * answered (qurb_sms_parse_expecting): a bare "3" means nothing else
 * then. A digit ("4", "٤", "5 merci", "نعطيكم 4", "4/5", "4 sur 5", "5
 * étoiles") or a number word alone or with courtesy ("khamsa", "خمسة",
 * "cinq", "trois merci"). Words that ask something else (a dossier, a
 * caravan, STOP …) make it not a rating. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QURB_RATING_MIN 1
#define QURB_RATING_MAX 5

gint qurb_sms_find_rating (GPtrArray     *tokens,
                           const guint32 *cues);

G_END_DECLS
