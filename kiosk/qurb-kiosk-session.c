/* qurb-kiosk-session.c — who is at the kiosk, in which language, on which errand */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-session.h"
#include "qurb-kiosk-voice.h"
#include "qurb-provinces.h"

/* "Need more time?" shows this long before the idle reset (at most half
 * of idle-seconds). */
#define IDLE_WARNING_SECONDS 15

struct _QurbKioskSession {
  GObject parent_instance;

  QurbDb *db;               /* borrowed: outlives the session */
  gchar *lang;
  gchar *default_lang;
  guint idle_seconds;
  guint refresh_seconds;
  gchar *agency_code;       /* [agency] code, or NULL */
  gchar *agency_name;       /* [agency] name, or NULL */
  GStrv provinces;          /* canonical names this box serves; NULL: every one */
  QurbKioskTickets *tickets;  /* owned; never NULL */
  QurbKioskVoice *voice;      /* owned; NULL: no voice guidance */
  QurbMember *member;       /* NULL until identified */
  QurbKioskErrand errand;
};

G_DEFINE_FINAL_TYPE (QurbKioskSession, qurb_kiosk_session, G_TYPE_OBJECT)

enum { PROP_0, PROP_LANG, PROP_MEMBER, N_PROPS };
static GParamSpec *props[N_PROPS];

static void
errand_clear (QurbKioskErrand *errand)
{
  g_free (errand->target);
  g_free (errand->province);
  g_free (errand->caravan_code);
  g_free (errand->ticket_code);
  memset (errand, 0, sizeof *errand);
}

static void
qurb_kiosk_session_finalize (GObject *object)
{
  QurbKioskSession *self = QURB_KIOSK_SESSION (object);

  errand_clear (&self->errand);
  qurb_kiosk_tickets_free (self->tickets);
  qurb_kiosk_voice_free (self->voice);
  qurb_member_free (self->member);
  g_free (self->lang);
  g_free (self->default_lang);
  g_free (self->agency_code);
  g_free (self->agency_name);
  g_strfreev (self->provinces);
  G_OBJECT_CLASS (qurb_kiosk_session_parent_class)->finalize (object);
}

