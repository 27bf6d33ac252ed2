/* qurb-staff-console.c — the staff console: PIN first, then work
 *
 * Invariant: the compose and list pages are only shown after a PIN check
 * that passed; Lock, idle time, and leaving the console go back to the
 * PIN. */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-keypad.h"
#include "qurb-kiosk-touch.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-staff-compose.h"
#include "qurb-staff-console.h"
#include "qurb-staff-list.h"
#include "qurb-staff-pin.h"
#include "qurb-staff-report.h"

#define PIN_MAX 8

struct _QurbStaffConsole {
  GtkBox parent_instance;

  GtkWidget *compose_tab, *list_tab, *report_tab, *title_label, *arabic_button, *french_button, *lock_button;
  GtkWidget *stack, *pin_intro, *pin_dots, *pin_message, *keypad, *pin_button, *leave_button;
  GtkWidget *compose, *list, *report;

  QurbKioskSession *session;
  GString *pin;
  gint64 last_touch;
  guint tick_source;
  gboolean in_kiosk;         /* locked, it offers the way back to the kiosk */
};

G_DEFINE_FINAL_TYPE (QurbStaffConsole, qurb_staff_console, GTK_TYPE_BOX)

enum { SIGNAL_LOCKED, N_SIGNALS };
static guint signals[N_SIGNALS];

const gchar *
qurb_staff_console_get_screen (QurbStaffConsole *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

static void
show_pin_dots (QurbStaffConsole *self)
{
  g_autoptr(GString) dots = g_string_new (NULL);

  for (gsize i = 0; i < self->pin->len; i++)
    g_string_append (dots, "●");
  gtk_label_set_text (GTK_LABEL (self->pin_dots), dots->len ? dots->str : " ");
}

void
qurb_staff_console_lock (QurbStaffConsole *self)
{
  /* The PIN never stays in memory longer than its check. */
  memset (self->pin->str, 0, self->pin->len);
  g_string_truncate (self->pin, 0);
  show_pin_dots (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "pin");
  gtk_widget_set_visible (self->compose_tab, FALSE);
  gtk_widget_set_visible (self->list_tab, FALSE);
  gtk_widget_set_visible (self->report_tab, FALSE);
  gtk_widget_set_visible (self->lock_button, FALSE);
  gtk_widget_set_visible (self->leave_button, self->in_kiosk);
}

static void
show_work (QurbStaffConsole *self, const gchar *page)
{
  g_autoptr(GError) error = NULL;
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);

  /* The compose page keeps what is being written; the list is read afresh. */
  if (g_str_equal (page, "list") && !qurb_staff_list_refresh (QURB_STAFF_LIST (self->list), &error))
    g_warning ("staff console: %s", error->message);
  if (g_str_equal (page, "report") && !qurb_staff_report_refresh (QURB_STAFF_REPORT (self->report), &error))
    g_warning ("staff console: %s", error->message);
  /* Shown before its tab is pressed, so that the tab's "toggled" finds
   * the page already there. */
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), page);
  gtk_widget_set_visible (self->compose_tab, TRUE);
  gtk_widget_set_visible (self->list_tab, TRUE);
  gtk_widget_set_visible (self->report_tab, TRUE);
  gtk_widget_set_visible (self->lock_button, TRUE);
  gtk_widget_set_visible (self->leave_button, FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (g_str_equal (page, "compose") ? self->compose_tab
                                                   : g_str_equal (page, "list") ? self->list_tab
                                                   : self->report_tab), TRUE);
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      g_str_equal (page, "compose") ? T_("New announcement")
                      : g_str_equal (page, "list") ? T_("Broadcasts") : T_("Caravans report"));
}

static void
pin_typed (QurbKioskKeypad *keypad, const gchar *key, QurbStaffConsole *self)
{
  if (self->pin->len < PIN_MAX)
    g_string_append (self->pin, key);
  show_pin_dots (self);
}

static void
pin_erased (QurbKioskKeypad *keypad, QurbStaffConsole *self)
{
  if (self->pin->len > 0)
    g_string_truncate (self->pin, self->pin->len - 1);
  show_pin_dots (self);
}

