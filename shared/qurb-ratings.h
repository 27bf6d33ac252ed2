/* qurb-ratings.h — after the caravan: one SMS asking the members who came
 * for a mark from 1 to 5, and their answer kept */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

/* Asked the day after the caravan; a box that was off that day, or whose
 * check-ins came back from the caravan late, still asks up to this many
 * days after it, never later. */
#define QURB_RATING_ASK_DAYS 3
/* An answer is read as a mark for this long after the question. */
#define QURB_RATING_ANSWER_DAYS 7

gboolean qurb_ratings_queue  (QurbDb  *db,
                              guint   *queued,
                              GError **error);
gint     qurb_rating_pending (QurbDb  *db,
                              gint64   member_id,
                              GError **error);
gboolean qurb_rating_record  (QurbDb  *db,
                              gint64   member_id,
                              gint     rating,
                              gboolean *recorded,
                              GError **error);

G_END_DECLS
