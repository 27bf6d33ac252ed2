/* qurb-staff-compose.c — writing an announcement in both languages
 *
 * The counters are the segment maths the daemon sends with (qurb-segments):
 * characters, encoding and SMS per member for each language, the number of
 * recipients of the audience and the SMS in all — the bill — before
 * anything is scheduled, and once more in a confirmation before anything
 * is queued. Recipients are counted again only when the audience changes;
 * a keystroke only redoes the (pure) segment maths. Days and times are
 * picked by touch (QurbStaffPicker); what staff read is in the console's
 * language, refusals included. */
#include "config.h"

#include "qurb-broadcast.h"
#include "qurb-clock.h"
#include "qurb-kiosk-widgets.h"
#include "qurb-provinces.h"
#include "qurb-staff-compose.h"
#include "qurb-staff-list.h"
#include "qurb-staff-picker.h"
#include "qurb-texts.h"

struct _QurbStaffCompose {
  GtkBox parent_instance;

  GtkWidget *fr_heading, *ar_heading, *title_fr, *title_ar, *text_fr, *text_ar;
  GtkWidget *count_fr, *count_ar, *ucs2_box, *ucs2_label, *fold_button;
  GtkWidget *audience_label, *audience, *send_row, *until_row, *send_at_label, *send_at, *until_label, *banner_until;
  GtkWidget *summary_label, *message_label, *schedule_button;
  GtkWidget *confirm_box, *confirm_label, *confirm_yes, *confirm_no;

  QurbKioskSession *session;
  GPtrArray *audiences;          /* codes, parallel to the drop-down's strings */
  gboolean filling;              /* choices being replaced: no recount yet */
  QurbBroadcastEstimate estimate;
};

G_DEFINE_FINAL_TYPE (QurbStaffCompose, qurb_staff_compose, GTK_TYPE_BOX)

enum { SIGNAL_SCHEDULED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gchar *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const gchar *
lang_of (QurbStaffCompose *self)
{
  return qurb_kiosk_session_get_lang (self->session);
}

/* An SMS encoding as staff say it: the standard letters, or Unicode
 * (accents GSM-7 lacks, Arabic), which holds fewer letters a part. */
static const gchar *
encoding_words (const gchar *lang, QurbEncoding encoding)
{
  /* TRANSLATORS: staff console; an SMS that holds 160 letters a part */
  return encoding == QURB_ENCODING_GSM7 ? T_("standard letters (GSM-7)")
  /* TRANSLATORS: staff console; an SMS that holds 70 letters a part */
                                        : T_("Unicode, 70 letters a part");
}

static gchar *
counter_text (const gchar *lang, const QurbSegments *s)
{
  return g_strdup_printf (qurb_dngettext (lang, "%u characters · %s · %u SMS per member",
                                          "%u characters · %s · %u SMS per member", s->parts),
                          s->units, encoding_words (lang, s->encoding), s->parts);
}

/* The first character of text that GSM-7 lacks, as a string. */
static gchar *
first_outside_gsm7 (const gchar *text)
{
  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    {
      guint septets;

      if (!qurb_gsm7_char (g_utf8_get_char (p), &septets))
        return g_strndup (p, g_utf8_next_char (p) - p);
    }
  return NULL;
}

static void
update_counters (QurbStaffCompose *self)
{
  const gchar *lang = lang_of (self);
  g_autofree gchar *fr = buffer_text (self->text_fr), *ar = buffer_text (self->text_ar);
  g_autofree gchar *count_fr = NULL, *count_ar = NULL, *summary = NULL, *odd = NULL;
  QurbBroadcastEstimate *e = &self->estimate;

  qurb_sms_segments (fr, &e->fr);
  qurb_sms_segments (ar, &e->ar);
  e->total_parts = (guint64) e->recipients_fr * e->fr.parts + (guint64) e->recipients_ar * e->ar.parts;
  count_fr = counter_text (lang, &e->fr);
  count_ar = counter_text (lang, &e->ar);
  qurb_kiosk_set_text (self->count_fr, count_fr);
  qurb_kiosk_set_text (self->count_ar, count_ar);

  odd = e->fr.encoding == QURB_ENCODING_UCS2 ? first_outside_gsm7 (fr) : NULL;
  if (odd != NULL)
    {
      g_autofree gchar *folded = qurb_gsm7_fold (fr);
      /* The character isolated left to right; the Arabic sentence
       * begins with a word, so that it reads right to left (Pango takes
       * a paragraph's direction from its first strong letter). */
      g_autofree gchar *odd_isolated = qurb_kiosk_ltr (lang, odd);
      g_autofree gchar *warning = NULL;
      QurbSegments s;

      qurb_sms_segments (folded, &s);
      /* TRANSLATORS: staff console; %1$s a character of the French text */
      warning = g_strdup_printf (T_("“%1$s” is not among the standard SMS letters (GSM-7): the French text goes as "
                                    "Unicode, 70 letters a part, %2$u SMS per member. Without accents it would take "
                                    "%3$u."),
                                 odd_isolated, e->fr.parts, s.parts);
      qurb_kiosk_set_text (self->ucs2_label, warning);
    }
  gtk_widget_set_visible (self->ucs2_box, odd != NULL);

  summary = g_strdup_printf (qurb_dngettext (lang, "%u recipient (%u in French, %u in Arabic) · %llu SMS in all",
                                             "%u recipients (%u in French, %u in Arabic) · %llu SMS in all",
                                             e->recipients_fr + e->recipients_ar),
                             e->recipients_fr + e->recipients_ar, e->recipients_fr, e->recipients_ar,
                             (unsigned long long) e->total_parts);
  qurb_kiosk_set_text (self->summary_label, summary);
}

/* Any change takes back a confirmation being asked. */
static void
confirming (QurbStaffCompose *self, gboolean asked)
{
  gtk_widget_set_visible (self->confirm_box, asked);
  gtk_widget_set_visible (self->schedule_button, !asked);
}

static void
text_changed (QurbStaffCompose *self)
{
  if (self->session == NULL)
    return;
  gtk_widget_set_visible (self->message_label, FALSE);
  confirming (self, FALSE);
  update_counters (self);
}

static void
fold_clicked (QurbStaffCompose *self)
{
  g_autofree gchar *fr = buffer_text (self->text_fr);
  g_autofree gchar *folded = qurb_gsm7_fold (fr);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_fr)), folded, -1);
}

