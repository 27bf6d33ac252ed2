/* qurb-agency.h — the provinces this box serves, and who serves the others
 *
 * Each agency box is fed the same national export. A box sends notices,
 * reminders and broadcasts only to members of its provinces, and books
 * only the caravans of its provinces, so that 33 boxes never text a
 * member 33 times nor sell one seat twice (docs/DESIGN.md section 6).
 * The configuration's [agency] and [agencies] sections are kept in the
 * database's settings by each program at start-up, so that every process
 * on the box — the daemon, the kiosk, qurbctl's nightly import — applies
 * the same scope. No [agency] provinces: one box serves every province. */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

typedef struct {
  gchar *code;           /* this box, e.g. "LAA-01"; NULL when not set */
  gchar *scope;          /* "\nLaâyoune\nBoujdour\n", or NULL: every province */
  GHashTable *directory; /* canonical province → agency code, of the others */
} QurbAgency;

gboolean     qurb_agency_configure  (QurbDb      *db,
                                     GKeyFile    *config,
                                     const gchar *origin,
                                     GError     **error);
gboolean     qurb_agency_configure_file (QurbDb      *db,
                                         const gchar *path,
                                         gboolean     required,
                                         GError     **error);
gboolean     qurb_agency_set        (QurbDb       *db,
                                     const gchar  *code,
                                     const gchar  *provinces,
                                     const gchar  *directory,
                                     GError      **error);
QurbAgency  *qurb_agency_load       (QurbDb  *db,
                                     GError **error);
gboolean     qurb_agency_serves     (const QurbAgency *agency,
                                     const gchar      *province);
const gchar *qurb_agency_serving    (const QurbAgency *agency,
                                     const gchar      *province);
void         qurb_agency_free       (QurbAgency *agency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbAgency, qurb_agency_free)

/* SQL: whether a members.province (free text) is in ?N, a QurbAgency's
 * scope (NULL: every province). */
#define QURB_AGENCY_SERVES_SQL(param, column) \
  "(" param " IS NULL OR instr(" param ", char(10) || qurb_province(" column ") || char(10)) > 0)"

G_END_DECLS
