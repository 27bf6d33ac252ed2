/* qurb-checkin-window.c — `qurb-kiosk --checkin`: the caravan's tablet */
#include "config.h"

#include <string.h>

#include "qurb-caravan-report.h"
#include "qurb-checkin-window.h"
#include "qurb-clock.h"
#include "qurb-kiosk-keypad.h"
#include "qurb-kiosk-lockdown.h"
#include "qurb-kiosk-widgets.h"

struct _QurbCheckinWindow {
  GtkWindow parent_instance;

  GtkWidget *title_label, *counts_label, *arabic_button, *french_button, *flip_box;
  GtkWidget *result_box, *result_icon, *headline_label, *slot_label, *detail_label;
  GtkWidget *prompt_label, *scan_entry, *keypad, *check_button;

  QurbKioskSession *session;
  gchar *caravan;                 /* the caravan checked in here, or NULL: any of today */
  QurbCheckinResult last;         /* the outcome shown; outcome -1 before the first scan */
  gboolean have_last;
  gboolean busy;                  /* the database did not answer the last scan */
};

G_DEFINE_FINAL_TYPE (QurbCheckinWindow, qurb_checkin_window, GTK_TYPE_WINDOW)

static const gchar *
lang_of (QurbCheckinWindow *self)
{
  return qurb_kiosk_session_get_lang (self->session);
}

/* "Checked in: 12 / booked: 40" for today's caravan (or caravans). */
static void
show_counts (QurbCheckinWindow *self)
{
  const gchar *lang = lang_of (self);
  g_autofree gchar *today = qurb_today_iso ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = qurb_caravan_report (qurb_kiosk_session_get_db (self->session), today, today, &error);
  gint64 attended = 0, booked = 0;
  g_autofree gchar *text = NULL;

  if (rows == NULL)
    {
      g_warning ("check-in counts: %s", error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const QurbCaravanFigures *row = &g_array_index (rows, QurbCaravanFigures, i);

      if (row->level == QURB_FIGURES_CARAVAN && (self->caravan == NULL || g_strcmp0 (row->caravan, self->caravan) == 0))
        {
          attended += row->attended;
          booked += row->booked;
        }
    }
  /* TRANSLATORS: the check-in tablet's counts of the day */
  text = g_strdup_printf (T_("Checked in: %1$d / booked: %2$d"), (gint) attended, (gint) booked);
  qurb_kiosk_set_text (self->counts_label, text);
}

/* "HH:MM" of an ISO time, isolated for Arabic text. */
static gchar *
clock_of (const gchar *lang, const gchar *iso)
{
  g_autofree gchar *hh_mm = iso && strlen (iso) >= 16 ? g_strndup (iso + 11, 5) : g_strdup (iso ? iso : "");

  return qurb_kiosk_ltr (lang, hh_mm);
}

static void
show_result (QurbCheckinWindow *self)
{
  const gchar *lang = lang_of (self);
  const QurbBookingDetail *d = self->last.detail;
  const gchar *name = d == NULL ? "" : g_strcmp0 (lang, "ar") == 0 ? d->member_name_ar : d->member_name;
  const gchar *kind = "ready", *icon = "qurb-scan-symbolic";
  g_autofree gchar *headline = NULL, *slot = NULL, *detail = NULL;

  if (self->busy)
    {
      kind = "already";
      icon = "qurb-clock-symbolic";
      headline = g_strdup (T_("One moment, please: the service is busy. We are trying again…"));
    }
  else if (!self->have_last)
    headline = g_strdup (T_("Ready: scan a ticket."));
  else if (self->last.outcome == QURB_CHECKIN_OK)
    {
      g_autofree gchar *time = qurb_kiosk_ltr (lang, d->booking.start_time);

      kind = "ok";
      icon = "qurb-check-symbolic";
      /* TRANSLATORS: check-in tablet; %s the member's name */
      headline = g_strdup_printf (T_("Welcome, %s"), name);
      /* TRANSLATORS: check-in tablet; %s the booking's time, HH:MM */
      slot = g_strdup_printf (T_("Time slot: %s"), time);
    }
  else if (self->last.outcome == QURB_CHECKIN_ALREADY)
    {
      g_autofree gchar *first = clock_of (lang, d->attended_at);

      kind = "already";
      icon = "qurb-clock-symbolic";
      /* TRANSLATORS: check-in tablet; %s when the ticket was first scanned, HH:MM */
      headline = g_strdup_printf (T_("Already checked in at %s"), first);
      slot = g_strdup (name);
    }
  else
    {
      kind = "refused";
      icon = "qurb-refused-symbolic";
      headline = g_strdup (T_("Refused"));
    }
  if (self->have_last && !self->busy)
    {
      g_autofree gchar *described = qurb_checkin_describe (&self->last, self->caravan, lang);

      detail = qurb_kiosk_ltr_runs (lang, described);
    }
  for (const gchar *const *c = (const gchar *const[]) { "ready", "ok", "already", "refused", NULL }; *c; c++)
    gtk_widget_remove_css_class (self->result_box, *c);
  gtk_widget_add_css_class (self->result_box, kind);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->result_icon), icon);
  qurb_kiosk_set_text (self->headline_label, headline);
  qurb_kiosk_set_text (self->slot_label, slot ? slot : "");
  gtk_widget_set_visible (self->slot_label, slot != NULL);
  qurb_kiosk_set_text (self->detail_label, detail ? detail : "");
  gtk_widget_set_visible (self->detail_label, detail != NULL);
}

