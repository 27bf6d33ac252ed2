/* qurb-staff-picker.c — a day and a time chosen by touch, without typing */
#include "config.h"

#include "qurb-kiosk-widgets.h"
#include "qurb-staff-picker.h"
#include "qurb-texts.h"

struct _QurbStaffPicker {
  GtkBox parent_instance;

  GtkWidget *day_less, *day_label, *day_more, *time_less, *time_label, *time_more;
  gboolean optional;
  GDateTime *value;          /* NULL: none (optional only) */
  GDateTime *earliest;
  gchar *none_text;
};

G_DEFINE_FINAL_TYPE (QurbStaffPicker, qurb_staff_picker, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_value (QurbStaffPicker *self)
{
  g_autofree gchar *date = NULL, *day = NULL, *time = NULL;

  if (self->value != NULL)
    {
      date = g_date_time_format (self->value, "%Y-%m-%d");
      day = qurb_format_date (date);
      time = g_date_time_format (self->value, "%H:%M");
    }
  qurb_kiosk_set_text (self->day_label, day ? day : self->none_text ? self->none_text : "");
  qurb_kiosk_set_text (self->time_label, time ? time : "");
  gtk_widget_set_sensitive (self->day_less, self->value != NULL);
  gtk_widget_set_sensitive (self->time_less, self->value != NULL &&
                            (self->earliest == NULL || g_date_time_compare (self->value, self->earliest) > 0));
  gtk_widget_set_sensitive (self->time_more, self->value != NULL);
}

/* Moves the value; below the earliest it stops there, or (optional)
 * becomes none; from none, "later" starts at the earliest. */
static void
step (QurbStaffPicker *self, gint days, gint minutes)
{
  g_autoptr(GDateTime) moved = NULL;

  if (self->value == NULL && days == 0 && minutes == 0 && self->optional)
    moved = NULL;   /* none stays none */
  else if (self->value == NULL)
    moved = self->earliest ? g_date_time_ref (self->earliest) : NULL;
  else
    {
      g_autoptr(GDateTime) by_day = g_date_time_add_days (self->value, days);
      moved = g_date_time_add_minutes (by_day, minutes);
    }
  if (moved != NULL && self->earliest != NULL && g_date_time_compare (moved, self->earliest) < 0)
    {
      g_clear_pointer (&moved, g_date_time_unref);
      if (!self->optional)
        moved = g_date_time_ref (self->earliest);
    }
  g_clear_pointer (&self->value, g_date_time_unref);
  self->value = g_steal_pointer (&moved);
  show_value (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
clicked (GtkButton *button, QurbStaffPicker *self)
{
  GtkWidget *b = GTK_WIDGET (button);

  step (self, b == self->day_less ? -1 : b == self->day_more ? 1 : 0,
        b == self->time_less ? -QURB_STAFF_PICKER_STEP_MINUTES
        : b == self->time_more ? QURB_STAFF_PICKER_STEP_MINUTES : 0);
}

static GtkWidget *
step_button_new (QurbStaffPicker *self, const gchar *icon_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  g_signal_connect (button, "clicked", G_CALLBACK (clicked), self);
  gtk_box_append (GTK_BOX (self), button);
  return button;
}

static GtkWidget *
value_label_new (QurbStaffPicker *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "value");
  gtk_box_append (GTK_BOX (self), label);
  return label;
}

/* name: what is picked ("Send on"), in the accessible name of each
 * button; none_text: what the day shows when there is none. */
void
qurb_staff_picker_relabel (QurbStaffPicker *self, const gchar *lang, const gchar *name, const gchar *none_text)
{
  /* TRANSLATORS: accessible names of the date and time pickers; %s what is picked */
  g_autofree gchar *day_less = g_strdup_printf (T_("%s: one day earlier"), name);
  g_autofree gchar *day_more = g_strdup_printf (T_("%s: one day later"), name);
  g_autofree gchar *time_less = g_strdup_printf (T_("%s: a quarter of an hour earlier"), name);
  g_autofree gchar *time_more = g_strdup_printf (T_("%s: a quarter of an hour later"), name);

  qurb_kiosk_set_name (self->day_less, day_less);
  qurb_kiosk_set_name (self->day_more, day_more);
  qurb_kiosk_set_name (self->time_less, time_less);
  qurb_kiosk_set_name (self->time_more, time_more);
  g_free (self->none_text);
  self->none_text = g_strdup (none_text);
  show_value (self);
}

void
qurb_staff_picker_set_earliest (QurbStaffPicker *self, GDateTime *earliest)
{
  g_clear_pointer (&self->earliest, g_date_time_unref);
  self->earliest = earliest ? g_date_time_ref (earliest) : NULL;
  step (self, 0, 0);
}

void
qurb_staff_picker_set_value (QurbStaffPicker *self, GDateTime *value)
{
  g_clear_pointer (&self->value, g_date_time_unref);
  self->value = value ? g_date_time_ref (value) : NULL;
  step (self, 0, 0);
}

/* Borrowed; NULL when none is picked. */
GDateTime *
qurb_staff_picker_get_value (QurbStaffPicker *self)
{
  return self->value;
}

static void
qurb_staff_picker_finalize (GObject *object)
{
  QurbStaffPicker *self = QURB_STAFF_PICKER (object);

  g_clear_pointer (&self->value, g_date_time_unref);
  g_clear_pointer (&self->earliest, g_date_time_unref);
  g_free (self->none_text);
  G_OBJECT_CLASS (qurb_staff_picker_parent_class)->finalize (object);
}

static void
qurb_staff_picker_class_init (QurbStaffPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qurb_staff_picker_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qurb_staff_picker_init (QurbStaffPicker *self)
{
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "picker");
  self->day_less = step_button_new (self, "qurb-minus-symbolic");
  self->day_label = value_label_new (self);
  self->day_more = step_button_new (self, "qurb-plus-symbolic");
  self->time_less = step_button_new (self, "qurb-minus-symbolic");
  self->time_label = value_label_new (self);
  self->time_more = step_button_new (self, "qurb-plus-symbolic");
  /* Dates and times read left to right in both languages. */
  gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_LTR);
}

GtkWidget *
qurb_staff_picker_new (gboolean with_time, gboolean optional)
{
  QurbStaffPicker *self = g_object_new (QURB_TYPE_STAFF_PICKER, NULL);

  self->optional = optional;
  gtk_widget_set_visible (self->time_less, with_time);
  gtk_widget_set_visible (self->time_label, with_time);
  gtk_widget_set_visible (self->time_more, with_time);
  return GTK_WIDGET (self);
}
