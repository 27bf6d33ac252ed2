/* qurb-phone-page.c — an identified member registers their mobile phone
 *
 * Three steps on one screen: the number (a code goes to it by SMS), the
 * code typed back (qurb-phone-register: ten minutes, five tries), then
 * the phone registered. Nothing typed survives the page. */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-keypad.h"
#include "qurb-kiosk-pages.h"
#include "qurb-phone-register.h"

#define NUMBER_MAX 10   /* 06 12 34 56 78 */

typedef enum { STEP_NUMBER, STEP_CODE, STEP_DONE } Step;

struct _QurbPhonePage {
  QurbKioskPage parent_instance;

  GtkWidget *intro_label, *body_box, *field_box, *caption_label, *value_label, *message_label;
  GtkWidget *main_button, *again_button, *keypad;

  Step step;
  GString *typed;
  gchar *phone;              /* E.164: the number the code went to */
};

G_DEFINE_FINAL_TYPE (QurbPhonePage, qurb_phone_page, QURB_TYPE_KIOSK_PAGE)

static const gchar *
lang_of (QurbPhonePage *self)
{
  return qurb_kiosk_page_get_lang (QURB_KIOSK_PAGE (self));
}

/* "0612345678" → "06 12 34 56 78"; a code "123456" → "123 456". */
static gchar *
grouped (const gchar *digits, guint group)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; digits[i]; i++)
    {
      if (i > 0 && i % group == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static gchar *
phone_tail (const gchar *lang, const gchar *phone)
{
  gsize len = phone ? strlen (phone) : 0;

  return qurb_kiosk_ltr (lang, len >= 2 ? phone + len - 2 : "");
}

static void
show_message (QurbPhonePage *self, const gchar *text, gboolean good)
{
  qurb_kiosk_set_text (self->message_label, text ? text : "");
  gtk_widget_remove_css_class (self->message_label, good ? "error" : "success");
  gtk_widget_add_css_class (self->message_label, good ? "success" : "error");
}

static void
show_value (QurbPhonePage *self)
{
  g_autofree gchar *digits = grouped (self->typed->str, self->step == STEP_CODE ? 3 : 2);
  /* Its groups read left to right in Arabic too: "06 61 23 45 67". */
  g_autofree gchar *text = qurb_kiosk_ltr (lang_of (self), digits);
  guint wanted = self->step == STEP_CODE ? QURB_PHONE_CODE_LENGTH : NUMBER_MAX;

  gtk_label_set_text (GTK_LABEL (self->value_label), *digits ? text : " ");
  gtk_widget_set_sensitive (self->main_button, self->step == STEP_DONE || self->typed->len == wanted);
}

/* The screen for step: its texts, what shows, and an empty field. */
static void
show_step (QurbPhonePage *self, Step step)
{
  const gchar *lang = lang_of (self);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (QURB_KIOSK_PAGE (self)));
  const gchar *registered = member ? member->phone : NULL;
  g_autofree gchar *tail = phone_tail (lang, self->phone), *intro = NULL;

  self->step = step;
  g_string_truncate (self->typed, 0);
  switch (step)
    {
    case STEP_NUMBER:
      /* The number on file, masked as everywhere on a lobby screen. */
      if (registered != NULL && *registered != '\0')
        {
          g_autofree gchar *now_tail = phone_tail (lang, registered);

          intro = g_strdup_printf (T_("Your registered phone ends in %s. Type your new mobile number: we will send "
                                      "a code to it by SMS to check that it is yours."), now_tail);
        }
      qurb_kiosk_set_text (self->intro_label, intro ? intro
                           : T_("Type your mobile number. We will send a code to it by SMS to check that it is yours."));
      qurb_kiosk_set_text (self->caption_label, T_("Mobile number"));
      qurb_kiosk_set_name (self->field_box, T_("Mobile number"));
      qurb_kiosk_button_offer (self->main_button, T_("Send me a code"), "qurb-forward-symbolic");
      break;
    case STEP_CODE:
      intro = g_strdup_printf (T_("We sent a code of six digits to your phone ending in %s. Type it here."), tail);
      qurb_kiosk_set_text (self->intro_label, intro);
      qurb_kiosk_set_text (self->caption_label, T_("Code received by SMS"));
      qurb_kiosk_set_name (self->field_box, T_("Code received by SMS"));
      qurb_kiosk_button_offer (self->main_button, T_("Register my phone"), "qurb-check-symbolic");
      break;
    case STEP_DONE:
      intro = g_strdup_printf (T_("Your phone ending in %s is registered. Your booking codes and the news of your files "
                                  "will come to it by SMS."), tail);
      qurb_kiosk_set_text (self->intro_label, intro);
      qurb_kiosk_button_offer (self->main_button, T_("Back to my home screen"), "qurb-home-symbolic");
      break;
    }
  qurb_kiosk_set_text (self->again_button, T_("Send a new code"));
  gtk_widget_set_visible (self->again_button, step == STEP_CODE);
  gtk_widget_set_visible (self->field_box, step != STEP_DONE);
  gtk_widget_set_visible (self->keypad, step != STEP_DONE);
  show_value (self);
}

/* A key after a refusal: the member is correcting, the refusal goes
 * (news such as "code sent" stays). */
static void
clear_error (QurbPhonePage *self)
{
  if (gtk_widget_has_css_class (self->message_label, "error"))
    show_message (self, NULL, FALSE);
}

static void
key_typed (QurbKioskKeypad *keypad, const gchar *key, QurbPhonePage *self)
{
  if (self->typed->len < (self->step == STEP_CODE ? QURB_PHONE_CODE_LENGTH : NUMBER_MAX))
    g_string_append (self->typed, key);
  clear_error (self);
  show_value (self);
}

static void
key_erased (QurbKioskKeypad *keypad, QurbPhonePage *self)
{
  if (self->typed->len > 0)
    g_string_truncate (self->typed, self->typed->len - 1);
  clear_error (self);
  show_value (self);
}

static gint64
member_id (QurbPhonePage *self)
{
  return qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (QURB_KIOSK_PAGE (self)))->id;
}

