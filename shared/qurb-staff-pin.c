/* qurb-staff-pin.c — the staff console's PIN: salted, stretched, locked out */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-staff-pin.h"

#define PIN_SETTING "staff-pin"

/* Four to eight digits: what the console's keypad can type. */
gboolean
qurb_staff_pin_valid (const gchar *pin)
{
  gsize len = pin ? strlen (pin) : 0;

  if (len < 4 || len > 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

gchar *
qurb_staff_pin_hash (const gchar *pin, const gchar *salt, guint rounds)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (sum, (const guchar *) salt, -1);
  g_checksum_update (sum, (const guchar *) pin, -1);
  g_checksum_get_digest (sum, digest, &len);
  for (guint i = 1; i < rounds; i++)
    {
      g_checksum_reset (sum);
      g_checksum_update (sum, digest, sizeof digest);
      g_checksum_update (sum, (const guchar *) salt, -1);
      g_checksum_get_digest (sum, digest, &len);
    }
  g_checksum_reset (sum);
  g_checksum_update (sum, digest, sizeof digest);
  return g_strdup_printf ("sha256x$%u$%s$%s", rounds, salt, g_checksum_get_string (sum));
}

/* Compares in time that does not depend on where the strings differ. */
static gboolean
same (const gchar *a, const gchar *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint diff = la ^ lb;

  for (gsize i = 0; i < MIN (la, lb); i++)
    diff |= (guchar) a[i] ^ (guchar) b[i];
  return diff == 0;
}

gboolean
qurb_staff_pin_matches (const gchar *pin, const gchar *stored)
{
  g_auto(GStrv) fields = g_strsplit (stored ? stored : "", "$", 4);
  g_autofree gchar *again = NULL;
  guint64 rounds;

  if (g_strv_length (fields) != 4 || !g_str_equal (fields[0], "sha256x") ||
      !g_ascii_string_to_unsigned (fields[1], 10, 1, G_MAXUINT, &rounds, NULL))
    return FALSE;
  again = qurb_staff_pin_hash (pin ? pin : "", fields[2], rounds);
  return same (again, stored);
}

static gchar *
random_salt (void)
{
  GString *salt = g_string_new (NULL);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (salt, "%08x", g_random_int ());
  return g_string_free (salt, FALSE);
}

gboolean
qurb_staff_pin_set (QurbDb *db, const gchar *pin, GError **error)
{
  g_autofree gchar *salt = random_salt ();
  g_autofree gchar *stored = NULL;
  g_autofree gchar *now = qurb_now_iso ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_staff_pin_valid (pin))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("the staff PIN must be 4 to 8 digits"));
      return FALSE;
    }
  stored = qurb_staff_pin_hash (pin, salt, QURB_STAFF_PIN_ROUNDS);
  return qurb_db_transact_exec (db, error,
      "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      "ttt", PIN_SETTING, stored, now);
}

typedef struct {
  gboolean accepted;
  QurbLockoutState *lockout;
} RecordJob;

static gboolean
record_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  RecordJob *job = user_data;

  return qurb_lockout_record (db, QURB_STAFF_SUBJECT, &qurb_lockout_staff, job->accepted, job->lockout, error);
}

/* The PIN is stretched outside any transaction (the hashing takes tens of
 * milliseconds, and the kiosk and the daemon must not wait for it); only
 * the verdict is written under the lock. */
gboolean
qurb_staff_pin_check (QurbDb *db, const gchar *pin, gboolean *accepted, QurbLockoutState *lockout,
                      GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree gchar *stored = NULL;
  RecordJob job = { FALSE, lockout };
  gint step;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *accepted = FALSE;
  if (!qurb_lockout_check (db, QURB_STAFF_SUBJECT, &qurb_lockout_staff, lockout, error))
    return FALSE;
  if (lockout->locked)
    return TRUE;
  stmt = qurb_db_statement (db, "SELECT value FROM settings WHERE key = '" PIN_SETTING "'", error);
  if (stmt == NULL || (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    stored = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  /* No PIN set: nobody gets in, and guessing still counts. */
  job.accepted = stored != NULL && qurb_staff_pin_matches (pin, stored);
  if (!qurb_db_transact (db, record_in_transaction, &job, error))
    return FALSE;
  *accepted = job.accepted;
  return TRUE;
}
