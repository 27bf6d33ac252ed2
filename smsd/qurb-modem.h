/* qurb-modem.h — what the daemon needs from a GSM modem
 *
 * A small table of operations, so that the daemon never sees Gammu and
 * tests can put a modem that fails on purpose in its place. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QURB_MODEM_ERROR (qurb_modem_error_quark ())

typedef enum {
  QURB_MODEM_ERROR_TIMEOUT,
  QURB_MODEM_ERROR_DEVICE,      /* gone, unplugged, no permission */
  QURB_MODEM_ERROR_REFUSED,     /* the network or the modem refused a part */
  QURB_MODEM_ERROR_FAILED,
} QurbModemError;

typedef struct {
  gchar *sender;
  gchar *text;            /* NULL when it could not be decoded */
  gchar *sent_at;         /* SMSC time stamp, ISO */
  gint reference;         /* -1 for a single part */
  gint total;
  gint seq;
  gboolean status_report; /* a delivery report rather than a message */
  gint report_ref;        /* the network reference it reports on */
  gboolean delivered;
  gpointer handle;        /* the adapter's, to delete it */
} QurbModemPart;

typedef struct _QurbModem QurbModem;

/* The end of an asynchronous send, from the main loop: the part's network
 * reference as send_part gives it, or why it failed. */
typedef void (*QurbModemSentFunc) (gint          network_ref,
                                   const GError *error,
                                   gpointer      user_data);

typedef struct {
  gboolean   (*connect)      (QurbModem *modem, GError **error);
  void       (*disconnect)   (QurbModem *modem);
  /* Every part in the modem's inbox, oldest first. */
  GPtrArray *(*read_inbox)   (QurbModem *modem, GError **error);
  gboolean   (*delete_part)  (QurbModem *modem, QurbModemPart *part, GError **error);
  /* Cuts text into parts carrying our concatenation reference. */
  gpointer   (*encode)       (QurbModem *modem, const gchar *number, const gchar *text,
                              guint8 reference, guint *n_parts, GError **error);
  gboolean   (*send_part)    (QurbModem *modem, gpointer encoded, guint index,
                              gint *network_ref, GError **error);
  void       (*free_encoded) (gpointer encoded);
  void       (*free)         (QurbModem *modem);
  /* Signal in percent (-1 unknown) and the network's name, for the log. */
  gboolean   (*status)       (QurbModem *modem, gint *signal_percent, gchar **network,
                              GError **error);
  /* Optional (NULL for a modem that is only polled): from now on, wake
   * is called from the main loop when parts came in — once for the parts
   * that came together — so that they are read then, not at the next poll. */
  void       (*watch_inbox)  (QurbModem *modem, GSourceFunc wake, gpointer data);
  /* Optional (NULL: one part at a time, by send_part). send_part without
   * waiting for the network: done is called from the main loop, always,
   * once; several may be under way; the caller keeps encoded until done.
   * Returns the network reference the part carries (done gives it again
   * when the part was taken), so that a delivery report that comes back
   * before done is known for what it is. */
  gint       (*send_part_async) (QurbModem *modem, gpointer encoded, guint index,
                                 QurbModemSentFunc done, gpointer user_data);
} QurbModemOps;

struct _QurbModem {
  const QurbModemOps *ops;
  gchar *name;
};

GQuark qurb_modem_error_quark (void);
void   qurb_modem_part_free   (QurbModemPart *part);
void   qurb_modem_free        (QurbModem *modem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbModem, qurb_modem_free)

G_END_DECLS
