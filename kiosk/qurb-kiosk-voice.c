/* qurb-kiosk-voice.c — the kiosk's voice, in a worker thread */
#include "config.h"

#include <alsa/asoundlib.h>
#include <gio/gio.h>

#include "qurb-kiosk-voice.h"

/* Sound ALSA holds ahead of what is heard: the longest a stop waits. */
#define LATENCY_US 100000
/* Frames written at once: about 23 ms at espeak's 22 050 Hz. */
#define PIECE_FRAMES 512

typedef struct {
  gint generation;     /* what was current when it was asked */
  gchar *lang;
  gchar *text;         /* NULL: the worker ends */
} Request;

struct _QurbKioskVoice {
  GThread *worker;
  GAsyncQueue *requests;    /* Request *, from the main thread to the worker */
  gint generation;          /* atomic: bumped by every say and stop */
  gint speaking;            /* atomic */
  guint volume;             /* 0–100 */
  guint rate;
  snd_pcm_t *pcm;           /* the worker's alone once it runs; NULL with a sink */
  QurbSpeechSink sink;      /* tests: the sound goes here instead */
  gpointer sink_data;
  gint16 scaled[PIECE_FRAMES];   /* the worker's */
};

typedef struct {
  QurbKioskVoice *voice;
  gint generation;
} Utterance;

static void
request_free (Request *request)
{
  g_free (request->lang);
  g_free (request->text);
  g_free (request);
}

static gboolean
current (const Utterance *utterance)
{
  return g_atomic_int_get (&utterance->voice->generation) == utterance->generation;
}

static gboolean
play (QurbKioskVoice *self, const gint16 *samples, gsize n)
{
  while (n > 0)
    {
      snd_pcm_sframes_t written = snd_pcm_writei (self->pcm, samples, n);

      if (written < 0 && snd_pcm_recover (self->pcm, (gint) written, 1) < 0)
        {
          g_debug ("voice: %s", snd_strerror ((gint) written));
          return FALSE;
        }
      if (written > 0)
        {
          samples += written;
          n -= (gsize) written;
        }
    }
  return TRUE;
}

/* A piece of speech: louder or softer, then to the device, a few tens
 * of milliseconds at a time, until a touch makes it stale. */
static gboolean
hear (const gint16 *samples, gsize n_samples, gpointer user_data)
{
  Utterance *utterance = user_data;
  QurbKioskVoice *self = utterance->voice;

  while (n_samples > 0)
    {
      gsize n = MIN (n_samples, PIECE_FRAMES);

      if (!current (utterance))
        return FALSE;
      for (gsize i = 0; i < n; i++)
        self->scaled[i] = (gint16) ((gint32) samples[i] * (gint32) self->volume / 100);
      if (self->sink ? !self->sink (self->scaled, n, self->sink_data) : !play (self, self->scaled, n))
        return FALSE;
      samples += n;
      n_samples -= n;
    }
  return TRUE;
}

static gpointer
work (gpointer data)
{
  QurbKioskVoice *self = data;
  Request *request;

  while ((request = g_async_queue_pop (self->requests)) != NULL && request->text != NULL)
    {
      Utterance utterance = { self, request->generation };
      g_autoptr(GError) error = NULL;

      if (current (&utterance))
        {
          g_atomic_int_set (&self->speaking, 1);
          if (!qurb_speech_synth_say (request->lang, request->text, hear, &utterance, &error))
            g_debug ("voice: %s", error->message);
          /* Heard to the end, or cut at once. */
          if (self->pcm != NULL)
            {
              if (current (&utterance))
                snd_pcm_drain (self->pcm);
              else
                snd_pcm_drop (self->pcm);
              snd_pcm_prepare (self->pcm);
            }
          g_atomic_int_set (&self->speaking, 0);
        }
      request_free (request);
    }
  if (request != NULL)
    request_free (request);
  return NULL;
}

static QurbKioskVoice *
start (guint volume, snd_pcm_t *pcm, QurbSpeechSink sink, gpointer sink_data, guint rate)
{
  QurbKioskVoice *self = g_new0 (QurbKioskVoice, 1);

  self->volume = MIN (volume, 100);
  self->rate = rate;
  self->pcm = pcm;
  self->sink = sink;
  self->sink_data = sink_data;
  self->requests = g_async_queue_new_full ((GDestroyNotify) request_free);
  self->worker = g_thread_new ("qurb-voice", work, self);
  return self;
}

/* ALSA's own complaints (a box with no sound card) stay out of the
 * journal: the kiosk says it once, in its own words. */
static void
alsa_quiet (const char *file, int line, const char *function, int err, const char *fmt, ...)
{
}

/* The voice on ALSA's default device; NULL and an error when there is
 * no sound device or no synthesiser. */
QurbKioskVoice *
qurb_kiosk_voice_new (guint volume, GError **error)
{
  snd_pcm_t *pcm = NULL;
  guint rate;
  gint status;

  if (!qurb_speech_synth_init (&rate, error))
    return NULL;
  snd_lib_error_set_handler (alsa_quiet);
  if ((status = snd_pcm_open (&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0)) < 0 ||
      (status = snd_pcm_set_params (pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1, rate, 1,
                                    LATENCY_US)) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no sound device: %s", snd_strerror (status));
      g_clear_pointer (&pcm, snd_pcm_close);
      return NULL;
    }
  return start (volume, pcm, NULL, NULL, rate);
}

/* The voice into sink, called on the worker thread (tests). */
QurbKioskVoice *
qurb_kiosk_voice_new_with_sink (guint volume, QurbSpeechSink sink, gpointer user_data, GError **error)
{
  guint rate;

  if (!qurb_speech_synth_init (&rate, error))
    return NULL;
  return start (volume, NULL, sink, user_data, rate);
}

/* Says text in lang from the start, cutting what was being said. */
void
qurb_kiosk_voice_say (QurbKioskVoice *self, const gchar *lang, const gchar *text)
{
  Request *request = g_new0 (Request, 1);

  request->generation = g_atomic_int_add (&self->generation, 1) + 1;
  request->lang = g_strdup (lang);
  request->text = g_strdup (text ? text : "");
  g_async_queue_push (self->requests, request);
}

void
qurb_kiosk_voice_stop (QurbKioskVoice *self)
{
  if (self != NULL)
    g_atomic_int_inc (&self->generation);
}

gboolean
qurb_kiosk_voice_is_speaking (QurbKioskVoice *self)
{
  return self != NULL && g_atomic_int_get (&self->speaking);
}

void
qurb_kiosk_voice_free (QurbKioskVoice *self)
{
  if (self == NULL)
    return;
  qurb_kiosk_voice_stop (self);
  g_async_queue_push (self->requests, g_new0 (Request, 1));
  g_thread_join (self->worker);
  g_async_queue_unref (self->requests);
  g_clear_pointer (&self->pcm, snd_pcm_close);
  g_free (self);
}
