/* qurb-kiosk-voice.h — the kiosk's voice: a screen read aloud, never
 * holding the screen
 *
 * One worker thread synthesises (qurb-speech-synth.c) and plays through
 * ALSA's default device in pieces of a few tens of milliseconds; the main
 * thread only queues what to say and bumps a generation number, which
 * the worker checks between two pieces: the next touch silences the
 * voice within about a tenth of a second, and a new "Listen" starts
 * over. No sound device: qurb_kiosk_voice_new fails and the kiosk runs
 * without a voice. */
#pragma once

#include <glib.h>

#include "qurb-speech-synth.h"

G_BEGIN_DECLS

typedef struct _QurbKioskVoice QurbKioskVoice;

QurbKioskVoice *qurb_kiosk_voice_new           (guint           volume,
                                                GError        **error);
QurbKioskVoice *qurb_kiosk_voice_new_with_sink (guint           volume,
                                                QurbSpeechSink  sink,
                                                gpointer        user_data,
                                                GError        **error);
void            qurb_kiosk_voice_say           (QurbKioskVoice *self,
                                                const gchar    *lang,
                                                const gchar    *text);
void            qurb_kiosk_voice_stop          (QurbKioskVoice *self);
gboolean        qurb_kiosk_voice_is_speaking   (QurbKioskVoice *self);
void            qurb_kiosk_voice_free          (QurbKioskVoice *self);

G_END_DECLS
