/* qurb-kiosk-keypad.c — the on-screen keypad: digits, and letters for a CIN
 *
 * Emits "typed" with the key's character and "erased" for the delete key.
 * The switch between letters and digits, 0 and the delete key stay in one
 * bottom row under both layouts: a key never turns into another under a
 * finger when the layout changes.
 * Keys keep their left-to-right order in Arabic too, as on a phone: every
 * widget of the keypad reads left to right whatever the screen's
 * direction (a widget without a direction of its own follows the
 * application's default, not its parent). */
#include "config.h"

#include "qurb-kiosk-keypad.h"
#include "qurb-kiosk-widgets.h"

struct _QurbKioskKeypad {
  GtkWidget parent_instance;

  GtkWidget *box;            /* the keys, then the bottom row */
  GtkWidget *stack;          /* digits 1–9, or letters A–Z: the same height */
  GtkWidget *switch_cell, *zero_cell;
  GtkWidget *to_letters, *to_digits, *erase;
  gboolean letters_allowed;
};

G_DEFINE_FINAL_TYPE (QurbKioskKeypad, qurb_kiosk_keypad, GTK_TYPE_WIDGET)

enum { SIGNAL_TYPED, SIGNAL_ERASED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Three rows of letters, as tall as the three rows of digits. */
#define LETTERS_PER_ROW 9

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

/* A place in the bottom row that keeps its room when its key is not
 * there: "none" shows nothing. */
static GtkWidget *
cell_new (void)
{
  GtkWidget *cell = gtk_stack_new ();

  gtk_stack_add_named (GTK_STACK (cell), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0), "none");
  qurb_kiosk_stack_expose_shown_only (GTK_STACK (cell));
  return cell;
}

static GtkWidget *
digits_new (QurbKioskKeypad *self)
{
  GtkWidget *grid = grid_new ();

  for (guint i = 0; i < 9; i++)
    gtk_grid_attach (GTK_GRID (grid), key_new (self, '1' + i), i % 3, i / 3, 1, 1);
  return grid;
}

static GtkWidget *
letters_new (QurbKioskKeypad *self)
{
  GtkWidget *grid = grid_new ();

  for (guint i = 0; i < 26; i++)
    {
      GtkWidget *key = key_new (self, 'A' + i);

      /* Nine to a row fit a portrait screen (kiosk.css). */
      gtk_widget_add_css_class (key, "letter");
      gtk_grid_attach (GTK_GRID (grid), key, i % LETTERS_PER_ROW, i / LETTERS_PER_ROW, 1, 1);
    }
  return grid;
}

/* The switch, 0 and the erase key: one row under both layouts, so that
 * a finger finds them where they were whichever layout shows. */
static GtkWidget *
bottom_row_new (QurbKioskKeypad *self)
{
  GtkWidget *row = grid_new ();

  self->switch_cell = cell_new ();
  self->to_letters = special_new (self, "keypad-switch", G_CALLBACK (switch_clicked));
  self->to_digits = special_new (self, "keypad-switch", G_CALLBACK (switch_clicked));
  gtk_stack_add_named (GTK_STACK (self->switch_cell), self->to_letters, "letters");
  gtk_stack_add_named (GTK_STACK (self->switch_cell), self->to_digits, "digits");
  self->zero_cell = cell_new ();
  gtk_stack_add_named (GTK_STACK (self->zero_cell), key_new (self, '0'), "zero");
  self->erase = special_new (self, "keypad-erase", G_CALLBACK (erase_clicked));
  gtk_button_set_icon_name (GTK_BUTTON (self->erase), "qurb-erase-symbolic");
  gtk_grid_attach (GTK_GRID (row), self->switch_cell, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row), self->zero_cell, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row), self->erase, 2, 0, 1, 1);
  return row;
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

  g_clear_pointer (&self->box, gtk_widget_unparent);
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
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), digits_new (self), "digits");
  gtk_stack_add_named (GTK_STACK (self->stack), letters_new (self), "letters");
  /* Both layouts the same height: the bottom row never moves. */
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), TRUE);
  qurb_kiosk_stack_expose_shown_only (GTK_STACK (self->stack));
  gtk_box_append (GTK_BOX (self->box), self->stack);
  gtk_box_append (GTK_BOX (self->box), bottom_row_new (self));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->letters_allowed = TRUE;
  qurb_kiosk_keypad_show_letters (self, FALSE);
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
  letters = letters && self->letters_allowed;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), letters ? "letters" : "digits");
  gtk_stack_set_visible_child_name (GTK_STACK (self->zero_cell), letters ? "none" : "zero");
  /* Where only digits make sense, no switch at all (its room kept). */
  gtk_stack_set_visible_child_name (GTK_STACK (self->switch_cell),
                                    !self->letters_allowed ? "none" : letters ? "digits" : "letters");
}

/* A member number, a PIN, a phone are digits only; a CIN starts with
 * letters. */
void
qurb_kiosk_keypad_set_letters_allowed (QurbKioskKeypad *self, gboolean allowed)
{
  self->letters_allowed = allowed;
  qurb_kiosk_keypad_show_letters (self, qurb_kiosk_keypad_showing_letters (self));
}

void
qurb_kiosk_keypad_relabel (QurbKioskKeypad *self, const gchar *lang)
{
  /* TRANSLATORS: keypad key that shows the letters A–Z */
  qurb_kiosk_set_text (self->to_letters, T_("ABC"));
  /* TRANSLATORS: keypad key that shows the digits again */
  qurb_kiosk_set_text (self->to_digits, T_("123"));
  /* TRANSLATORS: keypad key that deletes the last character typed */
  qurb_kiosk_set_name (self->erase, T_("Delete"));
}
