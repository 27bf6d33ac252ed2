/* test-kiosk-atspi.c — the kiosk as assistive technology sees it
 *
 * The real qurb-kiosk runs as its own process; this test is an external
 * client on the accessibility bus (AT-SPI), like a screen reader or a
 * switch-access tool: it finds controls by role and by name in the
 * kiosk's current language, never by coordinates, and activates them
 * through their "click" action.
 *
 * Run by meson under dbus-run-session (which starts the accessibility
 * bus on demand) and xvfb-run. */
#include "config.h"

#include <atspi/atspi.h>
#include <gio/gio.h>
#include <signal.h>

#include "qurb-i18n.h"
#include "qurb-staff-pin.h"
#include "qurb-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAction, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiComponent, g_object_unref)

#define T_(s) qurb_dgettext (f->lang, (s))
#define WAIT_SECONDS 20
/* A kiosk starting beside other UI tests on two cores (or under ASan)
 * took more than 20 s to show itself on the accessibility bus. */
#define START_SECONDS 90
#define PIN "2468"

typedef struct {
  const gchar *lang;
  gboolean staff;     /* the staff console rather than the members' kiosk */
} Variant;

typedef struct {
  QurbFixture db;
  const gchar *lang;
  GSubprocess *kiosk;
  AtspiAccessible *app;
} AtspiFixture;

/* The kiosk's application on the desktop, found by its process. */
static AtspiAccessible *
find_application (GPid pid)
{
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  gint n = atspi_accessible_get_child_count (desktop, NULL);

  for (gint i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app != NULL && atspi_accessible_get_process_id (app, NULL) == (guint) pid)
        return g_steal_pointer (&app);
    }
  return NULL;
}

static void
atspi_setup (AtspiFixture *f, gconstpointer data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree gchar *config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *ini = NULL;
  gint64 deadline = g_get_monotonic_time () + START_SECONDS * G_USEC_PER_SEC;
  const Variant *variant = data;
  GPid pid;

  f->lang = variant->lang;
  qurb_fixture_setup (&f->db, NULL);
  qurb_fixture_load_corpus (&f->db);
  g_assert_true (qurb_staff_pin_set (f->db.db, PIN, &error));
  g_assert_no_error (error);
  ini = g_strdup_printf ("[kiosk]\nlanguage=%s\nidle-seconds=3600\n", f->lang);
  config = qurb_fixture_write (&f->db, "kiosk.conf", ini);

  /* GTK's own accessibility bridge, as on the lobby machine. */
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_subprocess_launcher_set_child_setup (launcher, qurb_test_die_with_parent, NULL, NULL);
  f->kiosk = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("QURB_KIOSK"),
                                          "--db", f->db.db_path, "--config", config, "--windowed",
                                          variant->staff ? "--staff" : NULL, NULL);
  g_assert_no_error (error);
  pid = atoi (g_subprocess_get_identifier (f->kiosk));
  while ((f->app = find_application (pid)) == NULL && g_get_monotonic_time () < deadline)
    g_usleep (100 * 1000);
  g_assert_nonnull (f->app);
  /* Every question goes to the kiosk itself: what a screen shows changes
   * with each press, and a cached state would be yesterday's screen. */
  atspi_accessible_set_cache_mask (f->app, ATSPI_CACHE_NONE);
}

static void
atspi_teardown (AtspiFixture *f, gconstpointer data)
{
  g_clear_object (&f->app);
  g_subprocess_send_signal (f->kiosk, SIGTERM);
  g_subprocess_wait (f->kiosk, NULL, NULL);
  g_clear_object (&f->kiosk);
  qurb_fixture_teardown (&f->db, NULL);
}

static gboolean
is_visible (AtspiAccessible *accessible)
{
  g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);

  return atspi_state_set_contains (states, ATSPI_STATE_VISIBLE);
}

typedef gboolean (*AccessibleMatch) (AtspiAccessible *accessible, gconstpointer wanted);

