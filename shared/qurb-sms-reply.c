/* qurb-sms-reply.c — doing what a member's SMS asks, and saying so
 *
 * Each intent does its work on the database and answers in the member's
 * language, as briefly as an SMS should be. A dossier that is not the
 * member's gets the very answer a dossier that does not exist gets. No
 * diagnosis or medical detail ever: a dossier is its number and status. */
#include "config.h"

#include <string.h>

#include "qurb-agency.h"
#include "qurb-booking.h"
#include "qurb-caravans.h"
#include "qurb-claims.h"
#include "qurb-clock.h"
#include "qurb-i18n.h"
#include "qurb-provinces.h"
#include "qurb-ratings.h"
#include "qurb-sms-bookings.h"
#include "qurb-sms-reply.h"
#include "qurb-texts.h"
#include "qurb-waitlist.h"

#define LIST_MAX QURB_SMS_LIST_MAX

/* The item separator of a list in an SMS. */
const gchar *
qurb_sms_list_separator (const gchar *lang)
{
  /* TRANSLATORS: separates items of a list in an SMS */
  return qurb_dgettext (lang, "; ");
}

/* "03/02" for a date this year in an SMS, to save characters. */
gchar *
qurb_sms_short_date (const gchar *iso)
{
  gint y, m, d;

  if (!qurb_parse_date (iso, &y, &m, &d))
    return g_strdup (iso);
  return g_strdup_printf ("%02d/%02d", d, m);
}

static gchar *
describe_claim (const gchar *lang, const QurbClaim *claim)
{
  const gchar *status = qurb_claim_status_label (lang, claim->status);
  g_autofree gchar *date = qurb_format_date (claim->status_date);

  if (claim->status == QURB_CLAIM_PAYE && claim->amount_paid > 0)
    {
      g_autofree gchar *amount = qurb_format_amount_sms (lang, claim->amount_paid);
      /* TRANSLATORS: SMS; %1$s dossier, %2$s status, %3$s date, %4$s amount */
      return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s on %3$s, %4$s."),
                              claim->dossier_no, status, date, amount);
    }
  if (claim->status == QURB_CLAIM_INCOMPLET || claim->status == QURB_CLAIM_REJETE)
    /* TRANSLATORS: SMS; %1$s dossier, %2$s status, %3$s date */
    return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s since %3$s. Details at your agency or kiosk."),
                            claim->dossier_no, status, date);
  /* TRANSLATORS: SMS; %1$s dossier, %2$s status, %3$s date */
  return g_strdup_printf (qurb_dgettext (lang, "Dossier %1$s: %2$s since %3$s."),
                          claim->dossier_no, status, date);
}

static gchar *
answer_status (QurbDb *db, QurbMember *member, const QurbSmsCommand *command, const gchar *lang,
               GError **error)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GString) list = NULL;

  if (command->dossier[0] != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(QurbClaim) claim = qurb_claim_find (db, command->dossier, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Someone else's dossier is a dossier that does not exist. */
      if (claim == NULL || claim->member_id != member->id)
        /* TRANSLATORS: SMS; %s a dossier number */
        return g_strdup_printf (qurb_dgettext (lang, "No dossier %s for this phone number."),
                                command->dossier);
      return describe_claim (lang, claim);
    }

  claims = qurb_claims_for_member (db, member->id, LIST_MAX, error);
  if (claims == NULL)
    return NULL;
  if (claims->len == 0)
    return g_strdup (qurb_dgettext (lang, "No dossier on file for this phone number."));
  list = g_string_new (NULL);
  for (guint i = 0; i < claims->len; i++)
    {
      QurbClaim *claim = claims->pdata[i];
      g_string_append_printf (list, "%s%s %s", i ? qurb_sms_list_separator (lang) : "", claim->dossier_no,
                              qurb_claim_status_label (lang, claim->status));
    }
  /* TRANSLATORS: SMS; %s a list of dossiers with their status */
  return g_strdup_printf (qurb_dgettext (lang, "Your latest dossiers: %s."), list->str);
}

