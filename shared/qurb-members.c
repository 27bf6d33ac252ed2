/* qurb-members.c — members, found by member number or registered phone */
#include "config.h"

#include "qurb-members.h"

#define MEMBER_COLUMNS \
  "SELECT id, member_no, cin, last_name, first_name, last_name_ar, first_name_ar," \
  "       phone, lang, province, broadcasts FROM members"

static QurbMember *
member_from_statement (QurbDb *db, sqlite3_stmt *stmt, GError **error)
{
  QurbMember *member;
  gint step = qurb_db_step_row (db, stmt, error);

  if (step <= 0)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  member = g_new0 (QurbMember, 1);
  member->id = sqlite3_column_int64 (stmt, 0);
  member->member_no = qurb_db_column_dup (stmt, 1);
  member->cin = qurb_db_column_dup (stmt, 2);
  member->last_name = qurb_db_column_dup (stmt, 3);
  member->first_name = qurb_db_column_dup (stmt, 4);
  member->last_name_ar = qurb_db_column_dup (stmt, 5);
  member->first_name_ar = qurb_db_column_dup (stmt, 6);
  member->phone = qurb_db_column_dup (stmt, 7);
  member->lang = qurb_db_column_dup (stmt, 8);
  member->province = qurb_db_column_dup (stmt, 9);
  member->broadcasts = sqlite3_column_int (stmt, 10);
  sqlite3_reset (stmt);
  return member;
}

/* NULL with no error when there is no such member. */
QurbMember *
qurb_member_find_by_no (QurbDb *db, const gchar *member_no, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db, MEMBER_COLUMNS " WHERE member_no = ?", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", member_no))
    return NULL;
  return member_from_statement (db, stmt, error);
}

/* The member whose registered phone this is; when a family shares one
 * phone, the earliest registered. NULL with no error when none. */
QurbMember *
qurb_member_find_by_phone (QurbDb *db, const gchar *phone, GError **error)
{
  sqlite3_stmt *stmt = qurb_db_statement (db,
      MEMBER_COLUMNS " WHERE phone = ? ORDER BY id LIMIT 1", error);

  if (stmt == NULL || !qurb_db_bind (db, stmt, error, "t", phone))
    return NULL;
  return member_from_statement (db, stmt, error);
}

void
qurb_member_free (QurbMember *member)
{
  if (member == NULL)
    return;
  g_free (member->member_no);
  g_free (member->cin);
  g_free (member->last_name);
  g_free (member->first_name);
  g_free (member->last_name_ar);
  g_free (member->first_name_ar);
  g_free (member->phone);
  g_free (member->lang);
  g_free (member->province);
  g_free (member);
}
