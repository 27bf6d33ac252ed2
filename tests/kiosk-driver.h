/* kiosk-driver.h — drives the real kiosk window as a member would
 *
 * Controls are found by their accessible name in the current language
 * (checked against GTK's accessibility record), never by position; taps
 * activate them as a touch does. Shared by the UI tests and the bench. */
#pragma once

#include "qurb-kiosk-window.h"
#include "qurb-test-util.h"
#include "qurb-staff-window.h"

G_BEGIN_DECLS

typedef struct {
  GtkWindow *window;          /* a QurbKioskWindow, or a QurbStaffWindow */
  QurbKioskSession *session;
  guint touches;              /* taps so far: what a member's finger did */
} KioskDriver;

/* A language and a screen shape: every kiosk flow runs in each. */
typedef struct {
  const gchar *lang;
  gboolean landscape;
} KioskVariant;

#define KIOSK_VARIANTS 4
extern const KioskVariant kiosk_variants[KIOSK_VARIANTS];

/* A kiosk test: the database of kiosk_driver_prepare_db and the kiosk on
 * it, in one variant (the test's data), the clock at
 * 2027-01-15T10:00:00 before and after. */
typedef struct {
  QurbFixture db;
  KioskDriver kiosk;
  const gchar *lang;
  const KioskVariant *variant;
} KioskFixture;

void        kiosk_fixture_setup     (KioskFixture  *fixture,
                                     gconstpointer  variant);
void        kiosk_fixture_teardown  (KioskFixture  *fixture,
                                     gconstpointer  variant);

/* A kiosk flow, added once in each variant as /SUITE/LANG/SHAPE/NAME. */
typedef struct {
  const gchar *name;
  void (*func) (KioskFixture *fixture, gconstpointer variant);
} KioskFlow;

void        kiosk_fixture_add_flows (const gchar     *suite,
                                     const KioskFlow *flows,
                                     guint            n_flows);

/* The test data every kiosk test starts from: the corpus, an
 * announcement on the banner, a claim file with a history. */
void        kiosk_driver_prepare_db (QurbDb      *db);

void        kiosk_driver_start      (KioskDriver *driver,
                                     QurbDb      *db,
                                     const gchar *lang,
                                     gint         width,
                                     gint         height,
                                     gboolean     locked_down);
void        kiosk_driver_start_staff (KioskDriver *driver,
                                      QurbDb      *db,
                                      const gchar *lang,
                                      gboolean     in_kiosk,
                                      gboolean     portrait);
void        kiosk_driver_start_variant (KioskDriver        *driver,
                                        QurbDb             *db,
                                        const KioskVariant *variant,
                                        gboolean            locked_down);
void        kiosk_driver_snap       (KioskDriver        *driver,
                                     const KioskVariant *variant,
                                     const gchar        *screen);
void        kiosk_driver_assert_shows (KioskDriver *driver,
                                       const gchar *text);
void        kiosk_driver_stop       (KioskDriver *driver);
void        kiosk_driver_settle     (KioskDriver *driver);
GtkWidget  *kiosk_driver_find       (KioskDriver *driver,
                                     const gchar *name_prefix);
gboolean    kiosk_driver_has_text   (KioskDriver *driver,
                                     const gchar *fragment);
void        kiosk_driver_tap        (KioskDriver *driver,
                                     const gchar *name_prefix);
void        kiosk_driver_long_press (KioskDriver *driver,
                                     const gchar *name);
void        kiosk_driver_wait       (KioskDriver *driver,
                                     gdouble      seconds);
void        kiosk_driver_type       (KioskDriver *driver,
                                     const gchar *keys);
void        kiosk_driver_identify   (KioskDriver *driver,
                                     const gchar *member_no,
                                     const gchar *cin);
const gchar *kiosk_driver_screen    (KioskDriver *driver);
gchar      *kiosk_driver_screenshot (KioskDriver *driver,
                                     const gchar *name);

G_END_DECLS
