/* qurb-kiosk-widgets.c — small helpers every kiosk screen uses */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-widgets.h"
#include "qurb-provinces.h"
#include "qurb-texts.h"

/* The first label inside widget, depth first, or NULL. */
static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Sets what a label or button shows and what it is called. */
void
qurb_kiosk_set_text (GtkWidget *widget, const gchar *text)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_text (GTK_LABEL (widget), text);
  else if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));
      GtkWidget *label = child != NULL ? first_label (child) : NULL;

      /* A button made with a wrapping label, or an icon and a label,
       * keeps them. */
      if (label != NULL)
        gtk_label_set_text (GTK_LABEL (label), text);
      else
        gtk_button_set_label (GTK_BUTTON (widget), text);
    }
  qurb_kiosk_set_name (widget, text);
}

/* GTK 4.8 cannot read an accessible property back; a copy is kept on the
 * widget for test clients, which check it against GTK's own record. */
void
qurb_kiosk_set_name (GtkWidget *widget, const gchar *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (widget), QURB_KIOSK_NAME_KEY, g_strdup (name), g_free);
  /* A drop-down opens through a button of its own that GTK leaves
   * unnamed: it answers to the drop-down's name. */
  if (GTK_IS_DROP_DOWN (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

GtkWidget *
qurb_kiosk_label_new (const gchar *text, const gchar *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A button whose text wraps rather than widening the screen. */
GtkWidget *
qurb_kiosk_button_new (const gchar *text, const gchar *css_class)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* Wrapping labels ask for a narrow width unless told a line's length. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_button_set_child (GTK_BUTTON (button), label);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  qurb_kiosk_set_name (button, text);
  return button;
}

/* A button with a symbolic icon before its text (the icon says the same
 * thing: it is left out of what assistive technology reads). */
GtkWidget *
qurb_kiosk_button_new_with_icon (const gchar *text, const gchar *icon_name, const gchar *css_class)
{
  GtkWidget *button = qurb_kiosk_button_new (text, css_class);

  qurb_kiosk_button_set_icon (button, icon_name);
  return button;
}

/* Arrows point the way the screen reads (kiosk.css: flip-rtl). */
static void
image_set_icon (GtkWidget *image, const gchar *icon_name)
{
  gboolean arrow = g_str_has_prefix (icon_name, "qurb-forward") || g_str_has_prefix (icon_name, "qurb-back");

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  if (arrow)
    gtk_widget_add_css_class (image, "flip-rtl");
  else
    gtk_widget_remove_css_class (image, "flip-rtl");
}

/* Puts icon_name before the button's text, or replaces its icon. */
void
qurb_kiosk_button_set_icon (GtkWidget *button, const gchar *icon_name)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *label = child != NULL ? first_label (child) : NULL;
  GtkWidget *box, *image;

  if (GTK_IS_BOX (child) && GTK_IS_IMAGE (gtk_widget_get_first_child (child)))
    {
      image_set_icon (gtk_widget_get_first_child (child), icon_name);
      return;
    }
  /* The label moves into the new box: held while its old parent goes.
   * Beside an icon it is one line: a centred wrapping label in GTK 4.8
   * wraps long before the button is full. */
  label = label != NULL ? g_object_ref (label) : g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  image = gtk_image_new ();
  image_set_icon (image, icon_name);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_button_set_child (GTK_BUTTON (button), box);
  if (gtk_widget_get_parent (label) != NULL)
    gtk_widget_unparent (label);
  gtk_box_append (GTK_BOX (box), label);
  g_object_unref (label);
}

/* Shows a button offering a next step (text and icon), or hides it
 * when text is NULL. */
void
qurb_kiosk_button_offer (GtkWidget *button, const gchar *text, const gchar *icon_name)
{
  if (text != NULL)
    {
      qurb_kiosk_set_text (button, text);
      qurb_kiosk_button_set_icon (button, icon_name);
    }
  gtk_widget_set_visible (button, text != NULL);
}

void
qurb_kiosk_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_widget_unparent (child);
    }
}

/* The whole application reads in lang's direction (every widget that
 * has not chosen its own flips at once), in lang's fonts (kiosk.css). */
