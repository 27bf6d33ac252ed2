/* qurb-identify-page.c — member number and CIN on the keypad
 *
 * Nothing typed here survives the page: the fields are cleared each time
 * it is entered. A wrong pair says only "wrong", not which half. After a
 * few wrong answers the kiosk makes the next try wait (the seconds left
 * count down on screen); a member number locks only after many
 * (qurb-identify.h). */
#include "config.h"

#include <string.h>

#include "qurb-clock.h"
#include "qurb-identify.h"
#include "qurb-kiosk-keypad.h"
#include "qurb-kiosk-pages.h"

#define MEMBER_NO_MAX 12
#define CIN_MAX       10

struct _QurbIdentifyPage {
  QurbKioskPage parent_instance;

  GtkWidget *intro_label, *body_box;
  GtkWidget *member_no_field, *member_no_caption, *member_no_value;
  GtkWidget *cin_field, *cin_caption, *cin_value;
  GtkWidget *message_label, *continue_button;
  GtkWidget *keypad;

  GString *member_no, *cin;
  GDateTime *wait_until;     /* no try before (qurb_now's clock); NULL */
  guint wait_source;
  gchar *wrong;              /* the message the countdown follows */
};

G_DEFINE_FINAL_TYPE (QurbIdentifyPage, qurb_identify_page, QURB_TYPE_KIOSK_PAGE)

static gboolean
typing_cin (QurbIdentifyPage *self)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->cin_field));
}

static void
show_values (QurbIdentifyPage *self)
{
  gtk_label_set_text (GTK_LABEL (self->member_no_value), self->member_no->str);
  gtk_label_set_text (GTK_LABEL (self->cin_value), self->cin->str);
  gtk_widget_set_sensitive (self->continue_button, self->member_no->len > 0 && self->cin->len > 0 &&
                            self->wait_until == NULL);
}

/* The layout a CIN wants next, from what is typed alone: letters while it
 * is empty or one letter, digits after two letters or any digit. Applied
 * after every key and every erase, so erasing back into the letters
 * brings the letters back. */
static gboolean
cin_wants_letters (const GString *cin)
{
  return cin->len == 0 || (cin->len == 1 && g_ascii_isalpha (cin->str[0]));
}

static void
field_toggled (GtkToggleButton *field, QurbIdentifyPage *self)
{
  qurb_kiosk_keypad_set_letters_allowed (QURB_KIOSK_KEYPAD (self->keypad), typing_cin (self));
  qurb_kiosk_keypad_show_letters (QURB_KIOSK_KEYPAD (self->keypad), typing_cin (self) && cin_wants_letters (self->cin));
}

static void show_wait (QurbIdentifyPage *self);

/* A key after a refusal: the member is correcting, the error goes. */
static void
edited (QurbIdentifyPage *self)
{
  if (typing_cin (self))
    qurb_kiosk_keypad_show_letters (QURB_KIOSK_KEYPAD (self->keypad), cin_wants_letters (self->cin));
  if (self->wrong != NULL)
    {
      g_clear_pointer (&self->wrong, g_free);
      show_wait (self);
    }
  show_values (self);
}

static void
key_typed (QurbKioskKeypad *keypad, const gchar *key, QurbIdentifyPage *self)
{
  GString *value = typing_cin (self) ? self->cin : self->member_no;

  if (value->len < (typing_cin (self) ? CIN_MAX : MEMBER_NO_MAX))
    g_string_append (value, key);
  edited (self);
}

static void
key_erased (QurbKioskKeypad *keypad, QurbIdentifyPage *self)
{
  GString *value = typing_cin (self) ? self->cin : self->member_no;

  if (value->len > 0)
    g_string_truncate (value, value->len - 1);
  edited (self);
}

/* The message has its room kept on screen even when empty, so that
 * nothing under the member's finger moves when one appears. */
static void
show_message (QurbIdentifyPage *self, const gchar *text)
{
  qurb_kiosk_set_text (self->message_label, text ? text : "");
}

