/* qurb-kiosk-tickets.c — where the kiosk's tickets come from */
#include "config.h"

#include <string.h>

#include "qurb-kiosk-tickets.h"

struct _QurbKioskTickets {
  gchar *key_path;         /* NULL: no key, bare codes */
  QurbTicketKeyMode mode;
  gchar *printer;          /* a CUPS queue, or NULL */
  QurbTicketKey key;
  gboolean key_read;       /* tried once: the key or its absence is known */
  gboolean have_key;
};

/* key_path NULL: tickets carry the bare code. mode: whether this kiosk
 * may make the key (the agency box's) or only reads a copy (a tablet). */
QurbKioskTickets *
qurb_kiosk_tickets_new (const gchar *key_path, QurbTicketKeyMode mode, const gchar *printer)
{
  QurbKioskTickets *self = g_new0 (QurbKioskTickets, 1);

  self->key_path = g_strdup (key_path);
  self->mode = mode;
  self->printer = printer && *printer ? g_strdup (printer) : NULL;
  return self;
}

void
qurb_kiosk_tickets_free (QurbKioskTickets *self)
{
  if (self == NULL)
    return;
  memset (&self->key, 0, sizeof self->key);
  g_free (self->key_path);
  g_free (self->printer);
  g_free (self);
}

/* The key, read on first use; NULL (and one warning in the journal) when
 * it cannot be had. */
const QurbTicketKey *
qurb_kiosk_tickets_get_key (QurbKioskTickets *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->key_read && self->key_path != NULL)
    {
      self->have_key = qurb_ticket_key_get (self->key_path, self->mode, &self->key, NULL, &error);
      if (!self->have_key)
        g_warning ("tickets carry the bare booking code: %s", error->message);
    }
  self->key_read = TRUE;
  return self->have_key ? &self->key : NULL;
}

const gchar *
qurb_kiosk_tickets_get_printer (QurbKioskTickets *self)
{
  return self->printer;
}

QurbTicket *
qurb_kiosk_tickets_issue (QurbKioskTickets *self, QurbDb *db, const gchar *booking_code, const gchar *lang,
                          GError **error)
{
  return qurb_ticket_issue (db, qurb_kiosk_tickets_get_key (self), booking_code, lang, error);
}

static void
print_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const gchar *printer = g_object_get_data (G_OBJECT (task), "printer");
  GError *error = NULL;

  if (qurb_ticket_print (task_data, printer, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Prints ticket (taken) on the configured printer, off the main thread. */
void
qurb_kiosk_tickets_print_async (QurbKioskTickets *self, QurbTicket *ticket, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (self->printer != NULL);
  g_task_set_source_tag (task, qurb_kiosk_tickets_print_async);
  g_task_set_task_data (task, ticket, (GDestroyNotify) qurb_ticket_free);
  g_object_set_data_full (G_OBJECT (task), "printer", g_strdup (self->printer), g_free);
  g_task_run_in_thread (task, print_in_thread);
}

gboolean
qurb_kiosk_tickets_print_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
