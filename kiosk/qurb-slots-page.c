/* qurb-slots-page.c — booking a caravan, third step: a time in the caravan */
#include "config.h"

#include "qurb-kiosk-booking.h"
#include "qurb-kiosk-pages.h"

struct _QurbSlotsPage { QurbKioskListPage parent_instance; };

G_DEFINE_FINAL_TYPE (QurbSlotsPage, qurb_slots_page, QURB_TYPE_KIOSK_LIST_PAGE)

/* A time chosen: confirming it next. */
static void
slot_clicked (GtkButton *button, QurbKioskPage *page)
{
  QurbKioskErrand *errand = qurb_kiosk_session_get_errand (qurb_kiosk_page_get_session (page));

  g_strlcpy (errand->slot_time, qurb_kiosk_booking_choice_get (button), sizeof errand->slot_time);
  qurb_kiosk_page_navigate (page, "confirm", QURB_KIOSK_NAV_PUSH);
}

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
      qurb_kiosk_list_page_set_action (list, T_("Choose another place"), "qurb-back-symbolic",
                                       QURB_KIOSK_SCREEN_BACK);
      return TRUE;
    }
  summary = qurb_kiosk_caravan_summary (caravan, lang);
  qurb_kiosk_list_page_set_message (list, summary);
  if (caravan->seats_left <= 0)
    qurb_kiosk_list_page_set_action (list, T_("Every time is taken: join the waiting list"),
                                     "qurb-waitlist-symbolic", "waitlist");
  for (guint i = 0; i < caravan->slots->len; i++)
    {
      const QurbCaravanSlot *slot = &g_array_index (caravan->slots, QurbCaravanSlot, i);
      g_autofree gchar *seats = slot->open ? qurb_kiosk_booking_seats_text (lang, slot->seats_left)
                                           : g_strdup (T_("Closed"));
      g_autofree gchar *text = g_strdup_printf ("%s\n%s", slot->start_time, seats);

      qurb_kiosk_list_page_add (list, qurb_kiosk_booking_choice_new (page, text, slot->start_time,
                                                                     slot->open && slot->seats_left > 0,
                                                                     G_CALLBACK (slot_clicked)));
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
  page_class->title = qurb_kiosk_booking_title;
}

static void
qurb_slots_page_init (QurbSlotsPage *self)
{
  qurb_kiosk_list_page_set_grid (QURB_KIOSK_LIST_PAGE (self), TRUE);
}