/* Caravans (list) of a province another agency serves, and which. */
gchar *
qurb_sms_elsewhere_answer (const QurbAgency *agency, const gchar *province, const gchar *list, const gchar *lang)
{
  const gchar *other = qurb_agency_serving (agency, province);
  const gchar *place = province;

  if (g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (province) != NULL)
    place = qurb_province_arabic (province);
  if (other != NULL)
    /* TRANSLATORS: SMS; %1$s a list of caravans, %2$s an agency's code */
    return g_strdup_printf (qurb_dgettext (lang, "%1$s: booked at agency %2$s."), list, other);
  /* TRANSLATORS: SMS; %1$s a list of caravans, %2$s a province */
  return g_strdup_printf (qurb_dgettext (lang, "%1$s: booked at the agency of %2$s."), list, place);
}

/* The caravans with free seats of the province named (else of this
 * box's), of specialty when not NULL, into list: how many. */
static guint
list_caravans (GString *list, GPtrArray *caravans, const QurbAgency *agency, const QurbSmsCommand *command,
               const gchar *specialty, const gchar *lang, const gchar **first_code)
{
  guint shown = 0;

  for (guint i = 0; i < caravans->len && shown < LIST_MAX; i++)
    {
      QurbCaravan *c = caravans->pdata[i];
      g_autofree gchar *date = NULL, *item = NULL;
      const gchar *province = c->province;

      if (c->seats_left <= 0 ||
          (command->province != NULL && !qurb_province_same (c->province, command->province)) ||
          (command->province == NULL && !qurb_agency_serves (agency, c->province)) ||
          (specialty != NULL && g_ascii_strcasecmp (c->specialty, specialty) != 0))
        continue;
      if (g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (c->province) != NULL)
        province = qurb_province_arabic (c->province);
      date = qurb_sms_short_date (c->date);
      /* TRANSLATORS: SMS; %1$s caravan code, %2$s date, %3$s province, %4$d seats */
      item = g_strdup_printf (qurb_dngettext (lang, "%1$s %2$s %3$s, %4$d seat",
                                              "%1$s %2$s %3$s, %4$d seats", c->seats_left),
                              c->code, date, province, c->seats_left);
      g_string_append_printf (list, "%s%s", shown++ ? qurb_sms_list_separator (lang) : "", item);
      if (*first_code == NULL)
        *first_code = c->code;
    }
  return shown;
}

static gchar *
answer_caravans (QurbDb *db, const QurbSmsCommand *command, const gchar *lang, GError **error)
{
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (db, error);
  g_autoptr(QurbAgency) agency = caravans ? qurb_agency_load (db, error) : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  const gchar *place = command->province, *first_code = NULL;
  gchar *offer;
  gboolean elsewhere;
  guint shown = 0;

  if (agency == NULL)
    return NULL;
  /* Another agency's province: its caravans, and where they are booked;
   * with no province named, this box's own. */
  elsewhere = place != NULL && !qurb_agency_serves (agency, place);
  if (place != NULL && g_strcmp0 (lang, "ar") == 0 && qurb_province_arabic (place) != NULL)
    place = qurb_province_arabic (place);

  /* The specialty named first, so that the example is one of it; when
   * it has none, every caravan. */
  if (command->specialty != NULL)
    shown = list_caravans (list, caravans, agency, command, command->specialty, lang, &first_code);
  if (shown == 0)
    shown = list_caravans (list, caravans, agency, command, NULL, lang, &first_code);
  if (shown == 0 && (offer = qurb_sms_full_caravan_offer (caravans, command->province, command->specialty, lang)))
    return offer;
  if (shown == 0 && place != NULL)
    /* TRANSLATORS: SMS; %s a province */
    return g_strdup_printf (qurb_dgettext (lang, "No caravan with free seats is planned in %s."), place);
  if (shown == 0)
    return g_strdup (qurb_dgettext (lang, "No caravan with free seats is planned for now."));
  if (elsewhere)
    return qurb_sms_elsewhere_answer (agency, command->province, list->str, lang);
  /* TRANSLATORS: SMS; %1$s a list of caravans, %2$s the code of the first;
   * keep the book keyword of your language */
  return g_strdup_printf (qurb_dgettext (lang, "Caravans: %1$s. To book: RESERVER %2$s"), list->str, first_code);
}

