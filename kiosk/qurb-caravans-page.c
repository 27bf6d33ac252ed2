/* qurb-caravans-page.c — booking a caravan, second step: a caravan of the province
 *
 * A province this box does not serve shows its caravans all the same,
 * greyed, with the agency that books them. */
#include "config.h"

#include "qurb-agency.h"
#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"

struct _QurbCaravansPage { QurbKioskListPage parent_instance; };

G_DEFINE_FINAL_TYPE (QurbCaravansPage, qurb_caravans_page, QURB_TYPE_KIOSK_LIST_PAGE)

/* A caravan chosen: its slots next, or its waiting list when full. */
static void
caravan_clicked (GtkButton *button, QurbKioskPage *page)
{
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));

  g_free (errand->caravan_code);
  errand->caravan_code = g_strdup (qurb_kiosk_booking_choice_get (button));
  qurb_kiosk_page_navigate (page, gtk_widget_has_css_class (GTK_WIDGET (button), "waitlist") ? "waitlist" : "slots",
                            QURB_KIOSK_NAV_PUSH);
}

static gboolean
qurb_caravans_page_enter (QurbKioskPage *page, GError **error)
{
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));
  g_autoptr(QurbAgency) agency = qurb_agency_load (qurb_kiosk_page_get_db (page), error);
  g_autoptr(GPtrArray) caravans = agency ? qurb_caravans_upcoming (qurb_kiosk_page_get_db (page), error) : NULL;
  gboolean here = agency && qurb_agency_serves (agency, errand->province);
  guint shown = 0;

  if (caravans == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  for (guint i = 0; i < caravans->len; i++)
    {
      const QurbCaravan *caravan = caravans->pdata[i];
      g_autofree gchar *summary = NULL, *seats = NULL, *hours = NULL, *text = NULL;
      GtkWidget *choice;

      if (g_strcmp0 (caravan->province, errand->province) != 0)
        continue;
      summary = qurb_kiosk_caravan_summary (caravan, lang);
      seats = !here ? qurb_kiosk_booking_elsewhere_text (agency, caravan->province, lang)
            : caravan->seats_left > 0 ? qurb_kiosk_booking_seats_text (lang, caravan->seats_left)
            : g_strdup (T_("Full: join the waiting list"));
      {
        g_autofree gchar *span = g_strdup_printf ("%s–%s", caravan->start_time, caravan->end_time);

        /* 09:00–13:00 reads left to right in Arabic too. */
        hours = qurb_kiosk_ltr (lang, span);
      }
      text = g_strdup_printf ("%s %s\n%s", summary, hours, seats);
      choice = qurb_kiosk_booking_choice_new (page, text, caravan->code, here, G_CALLBACK (caravan_clicked));
      /* Full, it still leads somewhere: to its waiting list. */
      if (here && caravan->seats_left <= 0)
        gtk_widget_add_css_class (choice, "waitlist");
      /* Booked elsewhere: dashed like its province on the screen before. */
      if (!here)
        gtk_widget_add_css_class (choice, "elsewhere");
      qurb_kiosk_list_page_add (list, choice);
      shown++;
    }
  if (shown > 0 && !here)
    {
      g_autofree gchar *where = qurb_kiosk_booking_elsewhere_text (agency, errand->province, lang);
      /* TRANSLATORS: kiosk; %s "Booked at agency GLM-01" (or at another agency) */
      g_autofree gchar *advice = g_strdup_printf (T_("%s: please go to its desk."), where);

      qurb_kiosk_list_page_set_message (list, advice);
      qurb_kiosk_list_page_set_action (list, T_("Choose another place"), "qurb-back-symbolic", QURB_KIOSK_SCREEN_BACK);
      return TRUE;
    }
  qurb_kiosk_list_page_set_message (list, shown == 0 ? T_("No caravan is planned there any more.") : NULL);
  if (shown == 0)
    qurb_kiosk_list_page_set_action (list, T_("Choose another place"), "qurb-back-symbolic", QURB_KIOSK_SCREEN_BACK);
  qurb_kiosk_page_speak_choices (page, QURB_SPEECH_CARAVANS);
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
  page_class->title = qurb_kiosk_booking_title;
}

static void
qurb_caravans_page_init (QurbCaravansPage *self)
{
}