void
qurb_kiosk_apply_language (GtkWidget *window, const gchar *lang)
{
  gboolean ar = g_strcmp0 (lang, "ar") == 0;

  gtk_widget_set_default_direction (ar ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_widget_remove_css_class (window, ar ? "lang-fr" : "lang-ar");
  gtk_widget_add_css_class (window, ar ? "lang-ar" : "lang-fr");
}

/* Numbers, codes and dates read left to right inside Arabic text: wrap
 * them in a left-to-right isolate (U+2066 … U+2069). */
gchar *
qurb_kiosk_ltr (const gchar *lang, const gchar *text)
{
  if (g_strcmp0 (lang, "ar") != 0)
    return g_strdup (text);
  return g_strconcat ("\u2066", text, "\u2069", NULL);
}

/* A character a left-to-right run starts with: a Latin letter or a digit. */
static gboolean
starts_ltr (gunichar c)
{
  return g_unichar_isdigit (c) || (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN);
}

/* What may sit inside such a run: "J44R7N (15/01/2027 10:00)". */
static gboolean
inside_ltr (gunichar c)
{
  return starts_ltr (c) || (c < 0x80 && strchr (" /:.,-()'", (gint) c) != NULL);
}

/* Text made elsewhere (a shared message with codes, dates and times in
 * it), shown in Arabic: each left-to-right run isolated, so that
 * "J44R7N (15/01/2027 10:00)" keeps its order and its brackets. A run
 * ends on a letter, a digit or a bracket it opened; other languages get
 * the text as it is. */
gchar *
qurb_kiosk_ltr_runs (const gchar *lang, const gchar *text)
{
  GString *out;
  const gchar *p = text;

  if (g_strcmp0 (lang, "ar") != 0)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text) + 16);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const gchar *next = g_utf8_next_char (p), *end = NULL, *q;
      gint depth = 0;

      if (!starts_ltr (c) && !(c == '(' && starts_ltr (g_utf8_get_char (next))))
        {
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      for (q = p; *q != '\0' && inside_ltr (g_utf8_get_char (q)); q = g_utf8_next_char (q))
        {
          gunichar d = g_utf8_get_char (q);

          if (d == '(')
            depth++;
          else if (d == ')' && depth == 0)
            break;
          else if (d == ')')
            depth--;
          if (starts_ltr (d) || (d == ')' && depth == 0))
            end = g_utf8_next_char (q);
        }
      if (end == NULL)
        end = next;
      g_string_append (out, "\u2066");
      g_string_append_len (out, p, end - p);
      g_string_append (out, "\u2069");
      p = end;
    }
  return g_string_free (out, FALSE);
}

static void
side_by_side_flipped (GtkWidget *box)
{
  gboolean stacked = gtk_orientable_get_orientation (GTK_ORIENTABLE (box)) == GTK_ORIENTATION_VERTICAL;

  gtk_widget_set_halign (box, stacked ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
}

/* A box that flips with the screen, centred. Side by side, it is as wide
 * as what it holds; stacked, as wide as the page (what it holds centred
 * in it): a box narrower than its parent is given the height its wrapped
 * labels need at the parent's width, and a stacked ticket's QR code lost
 * the difference. */
void
qurb_kiosk_center_side_by_side (GtkWidget *orientable)
{
  g_signal_connect (orientable, "notify::orientation", G_CALLBACK (side_by_side_flipped), NULL);
  side_by_side_flipped (orientable);
}

const gchar *
qurb_kiosk_province_name (const gchar *lang, const gchar *province)
{
  const gchar *arabic = g_strcmp0 (lang, "ar") == 0 ? qurb_province_arabic (province) : NULL;

  return arabic ? arabic : province;
}

/* Title, place and day of a caravan, one per line. */
gchar *
qurb_kiosk_caravan_summary (const QurbCaravan *caravan, const gchar *lang)
{
  gboolean ar = g_strcmp0 (lang, "ar") == 0;
  g_autofree gchar *day = qurb_format_date (caravan->date);
  g_autofree gchar *day_ltr = qurb_kiosk_ltr (lang, day);

  /* The Arabic comma (U+060C) in Arabic text. */
  return g_strdup_printf ("%s\n%s%s %s\n%s", ar ? caravan->title_ar : caravan->title_fr,
                          ar ? caravan->site_ar : caravan->site_fr, ar ? "،" : ",",
                          qurb_kiosk_province_name (lang, caravan->province), day_ltr);
}

static void
stack_hide_inactive (GtkStack *stack, GParamSpec *pspec, gpointer user_data)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != shown, -1);
}

/* GtkStack (GTK 4.8) leaves the pages it does not show "visible" to
 * assistive technology, so a screen reader would find every screen at
 * once: only the page on screen is exposed. */
void
qurb_kiosk_stack_expose_shown_only (GtkStack *stack)
{
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (stack_hide_inactive), NULL);
  stack_hide_inactive (stack, NULL, NULL);
}

/* Every scrolled window in widget (and widget itself) back at its top. */
void
qurb_kiosk_scroll_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    qurb_kiosk_scroll_to_top (child);
}
