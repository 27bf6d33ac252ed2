/* qurb-texts.c — words shown to members, in their language
 *
 * No diagnosis or medical detail ever goes in these texts: a dossier is
 * named by its number and status only. */
#include "config.h"

#include <string.h>

#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-segments.h"
#include "qurb-texts.h"

/* In QurbClaimStatus order. */
static const gchar *const status_labels[] = {
  N_("Received"),
  N_("Being processed"),
  N_("Sent to the managing body"),
  N_("Paid"),
  N_("Rejected"),
  N_("Waiting for documents"),
};

const gchar *
qurb_claim_status_label (const gchar *lang, QurbClaimStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);
  return qurb_dgettext (lang, status_labels[status]);
}

static const struct {
  const gchar *code;
  const gchar *label;
} kind_labels[] = {
  /* TRANSLATORS: kind of claim file */
  { "MALADIE", N_("Medical care") },
  /* TRANSLATORS: kind of claim file */
  { "OPTIQUE", N_("Optical") },
  /* TRANSLATORS: kind of claim file */
  { "DENTAIRE", N_("Dental") },
  /* TRANSLATORS: kind of claim file */
  { "HOSPITALISATION", N_("Hospital stay") },
  /* TRANSLATORS: kind of claim file */
  { "MATERNITE", N_("Maternity") },
};

/* A claim kind as members read it; an unknown code is shown as it is. */
const gchar *
qurb_claim_kind_label (const gchar *lang, const gchar *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind, kind_labels[i].code) == 0)
      return qurb_dgettext (lang, kind_labels[i].label);
  return kind;
}

/* The thousands separator on screens: the narrow no-break space French
 * typography (and fr_FR's LC_NUMERIC) uses; with the comma for decimals,
 * the same in Arabic text ("10 535,00 درهم"), where a dot or a comma
 * would read as the other. */
#define THOUSANDS_SEP "\u202F"

static gchar *
format_amount (const gchar *lang, gint64 centimes, const gchar *thousands)
{
  g_autofree gchar *whole = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (centimes) / 100);
  g_autoptr(GString) number = g_string_new (centimes < 0 ? "-" : "");
  gsize len = strlen (whole);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (number, thousands);
      g_string_append_c (number, whole[i]);
    }
  g_string_append_printf (number, ",%02d", (gint) (ABS (centimes) % 100));
  /* TRANSLATORS: an amount of money; %s is the number, e.g. 812,50 */
  return g_strdup_printf (qurb_dgettext (lang, "%s DH"), number->str);
}

/* "10 535,00 DH" / "10 535,00 درهم": a comma for decimals, as both
 * languages write amounts in Morocco, thousands apart, Western digits. */
gchar *
qurb_format_amount (const gchar *lang, gint64 centimes)
{
  return format_amount (lang, centimes, THOUSANDS_SEP);
}

/* The same for an SMS: the narrow no-break space is not in GSM-7 (it
 * would turn a French message into UCS-2, twice the parts), so a plain
 * space — which the splitter never cuts between two digits. */
gchar *
qurb_format_amount_sms (const gchar *lang, gint64 centimes)
{
  return format_amount (lang, centimes, " ");
}

gchar *
qurb_compose_claim_notice (const gchar *lang, const gchar *dossier_no,
                           QurbClaimStatus status, gint64 amount_paid)
{
  const gchar *label = qurb_claim_status_label (lang, status);

  if (status == QURB_CLAIM_PAYE && amount_paid > 0)
    {
      g_autofree gchar *amount = qurb_format_amount_sms (lang, amount_paid);
      /* TRANSLATORS: SMS; %1$s dossier number, %2$s status, %3$s amount */
      return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s, %3$s."),
                              dossier_no, label, amount);
    }
  if (status == QURB_CLAIM_INCOMPLET || status == QURB_CLAIM_REJETE)
    /* TRANSLATORS: SMS; %1$s dossier number, %2$s status */
    return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s. Details at your agency or kiosk."),
                            dossier_no, label);
  /* TRANSLATORS: SMS; %1$s dossier number, %2$s status */
  return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s."), dossier_no, label);
}

