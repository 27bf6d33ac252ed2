/* qurb-kiosk-window.c — the kiosk's one window: header, screens, idle reset
 *
 * A visit: the member identifies once, then moves between their claims,
 * the caravans and their bookings (Home keeps them) until "Done" or the
 * idle time, which both go through qurb_kiosk_window_end_visit() and
 * forget the member. Invariant: a screen that shows a member's data is
 * only ever shown with a member identified; asked for before, it is
 * shown once the member has identified. */
#include "config.h"

#include "qurb-idle-warning.h"
#include "qurb-kiosk-pages.h"
#include "qurb-kiosk-lockdown.h"
#include "qurb-kiosk-window.h"
#include "qurb-kiosk-topbar.h"
#include "qurb-kiosk-touch.h"
#include "qurb-kiosk-voice.h"
#include "qurb-staff-console.h"

struct _QurbKioskWindow {
  GtkWindow parent_instance;

  GtkWidget *main_box, *topbar;
  GtkWidget *header, *listen_button, *back_button, *title_label, *member_label, *home_button, *done_button;
  GtkWidget *scroller, *stack, *busy_label, *idle_warning;
  GtkWidget *staff;          /* the staff console, a screen of its own; made when first opened */

  QurbKioskSession *session;
  gboolean locked_down;
  gboolean landscape;        /* the pages' layout */
  GPtrArray *history;        /* screen names Back returns to, oldest first */
  gchar *current;            /* the screen shown, or being retried */
  gint64 last_touch;         /* monotonic µs: the last real input */
  QurbKioskTouchGuard guard;
  gint64 last_refresh;       /* monotonic µs: the banner last read */
  guint idle_source, retry_source;
};

G_DEFINE_FINAL_TYPE (QurbKioskWindow, qurb_kiosk_window, GTK_TYPE_WINDOW)

static const struct {
  const gchar *name;
  GType (*get_type) (void);
} screens[] = {
  { "home", qurb_home_page_get_type }, { "identify", qurb_identify_page_get_type },
  { "claims", qurb_claims_page_get_type }, { "provinces", qurb_provinces_page_get_type },
  { "caravans", qurb_caravans_page_get_type }, { "slots", qurb_slots_page_get_type },
  { "confirm", qurb_confirm_page_get_type }, { "booked", qurb_booked_page_get_type },
  { "bookings", qurb_bookings_page_get_type }, { "waitlist", qurb_waitlist_page_get_type },
  { "phone", qurb_phone_page_get_type }, { "ticket", qurb_ticket_page_get_type },
};

static const gchar *
lang_of (QurbKioskWindow *self)
{
  return qurb_kiosk_session_get_lang (self->session);
}

static void enter_screen (QurbKioskWindow *self, const gchar *name);
static void page_navigate (QurbKioskPage *page, const gchar *name, gint how, QurbKioskWindow *self);
static void page_failed (QurbKioskPage *page, const GError *error, QurbKioskWindow *self);
static void hold_touches (QurbKioskWindow *self);

/* The page of a screen, made the first time it is shown: the kiosk
 * starts with its home screen alone (bench/: start-up). */
QurbKioskPage *
qurb_kiosk_window_get_page (QurbKioskWindow *self, const gchar *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (GTK_STACK (self->stack), name);
  QurbKioskPage *page;

  if (child != NULL)
    return QURB_IS_KIOSK_PAGE (child) ? QURB_KIOSK_PAGE (child) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    if (g_strcmp0 (screens[i].name, name) == 0)
      {
        page = g_object_new (screens[i].get_type (), "session", self->session, NULL);
        gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (page), name);
        g_signal_connect (page, "navigate", G_CALLBACK (page_navigate), self);
        g_signal_connect (page, "failed", G_CALLBACK (page_failed), self);
        g_signal_connect_swapped (page, "hold-touches", G_CALLBACK (hold_touches), self);
        qurb_kiosk_page_relabel (page);
        qurb_kiosk_page_set_landscape (page, self->landscape);
        return page;
      }
  return NULL;
}

