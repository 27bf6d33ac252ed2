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
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *text = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (st.st_mode & (S_IRWXO | S_IWGRP)) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("The ticket key %s can be read or changed by others: make it private (chmod 640) first."), path);
      return FALSE;
    }
  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      /* The usual reason: a key made by hand, or before keys were shared
       * with the group. Say how to fix it. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                     _("The ticket key %s cannot be read by this user: give it to group qurb, mode 640 (chgrp qurb, chmod 640)."),
                     path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!qurb_ticket_key_parse (text, key))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not a ticket key (it must hold 64 hexadecimal digits)."), path);
      return FALSE;
    }
  return TRUE;
}

/* Best effort: a user outside the folder's group keeps its own (a
 * developer's folder); on a box every Qurb user is in group qurb. */
static void
give_folder_group (gint fd, const gchar *dir)
{
  GStatBuf folder, file;

  if (g_stat (dir, &folder) == 0 && fstat (fd, &file) == 0 && file.st_gid != folder.st_gid &&
      fchown (fd, (uid_t) -1, folder.st_gid) != 0)
    g_debug ("the ticket key keeps its maker's group: %s", g_strerror (errno));
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
  /* The mode asked may have lost bits to the umask, never gained any;
   * the group is the folder's, whoever makes the key (see the header). */
  give_folder_group (fd, dir);
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
                   _("There is no ticket key at %s: signed tickets cannot be checked here. Copy the agency box's key to this place (group qurb, mode 640)."),
                   path);
      ok = FALSE;
    }
  if (created)
    *created = ok && made;
  return ok;
}