/* "2027-02-03" → "03/02/2027", the order both languages read in Morocco. */
gchar *
qurb_format_date (const gchar *iso_date)
{
  gint y, m, d;

  if (!qurb_parse_date (iso_date, &y, &m, &d))
    return g_strdup (iso_date);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

/* text, then hint when the two still fit in one SMS (or text alone
 * already takes more): the member pays per part, and a hint is worth
 * less than a second part. */
static gchar *
with_hint_if_it_fits (gchar *text, const gchar *hint)
{
  g_autofree gchar *both = g_strconcat (text, " ", hint, NULL);
  QurbSegments alone, whole;

  qurb_sms_segments (text, &alone);
  qurb_sms_segments (both, &whole);
  if (whole.parts > 1 && alone.parts == 1)
    return text;
  g_free (text);
  return g_steal_pointer (&both);
}

/* text (owned), and how to cancel the booking when it still fits. */
static gchar *
with_cancel_hint (const gchar *lang, gchar *text, const gchar *booking_code)
{
  /* TRANSLATORS: SMS, after a booking confirmation when it fits in the
   * same SMS; %s the booking code; keep the cancel keyword of your language */
  g_autofree gchar *hint = g_strdup_printf (qurb_dgettext (lang, "To cancel: ANNULER %s"), booking_code);

  return with_hint_if_it_fits (text, hint);
}

/* The SMS a member on a waiting list gets when a cancellation gives
 * them the seat: the booking's code, when and where, how to cancel. */
gchar *
qurb_compose_waitlist_booking (const gchar *lang, const gchar *booking_code, const gchar *caravan_code,
                               const gchar *date, const gchar *start_time, const gchar *site)
{
  g_autofree gchar *day = qurb_format_date (date);

  /* TRANSLATORS: SMS to a member of a waiting list; %1$s booking code,
   * %2$s caravan code, %3$s date, %4$s time, %5$s place */
  return with_cancel_hint (lang, g_strdup_printf (qurb_dgettext (lang, "A seat is free for you: booking %1$s, "
                                                                        "%2$s, %3$s at %4$s, %5$s."),
                                                  booking_code, caravan_code, day, start_time, site),
                           booking_code);
}

gchar *
qurb_compose_booking_confirmation (const gchar *lang, const gchar *booking_code,
                                   const gchar *caravan_code, const gchar *date,
                                   const gchar *start_time, const gchar *site)
{
  g_autofree gchar *day = qurb_format_date (date);

  /* TRANSLATORS: SMS; %1$s booking code, %2$s caravan code, %3$s date,
   * %4$s time, %5$s place */
  return with_cancel_hint (lang, g_strdup_printf (qurb_dgettext (lang, "Booking %1$s: %2$s, %3$s at %4$s, %5$s."),
                                                  booking_code, caravan_code, day, start_time, site),
                           booking_code);
}

/* The printed ticket's words, one line each; the QR code goes below. */
gchar *
qurb_compose_ticket_text (const gchar *lang, const gchar *booking_code, const gchar *caravan_code,
                          const gchar *title, const gchar *date, const gchar *start_time,
                          const gchar *site)
{
  g_autofree gchar *day = qurb_format_date (date);
  /* TRANSLATORS: the first line of a printed ticket; %s the booking code */
  g_autofree gchar *heading = g_strdup_printf (qurb_dgettext (lang, "Caravan ticket %s"), booking_code);
  /* TRANSLATORS: printed ticket; %1$s caravan code, %2$s its title */
  g_autofree gchar *caravan = g_strdup_printf (qurb_dgettext (lang, "Caravan %1$s: %2$s"), caravan_code, title);
  /* TRANSLATORS: printed ticket; %1$s date, %2$s time */
  g_autofree gchar *when = g_strdup_printf (qurb_dgettext (lang, "%1$s at %2$s"), day, start_time);

  return g_strdup_printf ("%s\n%s\n%s\n%s\n\n%s\n", heading, caravan, when, site,
                          qurb_dgettext (lang, "Show this ticket, or say your booking code, when you arrive."));
}