static void
pin_clicked (GtkButton *button, QurbStaffConsole *self)
{
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  QurbLockoutState lockout;
  gboolean accepted;

  if (!qurb_staff_pin_check (qurb_kiosk_session_get_db (self->session), self->pin->str, &accepted,
                             &lockout, &error))
    {
      g_warning ("staff PIN: %s", error->message);
      text = g_strdup (T_("One moment, please: the service is busy. We are trying again…"));
    }
  else if (accepted)
    {
      qurb_staff_console_lock (self);
      gtk_widget_set_visible (self->pin_message, FALSE);
      /* Each opening: today's provinces and caravans, fresh counts. */
      if (!qurb_staff_compose_reload (QURB_STAFF_COMPOSE (self->compose), &error))
        g_warning ("staff console: %s", error->message);
      show_work (self, "compose");
      return;
    }
  else if (lockout.locked)
    text = g_strdup_printf (qurb_dngettext (lang, "Too many wrong PINs: the console is locked for %d minute.",
                                            "Too many wrong PINs: the console is locked for %d minutes.",
                                            lockout.minutes_left), lockout.minutes_left);
  else
    text = g_strdup_printf (qurb_dngettext (lang, "Wrong PIN. %d attempt left.", "Wrong PIN. %d attempts left.",
                                            lockout.attempts_left), lockout.attempts_left);
  memset (self->pin->str, 0, self->pin->len);
  g_string_truncate (self->pin, 0);
  show_pin_dots (self);
  qurb_kiosk_set_text (self->pin_message, text);
  gtk_widget_set_visible (self->pin_message, TRUE);
}

static void
tab_toggled (GtkToggleButton *tab, QurbStaffConsole *self)
{
  const gchar *page = GTK_WIDGET (tab) == self->compose_tab ? "compose"
                      : GTK_WIDGET (tab) == self->list_tab ? "list" : "report";
  const gchar *shown = qurb_staff_console_get_screen (self);

  if (gtk_toggle_button_get_active (tab) && !g_str_equal (shown, "pin") && !g_str_equal (shown, page))
    show_work (self, page);
}

/* Lock, or leave the PIN page: the console locks and says so. */
static void
lock_clicked (GtkButton *button, QurbStaffConsole *self)
{
  qurb_staff_console_lock (self);
  g_signal_emit (self, signals[SIGNAL_LOCKED], 0);
}

void
qurb_staff_console_relabel (QurbStaffConsole *self)
{
  const gchar *lang = qurb_kiosk_session_get_lang (self->session);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The window's fonts and direction follow the console's language. */
  qurb_kiosk_apply_language (root ? GTK_WIDGET (root) : GTK_WIDGET (self), lang);
  qurb_kiosk_set_text (self->compose_tab, T_("New announcement"));
  qurb_kiosk_set_text (self->list_tab, T_("Broadcasts"));
  /* TRANSLATORS: the staff console's tab of the caravans report: short,
   * seven buttons share a portrait screen's bar */
  qurb_kiosk_set_text (self->report_tab, T_("Caravans"));
  qurb_kiosk_set_text (self->lock_button, T_("Lock"));
  qurb_kiosk_set_name (self->arabic_button, "العربية");
  qurb_kiosk_set_name (self->french_button, "Français");
  qurb_kiosk_set_text (self->pin_intro, T_("Staff console: type the PIN."));
  qurb_kiosk_set_text (self->pin_button, T_("Open the console"));
  qurb_kiosk_set_text (self->leave_button, T_("Back to the kiosk"));
  /* TRANSLATORS: the on-screen keypad, as a whole */
  qurb_kiosk_set_name (self->keypad, T_("Keypad"));
  qurb_kiosk_keypad_relabel (QURB_KIOSK_KEYPAD (self->keypad), lang);
  qurb_staff_compose_relabel (QURB_STAFF_COMPOSE (self->compose));
  qurb_staff_list_relabel (QURB_STAFF_LIST (self->list));
  if (!g_str_equal (qurb_staff_console_get_screen (self), "pin"))
    show_work (self, qurb_staff_console_get_screen (self));
  else
    gtk_label_set_text (GTK_LABEL (self->title_label), "");
}

static void
language_clicked (GtkButton *button, QurbStaffConsole *self)
{
  qurb_kiosk_session_set_lang (self->session, GTK_WIDGET (button) == self->arabic_button ? "ar" : "fr");
  qurb_staff_console_relabel (self);
}