/* One scan or typed code: checked in, the outcome shown, the field
 * empty for the next. A database that does not answer keeps the text
 * for another try. */
void
qurb_checkin_window_scan (QurbCheckinWindow *self, const gchar *text)
{
  QurbKioskTickets *tickets = qurb_kiosk_session_get_tickets (self->session);
  QurbCheckinRequest request = { text, qurb_kiosk_tickets_get_key (tickets), self->caravan, "kiosk" };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text ? text : ""));
  QurbCheckinResult result = { 0 };

  if (*trimmed == '\0')
    return;
  self->busy = !qurb_checkin (qurb_kiosk_session_get_db (self->session), &request, &result, &error);
  if (self->busy)
    g_warning ("check-in: %s", error->message);
  else
    {
      qurb_checkin_result_clear (&self->last);
      self->last = result;
      self->have_last = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
      g_message ("check-in %s: %s", qurb_checkin_outcome_name (result.outcome),
                 result.code[0] ? result.code : "-");
    }
  show_result (self);
  show_counts (self);
  gtk_widget_grab_focus (self->scan_entry);
}

QurbCheckinOutcome
qurb_checkin_window_last_outcome (QurbCheckinWindow *self)
{
  return self->have_last ? self->last.outcome : (QurbCheckinOutcome) -1;
}

static void
scan_activated (GtkEntry *entry, QurbCheckinWindow *self)
{
  g_autofree gchar *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  qurb_checkin_window_scan (self, text);
}

static void
check_clicked (GtkButton *button, QurbCheckinWindow *self)
{
  scan_activated (GTK_ENTRY (self->scan_entry), self);
}

static void
key_typed (QurbKioskKeypad *keypad, const gchar *key, QurbCheckinWindow *self)
{
  g_autofree gchar *text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry)), key, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->scan_entry), -1);
}

static void
key_erased (QurbKioskKeypad *keypad, QurbCheckinWindow *self)
{
  const gchar *text = gtk_editable_get_text (GTK_EDITABLE (self->scan_entry));
  glong length = g_utf8_strlen (text, -1);

  if (length > 0)
    gtk_editable_delete_text (GTK_EDITABLE (self->scan_entry), (gint) length - 1, -1);
}

