/* qurb-claims-page.c — the member's claim files, each with its timeline */
#include "config.h"

#include "qurb-kiosk-pages.h"
#include "qurb-texts.h"

/* Older files are at the agency's desk; the screen shows the recent ones. */
#define CLAIMS_SHOWN 20

struct _QurbClaimsPage {
  QurbKioskListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (QurbClaimsPage, qurb_claims_page, QURB_TYPE_KIOSK_LIST_PAGE)

/* A one-line label, shortened with "…" if the screen is too narrow:
 * wrapping labels are shaped again for every width the layout tries,
 * which cost the claims screen four fifths of its time (bench/). */
static GtkWidget *
short_label_new (const gchar *text, const gchar *css_class)
{
  GtkWidget *label = qurb_kiosk_label_new (text, css_class);

  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static GtkWidget *
timeline_new (const QurbClaim *claim, const gchar *lang)
{
  g_autoptr(GArray) steps = qurb_claim_timeline (claim->past_statuses, claim->status, claim->status_date);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "timeline");
  /* TRANSLATORS: the list of statuses a claim file went through */
  qurb_kiosk_set_name (box, T_("Timeline"));
  for (guint i = 0; i < steps->len; i++)
    {
      const QurbClaimStep *step = &g_array_index (steps, QurbClaimStep, i);
      g_autofree gchar *date = qurb_format_date (step->date);
      g_autofree gchar *text = g_strdup_printf ("%s\n%s", qurb_claim_status_label (lang, step->status), date);
      GtkWidget *label = short_label_new (text, i + 1 == steps->len ? "step-current" : "step");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static GtkWidget *
claim_card_new (const QurbClaim *claim, const gchar *lang)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autofree gchar *number = qurb_kiosk_ltr (lang, claim->dossier_no);
  g_autofree gchar *deposited = qurb_format_date (claim->deposited_on);
  g_autofree gchar *title = g_strdup_printf (T_("File %s"), number);
  g_autofree gchar *what = g_strdup_printf (T_("%s, handed in on %s"),
                                            qurb_claim_kind_label (lang, claim->kind), deposited);
  g_autofree gchar *status = g_strdup_printf (T_("Status: %s"), qurb_claim_status_label (lang, claim->status));

  gtk_widget_add_css_class (card, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (card), short_label_new (title, "card-title"));
  gtk_box_append (GTK_BOX (card), short_label_new (what, NULL));
  gtk_box_append (GTK_BOX (card), short_label_new (status, "status"));
  if (claim->amount_paid > 0)
    {
      g_autofree gchar *amount = qurb_format_amount (lang, claim->amount_paid);
      g_autofree gchar *paid = g_strdup_printf (T_("Paid: %s"), amount);

      gtk_box_append (GTK_BOX (card), short_label_new (paid, "amount"));
    }
  if (claim->reason != NULL && *claim->reason != '\0')
    {
      g_autofree gchar *reason = g_strdup_printf (T_("Reason: %s"), claim->reason);

      gtk_box_append (GTK_BOX (card), qurb_kiosk_label_new (reason, NULL));
    }
  gtk_box_append (GTK_BOX (card), timeline_new (claim, lang));
  return card;
}

static gboolean
qurb_claims_page_enter (QurbKioskPage *page, GError **error)
{
  QurbKioskListPage *list = QURB_KIOSK_LIST_PAGE (page);
  const QurbMember *member = qurb_kiosk_session_get_member (qurb_kiosk_page_get_session (page));
  const gchar *lang = qurb_kiosk_page_get_lang (page);
  g_autoptr(GPtrArray) claims = NULL;

  claims = qurb_claims_for_member (qurb_kiosk_page_get_db (page), member->id, CLAIMS_SHOWN, error);
  if (claims == NULL)
    return FALSE;
  qurb_kiosk_list_page_clear (list);
  for (guint i = 0; i < claims->len; i++)
    qurb_kiosk_list_page_add (list, claim_card_new (claims->pdata[i], lang));
  qurb_kiosk_list_page_set_message (list, claims->len == 0 ? T_("You have no claim file on record.") : NULL);
  return TRUE;
}

static void
qurb_claims_page_relabel (QurbKioskPage *page, const gchar *lang)
{
  qurb_kiosk_list_page_set_intro (QURB_KIOSK_LIST_PAGE (page),
                                  T_("Your claim files, the most recent first."));
}

static const gchar *
qurb_claims_page_title (QurbKioskPage *page, const gchar *lang)
{
  return T_("My claim files");
}

static void
qurb_claims_page_class_init (QurbClaimsPageClass *klass)
{
  QurbKioskPageClass *page_class = QURB_KIOSK_PAGE_CLASS (klass);

  page_class->enter = qurb_claims_page_enter;
  page_class->relabel = qurb_claims_page_relabel;
  page_class->title = qurb_claims_page_title;
  page_class->needs_member = TRUE;
}

static void
qurb_claims_page_init (QurbClaimsPage *self)
{
}