static const gchar *
selected_audience (QurbStaffCompose *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->audience));

  return i < self->audiences->len ? self->audiences->pdata[i] : "all";
}

/* A refusal (red), or with good, what was done (green). */
static void
show_message_as (QurbStaffCompose *self, const gchar *text, gboolean good)
{
  qurb_kiosk_set_text (self->message_label, text);
  gtk_widget_remove_css_class (self->message_label, good ? "error" : "success");
  gtk_widget_add_css_class (self->message_label, good ? "success" : "error");
  gtk_widget_set_visible (self->message_label, TRUE);
}

static void
show_message (QurbStaffCompose *self, const gchar *text)
{
  show_message_as (self, text, FALSE);
}

static void
audience_changed (QurbStaffCompose *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->filling)
    return;
  confirming (self, FALSE);
  if (!qurb_broadcast_estimate (qurb_kiosk_session_get_db (self->session), selected_audience (self),
                                "", "", &self->estimate, &error))
    {
      const gchar *lang = lang_of (self);
      g_warning ("counting recipients: %s", error->message);
      show_message (self, T_("One moment, please: the service is busy. We are trying again…"));
    }
  update_counters (self);
}

static gboolean
blank (const gchar *text)
{
  g_autofree gchar *copy = g_strstrip (g_strdup (text));

  return *copy == '\0';
}

/* "16/01/2027 at 09:00" in the console's language. */
static gchar *
when_text (const gchar *lang, GDateTime *when)
{
  g_autofree gchar *iso = g_date_time_format (when, "%Y-%m-%d");
  g_autofree gchar *day = qurb_format_date (iso), *time = g_date_time_format (when, "%H:%M");

  return g_strdup_printf (T_("%s at %s"), day, time);
}

