/* qurb-staff-pin.c — the staff console's PIN: yescrypt, locked out
 *
 * A guess is counted before it is checked: one IMMEDIATE transaction reads
 * the lockout and, when the console is not locked, records the guess as a
 * failure — only then is the PIN hashed (tens of milliseconds, outside any
 * transaction, so the kiosk and the daemon never wait for it). A hundred
 * guesses at once therefore get exactly the attempts that were left; the
 * others are refused unhashed. A right PIN then takes its failure back. */
#include "config.h"

#include <crypt.h>
#include <errno.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/random.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-staff-pin.h"

#define PIN_SETTING "staff-pin"
/* What libcrypt's yescrypt takes as salt entropy, from getrandom. */
#define SALT_BYTES 16

static gint verifications;   /* atomic */

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

static gboolean
random_bytes (guint8 *buffer, gsize size, GError **error)
{
  gsize filled = 0;

  while (filled < size)
    {
      gssize got = getrandom (buffer + filled, size - filled, 0);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "getrandom: %s", g_strerror (errno));
          return FALSE;
        }
      filled += got;
    }
  return TRUE;
}

/* "$y$…": yescrypt at libcrypt's default cost, a fresh salt. */
gchar *
qurb_staff_pin_hash (const gchar *pin, GError **error)
{
  guint8 entropy[SALT_BYTES];
  g_autofree gchar *setting = NULL;
  g_autofree struct crypt_data *data = g_new0 (struct crypt_data, 1);
  const gchar *hashed;

  g_return_val_if_fail (pin != NULL, NULL);

  if (!random_bytes (entropy, sizeof entropy, error))
    return NULL;
  setting = crypt_gensalt_ra ("$y$", 0, (const gchar *) entropy, sizeof entropy);
  hashed = setting ? crypt_r (pin, setting, data) : NULL;
  if (hashed == NULL || hashed[0] == '*')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "yescrypt: %s", g_strerror (errno));
      return NULL;
    }
  return g_strdup (hashed);
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

/* The first format: SHA-256 iterated over a salt from g_random_int.
 * Still read, so that existing PINs keep working until their next entry
 * stores them again as yescrypt. */
static gchar *
legacy_hash (const gchar *pin, const gchar *salt, guint rounds)
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

static gboolean
is_legacy (const gchar *stored)
{
  return g_str_has_prefix (stored, "sha256x$");
}

gboolean
qurb_staff_pin_matches (const gchar *pin, const gchar *stored)
{
  g_autofree struct crypt_data *data = NULL;
  const gchar *again;

  pin = pin ? pin : "";
  if (stored == NULL)
    return FALSE;
  if (is_legacy (stored))
    {
      g_auto(GStrv) fields = g_strsplit (stored, "$", 4);
      g_autofree gchar *legacy = NULL;
      guint64 rounds;

      if (g_strv_length (fields) != 4 ||
          !g_ascii_string_to_unsigned (fields[1], 10, 1, G_MAXUINT, &rounds, NULL))
        return FALSE;
      legacy = legacy_hash (pin, fields[2], rounds);
      return same (legacy, stored);
    }
  if (!g_str_has_prefix (stored, "$y$"))
    return FALSE;
  data = g_new0 (struct crypt_data, 1);
  again = crypt_r (pin, stored, data);
  return again != NULL && again[0] != '*' && same (again, stored);
}

guint
qurb_staff_pin_verifications (void)
{
  return (guint) g_atomic_int_get (&verifications);
}

static gboolean
store_in_transaction (QurbDb *db, const gchar *stored, const gchar *was, GError **error)
{
  g_autofree gchar *now = qurb_now_iso ();

  /* was: replaced only if still that (a re-hash never undoes a new PIN). */
  return qurb_db_transact_exec (db, error,
      "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
      " WHERE ?4 IS NULL OR value = ?4",
      "tttt", PIN_SETTING, stored, now, was);
}

gboolean
qurb_staff_pin_set (QurbDb *db, const gchar *pin, GError **error)
{
  g_autofree gchar *stored = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qurb_staff_pin_valid (pin))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("the staff PIN must be 4 to 8 digits"));
      return FALSE;
    }
  stored = qurb_staff_pin_hash (pin, error);
  return stored != NULL && store_in_transaction (db, stored, NULL, error);
}

typedef struct {
  QurbLockoutState *lockout;
  gboolean refused;         /* locked before this guess: not counted, not checked */
  gboolean locked_by_it;    /* this guess was the last one allowed */
  gchar *stored;
} CountJob;

/* The gate: locked, or the guess counted (as a failure until the PIN is
 * known to be right) and the stored hash read, under one write lock. */
static gboolean
count_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  CountJob *job = user_data;
  sqlite3_stmt *stmt;
  gint step;

  g_clear_pointer (&job->stored, g_free);
  if (!qurb_lockout_check (db, QURB_STAFF_SUBJECT, &qurb_lockout_staff, job->lockout, error))
    return FALSE;
  job->refused = job->lockout->locked;
  if (job->refused)
    return TRUE;
  if (!qurb_lockout_record (db, QURB_STAFF_SUBJECT, &qurb_lockout_staff, FALSE, job->lockout, error))
    return FALSE;
  job->locked_by_it = job->lockout->locked;
  stmt = qurb_db_statement (db, "SELECT value FROM settings WHERE key = '" PIN_SETTING "'", error);
  if (stmt == NULL || (step = qurb_db_step_row (db, stmt, error)) < 0)
    return FALSE;
  if (step > 0)
    job->stored = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/* A right PIN takes its failure back: the record is cleared — unless
 * other guesses locked the console while it was being hashed, which lock
 * stays for the next one. */
static gboolean
accept_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  CountJob *job = user_data;
  QurbLockoutState now;

  if (!qurb_lockout_check (db, QURB_STAFF_SUBJECT, &qurb_lockout_staff, &now, error))
    return FALSE;
  if (now.locked && !job->locked_by_it)
    return TRUE;
  return qurb_lockout_record (db, QURB_STAFF_SUBJECT, &qurb_lockout_staff, TRUE, job->lockout, error);
}

gboolean
qurb_staff_pin_check (QurbDb *db, const gchar *pin, gboolean *accepted, QurbLockoutState *lockout,
                      GError **error)
{
  CountJob job = { lockout, FALSE, FALSE, NULL };
  g_autofree gchar *rehashed = NULL;
  gboolean right;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *accepted = FALSE;
  if (!qurb_db_transact (db, count_in_transaction, &job, error))
    return FALSE;
  if (job.refused)
    return TRUE;
  /* No PIN set: nobody gets in, and guessing still counts. */
  g_atomic_int_inc (&verifications);
  right = job.stored != NULL && qurb_staff_pin_matches (pin, job.stored);
  if (right && is_legacy (job.stored))
    rehashed = qurb_staff_pin_hash (pin, NULL);
  if (right && (!qurb_db_transact (db, accept_in_transaction, &job, error) ||
                (rehashed != NULL && !store_in_transaction (db, rehashed, job.stored, error))))
    {
      g_free (job.stored);
      return FALSE;
    }
  g_free (job.stored);
  *accepted = right;
  return TRUE;
}