/* Depth first through what is on screen now: the kiosk's screens are
 * all in the tree, and those not shown are hidden from assistive
 * technology with everything in them. */
static AtspiAccessible *
find_visible (AtspiAccessible *root, AccessibleMatch match, gconstpointer wanted)
{
  gint n = atspi_accessible_get_child_count (root, NULL);

  for (gint i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (root, i, NULL);
      AtspiAccessible *found;

      if (child == NULL || !is_visible (child))
        continue;
      if (match (child, wanted))
        return g_steal_pointer (&child);
      if ((found = find_visible (child, match, wanted)) != NULL)
        return found;
    }
  return NULL;
}

/* What the kiosk shows, for the log of a failing test. */
static void
print_visible (AtspiAccessible *root, guint depth)
{
  gint n = atspi_accessible_get_child_count (root, NULL);

  for (gint i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (root, i, NULL);
      g_autofree gchar *role = NULL, *name = NULL;

      if (child == NULL || !is_visible (child))
        continue;
      role = atspi_accessible_get_role_name (child, NULL);
      name = atspi_accessible_get_name (child, NULL);
      g_printerr ("%*s%s “%s”\n", depth * 2, "", role, name);
      print_visible (child, depth + 1);
    }
}

/* The accessible's name when it has that role; NULL otherwise. */
static gchar *
name_if_role (AtspiAccessible *accessible, AtspiRole role)
{
  if (atspi_accessible_get_role (accessible, NULL) != role)
    return NULL;
  return atspi_accessible_get_name (accessible, NULL);
}

static gboolean
is_button_named (AtspiAccessible *accessible, gconstpointer name)
{
  g_autofree gchar *own = name_if_role (accessible, ATSPI_ROLE_PUSH_BUTTON);

  return g_strcmp0 (own, name) == 0;
}

static gboolean
is_text_with (AtspiAccessible *accessible, gconstpointer fragment)
{
  g_autofree gchar *own = name_if_role (accessible, ATSPI_ROLE_LABEL);

  return own != NULL && strstr (own, fragment) != NULL;
}

static gboolean
is_label_equal (AtspiAccessible *accessible, gconstpointer text)
{
  g_autofree gchar *own = name_if_role (accessible, ATSPI_ROLE_LABEL);

  return g_strcmp0 (own, text) == 0;
}

/* What the kiosk shows changes under us (and a child can vanish between
 * two questions): ask again until it has what we wait for or
 * WAIT_SECONDS pass. */
static AtspiAccessible *
wait_for (AtspiFixture *f, AccessibleMatch match, gconstpointer wanted)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  AtspiAccessible *found;

  do
    {
      if ((found = find_visible (f->app, match, wanted)) != NULL)
        return found;
      g_usleep (50 * 1000);
    }
  while (g_get_monotonic_time () < deadline);
  return NULL;
}

static gboolean
shows_text (AtspiFixture *f, const gchar *fragment)
{
  g_autoptr(AtspiAccessible) found = NULL;

  found = find_visible (f->app, is_text_with, fragment);
  return found != NULL;
}

static AtspiAccessible *
button (AtspiFixture *f, const gchar *name)
{
  AtspiAccessible *found = wait_for (f, is_button_named, name);

  if (found == NULL)
    {
      print_visible (f->app, 0);
      g_error ("no button named “%s” on the screen", name);
    }
  return found;
}

/* Waits for a button, or for a text on the screen; fails the test
 * showing what is there instead. */
static void
expect_button (AtspiFixture *f, const gchar *name)
{
  g_autoptr(AtspiAccessible) found = button (f, name);
}

static void
expect_text (AtspiFixture *f, const gchar *fragment)
{
  g_autoptr(AtspiAccessible) found = wait_for (f, is_text_with, fragment);

  if (found == NULL)
    {
      print_visible (f->app, 0);
      g_error ("no text with “%s” on the screen", fragment);
    }
}