/* Refusals in the console's language, before anything is written. */
static const gchar *
refusal (QurbStaffCompose *self, const gchar *fr, const gchar *ar)
{
  const gchar *lang = lang_of (self);

  if (blank (gtk_editable_get_text (GTK_EDITABLE (self->title_fr))) ||
      blank (gtk_editable_get_text (GTK_EDITABLE (self->title_ar))))
    return T_("Give the announcement a title in French and in Arabic.");
  if (blank (fr) || blank (ar))
    return T_("Write the announcement's text in French and in Arabic.");
  if (self->estimate.recipients_fr + self->estimate.recipients_ar == 0)
    return T_("Nobody with a phone is in this audience: choose another.");
  return NULL;
}

/* First touch: the audience, the recipients and the bill, to confirm. */
static void
schedule_clicked (QurbStaffCompose *self)
{
  const gchar *lang = lang_of (self);
  g_autofree gchar *fr = buffer_text (self->text_fr), *ar = buffer_text (self->text_ar);
  g_autofree gchar *when = when_text (lang, qurb_staff_picker_get_value (QURB_STAFF_PICKER (self->send_at)));
  g_autofree gchar *question = NULL;
  const gchar *refused = refusal (self, fr, ar);
  GtkStringObject *audience = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->audience));
  guint recipients = self->estimate.recipients_fr + self->estimate.recipients_ar;

  if (refused != NULL)
    {
      show_message (self, refused);
      return;
    }
  gtk_widget_set_visible (self->message_label, FALSE);
  /* TRANSLATORS: the staff console's confirmation; %1$s the title,
   * %2$s the audience, %3$u the recipients, %4$llu the SMS in all, %5$s when */
  question = g_strdup_printf (qurb_dngettext (lang,
      "Send “%1$s” to %2$s: %3$u recipient, %4$llu SMS in all, on %5$s?",
      "Send “%1$s” to %2$s: %3$u recipients, %4$llu SMS in all, on %5$s?", recipients),
      gtk_editable_get_text (GTK_EDITABLE (g_str_equal (lang, "ar") ? self->title_ar : self->title_fr)),
      audience ? gtk_string_object_get_string (audience) : "", recipients,
      (unsigned long long) self->estimate.total_parts, when);
  qurb_kiosk_set_text (self->confirm_label, question);
  confirming (self, TRUE);
  gtk_widget_grab_focus (self->confirm_no);
}

static void
confirm_no_clicked (QurbStaffCompose *self)
{
  confirming (self, FALSE);
}

/* Confirmed: the announcement is created (the daemon queues it when its
 * time comes). */
static void
confirm_yes_clicked (QurbStaffCompose *self)
{
  const gchar *lang = lang_of (self);
  g_autofree gchar *fr = buffer_text (self->text_fr), *ar = buffer_text (self->text_ar);
  GDateTime *until = qurb_staff_picker_get_value (QURB_STAFF_PICKER (self->banner_until));
  g_autofree gchar *at = g_date_time_format (qurb_staff_picker_get_value (QURB_STAFF_PICKER (self->send_at)),
                                             "%Y-%m-%dT%H:%M:00");
  g_autofree gchar *until_day = until ? g_date_time_format (until, "%Y-%m-%d") : NULL;
  QurbAnnouncementDraft draft = {
    gtk_editable_get_text (GTK_EDITABLE (self->title_fr)),
    gtk_editable_get_text (GTK_EDITABLE (self->title_ar)),
    fr, ar, selected_audience (self), at, until_day, "staff-console",
  };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *done = NULL;
  gint64 id;

  confirming (self, FALSE);
  if (!qurb_announcement_create (qurb_kiosk_session_get_db (self->session), &draft, &id, &error))
    {
      /* What the console checks first leaves only the unexpected here. */
      g_warning ("scheduling an announcement: %s", error->message);
      show_message (self, T_("One moment, please: the service is busy. We are trying again…"));
      return;
    }
  done = g_strdup_printf (T_("Announcement %lld is scheduled."), (long long) id);
  show_message_as (self, done, TRUE);
  g_signal_emit (self, signals[SIGNAL_SCHEDULED], 0, id);
}

static void
send_at_changed (QurbStaffCompose *self)
{
  GDateTime *at = qurb_staff_picker_get_value (QURB_STAFF_PICKER (self->send_at));
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (at), g_date_time_get_month (at),
                                                    g_date_time_get_day_of_month (at), 0, 0, 0);

  /* The banner cannot end before the day it starts. */
  qurb_staff_picker_set_earliest (QURB_STAFF_PICKER (self->banner_until), day);
  confirming (self, FALSE);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const gchar *const *) a, *(const gchar *const *) b);
}

