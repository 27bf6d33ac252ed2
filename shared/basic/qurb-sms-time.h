/* qurb-sms-time.h — the time a member asks for, in every shape they
 * write it
 *
 * Pure. 10h, 10.30, 10 heures et demie, 9h et quart, الساعة 10, مع 10 و نص,
 * 10 غير ربع, العاشرة, and Darija in Latin letters with free vowels and
 * glued words ("m3a l3echra w nes", "10 onos", "tes3ood ghir rob3"). A
 * time given that cannot be read is told apart from no time at all:
 * the answer then lists the free times, never books another one. */
#pragma once

#include <glib.h>

#include "qurb-types.h"

G_BEGIN_DECLS

typedef enum {
  QURB_TIME_NONE,         /* no time in the message */
  QURB_TIME_FOUND,
  QURB_TIME_UNREADABLE,   /* a time was given, but not one we can read */
} QurbTimeFound;

QurbTimeFound qurb_sms_find_time      (const gchar *folded,
                                       gchar        time[QURB_TIME_SIZE]);
gboolean      qurb_sms_bare_hour      (const gchar *token,
                                       gchar        time[QURB_TIME_SIZE]);
gchar        *qurb_sms_time_canonical (const gchar *folded);
gboolean      qurb_sms_names_daypart  (const gchar *folded);

G_END_DECLS
