/* qurb-checkin.h — the caravan day: a ticket scanned, a booking attended
 *
 * A booking is checked in once; a second scan says when the first was.
 * The caravan's tablet checks tickets in on a copy of the database taken
 * that morning (`qurbctl backup`), with a copy of the ticket key; its
 * day's check-ins are exported to a file and imported on the agency box,
 * where the earliest scan of each booking wins. */
#pragma once

#include "qurb-booking-detail.h"
#include "qurb-ticket.h"

G_BEGIN_DECLS

typedef enum {
  QURB_CHECKIN_OK,
  QURB_CHECKIN_ALREADY,        /* checked in before: detail->attended_at */
  QURB_CHECKIN_CANCELLED,
  QURB_CHECKIN_NOT_FOUND,      /* no booking with that code in this database */
  QURB_CHECKIN_OTHER_DAY,      /* the caravan is not today */
  QURB_CHECKIN_OTHER_CARAVAN,  /* not the caravan this device checks in */
  QURB_CHECKIN_FORGED,
  QURB_CHECKIN_FOREIGN,        /* signed with another deployment's key */
  QURB_CHECKIN_UNREADABLE,
} QurbCheckinOutcome;

typedef struct {
  const gchar *text;           /* scanned or typed: a ticket or a booking code */
  const QurbTicketKey *key;    /* NULL: bare codes only (a signed ticket is FOREIGN) */
  const gchar *caravan_code;   /* NULL: any caravan of today */
  const gchar *actor;          /* for the audit: "staff", "kiosk" */
} QurbCheckinRequest;

typedef struct {
  QurbCheckinOutcome outcome;
  gchar code[QURB_BOOKING_CODE_SIZE];   /* "" when none could be read */
  QurbBookingDetail *detail;            /* when the booking was found */
} QurbCheckinResult;

gboolean     qurb_checkin              (QurbDb                   *db,
                                        const QurbCheckinRequest *request,
                                        QurbCheckinResult        *result,
                                        GError                  **error);
void         qurb_checkin_result_clear (QurbCheckinResult *result);
gchar       *qurb_checkin_describe     (const QurbCheckinResult *result,
                                        const gchar             *caravan_code,
                                        const gchar             *lang);
const gchar *qurb_checkin_outcome_name (QurbCheckinOutcome outcome);

/* Carrying a day's check-ins from the caravan's copy to the agency box. */
typedef struct {
  guint recorded;       /* newly attended */
  guint earlier;        /* attended already, and this scan was earlier */
  guint unchanged;      /* attended already at that time or before */
  GPtrArray *problems;  /* "LINE: CODE: reason", in the caller's language */
} QurbCheckinImport;

gboolean qurb_checkin_export       (QurbDb            *db,
                                    const gchar       *date,
                                    const gchar       *path,
                                    guint             *count,
                                    GError           **error);
gboolean qurb_checkin_import       (QurbDb            *db,
                                    const gchar       *path,
                                    QurbCheckinImport *report,
                                    GError           **error);
void     qurb_checkin_import_clear (QurbCheckinImport *report);

G_END_DECLS