/* The message, and while the kiosk waits, the seconds left. */
static void
show_wait (QurbIdentifyPage *self)
{
  const gchar *lang = qurb_kiosk_page_get_lang (QURB_KIOSK_PAGE (self));
  g_autoptr(GDateTime) now = qurb_now ();
  GTimeSpan left = self->wait_until ? g_date_time_difference (self->wait_until, now) : 0;
  gint seconds = (gint) ((left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
  g_autofree gchar *wait = NULL, *text = NULL;

  if (self->wait_until == NULL || seconds <= 0)
    {
      g_clear_pointer (&self->wait_until, g_date_time_unref);
      show_message (self, self->wrong);
      show_values (self);
      return;
    }
  wait = g_strdup_printf (qurb_dngettext (lang, "Please wait %d second before the next try.",
                                          "Please wait %d seconds before the next try.", seconds), seconds);
  text = self->wrong ? g_strconcat (self->wrong, " ", wait, NULL) : g_steal_pointer (&wait);
  show_message (self, text);
}

static gboolean
wait_tick (gpointer user_data)
{
  QurbIdentifyPage *self = user_data;

  show_wait (self);
  if (self->wait_until != NULL)
    return G_SOURCE_CONTINUE;
  self->wait_source = 0;
  return G_SOURCE_REMOVE;
}

static void
wait_for (QurbIdentifyPage *self, gint seconds)
{
  g_autoptr(GDateTime) now = qurb_now ();

  g_clear_pointer (&self->wait_until, g_date_time_unref);
  if (seconds > 0)
    self->wait_until = g_date_time_add_seconds (now, seconds);
  if (self->wait_until != NULL && self->wait_source == 0)
    self->wait_source = g_timeout_add (250, wait_tick, self);
  show_wait (self);
}

static void
continue_clicked (GtkButton *button, QurbIdentifyPage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(GError) error = NULL;
  QurbIdentifyResult result;

  if (!qurb_member_identify (qurb_kiosk_page_get_db (page), qurb_kiosk_session_get_agency_code (session),
                             self->member_no->str, self->cin->str, &result, &error))
    {
      qurb_kiosk_page_failed (page, error);
      return;
    }
  g_clear_pointer (&self->wrong, g_free);
  switch (result.outcome)
    {
    case QURB_IDENTIFY_OK:
      qurb_kiosk_session_set_member (session, result.member_found);
      qurb_kiosk_page_navigate (page, qurb_kiosk_session_get_errand (session)->target ?: "claims",
                                QURB_KIOSK_NAV_REPLACE);
      return;
    case QURB_IDENTIFY_WRONG:
      self->wrong = g_strdup (T_("The member number or the CIN is not right. Please check them."));
      break;
    case QURB_IDENTIFY_SLOWED:
      break;
    case QURB_IDENTIFY_LOCKED:
      self->wrong = g_strdup_printf (qurb_dngettext (lang,
          "For your protection, this member number is locked for %d minute after many wrong attempts. "
          "Please ask at the desk.",
          "For your protection, this member number is locked for %d minutes after many wrong attempts. "
          "Please ask at the desk.",
          result.member.minutes_left), result.member.minutes_left);
      break;
    }
  /* Refused either way: both stay on screen to be checked, the CIN
   * chosen for a correction; the next key takes the message away. */
  wait_for (self, result.kiosk.locked ? result.kiosk.seconds_left : 0);
  show_values (self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->cin_field), TRUE);
  field_toggled (NULL, self);
}

static gboolean
qurb_identify_page_enter (QurbKioskPage *page, GError **error)
{
  QurbIdentifyPage *self = QURB_IDENTIFY_PAGE (page);

  g_string_truncate (self->member_no, 0);
  g_string_truncate (self->cin, 0);
  g_clear_pointer (&self->wrong, g_free);
  show_wait (self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->member_no_field), TRUE);
  field_toggled (NULL, self);
  show_values (self);
  return TRUE;
}

static void
qurb_identify_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbIdentifyPage *self = QURB_IDENTIFY_PAGE (page);

  qurb_kiosk_set_text (self->intro_label,
                       T_("Please type your member number, then the number of your national identity card (CIN). "
                          "We ask only once per visit."));
  qurb_kiosk_set_text (self->member_no_caption, T_("Member number"));
  qurb_kiosk_set_name (self->member_no_field, T_("Member number"));
  qurb_kiosk_set_text (self->cin_caption, T_("CIN number"));
  qurb_kiosk_set_name (self->cin_field, T_("CIN number"));
  qurb_kiosk_set_text (self->continue_button, T_("Continue"));
  /* TRANSLATORS: the on-screen keypad, as a whole */
  qurb_kiosk_set_name (self->keypad, T_("Keypad"));
  qurb_kiosk_keypad_relabel (QURB_KIOSK_KEYPAD (self->keypad), lang);
  g_clear_pointer (&self->wrong, g_free);
  show_wait (self);
}

static const gchar *
qurb_identify_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Your member card");
}

static void
qurb_identify_page_dispose (GObject *object)
{
  g_clear_handle_id (&QURB_IDENTIFY_PAGE (object)->wait_source, g_source_remove);
  G_OBJECT_CLASS (qurb_identify_page_parent_class)->dispose (object);
}

static void
qurb_identify_page_finalize (GObject *object)
{
  QurbIdentifyPage *self = QURB_IDENTIFY_PAGE (object);

  g_string_free (self->member_no, TRUE);
  g_string_free (self->cin, TRUE);
  g_free (self->wrong);
  g_clear_pointer (&self->wait_until, g_date_time_unref);
  G_OBJECT_CLASS (qurb_identify_page_parent_class)->finalize (object);
}

static void
qurb_identify_page_class_init (QurbIdentifyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_identify_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = qurb_identify_page_finalize;
  page_class->enter = qurb_identify_page_enter;
  page_class->relabel = qurb_identify_page_relabel;
  page_class->title = qurb_identify_page_title;
  g_type_ensure (QURB_TYPE_KIOSK_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-identify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, body_box);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, member_no_field);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, member_no_caption);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, member_no_value);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, cin_field);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, cin_caption);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, cin_value);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, QurbIdentifyPage, keypad);
  gtk_widget_class_bind_template_callback (widget_class, field_toggled);
  gtk_widget_class_bind_template_callback (widget_class, key_typed);
  gtk_widget_class_bind_template_callback (widget_class, key_erased);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked);
}

static void
qurb_identify_page_init (QurbIdentifyPage *self)
{
  self->member_no = g_string_new (NULL);
  self->cin = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->body_box);
}