/* Activates a control by its "click" action, as assistive technology
 * does; FALSE when the kiosk refuses (insensitive or hidden). */
static gboolean
click (AtspiAccessible *control)
{
  g_autoptr(AtspiAction) action = atspi_accessible_get_action_iface (control);
  g_autoptr(GError) error = NULL;
  gint n, i;

  g_assert_nonnull (action);
  n = atspi_action_get_n_actions (action, NULL);
  for (i = 0; i < n; i++)
    {
      g_autofree gchar *action_name = atspi_action_get_action_name (action, i, NULL);

      if (g_strcmp0 (action_name, "click") == 0)
        break;
    }
  g_assert_cmpint (i, <, n);
  return atspi_action_do_action (action, i, &error) && error == NULL;
}

/* A control refuses while it is insensitive, and may be waiting for the
 * clicks before it to land: it is asked again until WAIT_SECONDS pass. */
static void
press (AtspiFixture *f, const gchar *name)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(AtspiAccessible) control = button (f, name);

      if (click (control))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("“%s” refused its click", name);
      g_usleep (50 * 1000);
    }
}

/* Chooses a field of the identify screen and types keys on the on-screen
 * keypad, switching between its digit and letter pages as a member
 * would. A button clicks a moment after it is activated (GTK animates
 * the press, and a second activation meanwhile is dropped), so each key
 * waits until the field shows it. */
static void
type_into (AtspiFixture *f, const gchar *field_name, const gchar *keys)
{
  g_autoptr(AtspiAccessible) field = button (f, field_name);
  g_autoptr(GString) typed = g_string_new (NULL);

  if (!click (field))
    g_error ("the field “%s” refused its click", field_name);
  for (const gchar *k = keys; *k; k++)
    {
      gchar key[2] = { *k, '\0' };
      const gchar *other_page = g_ascii_isdigit (*k) ? T_("123") : T_("ABC");
      gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
      g_autoptr(AtspiAccessible) control = NULL, shown = NULL;

      /* The key on the page shown, or the key to the other page (the
       * keypad may turn the page itself a moment after a field is
       * chosen: then look again). */
      while ((control = find_visible (f->app, is_button_named, key)) == NULL &&
             g_get_monotonic_time () < deadline)
        {
          g_autoptr(AtspiAccessible) switch_page = find_visible (f->app, is_button_named, other_page);

          if (switch_page == NULL || !click (switch_page))
            g_usleep (50 * 1000);
        }
      if (control == NULL || !click (control))
        g_error ("no key “%s” to press on the keypad", key);
      g_string_append_c (typed, *k);
      while ((shown = find_visible (field, is_label_equal, typed->str)) == NULL &&
             g_get_monotonic_time () < deadline)
        g_usleep (20 * 1000);
      if (shown == NULL)
        g_error ("“%s” does not show “%s”", field_name, typed->str);
    }
}

static gint
x_of (AtspiFixture *f, const gchar *name)
{
  g_autoptr(AtspiAccessible) control = button (f, name);
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (control);
  g_autofree AtspiRect *extents = NULL;

  g_assert_nonnull (component);
  extents = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  g_assert_nonnull (extents);
  return extents->x;
}

/* Every button on the screen has a name a person can hear, in the
 * kiosk's language: none is left to GTK's default. */
static gboolean
is_unnamed_button (AtspiAccessible *accessible, gconstpointer unused)
{
  g_autofree gchar *name = NULL;

  if (atspi_accessible_get_role (accessible, NULL) != ATSPI_ROLE_PUSH_BUTTON)
    return FALSE;
  name = atspi_accessible_get_name (accessible, NULL);
  /* GTK falls back to the widget's type name ("GtkToggleButton"). */
  return name == NULL || *name == '\0' || g_str_has_prefix (name, "Gtk");
}

