/* qurb-provinces-page.c — booking a caravan, first step: the province */
#include "config.h"

#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"

struct _QurbProvincesPage { QurbKioskListPage parent_instance; };

G_DEFINE_FINAL_TYPE (QurbProvincesPage, qurb_provinces_page, QURB_TYPE_KIOSK_LIST_PAGE)

/* A province chosen: its caravans next. */
static void
province_clicked (GtkButton *button, QurbKioskPage *page)
{
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));

  g_free (errand->province);
  errand->province = g_strdup (qurb_kiosk_booking_choice_get (button));
  qurb_kiosk_page_navigate (page, "caravans", QURB_KIOSK_NAV_PUSH);
}

static gboolean
qurb_provinces_page_enter (QurbKioskPage *page, GError **error)
{
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error);
  g_autoptr(GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);

  if (caravans == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  for (guint i = 0; i < caravans->len; i++)
    {
      const QurbCaravan *caravan = caravans->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counted, caravan->province));

      g_hash_table_insert (counted, caravan->province, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < caravans->len; i++)
    {
      const QurbCaravan *caravan = caravans->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counted, caravan->province));
      g_autofree gchar *text = NULL;

      if (n == 0)
        continue;  /* shown already */
      text = g_strdup_printf (qurb_dngettext (lang, "%s\n%u caravan", "%s\n%u caravans", n),
                              qurb_kiosk_province_name (lang, caravan->province), n);
      qurb_kiosk_list_page_add (list, qurb_kiosk_booking_choice_new (page, text, caravan->province, TRUE,
                                                                     G_CALLBACK (province_clicked)));
      g_hash_table_insert (counted, caravan->province, GUINT_TO_POINTER (0));
    }
  qurb_kiosk_list_page_set_message (list, caravans->len == 0 ? T_("No caravan is planned for now.") : NULL);
  return TRUE;
}

static void
qurb_provinces_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  qurb_kiosk_list_page_set_intro (QURB_KIOSK_LIST_PAGE (page), T_("Where would you like to be seen?"));
}

static void
qurb_provinces_page_class_init (QurbProvincesPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_provinces_page_enter;
  page_class->relabel = qurb_provinces_page_relabel;
  page_class->title = qurb_kiosk_booking_title;
  page_class->needs_member = TRUE;
}

static void
qurb_provinces_page_init (QurbProvincesPage *self)
{
  qurb_kiosk_list_page_set_grid (QURB_KIOSK_LIST_PAGE (self), TRUE);
}
