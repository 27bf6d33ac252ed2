/* qurb-speech-synth.h — text to sound with espeak-ng, in a kiosk's two
 * languages (Debian's voices "ar" and "fr")
 *
 * espeak-ng keeps its state in globals: the synthesiser is set up once
 * per process (qurb_speech_synth_init, on the main thread: it sets
 * LC_CTYPE to C.UTF-8), then used from one thread only — the voice's
 * worker (qurb-kiosk-voice.c) or a test. Sound comes back in pieces of
 * 16-bit mono samples through a sink, which may stop it. No GTK, no
 * sound device here. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* samples: n_samples of sound; FALSE stops the synthesis. */
typedef gboolean (*QurbSpeechSink) (const gint16 *samples,
                                    gsize         n_samples,
                                    gpointer      user_data);

/* Words a minute: slower than espeak's 175, for listeners of every age. */
#define QURB_SPEECH_RATE 145

gboolean qurb_speech_synth_init (guint          *sample_rate,
                                 GError        **error);
gboolean qurb_speech_synth_say  (const gchar    *lang,
                                 const gchar    *text,
                                 QurbSpeechSink  sink,
                                 gpointer        user_data,
                                 GError        **error);

G_END_DECLS
