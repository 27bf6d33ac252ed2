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

/* The first free inbox slot, as the dummy driver numbers them. */
static gchar *
free_slot (const gchar *device)
{
  for (guint n = 1; n < 10000; n++)
    {
      g_autofree gchar *path = g_strdup_printf ("%s/sms/1/%u", device, n);
      g_autofree gchar *partial = g_strconcat (path, ".part", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (partial, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return NULL;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("TEXT…"));
  g_autoptr(GError) error = NULL;
  g_autofree gchar *device = NULL, *from = NULL, *text = NULL, *inbox = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  gint reference = g_random_int_range (0, 256);
  GOptionEntry entries[] = {
    { "device", 0, 0, G_OPTION_ARG_FILENAME, &device, N_("The dummy modem's folder"), N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The sender's number"), N_("NUMBER") },
    { "reference", 0, 0, G_OPTION_ARG_INT, &reference, N_("Concatenation reference of a long text"), "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, _("Put a text message into a simulated (dummy) modem's inbox."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || device == NULL || from == NULL || argc < 2)
    {
      g_printerr ("qurb-sms-inject: %s\n", error ? error->message : _("say --device DIR --from NUMBER TEXT"));
      return 2;
    }
  text = g_strjoinv (" ", argv + 1);
  parts = qurb_sms_split (text);
  inbox = g_build_filename (device, "sms", "1", NULL);
  g_mkdir_with_parents (inbox, 0755);

  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree gchar *path = free_slot (device);
      QurbModemPart part = { from, parts->pdata[i], NULL, parts->len > 1 ? reference & 0xff : -1,
                             parts->len, i + 1 };

      if (path == NULL || !qurb_gammu_write_part (path, &part, &error))
        {
          g_printerr ("qurb-sms-inject: %s\n", error ? error->message : _("the inbox is full"));
          return 1;
        }
    }
  return 0;
}
