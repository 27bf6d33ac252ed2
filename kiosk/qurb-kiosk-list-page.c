/* qurb-kiosk-list-page.c — a screen that is a short text over a scrolling list */
#include "config.h"

#include "qurb-kiosk-list-page.h"

typedef struct {
  GtkWidget *intro_label;
  GtkWidget *message_label;
  GtkWidget *action_button;
  GtkWidget *list;
  gchar *action_screen;      /* where the action leads */
} QurbKioskListPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (QurbKioskListPage, qurb_kiosk_list_page, QURB_TYPE_KIOSK_PAGE)

#define PRIV(self) ((QurbKioskListPagePrivate *) qurb_kiosk_list_page_get_instance_private (self))

static void
action_clicked (GtkButton *button, QurbKioskListPage *self)
{
  g_autofree gchar *screen = g_strdup (PRIV (self)->action_screen);

  qurb_kiosk_page_navigate (QURB_KIOSK_PAGE (self), screen, QURB_KIOSK_NAV_PUSH);
}

static void
qurb_kiosk_list_page_finalize (GObject *object)
{
  g_free (PRIV (QURB_KIOSK_LIST_PAGE (object))->action_screen);
  G_OBJECT_CLASS (qurb_kiosk_list_page_parent_class)->finalize (object);
}

static void
qurb_kiosk_list_page_class_init (QurbKioskListPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = qurb_kiosk_list_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/qurb/Kiosk/qurb-kiosk-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, QurbKioskListPage, intro_label);
  gtk_widget_class_bind_template_child_private (widget_class, QurbKioskListPage, message_label);
  gtk_widget_class_bind_template_child_private (widget_class, QurbKioskListPage, action_button);
  gtk_widget_class_bind_template_child_private (widget_class, QurbKioskListPage, list);
  gtk_widget_class_bind_template_callback (widget_class, action_clicked);
}

static void
qurb_kiosk_list_page_init (QurbKioskListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  qurb_kiosk_list_page_set_grid (self, FALSE);
}

void
qurb_kiosk_list_page_set_intro (QurbKioskListPage *self, const gchar *text)
{
  qurb_kiosk_set_text (PRIV (self)->intro_label, text);
}

/* A line between the intro and the list; NULL hides it. */
void
qurb_kiosk_list_page_set_message (QurbKioskListPage *self, const gchar *text)
{
  GtkWidget *label = PRIV (self)->message_label;

  if (text != NULL)
    qurb_kiosk_set_text (label, text);
  gtk_widget_set_visible (label, text != NULL);
}

/* A button under the message that leads to screen: what an empty screen
 * offers instead of a dead end. NULL text hides it. */
void
qurb_kiosk_list_page_set_action (QurbKioskListPage *self, const gchar *text, const gchar *icon_name,
                                 const gchar *screen)
{
  QurbKioskListPagePrivate *priv = PRIV (self);

  qurb_kiosk_button_offer (priv->action_button, text, icon_name);
  g_free (priv->action_screen);
  priv->action_screen = g_strdup (screen);
}

/* Empties the list, and hides the action until the page sets one. */
void
qurb_kiosk_list_page_clear (QurbKioskListPage *self)
{
  qurb_kiosk_remove_children (PRIV (self)->list);
  qurb_kiosk_list_page_set_action (self, NULL, NULL, NULL);
}

void
qurb_kiosk_list_page_add (QurbKioskListPage *self, GtkWidget *item)
{
  gtk_flow_box_append (GTK_FLOW_BOX (PRIV (self)->list), item);
  /* The flow box's own child is only a holder: not a stop for touch or
   * assistive technology. */
  gtk_widget_set_focusable (gtk_widget_get_parent (item), FALSE);
}

/* Short items (provinces, times) several to a line, all the same size;
 * cards one to a line, each as tall as it needs. */
void
qurb_kiosk_list_page_set_grid (QurbKioskListPage *self, gboolean grid)
{
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (PRIV (self)->list), grid);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (PRIV (self)->list), grid ? 4 : 1);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (PRIV (self)->list), grid ? 2 : 1);
}