/* STOP and START: claim and booking messages go whatever this says. */
static gboolean
set_broadcasts (QurbDb *db, gint64 member_id, gboolean wanted, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, "UPDATE members SET broadcasts = ? WHERE id = ?", error);

  return stmt != NULL && qurb_db_bind (db, stmt, error, "iI", (gint) wanted, member_id) &&
         qurb_db_step_done (db, stmt, error);
}

/* A language the member chose outlives the next members import. */
static gboolean
set_language (QurbDb *db, gint64 member_id, const gchar *lang, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      "UPDATE members SET lang = ?, lang_chosen = 1 WHERE id = ?", error);

  return stmt != NULL && qurb_db_bind (db, stmt, error, "tI", lang, member_id) &&
         qurb_db_step_done (db, stmt, error);
}

gchar *
qurb_sms_answer (QurbDb *db, QurbMember *member, const QurbSmsCommand *command,
                 const gchar *lang, GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (command->intent)
    {
    case QURB_INTENT_STATUS:
      return answer_status (db, member, command, lang, error);
    case QURB_INTENT_CARAVANS:
      return answer_caravans (db, command, lang, error);
    case QURB_INTENT_BOOK:
      return qurb_sms_answer_book (db, member, command, lang, error);
    case QURB_INTENT_CANCEL:
      return qurb_sms_answer_cancel (db, member, command, lang, error);
    case QURB_INTENT_MY_BOOKINGS:
      return qurb_sms_answer_my_bookings (db, member, lang, error);
    case QURB_INTENT_STOP:
      if (!set_broadcasts (db, member->id, FALSE, error))
        return NULL;
      return g_strdup (qurb_dgettext (lang, "You will no longer receive our announcements. Dossier and booking messages still come. To receive announcements again: START"));
    case QURB_INTENT_START:
      if (!set_broadcasts (db, member->id, TRUE, error))
        return NULL;
      return g_strdup (qurb_dgettext (lang, "You will receive our announcements again. To stop them: STOP"));
    case QURB_INTENT_LANGUAGE:
      if (!set_language (db, member->id, command->lang, error))
        return NULL;
      /* The answer comes in the language just chosen. */
      return g_strdup (qurb_dgettext (lang, "From now on our messages will be in this language."));
    case QURB_INTENT_RATE:
      {
        gboolean recorded = FALSE;

        if (!qurb_rating_record (db, member->id, command->rating, &recorded, error))
          return NULL;
        /* One short part: an answer tells the member the mark arrived, so
         * that nobody pays to send it twice. */
        return g_strdup (qurb_dgettext (lang, "Thank you for your rating."));
      }
    case QURB_INTENT_HELP:
      return g_strdup (qurb_dgettext (lang, "Commands: ETAT [dossier], CARAVANE [province], RESERVER code [time], ANNULER code, RDV, STOP, ARABE"));
    case QURB_INTENT_UNKNOWN:
    default:
      /* The short help: the commands most asked, and how to get them all. */
      return g_strdup (qurb_dgettext (lang, "Message not understood. Send ETAT, CARAVANE, RDV, or AIDE for all the commands."));
    }
}

gchar *
qurb_sms_registration_hint (const gchar *lang)
{
  return g_strdup (qurb_dgettext (lang, "This number is not registered with the mutual. Register it at your agency or at a kiosk."));
}

/* A long message of which only some parts came, and those not understood. */
gchar *
qurb_sms_send_again (const gchar *lang)
{
  return g_strdup (qurb_dgettext (lang, "Only part of your message reached us. Please send it again."));
}
