/* qurb-staff-picker.h — a day and a time chosen by touch, without typing
 *
 * [−] 16/01/2027 [+]  [−] 09:00 [+]: a day a touch, a quarter of an hour a
 * touch, never before the earliest allowed. Without the time it picks a
 * day; "optional" adds a state with no day at all, below the earliest
 * (the text shown for it is the caller's). Signal "changed". */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QURB_TYPE_STAFF_PICKER (qurb_staff_picker_get_type ())
G_DECLARE_FINAL_TYPE (QurbStaffPicker, qurb_staff_picker, QURB, STAFF_PICKER, GtkBox)

#define QURB_STAFF_PICKER_STEP_MINUTES 15

GtkWidget *qurb_staff_picker_new         (gboolean          with_time,
                                          gboolean          optional);
void       qurb_staff_picker_set_earliest (QurbStaffPicker *self,
                                           GDateTime       *earliest);
void       qurb_staff_picker_set_value   (QurbStaffPicker *self,
                                          GDateTime       *value);
GDateTime *qurb_staff_picker_get_value   (QurbStaffPicker *self);
void       qurb_staff_picker_relabel     (QurbStaffPicker *self,
                                          const gchar     *lang,
                                          const gchar     *name,
                                          const gchar     *none_text);

G_END_DECLS
