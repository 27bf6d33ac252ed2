/* qurb-kiosk-keypad.h — the on-screen keypad: digits, and letters for a CIN */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QURB_TYPE_KIOSK_KEYPAD (qurb_kiosk_keypad_get_type ())
G_DECLARE_FINAL_TYPE (QurbKioskKeypad, qurb_kiosk_keypad, QURB, KIOSK_KEYPAD, GtkWidget)

void qurb_kiosk_keypad_set_letters_allowed (QurbKioskKeypad *self,
                                            gboolean         allowed);
void qurb_kiosk_keypad_show_letters        (QurbKioskKeypad *self,
                                            gboolean         letters);
gboolean qurb_kiosk_keypad_showing_letters (QurbKioskKeypad *self);
void qurb_kiosk_keypad_relabel             (QurbKioskKeypad *self,
                                            const gchar     *lang);

G_END_DECLS
