/* qurb-booking-rules.c — which slot a member may book: pure rules */
#include "config.h"

#include <string.h>

#include "qurb-booking-rules.h"

/* Letters and digits nobody misreads on a small screen or types wrong on
 * a phone keypad: no 0/O, 1/I/L, 5/S, 8/B, U/V. */
static const gchar code_alphabet[] = "234679ACDEFGHJKMNPQRTWXYZ";

gboolean
qurb_booking_slot_open (const QurbCaravanState *caravan, guint index,
                        const gchar *today, gint now_minute)
{
  gint cmp = strcmp (caravan->date, today);

  if (cmp < 0)
    return FALSE;
  if (cmp > 0)
    return TRUE;
  return caravan->slots[index].start_minute - now_minute >= QURB_BOOKING_LEAD_MINUTES;
}

static gboolean
slot_has_seat (const QurbSlotState *slot)
{
  return slot->booked < slot->seats;
}

/* The first open slot with a seat at or after from, or n_slots. */
static guint
first_free_from (const QurbCaravanState *caravan, guint from, const gchar *today, gint now_minute)
{
  for (guint i = from; i < caravan->n_slots; i++)
    if (qurb_booking_slot_open (caravan, i, today, now_minute) && slot_has_seat (&caravan->slots[i]))
      return i;
  return caravan->n_slots;
}

/* requested_minute < 0 asks for the earliest free slot; otherwise the
 * slot that starts at that minute. When that slot is full, *alternative
 * is the next free one (or n_slots). */
QurbBookingOutcome
qurb_booking_choose_slot (const QurbCaravanState *caravan, const gchar *today, gint now_minute,
                          gint requested_minute, guint *chosen, guint *alternative)
{
  guint any_open = first_free_from (caravan, 0, today, now_minute);
  gboolean all_closed = TRUE;

  if (alternative)
    *alternative = caravan->n_slots;
  for (guint i = 0; i < caravan->n_slots; i++)
    if (qurb_booking_slot_open (caravan, i, today, now_minute))
      all_closed = FALSE;
  if (all_closed)
    return QURB_BOOKING_CLOSED;

  if (requested_minute < 0)
    {
      if (any_open == caravan->n_slots)
        return QURB_BOOKING_CARAVAN_FULL;
      *chosen = any_open;
      return QURB_BOOKING_OK;
    }

  for (guint i = 0; i < caravan->n_slots; i++)
    {
      const QurbSlotState *slot = &caravan->slots[i];

      /* The time asked is a slot's start, or no slot: 09:15 is not the
       * 09:00 slot — a member is never booked at a time not asked for. */
      if (requested_minute != slot->start_minute)
        continue;
      if (!qurb_booking_slot_open (caravan, i, today, now_minute))
        return QURB_BOOKING_CLOSED;
      if (!slot_has_seat (slot))
        {
          if (alternative)
            {
              *alternative = first_free_from (caravan, i + 1, today, now_minute);
              if (*alternative == caravan->n_slots)
                *alternative = any_open;
            }
          return any_open == caravan->n_slots ? QURB_BOOKING_CARAVAN_FULL : QURB_BOOKING_SLOT_FULL;
        }
      *chosen = i;
      return QURB_BOOKING_OK;
    }
  return QURB_BOOKING_NO_SUCH_SLOT;
}

/* Seats still bookable: open slots only. */
gint
qurb_caravan_seats_left (const QurbCaravanState *caravan, const gchar *today, gint now_minute)
{
  gint left = 0;

  for (guint i = 0; i < caravan->n_slots; i++)
    if (qurb_booking_slot_open (caravan, i, today, now_minute))
      left += MAX (0, caravan->slots[i].seats - caravan->slots[i].booked);
  return left;
}

void
qurb_booking_code_generate (guint32 (*random_u32) (gpointer), gpointer user_data,
                            gchar code[QURB_BOOKING_CODE_SIZE])
{
  const guint n = sizeof code_alphabet - 1;

  for (guint i = 0; i < QURB_BOOKING_CODE_LENGTH; i++)
    code[i] = code_alphabet[random_u32 (user_data) % n];
  code[QURB_BOOKING_CODE_LENGTH] = '\0';
}

/* A code as typed — any case, with spaces or dashes — in canonical form;
 * FALSE when it cannot be one of ours. */
gboolean
qurb_booking_code_normalize (const gchar *text, gchar code[QURB_BOOKING_CODE_SIZE])
{
  guint n = 0;

  for (const gchar *p = text; *p; p++)
    {
      gchar c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-')
        continue;
      if (n == QURB_BOOKING_CODE_LENGTH || strchr (code_alphabet, c) == NULL || c == '\0')
        return FALSE;
      code[n++] = c;
    }
  code[n] = '\0';
  return n == QURB_BOOKING_CODE_LENGTH;
}