static void
fill_audiences (QurbStaffCompose *self, GError **error)
{
  const gchar *lang = lang_of (self);
  QurbDb *db = qurb_kiosk_session_get_db (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (db, error);
  g_autoptr(GPtrArray) provinces = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gchar *selected = g_strdup (selected_audience (self));
  sqlite3_stmt *stmt;
  gint step = 0;

  g_ptr_array_set_size (self->audiences, 0);
  gtk_string_list_append (names, T_("All members"));
  g_ptr_array_add (self->audiences, g_strdup ("all"));
  /* The members' spellings, read from their index (a few hundred at
   * most), folded to canonical names here rather than row by row. */
  stmt = caravans ? qurb_db_statement (db, "SELECT DISTINCT province FROM members", error) : NULL;
  while (stmt != NULL && (step = qurb_db_step_row (db, stmt, error)) > 0)
    {
      const gchar *province = qurb_province_canonical ((const gchar *) sqlite3_column_text (stmt, 0));

      if (province != NULL && g_hash_table_add (seen, (gpointer) province))
        g_ptr_array_add (provinces, (gpointer) province);
    }
  if (stmt != NULL && step == 0)
    sqlite3_reset (stmt);
  g_ptr_array_sort (provinces, (GCompareFunc) compare_names);
  for (guint i = 0; i < provinces->len; i++)
    {
      const gchar *province = provinces->pdata[i];
      g_autofree gchar *code = g_strconcat ("province:", province, NULL);
      g_autofree gchar *name = qurb_staff_audience_label (lang, code);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->audiences, g_steal_pointer (&code));
    }
  for (guint i = 0; caravans != NULL && i < caravans->len; i++)
    {
      const QurbCaravan *c = caravans->pdata[i];
      g_autofree gchar *name = g_strdup_printf (T_("Booked on caravan %s (%s)"), c->code,
                                                qurb_kiosk_province_name (lang, c->province));

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->audiences, g_strconcat ("caravan:", c->code, NULL));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->audience), G_LIST_MODEL (names));
  /* A language switch keeps the audience chosen. */
  for (guint i = 0; i < self->audiences->len; i++)
    if (g_str_equal (self->audiences->pdata[i], selected))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->audience), i);
  self->filling = FALSE;
}

