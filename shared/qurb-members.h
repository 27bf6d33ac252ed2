/* qurb-members.h — members, found by member number or registered phone */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  gchar *member_no;
  gchar *cin;
  gchar *last_name, *first_name, *last_name_ar, *first_name_ar;
  gchar *phone;      /* NULL when none is registered */
  gchar *lang;
  gchar *province;
  gboolean broadcasts;
} QurbMember;

QurbMember *qurb_member_find_by_no    (QurbDb       *db,
                                       const gchar  *member_no,
                                       GError      **error);
QurbMember *qurb_member_find_by_phone (QurbDb       *db,
                                       const gchar  *phone,
                                       GError      **error);
void        qurb_member_free          (QurbMember *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbMember, qurb_member_free)

G_END_DECLS