const gchar *
qurb_kiosk_window_get_screen (QurbKioskWindow *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

static void
note_touch (QurbKioskWindow *self)
{
  self->last_touch = g_get_monotonic_time ();
}

static void
hold_touches (QurbKioskWindow *self)
{
  qurb_kiosk_touch_guard_hold (&self->guard);
}

static void
update_header (QurbKioskWindow *self, QurbKioskPage *page)
{
  const QurbMember *member = qurb_kiosk_session_get_member (self->session);
  gboolean at_home = page == NULL || QURB_IS_HOME_PAGE (page);
  gboolean voice = qurb_kiosk_session_get_voice (self->session) != NULL;
  g_autofree gchar *name = NULL;

  if (member != NULL)
    {
      gboolean ar = g_str_equal (lang_of (self), "ar") && *member->first_name_ar != '\0';

      name = g_strdup_printf ("%s %s", ar ? member->first_name_ar : member->first_name,
                              ar ? member->last_name_ar : member->last_name);
    }
  /* At home the bar shows only who is there and "Done"; elsewhere Back
   * and Home as well, and the screen's title under it. */
  gtk_widget_set_visible (self->header, !at_home || member != NULL || voice);
  gtk_widget_set_visible (self->listen_button, voice);
  gtk_widget_set_visible (self->back_button, !at_home);
  gtk_widget_set_visible (self->home_button, !at_home);
  gtk_widget_set_visible (self->done_button, member != NULL);
  gtk_label_set_text (GTK_LABEL (self->title_label), !at_home ? qurb_kiosk_page_title (page) : "");
  gtk_widget_set_visible (self->title_label, !at_home);
  gtk_label_set_text (GTK_LABEL (self->member_label), name ? name : "");
}

static gboolean
retry_tick (gpointer user_data)
{
  QurbKioskWindow *self = user_data;
  g_autofree gchar *name = g_strdup (self->current);

  self->retry_source = 0;
  enter_screen (self, name);
  return G_SOURCE_REMOVE;
}

/* The database did not answer: say so calmly, in the member's language,
 * and try the same screen again shortly. The error itself goes to the log
 * only — never a raw message on the screen. */
static void
show_busy (QurbKioskWindow *self, const GError *error)
{
  const gchar *lang = lang_of (self);

  g_warning ("screen %s: %s", self->current, error->message);
  qurb_kiosk_set_text (self->busy_label,
                       T_("One moment, please: the service is busy. We are trying again…"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "busy");
  hold_touches (self);
  update_header (self, NULL);
  if (self->retry_source == 0)
    self->retry_source = g_timeout_add (QURB_KIOSK_RETRY_SECONDS * 1000, retry_tick, self);
}

/* The staff console: the members' bars go, the console has its own. */
static void ensure_staff (QurbKioskWindow *self);

static void
enter_staff (QurbKioskWindow *self)
{
  ensure_staff (self);
  g_free (self->current);
  self->current = g_strdup (QURB_KIOSK_SCREEN_STAFF);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->staff);
  hold_touches (self);
  gtk_widget_set_visible (self->header, FALSE);
  gtk_widget_set_visible (self->title_label, FALSE);
}

static void
enter_screen (QurbKioskWindow *self, const gchar *name)
{
  QurbKioskPage *page;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (name, QURB_KIOSK_SCREEN_STAFF) == 0)
    {
      enter_staff (self);
      return;
    }
  /* Whatever leaves the console locks it, a visit's end too (it forgets
   * which screen was shown before it comes here). */
  if (self->staff != NULL)
    qurb_staff_console_lock (QURB_STAFF_CONSOLE (self->staff));
  page = qurb_kiosk_window_get_page (self, name);
  g_return_if_fail (page != NULL);
  /* Nobody identified yet: identification first, then this screen. */
  if (QURB_KIOSK_PAGE_GET_CLASS (page)->needs_member && qurb_kiosk_session_get_member (self->session) == NULL)
    {
      QurbKioskErrand *errand = qurb_kiosk_session_get_errand (self->session);

      g_free (errand->target);
      errand->target = g_strdup (name);
      name = "identify";
      page = qurb_kiosk_window_get_page (self, name);
    }
  g_clear_handle_id (&self->retry_source, g_source_remove);
  qurb_kiosk_voice_stop (qurb_kiosk_session_get_voice (self->session));
  if (name != self->current)
    {
      g_free (self->current);
      self->current = g_strdup (name);
    }
  if (!qurb_kiosk_page_enter (page, &error))
    {
      show_busy (self, error);
      return;
    }
  gtk_stack_set_visible_child (GTK_STACK (self->stack), GTK_WIDGET (page));
  /* Every screen opens at its top, whatever the last visitor scrolled. */
  qurb_kiosk_scroll_to_top (self->scroller);
  hold_touches (self);
  update_header (self, page);
}

