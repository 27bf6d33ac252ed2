/* inject.c — qurb-sms-inject: a text "arriving" on a simulated modem
 *
 * Writes the text, cut into parts as a phone would, into the inbox of
 * Gammu's dummy driver (DIR/sms/1/N), for `make run` and for tests. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "qurb-i18n.h"
#include "qurb-modem-gammu.h"
#include "qurb-segments.h"

/* The first free inbox slot from *next on, as the dummy driver numbers
 * them. */
static gchar *
free_slot (const gchar *device, guint *next)
{
  for (guint n = *next; n < 10000; n++, (*next)++)
    {
      g_autofree gchar *path = g_strdup_printf ("%s/sms/1/%u", device, n);
      g_autofree gchar *partial = g_strconcat (path, ".part", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (partial, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gboolean
inject (const gchar *device, const gchar *from, const gchar *text, gint reference, guint *next,
        GError **error)
{
  g_autoptr(GPtrArray) parts = qurb_sms_split (text);

  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree gchar *path = free_slot (device, next);
      QurbModemPart part = { (gchar *) from, parts->pdata[i], NULL, parts->len > 1 ? reference & 0xff : -1,
                             parts->len, i + 1 };

      if (path == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, _("the inbox is full"));
          return FALSE;
        }
      if (!qurb_gammu_write_part (path, &part, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("TEXT…"));
  g_autoptr(GError) error = NULL;
  g_autofree gchar *device = NULL, *from = NULL, *text = NULL, *inbox = NULL;
  gint reference = g_random_int_range (0, 256);
  gboolean batch = FALSE;
  guint next = 1;
  GOptionEntry entries[] = {
    { "device", 0, 0, G_OPTION_ARG_FILENAME, &device, N_("The dummy modem's folder"), N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The sender's number"), N_("NUMBER") },
    { "reference", 0, 0, G_OPTION_ARG_INT, &reference, N_("Concatenation reference of a long text"), "N" },
    { "batch", 0, 0, G_OPTION_ARG_NONE, &batch, N_("Read NUMBER<tab>TEXT lines from standard input"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, _("Put a text message into a simulated (dummy) modem's inbox."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || device == NULL ||
      (!batch && (from == NULL || argc < 2)))
    {
      g_printerr ("qurb-sms-inject: %s\n", error ? error->message : _("say --device DIR --from NUMBER TEXT"));
      return 2;
    }
  inbox = g_build_filename (device, "sms", "1", NULL);
  g_mkdir_with_parents (inbox, 0755);

  if (!batch)
    {
      text = g_strjoinv (" ", argv + 1);
      if (!inject (device, from, text, reference, &next, &error))
        {
          g_printerr ("qurb-sms-inject: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  {
    g_autoptr(GIOChannel) in = g_io_channel_unix_new (0);
    gchar *line = NULL;
    gsize length;

    while (g_io_channel_read_line (in, &line, &length, NULL, NULL) == G_IO_STATUS_NORMAL)
      {
        g_auto(GStrv) fields = g_strsplit (g_strchomp (line), "\t", 2);

        g_free (line);
        if (g_strv_length (fields) == 2 &&
            !inject (device, fields[0], fields[1], reference++, &next, &error))
          {
            g_printerr ("qurb-sms-inject: %s\n", error->message);
            return 1;
          }
      }
  }
  return 0;
}
