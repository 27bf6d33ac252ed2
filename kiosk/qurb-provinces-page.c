/* qurb-provinces-page.c — booking a caravan, first step: the province
 *
 * The provinces this box serves come first. A province with one caravan
 * leads straight to its times (or to its waiting list when it is full):
 * one touch fewer. The others follow, each with the agency that books its
 * caravans (docs/DESIGN.md section 6): they lead to the list of their
 * caravans, to be seen, not booked here. */
#include "config.h"

#include "qurb-agency.h"
#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"

struct _QurbProvincesPage { QurbKioskListPage parent_instance; };

G_DEFINE_FINAL_TYPE (QurbProvincesPage, qurb_provinces_page, QURB_TYPE_KIOSK_LIST_PAGE)

typedef struct {
  const QurbCaravan *first;
  guint caravans;
  gint seats;
} ProvinceTally;

/* A province chosen: its caravans next, or its only caravan's times. */
static void
province_clicked (GtkButton *button, QurbKioskPage *page)
{
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  const gchar *only = g_object_get_data (G_OBJECT (button), "only-caravan");

  g_free (errand->province);
  errand->province = g_strdup (qurb_kiosk_booking_choice_get (button));
  if (only == NULL)
    {
      qurb_kiosk_page_navigate (page, "caravans", QURB_KIOSK_NAV_PUSH);
      return;
    }
  g_free (errand->caravan_code);
  errand->caravan_code = g_strdup (only);
  qurb_kiosk_page_navigate (page, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "full")) ? "waitlist"
                                                                                                    : "slots",
                            QURB_KIOSK_NAV_PUSH);
}

static void
add_province (QurbKioskPage *page, const QurbAgency *agency, const gchar *province, const ProvinceTally *tally)
{
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  gboolean here = qurb_agency_serves (agency, province);
  g_autofree gchar *seats = !here ? qurb_kiosk_booking_elsewhere_text (agency, province, lang)
                          : tally->seats > 0 ? qurb_kiosk_booking_seats_text (lang, tally->seats)
                          : g_strdup (T_("Full: waiting list"));
  g_autofree gchar *count = g_strdup_printf (qurb_dngettext (lang, "%s\n%u caravan", "%s\n%u caravans",
                                                             tally->caravans),
                                             qurb_kiosk_province_name (lang, province), tally->caravans);
  g_autofree gchar *text = g_strdup_printf ("%s\n%s", count, seats);
  GtkWidget *choice = qurb_kiosk_booking_choice_new (page, text, province, TRUE, G_CALLBACK (province_clicked));

  if (!here)
    gtk_widget_add_css_class (choice, "elsewhere");
  else if (tally->caravans == 1)
    {
      g_object_set_data_full (G_OBJECT (choice), "only-caravan", g_strdup (tally->first->code), g_free);
      g_object_set_data (G_OBJECT (choice), "full", GINT_TO_POINTER (tally->seats <= 0));
    }
  if (here && tally->seats <= 0)
    gtk_widget_add_css_class (choice, "waitlist");
  qurb_kiosk_list_page_add (QURB_KIOSK_LIST_PAGE (page), choice);
}

static gboolean
qurb_provinces_page_enter (QurbKioskPage *page, GError **error)
{
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(QurbAgency) agency = qurb_agency_load (qurb_kiosk_page_get_db (page), error);
  g_autoptr(GPtrArray) caravans = agency ? qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error) : NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  if (caravans == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  for (guint i = 0; i < caravans->len; i++)
    {
      const QurbCaravan *caravan = caravans->pdata[i];
      ProvinceTally *tally = g_hash_table_lookup (tallies, caravan->province);

      if (tally == NULL)
        {
          tally = g_new0 (ProvinceTally, 1);
          tally->first = caravan;
          g_hash_table_insert (tallies, caravan->province, tally);
          g_ptr_array_add (order, caravan->province);
        }
      tally->caravans++;
      tally->seats += MAX (caravan->seats_left, 0);
    }
  /* Served provinces first, then the others, each in date order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < order->len; i++)
      if (qurb_agency_serves (agency, order->pdata[i]) == (pass == 0))
        add_province (page, agency, order->pdata[i], g_hash_table_lookup (tallies, order->pdata[i]));
  qurb_kiosk_list_page_set_message (list, caravans->len == 0
                                    ? T_("No caravan is planned for now. The announcements on the home screen will tell you of the next ones.")
                                    : NULL);
  if (caravans->len == 0)
    qurb_kiosk_list_page_set_action (list, T_("Back to my home screen"), "qurb-home-symbolic",
                                     QURB_KIOSK_SCREEN_HOME);
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
}

static void
qurb_provinces_page_init (QurbProvincesPage *self)
{
  qurb_kiosk_list_page_set_grid (QURB_KIOSK_LIST_PAGE (self), TRUE);
}
