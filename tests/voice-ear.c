/* voice-ear.c — the kiosk voice's sound, heard by a test */
#include "config.h"

#include "voice-ear.h"

/* A QurbKioskVoice sink: called from the voice's thread, hence the lock. */
gboolean
voice_ear_hear (const gint16 *samples, gsize n, gpointer user_data)
{
  VoiceEar *ear = user_data;

  g_mutex_lock (&ear->lock);
  ear->samples += (guint) n;
  for (gsize i = 0; i < n; i++)
    ear->energy += (gdouble) samples[i] * samples[i];
  g_mutex_unlock (&ear->lock);
  g_usleep (ear->pace_us);
  return TRUE;
}

guint
voice_ear_samples (VoiceEar *ear)
{
  guint n;

  g_mutex_lock (&ear->lock);
  n = ear->samples;
  g_mutex_unlock (&ear->lock);
  return n;
}