void
qurb_kiosk_window_show_screen (QurbKioskWindow *self, const gchar *name)
{
  note_touch (self);
  if (g_strcmp0 (name, QURB_KIOSK_SCREEN_HOME) == 0)
    {
      qurb_kiosk_window_go_home (self);
      return;
    }
  if (g_strcmp0 (name, QURB_KIOSK_SCREEN_END) == 0)
    {
      qurb_kiosk_window_end_visit (self);
      return;
    }
  if (g_strcmp0 (name, QURB_KIOSK_SCREEN_BACK) == 0)
    {
      qurb_kiosk_window_go_back (self);
      return;
    }
  if (self->current != NULL)
    g_ptr_array_add (self->history, g_strdup (self->current));
  enter_screen (self, name);
}

/* The home screen; an identified member stays identified. */
void
qurb_kiosk_window_go_home (QurbKioskWindow *self)
{
  note_touch (self);
  qurb_kiosk_session_clear_errand (self->session);
  g_ptr_array_set_size (self->history, 0);
  enter_screen (self, QURB_KIOSK_SCREEN_HOME);
}

/* The visit is over: nothing of the member stays, and the next person
 * finds the kiosk in its own language. */
void
qurb_kiosk_window_end_visit (QurbKioskWindow *self)
{
  note_touch (self);
  gtk_widget_set_visible (self->idle_warning, FALSE);
  qurb_kiosk_session_forget (self->session);
  g_ptr_array_set_size (self->history, 0);
  g_clear_pointer (&self->current, g_free);
  qurb_kiosk_session_set_lang (self->session, qurb_kiosk_session_get_default_lang (self->session));
  enter_screen (self, QURB_KIOSK_SCREEN_HOME);
}

void
qurb_kiosk_window_go_back (QurbKioskWindow *self)
{
  g_autofree gchar *previous = NULL;

  note_touch (self);
  if (self->history->len == 0)
    {
      qurb_kiosk_window_go_home (self);
      return;
    }
  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  if (g_str_equal (previous, QURB_KIOSK_SCREEN_HOME))
    qurb_kiosk_window_go_home (self);
  else
    enter_screen (self, previous);
}

static void
page_navigate (QurbKioskPage *page, const gchar *name, gint how, QurbKioskWindow *self)
{
  if (how == QURB_KIOSK_NAV_REPLACE)
    g_clear_pointer (&self->current, g_free);
  qurb_kiosk_window_show_screen (self, name);
}

static void
page_failed (QurbKioskPage *page, const GError *error, QurbKioskWindow *self)
{
  note_touch (self);
  show_busy (self, error);
}

static void
back_clicked (GtkButton *button, QurbKioskWindow *self)
{
  qurb_kiosk_window_go_back (self);
}

static void
home_clicked (GtkButton *button, QurbKioskWindow *self)
{
  qurb_kiosk_window_go_home (self);
}

/* Reads the screen aloud from the start (the touch itself silenced what
 * was being said, see any_event). */
static void
listen_clicked (GtkButton *button, QurbKioskWindow *self)
{
  QurbKioskVoice *voice = qurb_kiosk_session_get_voice (self->session);
  GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (self->stack));
  const gchar *text = NULL;

  if (voice == NULL)
    return;
  if (!QURB_IS_KIOSK_PAGE (shown))
    text = gtk_label_get_text (GTK_LABEL (self->busy_label));
  else if ((text = qurb_kiosk_page_get_speech (QURB_KIOSK_PAGE (shown))) == NULL)
    text = qurb_kiosk_page_title (QURB_KIOSK_PAGE (shown));
  qurb_kiosk_voice_say (voice, lang_of (self), text);
}

static void
done_clicked (GtkWidget *button, QurbKioskWindow *self)
{
  qurb_kiosk_window_end_visit (self);
}

static void
staff_locked (QurbStaffConsole *console, QurbKioskWindow *self)
{
  qurb_kiosk_window_end_visit (self);
}

/* Made on first use: members never wait for a console they do not see
 * (it doubled the kiosk's start-up). */
static void
ensure_staff (QurbKioskWindow *self)
{
  if (self->staff != NULL)
    return;
  self->staff = g_object_new (QURB_TYPE_STAFF_CONSOLE, NULL);
  gtk_stack_add_named (GTK_STACK (self->stack), self->staff, QURB_KIOSK_SCREEN_STAFF);
  qurb_staff_console_setup (QURB_STAFF_CONSOLE (self->staff), self->session, TRUE);
  g_signal_connect (self->staff, "locked", G_CALLBACK (staff_locked), self);
}

/* The discreet way in for staff: a long press on the mutual's name. */
static void
staff_requested (QurbKioskTopbar *topbar, QurbKioskWindow *self)
{
  qurb_kiosk_window_end_visit (self);
  qurb_kiosk_window_show_screen (self, QURB_KIOSK_SCREEN_STAFF);
}