static void
scheduled (QurbStaffCompose *compose, gint64 id, QurbStaffConsole *self)
{
  show_work (self, "list");
}

/* Every few seconds: the list follows the daemon; idle time locks. */
static gboolean
tick (gpointer user_data)
{
  QurbStaffConsole *self = user_data;
  guint idle = qurb_kiosk_session_get_idle_seconds (self->session);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (qurb_staff_console_get_screen (self), "pin") && idle > 0 &&
      g_get_monotonic_time () - self->last_touch >= (gint64) idle * G_USEC_PER_SEC)
    qurb_staff_console_lock (self);
  else if (g_str_equal (qurb_staff_console_get_screen (self), "list") &&
           !qurb_staff_list_refresh (QURB_STAFF_LIST (self->list), &error))
    g_warning ("broadcasts: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/* Only a person's input keeps it open: a pointer wandering over it (a
 * browser showing Broadway) does not. */
static gboolean
any_event (GtkEventControllerLegacy *controller, GdkEvent *event, QurbStaffConsole *self)
{
  if (qurb_kiosk_touch_is_input (event))
    self->last_touch = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
qurb_staff_console_dispose (GObject *object)
{
  QurbStaffConsole *self = QURB_STAFF_CONSOLE (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_object (&self->session);
  if (self->pin != NULL)
    {
      memset (self->pin->str, 0, self->pin->len);
      g_string_free (g_steal_pointer (&self->pin), TRUE);
    }
  G_OBJECT_CLASS (qurb_staff_console_parent_class)->dispose (object);
}

static void
qurb_staff_console_class_init (QurbStaffConsoleClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_staff_console_dispose;
  signals[SIGNAL_LOCKED] = g_signal_new ("locked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (QURB_TYPE_KIOSK_KEYPAD);
  g_type_ensure (QURB_TYPE_STAFF_COMPOSE);
  g_type_ensure (QURB_TYPE_STAFF_LIST);
  g_type_ensure (QURB_TYPE_STAFF_REPORT);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-staff-console.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbStaffConsole, name)
  CHILD (compose_tab); CHILD (list_tab); CHILD (report_tab); CHILD (title_label); CHILD (arabic_button);
  CHILD (french_button); CHILD (lock_button); CHILD (stack); CHILD (pin_intro); CHILD (pin_dots);
  CHILD (pin_message); CHILD (keypad); CHILD (pin_button); CHILD (leave_button); CHILD (compose); CHILD (list); CHILD (report);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, pin_typed);
  gtk_widget_class_bind_template_callback (widget_class, pin_erased);
  gtk_widget_class_bind_template_callback (widget_class, pin_clicked);
  gtk_widget_class_bind_template_callback (widget_class, tab_toggled);
  gtk_widget_class_bind_template_callback (widget_class, lock_clicked);
  gtk_widget_class_bind_template_callback (widget_class, language_clicked);
}

static void
qurb_staff_console_init (QurbStaffConsole *self)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pin = g_string_new (NULL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  qurb_kiosk_keypad_set_letters_allowed (QURB_KIOSK_KEYPAD (self->keypad), FALSE);
  /* Locked, the console is out of reach of assistive technology too. */
  qurb_kiosk_stack_expose_shown_only (GTK_STACK (self->stack));
  g_signal_connect (self->compose, "scheduled", G_CALLBACK (scheduled), self);
}

/* in_kiosk: inside the members' kiosk, where the PIN page leads back to it. */
void
qurb_staff_console_setup (QurbStaffConsole *self, QurbKioskSession *session, gboolean in_kiosk)
{
  self->session = g_object_ref (session);
  self->last_touch = g_get_monotonic_time ();
  self->in_kiosk = in_kiosk;
  gtk_widget_set_visible (self->leave_button, in_kiosk);
  qurb_staff_compose_setup (QURB_STAFF_COMPOSE (self->compose), session);
  qurb_staff_list_setup (QURB_STAFF_LIST (self->list), session);
  qurb_staff_report_setup (QURB_STAFF_REPORT (self->report), session);
  qurb_staff_console_relabel (self);
  qurb_staff_console_lock (self);
  self->tick_source = g_timeout_add (QURB_STAFF_REFRESH_SECONDS * 1000, tick, self);
}
