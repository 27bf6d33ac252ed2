/* qurb-caravan-pages.c — choosing a caravan: province, then caravan, then slot
 *
 * Each page reads the upcoming caravans afresh when it is entered, so the
 * seats shown are the seats left now; the booking itself is checked again
 * in its own transaction (qurb_booking_take). */
#include "config.h"

#include "qurb-kiosk-pages.h"

struct _QurbProvincesPage { QurbKioskListPage parent_instance; };
struct _QurbCaravansPage { QurbKioskListPage parent_instance; };
struct _QurbSlotsPage { QurbKioskListPage parent_instance; };

G_DEFINE_FINAL_TYPE (QurbProvincesPage, qurb_provinces_page, QURB_TYPE_KIOSK_LIST_PAGE)
G_DEFINE_FINAL_TYPE (QurbCaravansPage, qurb_caravans_page, QURB_TYPE_KIOSK_LIST_PAGE)
G_DEFINE_FINAL_TYPE (QurbSlotsPage, qurb_slots_page, QURB_TYPE_KIOSK_LIST_PAGE)

/* A button that stores its choice (province, caravan code or time) and
 * leads to the next page. */
static void
choice_clicked (GtkButton *button, QurbKioskPage *page)
{
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  const gchar *choice = g_object_get_data (G_OBJECT (button), "choice");
  const gchar *next;

  if (QURB_IS_PROVINCES_PAGE (page))
    {
      g_free (errand->province);
      errand->province = g_strdup (choice);
      next = "caravans";
    }
  else if (QURB_IS_CARAVANS_PAGE (page))
    {
      g_free (errand->caravan_code);
      errand->caravan_code = g_strdup (choice);
      next = "slots";
    }
  else
    {
      g_strlcpy (errand->slot_time, choice, sizeof errand->slot_time);
      next = "confirm";
    }
  qurb_kiosk_page_navigate (page, next, QURB_KIOSK_NAV_PUSH);
}

static GtkWidget *
choice_new (QurbKioskPage *page, const gchar *text, const gchar *choice, gboolean available)
{
  GtkWidget *button = qurb_kiosk_button_new (text, "choice");

  g_object_set_data_full (G_OBJECT (button), "choice", g_strdup (choice), g_free);
  gtk_widget_set_sensitive (button, available);
  g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked), page);
  return button;
}

static gchar *
seats_text (const gchar *lang, gint seats)
{
  if (seats <= 0)
    return g_strdup (T_("Full"));
  return g_strdup_printf (qurb_dngettext (lang, "%d seat left", "%d seats left", seats), seats);
}

/* Provinces ---------------------------------------------------------------- */

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
      qurb_kiosk_list_page_add (list, choice_new (page, text, caravan->province, TRUE));
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

static const gchar *
qurb_provinces_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("Medical caravans");
}

static void
qurb_provinces_page_class_init (QurbProvincesPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_provinces_page_enter;
  page_class->relabel = qurb_provinces_page_relabel;
  page_class->title = qurb_provinces_page_title;
  page_class->needs_member = TRUE;
}

static void
qurb_provinces_page_init (QurbProvincesPage *self)
{
  qurb_kiosk_list_page_set_grid (QURB_KIOSK_LIST_PAGE (self), TRUE);
}

/* Caravans of one province --------------------------------------------------- */

static gboolean
qurb_caravans_page_enter (QurbKioskPage *page, GError **error)
{
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error);
  guint shown = 0;

  if (caravans == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  for (guint i = 0; i < caravans->len; i++)
    {
      const QurbCaravan *caravan = caravans->pdata[i];
      g_autofree gchar *summary = NULL, *seats = NULL, *hours = NULL, *text = NULL;

      if (g_strcmp0 (caravan->province, errand->province) != 0)
        continue;
      summary = qurb_kiosk_caravan_summary (caravan, lang);
      seats = seats_text (lang, caravan->seats_left);
      hours = g_strdup_printf ("%s–%s", caravan->start_time, caravan->end_time);
      text = g_strdup_printf ("%s %s\n%s", summary, hours, seats);
      qurb_kiosk_list_page_add (list, choice_new (page, text, caravan->code, caravan->seats_left > 0));
      shown++;
    }
  qurb_kiosk_list_page_set_message (list, shown == 0 ? T_("No caravan is planned there any more.") : NULL);
  return TRUE;
}

static void
qurb_caravans_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  qurb_kiosk_list_page_set_intro (QURB_KIOSK_LIST_PAGE (page), T_("Choose a caravan."));
}

static void
qurb_caravans_page_class_init (QurbCaravansPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_caravans_page_enter;
  page_class->relabel = qurb_caravans_page_relabel;
  page_class->title = qurb_provinces_page_title;
  page_class->needs_member = TRUE;
}

static void
qurb_caravans_page_init (QurbCaravansPage *self)
{
}

/* Slots of one caravan ------------------------------------------------------- */

static gboolean
qurb_slots_page_enter (QurbKioskPage *page, GError **error)
{
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  g_autoptr(GPtrArray) caravans = qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error);
  const QurbCaravan *caravan;
  g_autofree gchar *summary = NULL;

  if (caravans == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  caravan = qurb_caravan_lookup (caravans, errand->caravan_code);
  if (caravan == NULL)
    {
      qurb_kiosk_list_page_set_message (list, T_("No caravan is planned there any more."));
      return TRUE;
    }
  summary = qurb_kiosk_caravan_summary (caravan, lang);
  qurb_kiosk_list_page_set_message (list, summary);
  for (guint i = 0; i < caravan->slots->len; i++)
    {
      const QurbCaravanSlot *slot = &g_array_index (caravan->slots, QurbCaravanSlot, i);
      g_autofree gchar *seats = slot->open ? seats_text (lang, slot->seats_left) : g_strdup (T_("Closed"));
      g_autofree gchar *text = g_strdup_printf ("%s\n%s", slot->start_time, seats);

      qurb_kiosk_list_page_add (list, choice_new (page, text, slot->start_time,
                                                  slot->open && slot->seats_left > 0));
    }
  return TRUE;
}

static void
qurb_slots_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  qurb_kiosk_list_page_set_intro (QURB_KIOSK_LIST_PAGE (page), T_("Choose a time."));
}

static void
qurb_slots_page_class_init (QurbSlotsPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_slots_page_enter;
  page_class->relabel = qurb_slots_page_relabel;
  page_class->title = qurb_provinces_page_title;
  page_class->needs_member = TRUE;
}

static void
qurb_slots_page_init (QurbSlotsPage *self)
{
  qurb_kiosk_list_page_set_grid (QURB_KIOSK_LIST_PAGE (self), TRUE);
}
