/* qurb-announcements.h — open-day announcements: the kiosk banner and broadcasts */
#pragma once

#include "qurb-db.h"

G_BEGIN_DECLS

/* A banner with no end date is shown this many days after it is sent. */
#define QURB_BANNER_DEFAULT_DAYS 14

typedef struct {
  gint64 id;
  gchar *title_fr, *title_ar;
  gchar *text_fr, *text_ar;
  gchar *audience;
  gchar *send_at;
  gchar *banner_until;   /* NULL: QURB_BANNER_DEFAULT_DAYS after send_at */
  gchar *state;
  gchar *queued_at;      /* NULL until queued */
  gint64 recipients;     /* -1 until queued */
} QurbAnnouncement;

typedef struct {
  const gchar *title_fr, *title_ar;
  const gchar *text_fr, *text_ar;
  const gchar *audience;       /* "all", "province:A,B", "caravan:CODE" */
  const gchar *send_at;        /* ISO date-time; NULL: now */
  const gchar *banner_until;   /* ISO date or date-time, or NULL */
  const gchar *created_by;
} QurbAnnouncementDraft;

const gchar *qurb_announcement_title (const QurbAnnouncement *announcement,
                                      const gchar            *lang);
const gchar *qurb_announcement_text  (const QurbAnnouncement *announcement,
                                      const gchar            *lang);
GPtrArray   *qurb_announcements_on_banner (QurbDb             *db,
                                           const gchar *const *provinces,
                                           GError            **error);
GPtrArray   *qurb_announcements_all  (QurbDb  *db,
                                      guint    limit,
                                      GError **error);
QurbAnnouncement *qurb_announcement_find (QurbDb  *db,
                                          gint64   id,
                                          GError **error);
gboolean     qurb_announcement_create (QurbDb                      *db,
                                    const QurbAnnouncementDraft *draft,
                                    gint64                      *id,
                                    GError                     **error);
void         qurb_announcement_free  (QurbAnnouncement *announcement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QurbAnnouncement, qurb_announcement_free)

G_END_DECLS