static void
qurb_kiosk_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QurbKioskSession *self = QURB_KIOSK_SESSION (object);

  switch (prop_id)
    {
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_MEMBER:
      g_value_set_boolean (value, self->member != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qurb_kiosk_session_class_init (QurbKioskSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qurb_kiosk_session_finalize;
  object_class->get_property = qurb_kiosk_session_get_property;
  props[PROP_LANG] = g_param_spec_string ("lang", NULL, NULL, "ar",
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_MEMBER] = g_param_spec_boolean ("identified", NULL, NULL, FALSE,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
qurb_kiosk_session_init (QurbKioskSession *self)
{
}

static const gchar *
known_lang (const gchar *lang)
{
  return g_strcmp0 (lang, "fr") == 0 ? "fr" : "ar";
}

QurbKioskSession *
qurb_kiosk_session_new (QurbDb *db, const gchar *default_lang, guint idle_seconds)
{
  QurbKioskSession *self = g_object_new (QURB_TYPE_KIOSK_SESSION, NULL);

  self->db = db;
  self->default_lang = g_strdup (known_lang (default_lang));
  self->lang = g_strdup (self->default_lang);
  self->idle_seconds = idle_seconds;
  self->refresh_seconds = QURB_KIOSK_BANNER_REFRESH_SECONDS;
  self->tickets = qurb_kiosk_tickets_new (NULL, QURB_TICKET_KEY_LOAD, NULL);
  return self;
}

QurbDb *
qurb_kiosk_session_get_db (QurbKioskSession *self)
{
  return self->db;
}

const gchar *
qurb_kiosk_session_get_lang (QurbKioskSession *self)
{
  return self->lang;
}

void
qurb_kiosk_session_set_lang (QurbKioskSession *self, const gchar *lang)
{
  lang = known_lang (lang);
  if (g_str_equal (self->lang, lang))
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LANG]);
}

const gchar *
qurb_kiosk_session_get_default_lang (QurbKioskSession *self)
{
  return self->default_lang;
}

guint
qurb_kiosk_session_get_idle_seconds (QurbKioskSession *self)
{
  return self->idle_seconds;
}

void
qurb_kiosk_session_set_idle_seconds (QurbKioskSession *self, guint seconds)
{
  self->idle_seconds = seconds;
}

guint
qurb_kiosk_session_get_idle_warning_seconds (QurbKioskSession *self)
{
  return MIN (IDLE_WARNING_SECONDS, self->idle_seconds / 2);
}

/* The agency this box is ([agency] in qurb.conf): its code, the name on
 * the screen, and the provinces it serves, any spelling, comma-separated
 * (DESIGN.md section 6); names no province matches are left out. */
void
qurb_kiosk_session_set_agency (QurbKioskSession *self, const gchar *code, const gchar *name,
                               const gchar *provinces)
{
  g_auto(GStrv) names = g_strsplit (provinces ? provinces : "", ",", -1);
  g_autoptr(GPtrArray) served = g_ptr_array_new ();

  g_free (self->agency_code);
  self->agency_code = code && *code ? g_strdup (code) : NULL;
  g_free (self->agency_name);
  self->agency_name = name && *name ? g_strdup (name) : NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const gchar *canonical = qurb_province_canonical (g_strstrip (names[i]));

      if (canonical != NULL)
        g_ptr_array_add (served, g_strdup (canonical));
      else if (*names[i] != '\0')
        g_warning ("[agency] provinces: no province is called “%s”", names[i]);
    }
  g_clear_pointer (&self->provinces, g_strfreev);
  if (served->len > 0)
    {
      g_ptr_array_add (served, NULL);
      self->provinces = (GStrv) g_ptr_array_steal (served, NULL);
    }
}

const gchar *
qurb_kiosk_session_get_agency_code (QurbKioskSession *self)
{
  return self->agency_code;
}

const gchar *
qurb_kiosk_session_get_agency_name (QurbKioskSession *self)
{
  return self->agency_name;
}

/* NULL: the box serves every province. */
const gchar *const *
qurb_kiosk_session_get_provinces (QurbKioskSession *self)
{
  return (const gchar *const *) self->provinces;
}

guint
qurb_kiosk_session_get_refresh_seconds (QurbKioskSession *self)
{
  return self->refresh_seconds;
}

void
qurb_kiosk_session_set_refresh_seconds (QurbKioskSession *self, guint seconds)
{
  self->refresh_seconds = MAX (seconds, 1);
}

const QurbMember *
qurb_kiosk_session_get_member (QurbKioskSession *self)
{
  return self->member;
}

/* Takes ownership of member. */
void
qurb_kiosk_session_set_member (QurbKioskSession *self, QurbMember *member)
{
  qurb_member_free (self->member);
  self->member = member;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MEMBER]);
}

QurbKioskTickets *
qurb_kiosk_session_get_tickets (QurbKioskSession *self)
{
  return self->tickets;
}

/* Takes tickets. */
void
qurb_kiosk_session_set_tickets (QurbKioskSession *self, QurbKioskTickets *tickets)
{
  g_return_if_fail (tickets != NULL);
  qurb_kiosk_tickets_free (self->tickets);
  self->tickets = tickets;
}

QurbKioskVoice *
qurb_kiosk_session_get_voice (QurbKioskSession *self)
{
  return self->voice;
}

/* Takes voice (NULL: none). */
void
qurb_kiosk_session_set_voice (QurbKioskSession *self, QurbKioskVoice *voice)
{
  qurb_kiosk_voice_free (self->voice);
  self->voice = voice;
}

QurbKioskErrand *
qurb_kiosk_session_get_errand (QurbKioskSession *self)
{
  return &self->errand;
}

/* A new errand for the same member. */
void
qurb_kiosk_session_clear_errand (QurbKioskSession *self)
{
  errand_clear (&self->errand);
}

/* Leaves nothing of the last member: who they were, what they chose. */
void
qurb_kiosk_session_forget (QurbKioskSession *self)
{
  errand_clear (&self->errand);
  if (self->member != NULL)
    qurb_kiosk_session_set_member (self, NULL);
}
