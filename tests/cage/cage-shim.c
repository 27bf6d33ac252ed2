/* LD_PRELOAD shim for cage 0.1.4 on wlroots 0.15 (Debian 12), for tests on
 * the headless backend.  Build: cc -shared -fPIC -o cage-shim.so cage-shim.c -ldl
 *
 * 1. Output size.  The headless backend makes its WLR_HEADLESS_OUTPUTS at a
 *    fixed 1280x720, and cage 0.1.4 has no wlr-output-management (wlr-randr
 *    cannot change the mode).  The backend's call to wlr_headless_add_output()
 *    goes through the PLT, so it is replaced here: $CAGE_HEADLESS_SIZE
 *    (WIDTHxHEIGHT) is the size used.
 *
 * 2. No direct scan-out.  When the application's window is exactly the size
 *    of the output, cage 0.1.4 hands the client's buffer to the output
 *    ("direct scan-out", output.c scan_out_primary_view) instead of
 *    compositing.  Those frames never reach the renderer's damage tracking,
 *    so when grim's screencopy forces a rendered frame, only the (empty)
 *    damage is repainted on a stale back buffer: the screenshot shows an
 *    old frame (typically the window's first, small, frame).  cage calls
 *    wlr_output_attach_buffer() only for scan-out, so a call that comes
 *    from outside libwlroots is refused, and the wlr_output_commit() that
 *    follows it reports failure: cage then composites every frame.
 *    CAGE_ALLOW_SCANOUT=1 turns this part off. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct wlr_backend;
struct wlr_output;
struct wlr_buffer;

#define REAL(ret, name, ...)                                          \
  static ret (*real) (__VA_ARGS__);                                   \
  if (!real)                                                          \
    real = (ret (*) (__VA_ARGS__)) dlsym (RTLD_NEXT, #name)

struct wlr_output *
wlr_headless_add_output (struct wlr_backend *backend, unsigned int width, unsigned int height)
{
  REAL (struct wlr_output *, wlr_headless_add_output, struct wlr_backend *, unsigned int, unsigned int);
  const char *size = getenv ("CAGE_HEADLESS_SIZE");
  unsigned int w, h;

  if (size && sscanf (size, "%ux%u", &w, &h) == 2 && w > 0 && h > 0)
    {
      width = w;
      height = h;
    }
  return real (backend, width, height);
}

static bool scanout_refused;

static bool
called_from_wlroots (void *caller, void *real_fn)
{
  Dl_info a, b;

  return dladdr (caller, &a) && dladdr (real_fn, &b) && a.dli_fbase == b.dli_fbase;
}

static bool
allow_scanout (void)
{
  const char *v = getenv ("CAGE_ALLOW_SCANOUT");

  return v && *v == '1';
}

void
wlr_output_attach_buffer (struct wlr_output *output, struct wlr_buffer *buffer)
{
  REAL (void, wlr_output_attach_buffer, struct wlr_output *, struct wlr_buffer *);

  if (!allow_scanout () && !called_from_wlroots (__builtin_return_address (0), (void *) real))
    {
      scanout_refused = true;
      return;
    }
  real (output, buffer);
}

bool
wlr_output_commit (struct wlr_output *output)
{
  REAL (bool, wlr_output_commit, struct wlr_output *);

  if (scanout_refused)
    {
      scanout_refused = false;
      return false;
    }
  return real (output);
}
