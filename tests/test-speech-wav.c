/* test-speech-wav.c — a screen spoken by espeak-ng to a WAV file, in each
 * language: sound, not silence, and as long as its text wants; and the
 * kiosk's voice, stopped mid-sentence, falls silent
 *
 * The WAV files stay in the build tree (tests/speech-LANG.wav) to be
 * listened to. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "qurb-kiosk-voice.h"
#include "voice-ear.h"
#include "qurb-speech.h"
#include "qurb-speech-synth.h"

static gboolean
collect (const gint16 *samples, gsize n, gpointer user_data)
{
  g_array_append_vals (user_data, samples, (guint) n);
  return TRUE;
}

static void
put_u32 (GByteArray *out, guint32 v)
{
  guint32 le = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &le, 4);
}

static void
put_u16 (GByteArray *out, guint16 v)
{
  guint16 le = GUINT16_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &le, 2);
}

/* 16-bit mono PCM in a RIFF WAVE file. */
static void
write_wav (const gchar *path, const GArray *samples, guint rate)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint32 data = samples->len * 2;
  g_autoptr(GError) error = NULL;

  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  put_u32 (out, 36 + data);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  put_u32 (out, 16);
  put_u16 (out, 1);
  put_u16 (out, 1);
  put_u32 (out, rate);
  put_u32 (out, rate * 2);
  put_u16 (out, 2);
  put_u16 (out, 16);
  g_byte_array_append (out, (const guint8 *) "data", 4);
  put_u32 (out, data);
  for (guint i = 0; i < samples->len; i++)
    put_u16 (out, (guint16) g_array_index (samples, gint16, i));
  g_assert_true (g_file_set_contents (path, (const gchar *) out->data, out->len, &error));
}

/* The samples of a WAV file written above, checked on the way. */
static GArray *
read_wav (const gchar *path, guint *rate)
{
  g_autofree gchar *contents = NULL;
  gsize length;
  guint32 data;
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (gint16));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 44);
  g_assert_true (memcmp (contents, "RIFF", 4) == 0 && memcmp (contents + 8, "WAVE", 4) == 0);
  memcpy (rate, contents + 24, 4);
  *rate = GUINT32_FROM_LE (*rate);
  memcpy (&data, contents + 40, 4);
  data = GUINT32_FROM_LE (data);
  g_assert_cmpuint (44 + data, ==, length);
  for (gsize i = 44; i + 1 < length; i += 2)
    {
      gint16 v = (gint16) GUINT16_FROM_LE (*(guint16 *) (contents + i));
      g_array_append_val (samples, v);
    }
  return samples;
}

static gdouble
rms (const GArray *samples)
{
  gdouble sum = 0;

  for (guint i = 0; i < samples->len; i++)
    {
      gdouble v = g_array_index (samples, gint16, i) / 32768.0;
      sum += v * v;
    }
  return samples->len ? sqrt (sum / samples->len) : 0;
}

static void
speak_screen (gconstpointer data)
{
  const gchar *lang = data;
  static const QurbSpeechVisit fr[] = { { "Caravane dentaire", "Centre de santé Hay Al Qods", "2027-02-04", "10:00", "KEJFXK" } };
  static const QurbSpeechVisit ar[] = { { "القافلة الطبية لطب الأسنان", "المركز الصحي حي القدس", "2027-02-04", "10:00", "KEJFXK" } };
  QurbSpeechContent content = { .screen = QURB_SPEECH_BOOKED, .visits = g_str_equal (lang, "ar") ? ar : fr, .n_visits = 1 };
  g_autofree gchar *text = qurb_speech_compose (lang, &content);
  g_autofree gchar *name = g_strdup_printf ("speech-%s.wav", lang);
  g_autofree gchar *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  g_autoptr(GArray) heard = NULL;
  g_autoptr(GError) error = NULL;
  guint rate = 0, read_rate = 0;
  gdouble seconds, per_sign;
  glong signs = g_utf8_strlen (text, -1);

  g_assert_true (qurb_speech_synth_init (&rate, &error));
  g_assert_no_error (error);
  g_assert_true (qurb_speech_synth_say (lang, text, collect, samples, &error));
  g_assert_no_error (error);
  write_wav (path, samples, rate);
  heard = read_wav (path, &read_rate);
  g_assert_cmpuint (read_rate, ==, rate);
  seconds = (gdouble) heard->len / read_rate;
  per_sign = seconds / signs;
  g_test_message ("%s: %ld signs, %.1f s (%.0f ms a sign), RMS %.3f: %s", lang, signs, seconds,
                  per_sign * 1000, rms (heard), text);
  /* Speech, not silence (espeak's voices speak at about 0.1 RMS). */
  g_assert_cmpfloat (rms (heard), >, 0.02);
  /* As long as the text: 30 to 200 ms a sign at 145 words a minute. */
  g_assert_cmpfloat (per_sign, >, 0.03);
  g_assert_cmpfloat (per_sign, <, 0.2);
}

/* The kiosk's voice: speaking never blocks the caller; a stop silences
 * it at once; a new "Listen" starts over. */
static void
voice_stops (void)
{
  VoiceEar heard = { .pace_us = 5000 };     /* as slow as a sound card, nearly */
  g_autoptr(GError) error = NULL;
  QurbKioskVoice *voice = qurb_kiosk_voice_new_with_sink (80, voice_ear_hear, &heard, &error);
  QurbSpeechContent content = { .screen = QURB_SPEECH_HOME };
  g_autofree gchar *text = qurb_speech_compose ("fr", &content);
  gint64 start = g_get_monotonic_time ();
  guint at_stop;

  g_assert_no_error (error);
  qurb_kiosk_voice_say (voice, "fr", text);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 20);
  while (voice_ear_samples (&heard) < 4000)
    g_usleep (1000);
  qurb_kiosk_voice_stop (voice);
  g_usleep (200000);
  at_stop = voice_ear_samples (&heard);
  g_usleep (300000);
  g_assert_cmpuint (voice_ear_samples (&heard), ==, at_stop);
  g_assert_false (qurb_kiosk_voice_is_speaking (voice));
  /* The whole home screen is seconds of sound: far more than was heard. */
  g_assert_cmpuint (at_stop, <, 22050 * 3);
  qurb_kiosk_voice_say (voice, "ar", "مَرْحَبًا");
  while (voice_ear_samples (&heard) == at_stop)
    g_usleep (1000);
  qurb_kiosk_voice_free (voice);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/speech-wav/fr", "fr", speak_screen);
  g_test_add_data_func ("/speech-wav/ar", "ar", speak_screen);
  g_test_add_func ("/speech-wav/voice-stops", voice_stops);
  return g_test_run ();
}
