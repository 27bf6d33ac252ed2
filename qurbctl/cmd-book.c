/* cmd-book.c — qurbctl book and cancel, for staff at the counter or phone */
#include "config.h"

#include "qurb-booking.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-members.h"
#include "qurbctl.h"

/* Staff read the reason in their own language. */
static const gchar *
outcome_message (QurbBookingOutcome outcome)
{
  switch (outcome)
    {
    case QURB_BOOKING_OK: return _("done");
    case QURB_BOOKING_NO_SUCH_CARAVAN: return _("there is no caravan with that code");
    case QURB_BOOKING_CLOSED: return _("booking is closed for that caravan or slot");
    case QURB_BOOKING_NO_SUCH_SLOT: return _("the caravan has no slot at that time");
    case QURB_BOOKING_SLOT_FULL: return _("that slot is full");
    case QURB_BOOKING_CARAVAN_FULL: return _("the caravan is full");
    case QURB_BOOKING_ALREADY_BOOKED: return _("the member already has a booking on this caravan");
    case QURB_BOOKING_NOT_FOUND: return _("the member has no booking with that code");
    case QURB_BOOKING_ALREADY_CANCELLED: return _("that booking was already cancelled");
    default: g_assert_not_reached ();
    }
}

gint
qurbctl_cmd_book (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbMember) member = NULL;
  QurbBookingRequest request = { .requested_minute = -1, .channel = "staff",
                                 .send_confirmation = TRUE };
  QurbBookingResult result;

  if (!qurbctl_parse_options (_("MEMBER_NO CARAVAN [HH:MM]"),
                              _("Book a slot for a member (the earliest free one unless a time is\n"
                                "given); the member gets an SMS confirmation."),
                              NULL, &argc, &argv, 2, 3))
    return QURBCTL_USAGE;
  if (argc == 4 && !qurb_parse_hhmm (argv[3], &request.requested_minute))
    {
      g_printerr (_("qurbctl: “%s” is not a time as HH:MM\n"), argv[3]);
      return QURBCTL_USAGE;
    }
  db = qurbctl_open_db (globals);
  if (db == NULL || (member = qurbctl_find_member (db, argv[1])) == NULL)
    return QURBCTL_FAILED;

  request.member_id = member->id;
  request.caravan_code = argv[2];
  if (!qurb_booking_take (db, &request, &result, &error))
    return qurbctl_fail (error);
  if (result.outcome != QURB_BOOKING_OK)
    {
      g_printerr (_("qurbctl: not booked: %s"), outcome_message (result.outcome));
      if (result.outcome == QURB_BOOKING_ALREADY_BOOKED)
        g_printerr (" (%s)", result.booking.code);
      if (result.alternative[0])
        g_printerr (_(" (%s is free)"), result.alternative);
      g_printerr ("\n");
      return QURBCTL_FAILED;
    }
  g_print (_("Booked %s: %s on %s at %s\n"), result.booking.code, result.booking.caravan_code,
           result.booking.date, result.booking.start_time);
  return QURBCTL_OK;
}

gint
qurbctl_cmd_cancel (const QurbctlGlobals *globals, gint argc, gchar **argv)
{
  g_autoptr(QurbDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QurbMember) member = NULL;
  QurbBookingResult result;

  if (!qurbctl_parse_options (_("MEMBER_NO BOOKING_CODE"), _("Cancel a member's booking."),
                              NULL, &argc, &argv, 2, 2))
    return QURBCTL_USAGE;
  db = qurbctl_open_db (globals);
  if (db == NULL || (member = qurbctl_find_member (db, argv[1])) == NULL)
    return QURBCTL_FAILED;
  if (!qurb_booking_cancel (db, member->id, argv[2], &result, &error))
    return qurbctl_fail (error);
  if (result.outcome != QURB_BOOKING_OK)
    {
      g_printerr (_("qurbctl: not cancelled: %s\n"), outcome_message (result.outcome));
      return QURBCTL_FAILED;
    }
  g_print (_("Cancelled %s\n"), result.booking.code);
  return QURBCTL_OK;
}