static void
assert_every_button_named (AtspiFixture *f)
{
  g_autoptr(AtspiAccessible) unnamed = NULL;

  unnamed = find_visible (f->app, is_unnamed_button, NULL);
  if (unnamed != NULL)
    print_visible (f->app, 0);
  g_assert_null (unnamed);
}

static void
test_claims (AtspiFixture *f, gconstpointer data)
{
  gboolean ar = g_str_equal (f->lang, "ar");

  /* The catalogue is there: in Arabic the tile is not its source text. */
  if (ar)
    g_assert_cmpstr (T_("My claim files"), !=, "My claim files");
  expect_button (f, T_("My claim files"));
  assert_every_button_named (f);
  /* The language buttons keep one order in both languages: Français on
   * the left, so a second tap never finds the other language. */
  g_assert_cmpint (x_of (f, "Français"), <, x_of (f, "العربية"));

  press (f, T_("My claim files"));
  type_into (f, T_("Member number"), "100001");
  assert_every_button_named (f);
  type_into (f, T_("CIN number"), "AB123456");
  press (f, T_("Continue"));

  /* The member's own file, and only theirs. */
  expect_text (f, "2024001234");
  g_assert_true (shows_text (f, ar ? "812,50 درهم" : "812,50 DH"));
  g_assert_false (shows_text (f, "2024005678"));
  assert_every_button_named (f);

  /* Home: the member's file is gone from what assistive technology reads. */
  press (f, T_("Home"));
  expect_button (f, T_("My claim files"));
  g_assert_false (shows_text (f, "2024001234"));
}

static gboolean
shows_button (AtspiFixture *f, const gchar *name)
{
  g_autoptr(AtspiAccessible) found = find_visible (f->app, is_button_named, name);

  return found != NULL;
}

/* Waits until no button of that name is on the screen. */
static gboolean
button_gone (AtspiFixture *f, const gchar *name)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (shows_button (f, name) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  return !shows_button (f, name);
}

/* Locked, the staff console is out of reach of assistive technology as
 * it is out of sight; the PIN opens it, Lock closes it again. */
static void
test_staff (AtspiFixture *f, gconstpointer data)
{
  expect_button (f, "2");
  g_assert_false (shows_button (f, T_("Schedule the announcement")));
  g_assert_false (shows_button (f, T_("Lock")));
  assert_every_button_named (f);

  for (const gchar *k = PIN; *k; k++)
    {
      gchar key[2] = { *k, '\0' };

      press (f, key);
    }
  press (f, T_("Open the console"));
  expect_button (f, T_("Schedule the announcement"));
  g_assert_true (shows_button (f, T_("Lock")));
  assert_every_button_named (f);

  press (f, T_("Lock"));
  g_assert_true (button_gone (f, T_("Schedule the announcement")));
  g_assert_false (shows_button (f, T_("Lock")));
  expect_button (f, "2");
}

static const Variant kiosk_fr = { "fr", FALSE }, kiosk_ar = { "ar", FALSE };
static const Variant staff_fr = { "fr", TRUE }, staff_ar = { "ar", TRUE };

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* libatspi warns when it asks an application for its AT-SPI cache and
   * there is none (GTK 4.8 has none), through structured logging that a
   * test's fatal handler never sees: warnings are not fatal here,
   * criticals still are. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_cmpint (atspi_init (), ==, 0);
  g_test_add ("/kiosk-atspi/claims/fr", AtspiFixture, &kiosk_fr, atspi_setup, test_claims, atspi_teardown);
  g_test_add ("/kiosk-atspi/claims/ar", AtspiFixture, &kiosk_ar, atspi_setup, test_claims, atspi_teardown);
  g_test_add ("/kiosk-atspi/staff/fr", AtspiFixture, &staff_fr, atspi_setup, test_staff, atspi_teardown);
  g_test_add ("/kiosk-atspi/staff/ar", AtspiFixture, &staff_ar, atspi_setup, test_staff, atspi_teardown);
  return g_test_run ();
}