/* Asks for a code to number (E.164 or as typed). */
static void
send_code (QurbPhonePage *self, const gchar *number)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  const gchar *lang = lang_of (self);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  QurbPhoneStart result;

  if (!qurb_phone_register_start (qurb_kiosk_page_get_db (page), member_id (self), number, lang, &result, &error))
    {
      qurb_kiosk_page_failed (page, error);
      return;
    }
  switch (result.outcome)
    {
    case QURB_PHONE_CODE_SENT:
      g_free (self->phone);
      self->phone = g_steal_pointer (&result.phone);
      show_step (self, STEP_CODE);
      show_message (self, NULL, TRUE);
      break;
    case QURB_PHONE_NOT_MOBILE:
      show_message (self, T_("This is not a Moroccan mobile number: it begins with 06 or 07 and has ten digits."), FALSE);
      break;
    case QURB_PHONE_WAIT:
      text = g_strdup_printf (qurb_dngettext (lang, "A code has just been sent. Please wait %d second before asking for another.",
                                              "A code has just been sent. Please wait %d seconds before asking for another.",
                                              result.wait_seconds), result.wait_seconds);
      show_message (self, text, FALSE);
      break;
    case QURB_PHONE_TOO_MANY_CODES:
      show_message (self, T_("Too many codes were sent today. Please come back tomorrow or ask at the desk."), FALSE);
      break;
    }
  qurb_phone_start_clear (&result);
}

