/* qurb-sd-notify.c — telling systemd how the daemon is
 *
 * The protocol is one datagram of "KEY=VALUE" lines to the AF_UNIX
 * socket named by $NOTIFY_SOCKET (a leading '@' names an abstract
 * socket), as sd_notify(3) documents it. */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "qurb-sd-notify.h"

gboolean
qurb_sd_notify (const gchar *state)
{
  const gchar *path = g_getenv ("NOTIFY_SOCKET");
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  gsize length;
  socklen_t address_length;
  gssize sent;
  gint fd;

  if (path == NULL || (path[0] != '/' && path[0] != '@'))
    return FALSE;
  length = strlen (path);
  if (length >= sizeof address.sun_path)
    return FALSE;
  memcpy (address.sun_path, path, length);
  if (path[0] == '@')
    address.sun_path[0] = '\0';
  address_length = offsetof (struct sockaddr_un, sun_path) + length + (path[0] == '/');

  fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  sent = sendto (fd, state, strlen (state), MSG_NOSIGNAL, (struct sockaddr *) &address, address_length);
  close (fd);
  return sent == (gssize) strlen (state);
}

guint64
qurb_sd_watchdog_usec (void)
{
  const gchar *usec = g_getenv ("WATCHDOG_USEC");
  const gchar *pid = g_getenv ("WATCHDOG_PID");

  /* The watchdog is meant for the main process only. */
  if (usec == NULL || (pid != NULL && g_ascii_strtoll (pid, NULL, 10) != getpid ()))
    return 0;
  return g_ascii_strtoull (usec, NULL, 10);
}
