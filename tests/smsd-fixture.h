/* smsd-fixture.h — the daemon against Gammu's real dummy driver, for the
 * daemon's tests */
#pragma once

#include "qurb-modem-gammu.h"
#include "qurb-smsd.h"
#include "qurb-test-util.h"

G_BEGIN_DECLS

typedef struct {
  QurbFixture base;
  gchar *device[2];
  gchar *capture[2];
} SmsdFixture;

/* A modem that fails when told to, around a real one: the seam through
 * which timeouts, a device that vanished and refused sends are tried. */
typedef struct {
  QurbModem parent;
  QurbModem *real;
  guint fail_connect, fail_read, fail_delete, fail_send;
  guint connects;
} FaultyModem;

void         smsd_setup               (SmsdFixture *f, gconstpointer data);
void         smsd_teardown            (SmsdFixture *f, gconstpointer data);
QurbSmsd    *new_daemon_polling       (SmsdFixture *f, guint first, guint count, guint poll_ms, guint send_ms);
QurbSmsd    *new_daemon               (SmsdFixture *f, guint first, guint count);
void         inject                   (SmsdFixture *f, guint modem, const gchar *from, const gchar *text,
                                       gint ref, gint total, gint seq);
gint64       count                    (SmsdFixture *f, const gchar *sql);
void         run_until_quiet          (SmsdFixture *f, guint seconds);
GHashTable  *captured_texts           (SmsdFixture *f, guint modem, guint *n_parts);
void         assert_replies_went_out  (SmsdFixture *f, guint modem);
FaultyModem *faulty_modem_new         (SmsdFixture *f, guint i);

G_END_DECLS
