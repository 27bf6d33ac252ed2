/* qurb-kiosk-qr.c — a QR code drawn module by module, crisp at any size */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-qr.h"

struct _QurbKioskQr {
  GtkWidget parent_instance;

  guint size;          /* modules per side, without the quiet zone; 0: none */
  guint8 *modules;     /* size × size, 1 dark */
  guint natural_px;    /* a module's pixels when there is room; >= QURB_KIOSK_QR_MODULE_PX */
};

G_DEFINE_FINAL_TYPE (QurbKioskQr, qurb_kiosk_qr, GTK_TYPE_WIDGET)

static guint
modules_with_quiet_zone (QurbKioskQr *self)
{
  return self->size + 2 * QURB_QR_QUIET_ZONE;
}

static void
qurb_kiosk_qr_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  QurbKioskQr *self = QURB_KIOSK_QR (widget);

  guint total = self->size ? modules_with_quiet_zone (self) : 0;

  *minimum = (gint) (total * QURB_KIOSK_QR_MODULE_PX);
  *natural = (gint) (total * self->natural_px);
}

/* Dark modules as runs along each row: one rectangle a run, on whole
 * pixels, so that no seam shows between two dark modules. */
static void
qurb_kiosk_qr_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  static const GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  QurbKioskQr *self = QURB_KIOSK_QR (widget);
  gint width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint total = modules_with_quiet_zone (self);
  gint px, side, x0, y0;

  if (self->size == 0)
    return;
  px = MAX (1, MIN (width, height) / (gint) total);
  side = px * (gint) total;
  x0 = (width - side) / 2;
  y0 = (height - side) / 2;
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  for (guint row = 0; row < self->size; row++)
    for (guint col = 0; col < self->size;)
      {
        guint run = 0;

        while (col + run < self->size && self->modules[row * self->size + col + run])
          run++;
        if (run == 0)
          {
            col++;
            continue;
          }
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + (gint) (QURB_QR_QUIET_ZONE + col) * px,
                                                        y0 + (gint) (QURB_QR_QUIET_ZONE + row) * px,
                                                        (gint) run * px, px));
        col += run;
      }
}

static void
qurb_kiosk_qr_finalize (GObject *object)
{
  g_free (QURB_KIOSK_QR (object)->modules);
  G_OBJECT_CLASS (qurb_kiosk_qr_parent_class)->finalize (object);
}

static void
qurb_kiosk_qr_class_init (QurbKioskQrClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = qurb_kiosk_qr_finalize;
  widget_class->measure = qurb_kiosk_qr_measure;
  widget_class->snapshot = qurb_kiosk_qr_snapshot;
  gtk_widget_class_set_css_name (widget_class, "qr");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qurb_kiosk_qr_init (QurbKioskQr *self)
{
  self->natural_px = QURB_KIOSK_QR_MODULE_PX_ROOMY;
}

GtkWidget *
qurb_kiosk_qr_new (void)
{
  return g_object_new (QURB_TYPE_KIOSK_QR, NULL);
}

/* Shows qr's modules (a copy), or nothing when qr is NULL. */
void
qurb_kiosk_qr_set_modules (QurbKioskQr *self, const QurbTicketQr *qr)
{
  g_clear_pointer (&self->modules, g_free);
  self->size = qr ? qr->size : 0;
  if (qr != NULL)
    self->modules = g_memdup2 (qr->modules, (gsize) qr->size * qr->size);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
qurb_kiosk_qr_get_size (QurbKioskQr *self)
{
  return self->size;
}

/* How big the code asks to be when there is room (never less than
 * QURB_KIOSK_QR_MODULE_PX a module). */
void
qurb_kiosk_qr_set_natural_module_px (QurbKioskQr *self, guint px)
{
  px = MAX (px, QURB_KIOSK_QR_MODULE_PX);
  if (px == self->natural_px)
    return;
  self->natural_px = px;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
