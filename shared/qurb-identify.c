/* qurb-identify.c — a member proves who they are at the kiosk */
#include "config.h"

#include <string.h>

#include "qurb-identify.h"

/* "ab 123456" → "AB123456": what a CIN is, whatever was typed. */
gchar *
qurb_cin_normalize (const gchar *cin)
{
  GString *out = g_string_new (NULL);

  for (const gchar *p = cin ? cin : ""; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

/* The lockout subject of a kiosk: its agency code ([agency] code), or
 * "kiosk" on a box that has none. */
gchar *
qurb_kiosk_subject (const gchar *kiosk)
{
  return g_strconcat ("kiosk:", kiosk && *kiosk ? kiosk : "kiosk", NULL);
}

typedef struct {
  const gchar *kiosk;
  const gchar *member_no;
  const gchar *cin;
  QurbIdentifyResult *result;
} IdentifyJob;

static gboolean
identify_in_transaction (QurbDb *db, gpointer user_data, GError **error)
{
  IdentifyJob *job = user_data;
  QurbIdentifyResult *result = job->result;
  g_autofree gchar *member_subject = g_strconcat ("member:", job->member_no, NULL);
  g_autofree gchar *kiosk_subject = qurb_kiosk_subject (job->kiosk);
  g_autoptr(QurbMember) member = NULL;
  g_autofree gchar *typed = NULL, *registered = NULL;
  gboolean match;

  /* A kiosk that must wait, or a locked number: the try does not count
   * and nothing is looked up. */
  if (!qurb_lockout_check (db, kiosk_subject, &qurb_lockout_kiosk, &result->kiosk, error) ||
      !qurb_lockout_check (db, member_subject, &qurb_lockout_member, &result->member, error))
    return FALSE;
  if (result->kiosk.locked || result->member.locked)
    {
      result->outcome = result->member.locked ? QURB_IDENTIFY_LOCKED : QURB_IDENTIFY_SLOWED;
      return TRUE;
    }

  member = qurb_member_find_by_no (db, job->member_no, error);
  if (member == NULL && error != NULL && *error != NULL)
    return FALSE;
  typed = qurb_cin_normalize (job->cin);
  registered = qurb_cin_normalize (member ? member->cin : NULL);
  match = member != NULL && *typed != '\0' && strcmp (typed, registered) == 0;

  if (!qurb_lockout_record (db, kiosk_subject, &qurb_lockout_kiosk, match, &result->kiosk, error) ||
      !qurb_lockout_record (db, member_subject, &qurb_lockout_member, match, &result->member, error))
    return FALSE;
  if (match)
    {
      result->outcome = QURB_IDENTIFY_OK;
      result->member_found = g_steal_pointer (&member);
    }
  else
    result->outcome = result->member.locked ? QURB_IDENTIFY_LOCKED : QURB_IDENTIFY_WRONG;
  return TRUE;
}

gboolean
qurb_member_identify (QurbDb *db, const gchar *kiosk, const gchar *member_no, const gchar *cin,
                      QurbIdentifyResult *result, GError **error)
{
  g_autofree gchar *number = g_strstrip (g_strdup (member_no ? member_no : ""));
  IdentifyJob job = { kiosk, number, cin, result };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!qurb_db_transact (db, identify_in_transaction, &job, error))
    {
      g_clear_pointer (&result->member_found, qurb_member_free);
      return FALSE;
    }
  return TRUE;
}
