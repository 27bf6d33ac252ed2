/* qurb-claims.c — a member's claim files and the timeline of their statuses */
#include "config.h"

#include <string.h>

#include "qurb-claims.h"
#include "qurb-clock.h"
#include "qurb-records.h"

#define CLAIM_COLUMNS \
  "SELECT dossier_no, member_id, kind, deposited_on, status, status_date, amount_claimed," \
  "       amount_paid, reason, past_statuses FROM claims"

static QurbClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  QurbClaim *claim = g_new0 (QurbClaim, 1);

  claim->dossier_no = qurb_db_column_dup (stmt, 0);
  claim->member_id = sqlite3_column_int64 (stmt, 1);
  claim->kind = qurb_db_column_dup (stmt, 2);
  claim->deposited_on = qurb_db_column_dup (stmt, 3);
  if (!qurb_claim_status_parse ((const gchar *) sqlite3_column_text (stmt, 4), &claim->status))
    claim->status = QURB_CLAIM_RECU;
  claim->status_date = qurb_db_column_dup (stmt, 5);
  claim->amount_claimed = sqlite3_column_int64 (stmt, 6);
  claim->amount_paid = sqlite3_column_int64 (stmt, 7);
  claim->reason = qurb_db_column_dup (stmt, 8);
  claim->past_statuses = qurb_db_column_dup (stmt, 9);
  return claim;
}

/* NULL with no error when there is no such dossier. */
QurbClaim *
qurb_claim_find (QurbDb *db, const gchar *dossier_no, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, CLAIM_COLUMNS " WHERE dossier_no = ?", error);
  QurbClaim *claim = NULL;
  gint step;

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", dossier_no) ||
      (step = qurb_db_step_row (db, stmt, error)) < 0)
    return NULL;
  if (step > 0)
    claim = claim_from_row (stmt);
  sqlite3_reset (stmt);
  return claim;
}

/* Newest deposit first; limit 0 means all. */
GPtrArray *
qurb_claims_for_member (QurbDb *db, gint64 member_id, guint limit, GError **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) qurb_claim_free);
  sqlite3_stmt *stmt = qurb_db_statement (db,
      CLAIM_COLUMNS " WHERE member_id = ? ORDER BY deposited_on DESC, dossier_no DESC LIMIT ?", error);
  gint step;

  if (stmt == NULL ||
      !qurb_db_bind (db, stmt, error, "II", member_id, limit > 0 ? (gint64) limit : (gint64) -1))
    return NULL;
  while ((step = qurb_db_step_row (db, stmt, error)) > 0)
    g_ptr_array_add (claims, claim_from_row (stmt));
  sqlite3_reset (stmt);
  return step == 0 ? g_steal_pointer (&claims) : NULL;
}

void
qurb_claim_free (QurbClaim *claim)
{
  if (claim == NULL)
    return;
  g_free (claim->dossier_no);
  g_free (claim->kind);
  g_free (claim->deposited_on);
  g_free (claim->status_date);
  g_free (claim->reason);
  g_free (claim->past_statuses);
  g_free (claim);
}

/* Pure: the statuses a claim went through, oldest first, ending with the
 * current one. Lines that do not parse are skipped, not guessed at. */
GArray *
qurb_claim_timeline (const gchar *past_statuses, QurbClaimStatus status, const gchar *status_date)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (QurbClaimStep));
  g_auto(GStrv) lines = g_strsplit (past_statuses ? past_statuses : "", "\n", -1);
  QurbClaimStep current = { status };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const gchar *space = strchr (lines[i], ' ');
      g_autofree gchar *code = NULL;
      QurbClaimStep step = { 0 };
      gint y, m, d;

      if (space == NULL || !qurb_parse_date (space + 1, &y, &m, &d))
        continue;
      code = g_strndup (lines[i], space - lines[i]);
      if (!qurb_claim_status_parse (code, &step.status))
        continue;
      g_strlcpy (step.date, space + 1, sizeof step.date);
      g_array_append_val (steps, step);
    }
  g_strlcpy (current.date, status_date ? status_date : "", sizeof current.date);
  g_array_append_val (steps, current);
  return steps;
}

/* The statuses a claim is still expected to go through, in order: a
 * file received is processed, sent to the managing body, then paid; one
 * waiting for documents goes on from processing once they come. A paid
 * or rejected file expects nothing more. Returns how many (at most 3). */
guint
qurb_claim_expected_steps (QurbClaimStatus status, QurbClaimStatus next[3])
{
  static const QurbClaimStatus path[] = { QURB_CLAIM_RECU, QURB_CLAIM_EN_COURS, QURB_CLAIM_TRANSMIS,
                                          QURB_CLAIM_PAYE };
  guint from, n = 0;

  switch (status)
    {
    case QURB_CLAIM_RECU: from = 1; break;
    case QURB_CLAIM_EN_COURS: from = 2; break;
    case QURB_CLAIM_TRANSMIS: from = 3; break;
    case QURB_CLAIM_INCOMPLET: from = 1; break;
    default: return 0;
    }
  for (guint i = from; i < G_N_ELEMENTS (path); i++)
    next[n++] = path[i];
  return n;
}
