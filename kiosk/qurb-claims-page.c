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

/* One step of the timeline: a mark, the status, its date ("" when it is
 * still to come). */
static GtkWidget *
step_new (const gchar *lang, QurbClaimStatus status, const gchar *date, const gchar *css_class,
          const gchar *mark)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  g_autofree gchar *day = *date ? qurb_format_date (date) : NULL;
  g_autofree gchar *day_ltr = day ? qurb_kiosk_ltr (lang, day) : NULL;
  /* TRANSLATORS: a step of a claim file still to come, on its timeline */
  g_autofree gchar *text = g_strdup_printf ("%s · %s", qurb_claim_status_label (lang, status),
                                            day_ltr ? day_ltr : T_("next step"));

  gtk_widget_add_css_class (row, css_class);
  gtk_box_append (GTK_BOX (row), short_label_new (mark, "step-mark"));
  gtk_box_append (GTK_BOX (row), short_label_new (text, NULL));
  return row;
}

/* The steps the file went through, where it is, and what comes next. */
static GtkWidget *
timeline_new (const QurbClaim *claim, const gchar *lang)
{
  g_autoptr(GArray) steps = qurb_claim_timeline (claim->past_statuses, claim->status, claim->status_date);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gboolean stopped = claim->status == QURB_CLAIM_REJETE || claim->status == QURB_CLAIM_INCOMPLET;
  QurbClaimStatus next[3];
  guint n_next = qurb_claim_expected_steps (claim->status, next);

  gtk_widget_add_css_class (box, "timeline");
  /* TRANSLATORS: the list of statuses a claim file went through */
  qurb_kiosk_set_name (box, T_("Timeline"));
  for (guint i = 0; i < steps->len; i++)
    {
      const QurbClaimStep *step = &g_array_index (steps, QurbClaimStep, i);
      gboolean current = i + 1 == steps->len;

      gtk_box_append (GTK_BOX (box), step_new (lang, step->status, step->date,
                                               !current ? "step" : stopped ? "step-stop" : "step-current",
                                               current ? "◉" : "●"));
    }
  /* The next step expected (the last, "paid", follows from it). */
  if (n_next > 0)
    gtk_box_append (GTK_BOX (box), step_new (lang, next[0], "", "step-next", "○"));
  return box;
}

/* A rejected or incomplete file: why, and what to do. The reason is the
 * central system's free text, in French: on a screen in another language
 * it is shown as the file's note in French (kept left to right), and the
 * advice alone tells what to do, an agent at the desk reading the note
 * with the member. */
static void
add_advice (GtkWidget *card, const QurbClaim *claim, const gchar *lang)
{
  gboolean note_foreign = !g_str_equal (lang, "fr");
  g_autofree gchar *note = *claim->reason ? qurb_kiosk_ltr (lang, claim->reason) : NULL;
  g_autofree gchar *reason = NULL;
  const gchar *advice;

  if (claim->status != QURB_CLAIM_INCOMPLET && claim->status != QURB_CLAIM_REJETE)
    return;
  /* The central system's reason already names what is missing ("Devis du
   * dentiste manquant"): one label for both states. */
  if (note != NULL)
    /* TRANSLATORS: %s is the central system's note on a claim file, always in French */
    reason = g_strdup_printf (note_foreign ? T_("The file's note (in French): %s") : T_("Reason: %s"), note);
  if (claim->status == QURB_CLAIM_INCOMPLET)
    advice = note_foreign
      ? T_("Some documents are missing. Come to your agency with this file's number: an agent at the desk will "
           "read the note with you and tell you which documents to bring. The file goes on as soon as they are "
           "received.")
      : T_("Bring the missing documents to your agency: the file goes on as soon as they are received.");
  else
    advice = note_foreign
      ? T_("The file was refused. If you do not agree, come to your agency with your papers: an agent at the desk "
           "will read the note with you, explain it and may review the file.")
      : T_("If you do not agree, come to your agency with your papers: an agent will explain and may "
           "review the file.");
  if (reason != NULL)
    gtk_box_append (GTK_BOX (card), qurb_kiosk_label_new (reason, "status"));
  gtk_box_append (GTK_BOX (card), qurb_kiosk_label_new (advice, "advice"));
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

  gtk_widget_add_css_class (card, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (card), short_label_new (title, "card-title"));
  gtk_box_append (GTK_BOX (card), short_label_new (what, NULL));
  if (claim->amount_paid > 0)
    {
      g_autofree gchar *amount = qurb_format_amount (lang, claim->amount_paid);
      g_autofree gchar *paid = g_strdup_printf (T_("Paid: %s"), amount);

      gtk_box_append (GTK_BOX (card), short_label_new (paid, "amount"));
    }
  gtk_box_append (GTK_BOX (card), timeline_new (claim, lang));
  add_advice (card, claim, lang);
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
  qurb_kiosk_list_page_set_message (list, claims->len == 0
                                    ? T_("You have no claim file on record. To hand one in, come to the desk with your documents.")
                                    : NULL);
  if (claims->len == 0)
    qurb_kiosk_list_page_set_action (list, T_("Back to my home screen"), "qurb-home-symbolic",
                                     QURB_KIOSK_SCREEN_HOME);
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