static void
relabel (QurbCheckinWindow *self)
{
  const gchar *lang = lang_of (self);
  g_autofree gchar *title = NULL;

  qurb_kiosk_apply_language (GTK_WIDGET (self), lang);
  if (self->caravan != NULL)
    {
      g_autofree gchar *code = qurb_kiosk_ltr (lang, self->caravan);
      /* TRANSLATORS: the check-in tablet's title; %s a caravan's code */
      title = g_strdup_printf (T_("Check-in: caravan %s"), code);
    }
  qurb_kiosk_set_text (self->title_label, title ? title : T_("Check-in: today's caravans"));
  qurb_kiosk_set_name (self->arabic_button, "العربية");
  qurb_kiosk_set_name (self->french_button, "Français");
  qurb_kiosk_set_text (self->prompt_label, T_("Scan the ticket, or type the booking code:"));
  /* TRANSLATORS: the check-in tablet's field the barcode scanner types into */
  qurb_kiosk_set_name (self->scan_entry, T_("Ticket or booking code"));
  qurb_kiosk_set_text (self->check_button, T_("Check in"));
  qurb_kiosk_set_name (self->keypad, T_("Keypad"));
  qurb_kiosk_keypad_relabel (QURB_KIOSK_KEYPAD (self->keypad), lang);
  show_result (self);
  show_counts (self);
}

static void
language_clicked (GtkButton *button, QurbCheckinWindow *self)
{
  qurb_kiosk_session_set_lang (self->session, GTK_WIDGET (button) == self->arabic_button ? "ar" : "fr");
  relabel (self);
  gtk_widget_grab_focus (self->scan_entry);
}

static void
qurb_checkin_window_realize (GtkWidget *widget)
{
  QurbCheckinWindow *self = QURB_CHECKIN_WINDOW (widget);
  gint width, height;

  /* Side by side on a landscape tablet, stacked on a portrait one. */
  gtk_window_get_default_size (GTK_WINDOW (widget), &width, &height);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->flip_box),
                                  width > height ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  GTK_WIDGET_CLASS (qurb_checkin_window_parent_class)->realize (widget);
  gtk_widget_grab_focus (self->scan_entry);
}

static void
qurb_checkin_window_dispose (GObject *object)
{
  QurbCheckinWindow *self = QURB_CHECKIN_WINDOW (object);

  qurb_checkin_result_clear (&self->last);
  g_clear_object (&self->session);
  g_clear_pointer (&self->caravan, g_free);
  G_OBJECT_CLASS (qurb_checkin_window_parent_class)->dispose (object);
}

static void
qurb_checkin_window_class_init (QurbCheckinWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_checkin_window_dispose;
  widget_class->realize = qurb_checkin_window_realize;
  g_type_ensure (QURB_TYPE_KIOSK_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-checkin-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbCheckinWindow, name)
  CHILD (title_label); CHILD (counts_label); CHILD (arabic_button); CHILD (french_button); CHILD (flip_box);
  CHILD (result_box); CHILD (result_icon); CHILD (headline_label); CHILD (slot_label); CHILD (detail_label);
  CHILD (prompt_label); CHILD (scan_entry); CHILD (keypad); CHILD (check_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, scan_activated);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked);
  gtk_widget_class_bind_template_callback (widget_class, key_typed);
  gtk_widget_class_bind_template_callback (widget_class, key_erased);
  gtk_widget_class_bind_template_callback (widget_class, language_clicked);
}

static void
qurb_checkin_window_init (QurbCheckinWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Codes and tickets read left to right, the keypad as on a phone. */
  gtk_widget_set_direction (self->scan_entry, GTK_TEXT_DIR_LTR);
}

QurbCheckinWindow *
qurb_checkin_window_new (QurbKioskSession *session, const gchar *caravan_code, gboolean locked_down)
{
  QurbCheckinWindow *self = g_object_new (QURB_TYPE_CHECKIN_WINDOW, NULL);

  self->session = g_object_ref (session);
  self->caravan = caravan_code && *caravan_code ? g_ascii_strup (caravan_code, -1) : NULL;
  relabel (self);
  if (locked_down)
    qurb_kiosk_lock_down (GTK_WINDOW (self));
  return self;
}