static void
check_code (QurbPhonePage *self)
{
  QurbKioskPage *page = QURB_KIOSK_PAGE (self);
  QurbKioskSession *session = qurb_kiosk_page_get_session (page);
  const gchar *lang = lang_of (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbMember) member = NULL;
  g_autofree gchar *text = NULL;
  QurbPhoneConfirm result;

  if (!qurb_phone_register_confirm (qurb_kiosk_page_get_db (page), member_id (self), self->typed->str, "kiosk",
                                    &result, &error))
    {
      qurb_kiosk_page_failed (page, error);
      return;
    }
  switch (result.outcome)
    {
    case QURB_PHONE_REGISTERED:
      /* The visit goes on with the member as they now are. */
      member = qurb_member_find_by_no (qurb_kiosk_page_get_db (page),
                                       qurb_kiosk_session_get_member (session)->member_no, &error);
      if (member != NULL)
        qurb_kiosk_session_set_member (session, g_steal_pointer (&member));
      show_step (self, STEP_DONE);
      show_message (self, NULL, TRUE);
      break;
    case QURB_PHONE_WRONG_CODE:
      text = g_strdup_printf (qurb_dngettext (lang, "This code is not right. %d try left.",
                                              "This code is not right. %d tries left.", result.attempts_left),
                              result.attempts_left);
      g_string_truncate (self->typed, 0);
      show_value (self);
      show_message (self, text, FALSE);
      break;
    case QURB_PHONE_CODE_EXPIRED:
    case QURB_PHONE_NO_CODE:
      g_string_truncate (self->typed, 0);
      show_value (self);
      show_message (self, T_("This code is no longer valid. Touch “Send a new code”."), FALSE);
      break;
    }
  qurb_phone_confirm_clear (&result);
}

static void
main_clicked (GtkButton *button, QurbPhonePage *self)
{
  g_autofree gchar *number = NULL;

  switch (self->step)
    {
    case STEP_NUMBER:
      number = g_strdup (self->typed->str);
      send_code (self, number);
      break;
    case STEP_CODE:
      check_code (self);
      break;
    case STEP_DONE:
      qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), QURB_KIOSK_SCREEN_HOME, QURB_KIOSK_NAV_PUSH);
      break;
    }
}

static void
again_clicked (GtkButton *button, QurbPhonePage *self)
{
  g_autofree gchar *phone = g_strdup (self->phone);

  send_code (self, phone);
}

static gboolean
qurb_phone_page_enter (QurbKioskPage *page, GError **error)
{
  QurbPhonePage *self = QURB_PHONE_PAGE (page);

  g_clear_pointer (&self->phone, g_free);
  show_step (self, STEP_NUMBER);
  show_message (self, NULL, TRUE);
  qurb_kiosk_page_speak_choices (page, QURB_SPEECH_PHONE);
  return TRUE;
}

static void
qurb_phone_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  QurbPhonePage *self = QURB_PHONE_PAGE (page);

  /* TRANSLATORS: the on-screen keypad, as a whole */
  qurb_kiosk_set_name (self->keypad, T_("Keypad"));
  qurb_kiosk_keypad_relabel (QURB_KIOSK_KEYPAD (self->keypad), lang);
  show_step (self, self->step);
}

static const gchar *
qurb_phone_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("My phone");
}

static void
qurb_phone_page_finalize (GObject *object)
{
  QurbPhonePage *self = QURB_PHONE_PAGE (object);

  g_string_free (self->typed, TRUE);
  g_free (self->phone);
  G_OBJECT_CLASS (qurb_phone_page_parent_class)->finalize (object);
}

static void
qurb_phone_page_class_init (QurbPhonePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = qurb_phone_page_finalize;
  page_class->enter = qurb_phone_page_enter;
  page_class->relabel = qurb_phone_page_relabel;
  page_class->title = qurb_phone_page_title;
  page_class->needs_member = TRUE;
  g_type_ensure (QURB_TYPE_KIOSK_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-phone-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbPhonePage, name)
  CHILD (intro_label); CHILD (body_box); CHILD (field_box); CHILD (caption_label); CHILD (value_label);
  CHILD (message_label); CHILD (main_button); CHILD (again_button); CHILD (keypad);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, key_typed);
  gtk_widget_class_bind_template_callback (widget_class, key_erased);
  gtk_widget_class_bind_template_callback (widget_class, main_clicked);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked);
}

static void
qurb_phone_page_init (QurbPhonePage *self)
{
  self->typed = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Digits only: a phone number and a code. */
  qurb_kiosk_keypad_set_letters_allowed (QURB_KIOSK_KEYPAD (self->keypad), FALSE);
  qurb_kiosk_page_flip_with_screen (QURB_KIOSK_PAGE (self), self->body_box);
}