/* Fresh choices (provinces, caravans) and counts. */
gboolean
qurb_staff_compose_reload (QurbStaffCompose *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  fill_audiences (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Now, at the next quarter of an hour: the earliest it can go. */
  {
    g_autoptr(GDateTime) clock = qurb_now ();
    gint late = (g_date_time_get_minute (clock) % QURB_STAFF_PICKER_STEP_MINUTES) * 60 + g_date_time_get_second (clock);
    g_autoptr(GDateTime) earliest = g_date_time_add_seconds (clock, late ? QURB_STAFF_PICKER_STEP_MINUTES * 60 - late : 0);

    qurb_staff_picker_set_earliest (QURB_STAFF_PICKER (self->send_at), earliest);
    if (qurb_staff_picker_get_value (QURB_STAFF_PICKER (self->send_at)) == NULL)
      qurb_staff_picker_set_value (QURB_STAFF_PICKER (self->send_at), earliest);
  }
  audience_changed (self);
  return TRUE;
}

void
qurb_staff_compose_relabel (QurbStaffCompose *self)
{
  const gchar *lang = lang_of (self);

  qurb_kiosk_set_text (self->fr_heading, T_("In French"));
  qurb_kiosk_set_text (self->ar_heading, T_("In Arabic"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->title_fr), T_("Title on the lobby screens"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->title_ar), T_("Title on the lobby screens"));
  qurb_kiosk_set_name (self->title_fr, T_("Title in French"));
  qurb_kiosk_set_name (self->title_ar, T_("Title in Arabic"));
  qurb_kiosk_set_name (self->text_fr, T_("Text in French"));
  qurb_kiosk_set_name (self->text_ar, T_("Text in Arabic"));
  qurb_kiosk_set_text (self->fold_button, T_("Use the text without accents"));
  qurb_kiosk_set_text (self->audience_label, T_("Audience"));
  qurb_kiosk_set_name (self->audience, T_("Audience"));
  qurb_kiosk_set_text (self->send_at_label, T_("Send on"));
  qurb_staff_picker_relabel (QURB_STAFF_PICKER (self->send_at), lang, T_("Send on"), NULL);
  qurb_kiosk_set_text (self->until_label, T_("On screen until"));
  qurb_staff_picker_relabel (QURB_STAFF_PICKER (self->banner_until), lang, T_("On screen until"),
                             /* TRANSLATORS: the banner's last day, when none is picked */
                             T_("two weeks"));
  qurb_kiosk_set_text (self->schedule_button, T_("Schedule the announcement"));
  qurb_kiosk_set_text (self->confirm_yes, T_("Yes, schedule it"));
  qurb_kiosk_set_text (self->confirm_no, T_("No, go back"));
  /* Once opened, the choices are named in the new language too. */
  if (self->audiences->len > 0)
    {
      g_autoptr(GError) error = NULL;

      fill_audiences (self, &error);
      if (error != NULL)
        g_warning ("staff console: %s", error->message);
    }
  update_counters (self);
}

void
qurb_staff_compose_setup (QurbStaffCompose *self, QurbKioskSession *session)
{
  self->session = g_object_ref (session);
  /* Each text box reads in its own direction, whatever the screen's. */
  gtk_widget_set_direction (self->text_ar, GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (self->title_ar, GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (self->text_fr, GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (self->title_fr, GTK_TEXT_DIR_LTR);
}

static void
qurb_staff_compose_dispose (GObject *object)
{
  QurbStaffCompose *self = QURB_STAFF_COMPOSE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->audiences, g_ptr_array_unref);
  G_OBJECT_CLASS (qurb_staff_compose_parent_class)->dispose (object);
}

static void
qurb_staff_compose_class_init (QurbStaffComposeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_staff_compose_dispose;
  /* scheduled (id): an announcement was created. */
  signals[SIGNAL_SCHEDULED] = g_signal_new ("scheduled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-staff-compose.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, QurbStaffCompose, name)
  CHILD (fr_heading); CHILD (ar_heading); CHILD (title_fr); CHILD (title_ar);
  CHILD (text_fr); CHILD (text_ar); CHILD (count_fr); CHILD (count_ar);
  CHILD (ucs2_box); CHILD (ucs2_label); CHILD (fold_button);
  CHILD (audience_label); CHILD (audience); CHILD (send_row); CHILD (until_row); CHILD (send_at_label);
  CHILD (until_label); CHILD (summary_label); CHILD (message_label); CHILD (schedule_button);
  CHILD (confirm_box); CHILD (confirm_label); CHILD (confirm_yes); CHILD (confirm_no);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, text_changed);
  gtk_widget_class_bind_template_callback (widget_class, fold_clicked);
  gtk_widget_class_bind_template_callback (widget_class, audience_changed);
  gtk_widget_class_bind_template_callback (widget_class, schedule_clicked);
  gtk_widget_class_bind_template_callback (widget_class, confirm_yes_clicked);
  gtk_widget_class_bind_template_callback (widget_class, confirm_no_clicked);
}

static void
qurb_staff_compose_init (QurbStaffCompose *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->audiences = g_ptr_array_new_with_free_func (g_free);
  /* [−] day [+] [−] time [+] after "Send on"; [−] day [+] after "On screen until". */
  self->send_at = qurb_staff_picker_new (TRUE, FALSE);
  self->banner_until = qurb_staff_picker_new (FALSE, TRUE);
  gtk_box_append (GTK_BOX (self->send_row), self->send_at);
  gtk_box_append (GTK_BOX (self->until_row), self->banner_until);
  g_signal_connect_swapped (self->send_at, "changed", G_CALLBACK (send_at_changed), self);
  g_signal_connect_swapped (self->banner_until, "changed", G_CALLBACK (confirm_no_clicked), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_fr)), "changed",
                            G_CALLBACK (text_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_ar)), "changed",
                            G_CALLBACK (text_changed), self);
}
