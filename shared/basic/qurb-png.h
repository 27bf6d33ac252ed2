/* qurb-png.h — a square of black and white modules as a PNG image
 *
 * Pure (GLib and GIO's zlib): what a QR code becomes to be saved, printed
 * or shown; no libpng. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *qurb_png_from_modules (const guint8 *modules,
                               guint         size,
                               guint         scale,
                               guint         margin);

G_END_DECLS
