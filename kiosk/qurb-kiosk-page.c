/* qurb-kiosk-page.c — what every kiosk screen is */
#include "config.h"

#include "qurb-kiosk-page.h"

typedef struct {
  QurbKioskSession *session;
  GPtrArray *flipping;      /* GtkOrientable: horizontal in landscape */
} QurbKioskPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (QurbKioskPage, qurb_kiosk_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_SESSION, N_PROPS };
static GParamSpec *props[N_PROPS];

enum { SIGNAL_NAVIGATE, SIGNAL_FAILED, SIGNAL_HOLD_TOUCHES, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
qurb_kiosk_page_dispose (GObject *object)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (QURB_KIOSK_PAGE (object));

  g_clear_object (&priv->session);
  g_clear_pointer (&priv->flipping, g_ptr_array_unref);
  G_OBJECT_CLASS (qurb_kiosk_page_parent_class)->dispose (object);
}

static void
qurb_kiosk_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (QURB_KIOSK_PAGE (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qurb_kiosk_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (QURB_KIOSK_PAGE (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
qurb_kiosk_page_real_enter (QurbKioskPage *self, GError **error)
{
  return TRUE;
}

static void
qurb_kiosk_page_real_relabel (QurbKioskPage *self, const gchar *lang)
{
}

static const gchar *
qurb_kiosk_page_real_title (QurbKioskPage *self, const gchar *lang)
{
  return "";
}

static void
qurb_kiosk_page_class_init (QurbKioskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qurb_kiosk_page_dispose;
  object_class->set_property = qurb_kiosk_page_set_property;
  object_class->get_property = qurb_kiosk_page_get_property;
  klass->enter = qurb_kiosk_page_real_enter;
  klass->relabel = qurb_kiosk_page_real_relabel;
  klass->title = qurb_kiosk_page_real_title;

  props[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, QURB_TYPE_KIOSK_SESSION,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* navigate (name, how): the page is done; show that page next. */
  signals[SIGNAL_NAVIGATE] = g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
  /* failed (error): the database could not answer; the window calms and retries. */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* hold-touches: what is under the member's finger changed (a question
   * revealed); a tap at once after is a double tap, and is ignored. */
  signals[SIGNAL_HOLD_TOUCHES] = g_signal_new ("hold-touches", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
qurb_kiosk_page_init (QurbKioskPage *self)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (self);

  priv->flipping = g_ptr_array_new ();
}

QurbKioskSession *
qurb_kiosk_page_get_session (QurbKioskPage *self)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (self);

  return priv->session;
}

const gchar *
qurb_kiosk_page_get_lang (QurbKioskPage *self)
{
  return qurb_kiosk_session_get_lang (qurb_kiosk_page_get_session (self));
}

QurbDb *
qurb_kiosk_page_get_db (QurbKioskPage *self)
{
  return qurb_kiosk_session_get_db (qurb_kiosk_page_get_session (self));
}

gboolean
qurb_kiosk_page_enter (QurbKioskPage *self, GError **error)
{
  return QURB_KIOSK_PAGE_GET_CLASS (self)->enter (self, error);
}

void
qurb_kiosk_page_relabel (QurbKioskPage *self)
{
  QURB_KIOSK_PAGE_GET_CLASS (self)->relabel (self, qurb_kiosk_page_get_lang (self));
}

const gchar *
qurb_kiosk_page_title (QurbKioskPage *self)
{
  return QURB_KIOSK_PAGE_GET_CLASS (self)->title (self, qurb_kiosk_page_get_lang (self));
}

void
qurb_kiosk_page_navigate (QurbKioskPage *self, const gchar *name, QurbKioskNav how)
{
  g_signal_emit (self, signals[SIGNAL_NAVIGATE], 0, name, how);
}

void
qurb_kiosk_page_failed (QurbKioskPage *self, const GError *error)
{
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

void
qurb_kiosk_page_hold_touches (QurbKioskPage *self)
{
  g_signal_emit (self, signals[SIGNAL_HOLD_TOUCHES], 0);
}

/* orientable (a GtkBox, say) lays out side by side on a landscape screen
 * and stacked on a portrait one. */
void
qurb_kiosk_page_flip_with_screen (QurbKioskPage *self, GtkWidget *orientable)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (self);

  g_ptr_array_add (priv->flipping, orientable);
}

void
qurb_kiosk_page_set_landscape (QurbKioskPage *self, gboolean landscape)
{
  QurbKioskPagePrivate *priv = qurb_kiosk_page_get_instance_private (self);

  for (guint i = 0; i < priv->flipping->len; i++)
    gtk_orientable_set_orientation (priv->flipping->pdata[i],
                                    landscape ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
}
