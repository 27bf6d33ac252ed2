/* qurb-ticket-key.c — the deployment's secret that signs caravan tickets */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qurb-config.h"
#include "qurb-i18n.h"
#include "qurb-ticket-key.h"

/* [tickets] key=, else the default beside the database. */
gchar *
qurb_ticket_key_path (GKeyFile *config)
{
  gchar *path = config ? qurb_config_value (config, "tickets", "key") : NULL;

  if (path != NULL && path[0] != '\0')
    return path;
  g_free (path);
  return g_strdup (QURB_DEFAULT_TICKET_KEY);
}

static gboolean
load (const gchar *path, QurbTicketKey *key, GError **error)
{
  g_autofree gchar *text = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (st.st_mode & S_IRWXO) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("The ticket key %s can be read by anyone: make it private (chmod 600) first."), path);
      return FALSE;
    }
  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  if (!qurb_ticket_key_parse (text, key))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not a ticket key (it must hold 64 hexadecimal digits)."), path);
      return FALSE;
    }
  return TRUE;
}

/* A new key under a temporary name, then linked to its own: link() never
 * replaces, so when two programs make one at once, both end up with the
 * one that got there first (tickets already signed stay valid). */
static gboolean
create (const gchar *path, QurbTicketKey *key, gboolean *created, GError **error)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *template = g_build_filename (dir, ".ticket.key-XXXXXX", NULL);
  g_autofree gchar *text = NULL;
  gint fd, saved_errno;
  gboolean linked;

  if (getrandom (key->bytes, sizeof key->bytes, 0) != sizeof key->bytes)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("No random numbers for a ticket key: %s"), g_strerror (errno));
      return FALSE;
    }
  text = qurb_ticket_key_format (key);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, QURB_TICKET_KEY_FILE_MODE);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the ticket key in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* The mode asked may have lost bits to the umask, never gained any. */
  linked = fchmod (fd, QURB_TICKET_KEY_FILE_MODE) == 0 &&
           write (fd, text, strlen (text)) == (gssize) strlen (text) && fsync (fd) == 0 &&
           link (template, path) == 0;
  saved_errno = errno;
  close (fd);
  g_unlink (template);
  memset (text, 0, strlen (text));
  if (linked)
    {
      *created = TRUE;
      return TRUE;
    }
  if (saved_errno == EEXIST)
    return load (path, key, error);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Cannot create the ticket key %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* The key at path; with QURB_TICKET_KEY_CREATE a missing one is made
 * (created says so). */
gboolean
qurb_ticket_key_get (const gchar *path, QurbTicketKeyMode mode, QurbTicketKey *key,
                     gboolean *created, GError **error)
{
  gboolean made = FALSE;
  gboolean ok;

  g_return_val_if_fail (path != NULL && key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    ok = load (path, key, error);
  else if (mode == QURB_TICKET_KEY_CREATE)
    ok = create (path, key, &made, error);
  else
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no ticket key at %s: signed tickets cannot be checked here. Copy the agency box's key to this place (mode 600)."),
                   path);
      ok = FALSE;
    }
  if (created)
    *created = ok && made;
  return ok;
}
