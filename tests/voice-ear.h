/* voice-ear.h — the kiosk voice's sound, heard by a test instead of a
 * sound card: how many samples came, and how loud they were. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  GMutex lock;
  guint samples;
  gdouble energy;     /* sum of the squared samples */
  gulong pace_us;     /* the ear's sleep per buffer, as a sound card's pace */
} VoiceEar;

gboolean voice_ear_hear    (const gint16 *samples,
                            gsize         n,
                            gpointer      ear);
guint    voice_ear_samples (VoiceEar     *ear);

G_END_DECLS