/* More time: the warning goes, what was typed stays. */
static void
more_time (QurbIdleWarning *warning, QurbKioskWindow *self)
{
  note_touch (self);
  gtk_widget_set_visible (self->idle_warning, FALSE);
}

/* While nobody is at the kiosk: the banner read again every
 * refresh-seconds, so an announcement shows when its time comes. */
static void
refresh_banner (QurbKioskWindow *self, gint64 now)
{
  guint every = qurb_kiosk_session_get_refresh_seconds (self->session);
  g_autoptr(GError) error = NULL;
  QurbKioskPage *home;

  if (now - self->last_refresh < (gint64) every * G_USEC_PER_SEC ||
      g_strcmp0 (qurb_kiosk_window_get_screen (self), QURB_KIOSK_SCREEN_HOME) != 0)
    return;
  self->last_refresh = now;
  home = qurb_kiosk_window_get_page (self, QURB_KIOSK_SCREEN_HOME);
  if (!qurb_home_page_refresh_banner (QURB_HOME_PAGE (home), &error))
    g_warning ("banner: %s", error->message);  /* the old banner stays meanwhile */
}

/* Every half second: the clock, the banner, and the idle time — a
 * warning idle-warning seconds before the end, then the end of the visit. */
static gboolean
idle_tick (gpointer user_data)
{
  QurbKioskWindow *self = user_data;
  guint idle_seconds = qurb_kiosk_session_get_idle_seconds (self->session);
  guint warning = qurb_kiosk_session_get_idle_warning_seconds (self->session);
  gint64 now = g_get_monotonic_time ();
  gint64 idle = now - self->last_touch;
  gboolean at_rest = g_strcmp0 (self->current, QURB_KIOSK_SCREEN_HOME) == 0 &&
                     qurb_kiosk_session_get_member (self->session) == NULL &&
                     g_str_equal (lang_of (self), qurb_kiosk_session_get_default_lang (self->session));

  qurb_kiosk_topbar_tick (QURB_KIOSK_TOPBAR (self->topbar), self->session);
  refresh_banner (self, now);
  if (idle_seconds == 0 || at_rest)
    return G_SOURCE_CONTINUE;
  if (idle >= (gint64) idle_seconds * G_USEC_PER_SEC)
    {
      g_debug ("idle for %u s: the visit ends", idle_seconds);
      qurb_kiosk_window_end_visit (self);
    }
  else if (warning > 0 && idle >= (gint64) (idle_seconds - warning) * G_USEC_PER_SEC)
    {
      gint64 left = (gint64) idle_seconds * G_USEC_PER_SEC - idle;

      qurb_idle_warning_count (QURB_IDLE_WARNING (self->idle_warning), lang_of (self),
                               (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
      if (!gtk_widget_get_visible (self->idle_warning))
        hold_touches (self);
      gtk_widget_set_visible (self->idle_warning, TRUE);
    }
  return G_SOURCE_CONTINUE;
}

/* A touch is more time, and the voice falls silent. Only a person's input
 * counts (qurb-kiosk-touch.h); a double tap's second half is dropped
 * before any control sees it. */
static gboolean
any_event (GtkEventControllerLegacy *controller, GdkEvent *event, QurbKioskWindow *self)
{
  gboolean refused = qurb_kiosk_touch_guard_refuses (&self->guard, event);

  if (qurb_kiosk_touch_is_input (event))
    {
      qurb_kiosk_voice_stop (qurb_kiosk_session_get_voice (self->session));
      more_time (NULL, self);
    }
  return refused ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static gboolean
close_request (GtkWindow *window)
{
  return QURB_KIOSK_WINDOW (window)->locked_down;
}

static void
relabel (QurbKioskWindow *self)
{
  const gchar *lang = lang_of (self);
  GtkWidget *child;

  qurb_kiosk_apply_language (GTK_WIDGET (self), lang);
  qurb_kiosk_set_text (self->back_button, T_("Back"));
  /* TRANSLATORS: the button that reads the screen aloud */
  qurb_kiosk_set_name (self->listen_button, T_("Listen"));
  qurb_kiosk_set_text (self->home_button, T_("Home"));
  /* TRANSLATORS: ends the member's visit at the kiosk */
  qurb_kiosk_set_text (self->done_button, T_("Done"));
  qurb_idle_warning_relabel (QURB_IDLE_WARNING (self->idle_warning), lang);
  qurb_kiosk_topbar_update (QURB_KIOSK_TOPBAR (self->topbar), self->session);
  for (child = gtk_widget_get_first_child (self->stack); child; child = gtk_widget_get_next_sibling (child))
    if (QURB_IS_KIOSK_PAGE (child))
      qurb_kiosk_page_relabel (QURB_KIOSK_PAGE (child));
  if (self->staff != NULL)
    qurb_staff_console_relabel (QURB_STAFF_CONSOLE (self->staff));
}

static void
lang_changed (QurbKioskSession *session, GParamSpec *pspec, QurbKioskWindow *self)
{
  g_autofree gchar *name = g_strdup (self->current);

  relabel (self);
  if (name != NULL)
    enter_screen (self, name);
}

static void
set_landscape (QurbKioskWindow *self, gboolean landscape)
{
  self->landscape = landscape;
  if (landscape)
    gtk_widget_add_css_class (GTK_WIDGET (self), "landscape");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "landscape");
  for (GtkWidget *child = gtk_widget_get_first_child (self->stack); child;
       child = gtk_widget_get_next_sibling (child))
    if (QURB_IS_KIOSK_PAGE (child))
      qurb_kiosk_page_set_landscape (QURB_KIOSK_PAGE (child), landscape);
}

static void
surface_resized (GdkSurface *surface, GParamSpec *pspec, QurbKioskWindow *self)
{
  g_debug ("the screen is %d × %d", gdk_surface_get_width (surface), gdk_surface_get_height (surface));
  set_landscape (self, gdk_surface_get_width (surface) > gdk_surface_get_height (surface));
}

static void
qurb_kiosk_window_realize (GtkWidget *widget)
{
  GdkSurface *surface;
  gint width, height;

  /* Laid out for the shape it opens in: a portrait layout measured for a
   * landscape window would make it taller than the screen. */
  gtk_window_get_default_size (GTK_WINDOW (widget), &width, &height);
  set_landscape (QURB_KIOSK_WINDOW (widget), width > height);
  GTK_WIDGET_CLASS (qurb_kiosk_window_parent_class)->realize (widget);
  surface = gtk_native_get_surface (GTK_NATIVE (widget));
  g_signal_connect_object (surface, "notify::width", G_CALLBACK (surface_resized), widget, 0);
  g_signal_connect_object (surface, "notify::height", G_CALLBACK (surface_resized), widget, 0);
}

static void
qurb_kiosk_window_dispose (GObject *object)
{
  QurbKioskWindow *self = QURB_KIOSK_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (qurb_kiosk_window_parent_class)->dispose (object);
}

static void
qurb_kiosk_window_finalize (GObject *object)
{
  QurbKioskWindow *self = QURB_KIOSK_WINDOW (object);

  g_ptr_array_unref (self->history);
  g_free (self->current);
  G_OBJECT_CLASS (qurb_kiosk_window_parent_class)->finalize (object);
}

static void
qurb_kiosk_window_class_init (QurbKioskWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_kiosk_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = qurb_kiosk_window_finalize;
  widget_class->realize = qurb_kiosk_window_realize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;
  g_type_ensure (QURB_TYPE_IDLE_WARNING);
  g_type_ensure (QURB_TYPE_KIOSK_TOPBAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-kiosk-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbKioskWindow, name)
  CHILD (main_box); CHILD (topbar); CHILD (header); CHILD (listen_button); CHILD (back_button); CHILD (title_label);
  CHILD (member_label); CHILD (home_button); CHILD (done_button); CHILD (scroller); CHILD (stack); CHILD (busy_label);
  CHILD (idle_warning);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, home_clicked);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked);
  gtk_widget_class_bind_template_callback (widget_class, listen_clicked);
  gtk_widget_class_bind_template_callback (widget_class, more_time);
  gtk_widget_class_bind_template_callback (widget_class, staff_requested);
}

static void
qurb_kiosk_window_init (QurbKioskWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->history = g_ptr_array_new_with_free_func (g_free);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

QurbKioskWindow *
qurb_kiosk_window_new (QurbKioskSession *session, gboolean locked_down)
{
  QurbKioskWindow *self = g_object_new (QURB_TYPE_KIOSK_WINDOW, NULL);

  self->session = g_object_ref (session);
  self->locked_down = locked_down;
  qurb_kiosk_stack_expose_shown_only (GTK_STACK (self->stack));
  g_signal_connect (session, "notify::lang", G_CALLBACK (lang_changed), self);
  relabel (self);
  qurb_kiosk_window_end_visit (self);
  self->last_refresh = g_get_monotonic_time ();
  self->idle_source = g_timeout_add (500, idle_tick, self);
  if (locked_down)
    qurb_kiosk_lock_down (GTK_WINDOW (self));
  return self;
}
