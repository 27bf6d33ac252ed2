/* qurb-speech-synth.c — text to sound with espeak-ng */
#include "config.h"

#include <espeak-ng/speak_lib.h>
#include <gio/gio.h>
#include <string.h>

#include "qurb-speech-synth.h"

typedef struct {
  QurbSpeechSink sink;
  gpointer user_data;
} Listener;

/* Set by qurb_speech_synth_init; read by the one thread that speaks. */
static guint rate_hz;

static int
synth_callback (short *wav, int n_samples, espeak_EVENT *events)
{
  Listener *listener = events->user_data;

  if (wav == NULL || n_samples <= 0)
    return 0;
  /* espeak: 0 goes on, 1 stops. */
  return listener->sink ((const gint16 *) wav, (gsize) n_samples, listener->user_data) ? 0 : 1;
}

/* Once per process: espeak-ng in its synchronous mode (the sound comes
 * back to us; we play it). */
gboolean
qurb_speech_synth_init (guint *sample_rate, GError **error)
{
  static gsize done;
  static gint result;

  if (g_once_init_enter (&done))
    {
      /* 100 ms of sound a call back: a stop is heard within that. */
      result = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL, 0);
      if (result > 0)
        {
          rate_hz = (guint) result;
          espeak_SetSynthCallback (synth_callback);
        }
      g_once_init_leave (&done, 1);
    }
  if (result <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "espeak-ng could not start (is espeak-ng-data installed?)");
      return FALSE;
    }
  if (sample_rate)
    *sample_rate = rate_hz;
  return TRUE;
}

/* Speaks text in lang's voice into sink; returns when it is all said,
 * or the sink stopped it (not an error). */
gboolean
qurb_speech_synth_say (const gchar *lang, const gchar *text, QurbSpeechSink sink, gpointer user_data,
                       GError **error)
{
  Listener listener = { sink, user_data };
  const gchar *voice = g_strcmp0 (lang, "ar") == 0 ? "ar" : "fr";
  espeak_ERROR status;

  g_return_val_if_fail (rate_hz > 0, FALSE);
  if (espeak_SetVoiceByName (voice) != EE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no espeak-ng voice \"%s\"", voice);
      return FALSE;
    }
  espeak_SetParameter (espeakRATE, QURB_SPEECH_RATE, 0);
  espeak_SetParameter (espeakVOLUME, 100, 0);
  status = espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &listener);
  if (status != EE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "espeak-ng could not speak (error %d)", status);
      return FALSE;
    }
  return TRUE;
}
