/* qurb-kiosk-keypad.c — the on-screen keypad: digits, and letters for a CIN
 *
 * Emits "typed" with the key's character and "erased" for the delete key.
 * Keys keep their left-to-right order in Arabic too, as on a phone: every
 * widget of the keypad reads left to right whatever the screen's
 * direction (a widget without a direction of its own follows the
 * application's default, not its parent). */
#include "config.h"

#include "qurb-kiosk-keypad.h"
#include "qurb-kiosk-widgets.h"

struct _QurbKioskKeypad {
  GtkWidget parent_instance;

  GtkWidget *stack;
  GtkWidget *to_letters, *to_digits;
  GtkWidget *erase[2];
};

G_DEFINE_FINAL_TYPE (QurbKioskKeypad, qurb_kiosk_keypad, GTK_TYPE_WIDGET)

enum { SIGNAL_TYPED, SIGNAL_ERASED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define LETTERS_PER_ROW 7

static void
key_clicked (GtkButton *button, QurbKioskKeypad *self)
{
  g_signal_emit (self, signals[SIGNAL_TYPED], 0, g_object_get_data (G_OBJECT (button), "key"));
}

static void
erase_clicked (GtkButton *button, QurbKioskKeypad *self)
{
  g_signal_emit (self, signals[SIGNAL_ERASED], 0);
}

static void
switch_clicked (GtkButton *button, QurbKioskKeypad *self)
{
  qurb_kiosk_keypad_show_letters (self, GTK_WIDGET (button) == self->to_letters);
}

static GtkWidget *
key_new (QurbKioskKeypad *self, gchar key)
{
  gchar text[2] = { key, '\0' };
  GtkWidget *button = gtk_button_new_with_label (text);

  g_object_set_data_full (G_OBJECT (button), "key", g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (key_clicked), self);
  qurb_kiosk_set_name (button, text);
  return button;
}

static GtkWidget *
grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

static GtkWidget *
special_new (QurbKioskKeypad *self, const gchar *css_class, GCallback callback)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, css_class);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
digits_new (QurbKioskKeypad *self)
{
  GtkWidget *grid = grid_new ();

  for (guint i = 0; i < 9; i++)
    gtk_grid_attach (GTK_GRID (grid), key_new (self, '1' + i), i % 3, i / 3, 1, 1);
  self->to_letters = special_new (self, "keypad-switch", G_CALLBACK (switch_clicked));
  self->erase[0] = special_new (self, "keypad-erase", G_CALLBACK (erase_clicked));
  gtk_grid_attach (GTK_GRID (grid), self->to_letters, 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), key_new (self, '0'), 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->erase[0], 2, 3, 1, 1);
  return grid;
}

static GtkWidget *
letters_new (QurbKioskKeypad *self)
{
  GtkWidget *grid = grid_new ();
  guint rows = (26 + LETTERS_PER_ROW - 1) / LETTERS_PER_ROW;

  for (guint i = 0; i < 26; i++)
    gtk_grid_attach (GTK_GRID (grid), key_new (self, 'A' + i),
                     i % LETTERS_PER_ROW, i / LETTERS_PER_ROW, 1, 1);
  self->to_digits = special_new (self, "keypad-switch", G_CALLBACK (switch_clicked));
  self->erase[1] = special_new (self, "keypad-erase", G_CALLBACK (erase_clicked));
  /* The last row has room after Z for both. */
  gtk_grid_attach (GTK_GRID (grid), self->to_digits, 5, rows - 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->erase[1], 6, rows - 1, 1, 1);
  return grid;
}

static void
left_to_right (GtkWidget *widget)
{
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    left_to_right (child);
}

static void
qurb_kiosk_keypad_dispose (GObject *object)
{
  QurbKioskKeypad *self = QURB_KIOSK_KEYPAD (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  G_OBJECT_CLASS (qurb_kiosk_keypad_parent_class)->dispose (object);
}

static void
qurb_kiosk_keypad_class_init (QurbKioskKeypadClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qurb_kiosk_keypad_dispose;
  signals[SIGNAL_TYPED] = g_signal_new ("typed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ERASED] = g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "keypad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
qurb_kiosk_keypad_init (QurbKioskKeypad *self)
{
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), digits_new (self), "digits");
  gtk_stack_add_named (GTK_STACK (self->stack), letters_new (self), "letters");
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  qurb_kiosk_stack_expose_shown_only (GTK_STACK (self->stack));
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->erase); i++)
    gtk_button_set_icon_name (GTK_BUTTON (self->erase[i]), "qurb-erase-symbolic");
  left_to_right (GTK_WIDGET (self));
}

gboolean
qurb_kiosk_keypad_showing_letters (QurbKioskKeypad *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "letters") == 0;
}

void
qurb_kiosk_keypad_show_letters (QurbKioskKeypad *self, gboolean letters)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), letters ? "letters" : "digits");
}

/* A member number is digits only; a CIN starts with letters. */
void
qurb_kiosk_keypad_set_letters_allowed (QurbKioskKeypad *self, gboolean allowed)
{
  gtk_widget_set_sensitive (self->to_letters, allowed);
  if (!allowed)
    qurb_kiosk_keypad_show_letters (self, FALSE);
}

void
qurb_kiosk_keypad_relabel (QurbKioskKeypad *self, const gchar *lang)
{
  /* TRANSLATORS: keypad key that shows the letters A–Z */
  qurb_kiosk_set_text (self->to_letters, T_("ABC"));
  /* TRANSLATORS: keypad key that shows the digits again */
  qurb_kiosk_set_text (self->to_digits, T_("123"));
  for (guint i = 0; i < G_N_ELEMENTS (self->erase); i++)
    /* TRANSLATORS: keypad key that deletes the last character typed */
    qurb_kiosk_set_name (self->erase[i], T_("Delete"));
}
