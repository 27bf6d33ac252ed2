/* qurb-sms-lexicon.c — what one word of a member's SMS tells
 *
 * The vocabulary is written once, in the spellings of each script; the
 * rest is derived: Arabic words are matched with their clitics and verb
 * affixes stripped, their Latin (Arabizi) forms through the consonant
 * skeleton, French words on their stem and with a typo. */
#include "config.h"

#include <string.h>

#include "qurb-arabizi.h"
#include "qurb-fold.h"
#include "qurb-sms-lexicon.h"

enum {
  EXACT      = 1 << 0,  /* the whole word only: no affix, typo or skeleton */
  STEM       = 1 << 1,  /* Latin: any word that begins with it */
  NOUN       = 1 << 2,  /* Arabic: takes the possessive suffix (ملفي = my file) */
  NO_ARABIZI = 1 << 3,  /* its skeleton is too short or names another word */
  NO_PREFIX  = 1 << 4,  /* a past form: a person prefix makes it another tense */
};

typedef struct {
  guint32 cues;
  guint flags;
  const gchar *forms;   /* '|'-separated, as people write them */
} Word;

#define CUE(name) QURB_CUE_##name

static const Word vocabulary[] = {
  /* A dossier, its state, the money it brings. */
  { CUE (STATUS), NOUN, "حالة|حالت|وضعية|ملف|ملفات|دوسي|دوسيه|تتبع|تعويض|تعويضات|فلوس|مصاريف|استرجاع|اداء|خلص|تخلص" },
  { CUE (STATUS), 0, "etat|statut|status|hala|halat|suivi|suivre|dossier|dossiers|situation|avancement|paiement|virement|traitement" },
  { CUE (STATUS), EXACT, "doss|remb|dos|paye|payer|payes" },
  { CUE (STATUS), STEM, "rembours|indemni" },

  { CUE (CARAVAN), NOUN, "قافلة|قوافل|كارافان|كرافان|حملة|حملات" },
  { CUE (CARAVAN), 0, "caravane|caravanes|caravan|campagne|campagnes" },

  /* Taking a seat, and the appointment it gives. */
  { CUE (BOOK), NOUN, "حجز|حجوزات|تسجيل|سجل|ريزرفي|ريزرفاسيون" },
  { CUE (BOOK), 0, "reserver|reservation|reservations|reserve|reservez|reservi|resa|inscrire|inscription|book|booking" },
  { CUE (BOOK), STEM, "reserv|inscri|rezerv" },
  { CUE (BOOK), EXACT, "rsv|resas" },
  { CUE (APPOINTMENT), NOUN, "موعد|مواعد|مواعيد|رونديفو|روندفو|رندفو|بلاصة|بلايص" },
  { CUE (APPOINTMENT), EXACT, "place|rdv|rdvs|rendez|rendezvous|rendevous|randevou|rondevou" },
  { CUE (MY_BOOKINGS), EXACT, "mesrdv" },

  /* Ending something: a booking, or the announcements. */
  { CUE (CANCEL), 0, "الغاء|لغي|لغى|لغا|الغي|مسح" },
  { CUE (CANCEL), NO_ARABIZI, "حيد" },
  { CUE (CANCEL), STEM, "anul|supprim|desist|decommand|cancel|efac" },
  { CUE (STOP), 0, "توقف|وقف|ايقاف|توقيف|كفى|سطوب|ستوب" },
  { CUE (STOP), NO_ARABIZI, "بركا|باركا" },
  { CUE (STOP), 0, "stop|arret|arreter|arretez|baraka|barka|basta|unsubscribe" },
  { CUE (STOP), STEM, "desabon|desinscri|desactiv" },
  { CUE (START) | CUE (MESSAGES), 0, "اشتراك|اشترك" },
  { CUE (START), 0, "ستارت|start|abonner|abonez|activer|subscribe" },
  { CUE (START), EXACT, "abone|reabone" },
  { CUE (START), STEM, "reabon|reactiv|abon" },
  { CUE (MESSAGES), NOUN, "رسالة|رسائل|رسايل|ميساج|ميساجات|مساج|مساجات|اعلان|اعلانات|اشعار|اشعارات|اخبار|خبار" },
  { CUE (MESSAGES), 0, "message|messages|msg|msgs|sms|annonce|annonces|notification|notifications|notif|notifs|alerte|alertes|texto|textos|pub|publicite|abonnement|abonnements|newsletter|messagat|msajat|mesajat|massageat" },

  /* Asking for help, or for a language. */
  { CUE (HELP), 0, "مساعدة|ساعد|عاون|معاونة|اوامر|قائمة" },
  { CUE (HELP), 0, "aide|aider|aidez|help|menu|assistance|info|infos|information|informations|commandes|sos" },
  { CUE (HOW), 0, "كيفاش|كيفش|شلون|كتب|ecrire|ecris|utiliser|fonctionnement" },
  { CUE (HOW), EXACT, "كيف|comment|how|kif" },
  { CUE (UNDERSTAND), 0, "فهم|فاهم" },
  { CUE (UNDERSTAND), STEM, "compren|compri" },
  { CUE (LANG_AR), 0, "عربية|العربية|عربي|العربي|لعربية|arabe|arabic" },
  { CUE (LANG_AR), EXACT, "ar|arab" },
  { CUE (LANG_FR), 0, "فرنسية|الفرنسية|فرنسي|فرنساوية|فرونسي|الفرونسية|فرانساوية|francais|french|fransawiya|fransiya|fransia" },
  { CUE (LANG_FR), EXACT, "fr" },

  /* The words around a request that steer it. */
  { CUE (WANT), 0, "بغيت|بغي|بغا|بغينا|حب|اريد|ريد|ارغب|رغب|طلب|ود" },
  { CUE (WANT), 0, "veux|voudrais|voudrai|voulais|vouloir|veut|voulez|desire|desirerais|besoin|want|demande|demander|prendre" },
  { CUE (WANT), EXACT, "jv|jveux|jvx|jvoudrais|jvoudrai|jvd" },
  { CUE (WANT), STEM, "souhait|aimerai" },
  { CUE (SEND), 0, "صيفط|سيفط|بعث|ارسل|توصل|وصل|رجع|عاود" },
  { CUE (RECEIVED), NO_ARABIZI | NO_PREFIX, "توصلت|وصلني|وصلتني|جاني|جاتني|وصلات" },
  { CUE (RECEIVED), EXACT, "envoye|envoyee|envoyes|wslni|twslt|jani" },
  { CUE (SEND), STEM, "envo|recev|recoi" },
  { CUE (MINE_AFTER), 0, "ديالي|ديالنا|ديالو" },
  { CUE (MINE_AFTER), EXACT, "dyali|diali|dyal1|dialy|dyaly|dyalna|dialna" },
  { CUE (MINE) | CUE (MINE_AFTER), NO_ARABIZI, "عندي" },
  { CUE (MINE) | CUE (MINE_AFTER), EXACT, "3ndi|3andi|andi" },
  { CUE (MINE), EXACT, "mes|mon|ma|my" },
  { CUE (HOW_MANY), 0, "شحال|chhal|ch7al|combien|reste|restent|restantes|disponibles|باقي|متبقية" },
  { CUE (WHEN), 0, "امتى|متى|امتا|فوقاش|وقتاش" },
  { CUE (WHEN), EXACT, "quand|heure|when" },
  { CUE (COME), NO_ARABIZI, "جا|جي|نجي|حضر" },
  { CUE (COME), STEM, "venir|viendr|vien" },
  { CUE (MEDICAL), EXACT | NO_ARABIZI, "طب|طبيب|اطباء|امراض|مرض|فحص|عيادة|نظر|جراحة" },

  /* Courtesy: a message of nothing else gets no reply. */
  { CUE (COURTESY) | CUE (THANKS), 0, "شكرا|شكر|مشكور|مشكورين|مشكورة|مرسي|تبارك|يجازيك|جازي|يحفظك|حفظ|جزاك|خيرا|يعطيك" },
  { CUE (COURTESY), 0, "سلام|السلام|مرحبا|اهلا|صباح|مساء|النور|بسلامة|السلامة|واخا|مزيان|صافي|اوكي|اوك|الحمد|بخير|تحية|تحياتي|لاباس|الصحة|تمام|عيد|مبارك|سعيد|جمعة|رحمة|بركات|بركاته|يكثر|امثال|يبارك|يرحم|الوالدين|العافية|يوفق|ربي|توفيق" },
  { CUE (COURTESY), NO_ARABIZI, "بارك|باراك|عليكم|الخير|خير" },
  { CUE (COURTESY) | CUE (THANKS), 0, "merci|mersi|thanks|thank|chokran|choukran|shukran|shokran|chkran|tbarkallah|tbarkalah|barakallah|barak|bsahtek" },
  { CUE (COURTESY) | CUE (THANKS), EXACT, "mrc|mci|thx|ty|tks" },
  { CUE (COURTESY) | CUE (RECEIVED), 0, "recu|recue" },
  { CUE (COURTESY), 0, "okay|okey|daccord|accord|bien|bonjour|bonsoir|salut|coucou|salam|salamo|alaykoum|alikoum|aleykoum|alaykom|alikom|3alaykom|bslama|beslama|safi|mzyan|mezyan|parfait|super|genial|nickel|cordialement|bonne|journee|soiree|hamdolah|hamdoulah|hamdullah|labas|revoir|bisous|good|excellent|beaucoup|vraiment|cool|note|infiniment|enormement|mille" },
  { CUE (COURTESY), EXACT, "ok|oki|okk|dac|bjr|bsr|slt|cc|slm|top|bye|bcp|tres|tjr" },

  /* Words that carry no request. */
  { CUE (FILLER), 0, "عفاك|عافاك|عافاكم|المرجو|مرجو|يرجى|فضلك|الله|يخليك|يخليكم|ممكن|واش|شنو|اشنو|هل|انا|راه|هاد|هادا|هذا|هذه|هادي|اللي|شي|واحد|رقم|الرقم|كاين|كاينة|كاينين|السيد|السيدة|اخي|اختي|خويا|ختي|يوم|غدا|اليوم|دابا|نعرف|عرف|فين|اين|هنا|عليا|بلا|ليكم|لكم|بزاف|شوية|باش|ايلا|اذا|الخدمة|سيدي|مولاي|نتوما|نتا|نتي|سؤال" },
  { CUE (FILLER), NO_ARABIZI, "ديال" },
  { CUE (FILLER), EXACT, "علاش|لاش|علاه|عند|من|على|عن|مع|الي|ان|او|و|لي|ليا|غير|ولا|الا|الى|هو|هي|كل|اش|د|ل|ب|ف|في" },
  { CUE (FILLER) | CUE (PLACE), EXACT, "a|au|aux|en|dans|ds|f|fi|fel|fl|vers|pour|pr" },
  { CUE (FILLER), EXACT, "svp|stp|sil|plait|please|pls|plz|le|la|les|l|de|d|du|des|un|une|je|j|me|m|moi|vous|votre|vos|tu|te|ton|il|elle|on|nous|est|c|ce|ca|cette|cet|qu|que|quel|quelle|quels|et|ou|sur|avec|par|madame|monsieur|mme|mr|numero|num|n|no|nr|mdm|wach|wash|wsh|chno|achno|ana|dyal|dial|b|el|al|m3a|ma3a|daba|ghda|lyoum|kayn|kayna|chi|had|hadi|hada|lli|li|ila|lah|allah|ykhlik|3la|men|mn|fin|ach|ash|wa|w|ya|khouya|savoir|connaitre|dire|donner|avoir|faire|pourriez|pouvez|veuillez|auriez|amabilite|gentillesse|puis|peux|pouvoir|pourrais|s|t|y|si|possible|ai|as|avez|suis|etre|svp|concernant|sujet|ici|voir|consulter|obtenir|tout|tous|aussi|encore|deja|alors|donc|mais|car|mutuelle|afak|3afak|3afek|3afakom|hna|3lik|likom|fik|fikom|fih|fiha|3lach|3lash|3lah|lach" },

  /* Words that tell a Latin message's language. */
  { CUE (FRENCH) | CUE (FILLER), EXACT, "le|la|les|de|du|des|un|une|je|j|vous|votre|vos|il|elle|est|et|que|qui|pour|avec|mon|mes|ce|cette|sur|dans|au|aux|suis|ai|avez|pouvez|veuillez|svp|stp|merci|bonjour|madame|monsieur" },
  { CUE (DARIJA) | CUE (FILLER), EXACT, "dyal|dial|f|fi|wach|wash|wsh|chi|daba|3afak|afak|3afek|kayn|kayna|had|hadi|hada|lah|ykhlik|ana|nta|nti|ntoma|m3a|ma3a|ila|3la|mn|men|fin|chno|achno|lli|li|khouya|okhti|wa|w|walo|walou" },
  { CUE (NEGATION), EXACT, "ما|لا|ماشي|مشي|مش|ليس|لم|لن|ماعاد|معاد|عمر|والو|walo|walou|wallou|rien|ne|n|pas|plus|jamais|non|aucun|aucune|sans|machi|mashi|mch|mat" },
};

typedef struct {
  guint32 cues;
  guint flags;
} Sense;

typedef struct {
  GHashTable *arabic;     /* normalised Arabic form → Sense */
  GHashTable *latin;      /* collapsed Latin form → Sense */
  GHashTable *skeletons;  /* consonant skeleton → Sense */
  GPtrArray *stems;       /* Latin stems (StemEntry), longest first */
  GPtrArray *typo_words;  /* Latin words a typo may reach (TypoEntry) */
  GPtrArray *collisions;  /* skeletons two meanings share: left out */
} Lexicon;

typedef struct {
  gchar *stem;
  gsize length;
  guint32 cues;
} StemEntry;

typedef struct {
  gchar *word;
  gsize length;
  guint32 cues;
} TypoEntry;

/* Drops ء everywhere and ا except at the end (بركا "enough" is not
 * بارك "bless"), writes ق ك گ ڭ alike, then keeps one of each run of a
 * letter: the spelling careful and hurried writers share. */
static void
arabic_normalize (const gchar *folded, gchar *out, gsize size)
{
  gsize length = 0;

  for (const gchar *p = folded; *p && length + 4 < size; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0621 || (c == 0x0627 && *g_utf8_next_char (p) != '\0'))
        continue;
      /* Moroccans write the g of "gafla" گ, ڭ or ك for ق. */
      if (c == 0x0642 || c == 0x06AF || c == 0x06AD)
        c = 0x0643;
      length += g_unichar_to_utf8 (c, out + length);
    }
  out[length] = '\0';
  qurb_collapse_runs (out);
}

static gboolean
is_arabic (const gchar *form)
{
  return qurb_token_is_arabic (form);
}

static void
add_sense (GHashTable *table, const gchar *key, guint32 cues, guint flags)
{
  Sense *sense = g_hash_table_lookup (table, key);

  if (sense == NULL)
    {
      sense = g_new0 (Sense, 1);
      g_hash_table_insert (table, g_strdup (key), sense);
    }
  sense->cues |= cues;
  sense->flags |= flags;
}

static gint
longest_first (gconstpointer a, gconstpointer b)
{
  const StemEntry *x = *(StemEntry *const *) a, *y = *(StemEntry *const *) b;

  return (gint) y->length - (gint) x->length;
}

static void
stem_entry_free (gpointer data)
{
  StemEntry *entry = data;
  g_free (entry->stem);
  g_free (entry);
}

static void
add_skeletons (Lexicon *lexicon, GHashTable *owners, const gchar *folded, guint32 cues)
{
  gchar skeletons[2][QURB_SKELETON_MAX];
  guint n = qurb_skeleton_arabic (folded, skeletons);

  for (guint i = 0; i < n; i++)
    {
      Sense *sense;

      if (strlen (skeletons[i]) < 2)
        continue;
      sense = g_hash_table_lookup (lexicon->skeletons, skeletons[i]);
      /* Two meanings behind one skeleton: the Latin form names neither.
       * Content words win over the words around them. */
      if (sense != NULL && sense->cues != cues)
        {
          gboolean old_content = (sense->cues & QURB_CUES_CONTENT) != 0;
          gboolean new_content = (cues & QURB_CUES_CONTENT) != 0;

          if (old_content == new_content && !(sense->cues & cues))
            g_ptr_array_add (lexicon->collisions,
                             g_strdup_printf ("%s: %s / %s", skeletons[i],
                                              (gchar *) g_hash_table_lookup (owners, skeletons[i]), folded));
          if (old_content && !new_content)
            continue;
          if (new_content && !old_content)
            sense->cues = 0;
        }
      add_sense (lexicon->skeletons, skeletons[i], cues, 0);
      if (!g_hash_table_contains (owners, skeletons[i]))
        g_hash_table_insert (owners, g_strdup (skeletons[i]), g_strdup (folded));
    }
}

static void
add_form (Lexicon *lexicon, GHashTable *owners, const Word *word, const gchar *form)
{
  g_autofree gchar *folded = qurb_fold (form);
  gchar key[128];

  if (is_arabic (folded))
    {
      arabic_normalize (folded, key, sizeof key);
      add_sense (lexicon->arabic, key, word->cues, word->flags);
      if (!(word->flags & (EXACT | NO_ARABIZI)))
        add_skeletons (lexicon, owners, folded, word->cues);
      return;
    }
  g_strlcpy (key, folded, sizeof key);
  qurb_collapse_runs (key);
  if (word->flags & STEM)
    {
      StemEntry *entry = g_new0 (StemEntry, 1);
      entry->stem = g_strdup (key);
      entry->length = strlen (key);
      entry->cues = word->cues;
      g_ptr_array_add (lexicon->stems, entry);
      return;
    }
  add_sense (lexicon->latin, key, word->cues, word->flags);
  if (!(word->flags & EXACT) && strlen (key) >= 4 && !(word->cues & QURB_CUE_FILLER))
    {
      TypoEntry *entry = g_new0 (TypoEntry, 1);
      entry->word = g_strdup (key);
      entry->length = strlen (key);
      entry->cues = word->cues;
      g_ptr_array_add (lexicon->typo_words, entry);
    }
}

static const Lexicon *
lexicon (void)
{
  static gsize built;
  static Lexicon lex;

  if (g_once_init_enter (&built))
    {
      g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      lex.arabic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lex.latin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lex.skeletons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lex.stems = g_ptr_array_new_with_free_func (stem_entry_free);
      lex.typo_words = g_ptr_array_new_with_free_func (stem_entry_free);
      lex.collisions = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
        {
          g_auto(GStrv) forms = g_strsplit (vocabulary[i].forms, "|", -1);

          for (gchar **f = forms; *f; f++)
            add_form (&lex, owners, &vocabulary[i], *f);
        }
      g_ptr_array_sort (lex.stems, longest_first);
      g_once_init_leave (&built, 1);
    }
  return &lex;
}

/* Skeletons two words of different meaning share, for the tests. */
GPtrArray *
qurb_lexicon_collisions (void)
{
  const Lexicon *lex = lexicon ();
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lex->collisions->len; i++)
    g_ptr_array_add (copy, g_strdup (lex->collisions->pdata[i]));
  return copy;
}

/* What may come before a word: a conjunction (و، ف), then either an
 * article or preposition (ال، بال، لل …) or a Darija verb's aspect
 * (كا، كن، كي، تا، غا، غ) and person (ن، ت، ي, or the ا of an
 * imperative) — "وغانحجزو", "فالقافلة" (docs/DARIJA.md). Built once. */
static GPtrArray *
arabic_prefixes (void)
{
  static const gchar *const conjunctions[] = { "", "و", "ف" };
  static const gchar *const articles[] = { "ال", "بال", "كال", "لل", "ل", "ب", "ك" };
  static const gchar *const aspects[] = { "", "كا", "كن", "كي", "كت", "تا", "تن", "غا", "غ", "غي" };
  static const gchar *const persons[] = { "", "ن", "ت", "ي", "ا" };
  static gsize built;
  static GPtrArray *prefixes;

  if (g_once_init_enter (&built))
    {
      GPtrArray *all = g_ptr_array_new ();

      for (guint c = 0; c < G_N_ELEMENTS (conjunctions); c++)
        {
          for (guint a = 0; a < G_N_ELEMENTS (articles); a++)
            g_ptr_array_add (all, g_strconcat (conjunctions[c], articles[a], NULL));
          for (guint a = 0; a < G_N_ELEMENTS (aspects); a++)
            for (guint p = 0; p < G_N_ELEMENTS (persons); p++)
              g_ptr_array_add (all, g_strconcat (conjunctions[c], aspects[a], persons[p], NULL));
        }
      prefixes = all;
      g_once_init_leave (&built, 1);
    }
  return prefixes;
}

static const gchar *const arabic_suffixes[] = {
  "وليا", "ولي", "ليا", "لي", "وني", "يني", "ني", "وها", "ها", "وهم", "هم", "كم", "ليكم",
  "لنا", "نا", "تيه", "تي", "تو", "ت", "يات", "ات", "ين", "وا", "وه", "يه", "ه", "ك", "و", "ي",
  /* the ش of a negation whose ما stands apart: "ما فهمتش", "ما تصيفطوليش" */
  "ليش", "لياش", "نيش", "هاش", "وش", "تيش", "تش", "يش", "ش",
};

typedef struct {
  guint32 cues;
  guint stripped;     /* letters taken off; the fewest wins */
} Reading;

static void
consider (Reading *best, guint32 cues, guint stripped)
{
  if (cues == 0)
    return;
  if (best->cues == 0 || stripped < best->stripped)
    {
      best->cues = cues;
      best->stripped = stripped;
    }
  else if (stripped == best->stripped)
    best->cues |= cues;
}

static guint32
arabic_cues (const gchar *token)
{
  const Lexicon *lex = lexicon ();
  gsize length = strlen (token);
  Reading best = { 0, 0 };
  gchar stem[128], key[128];
  GPtrArray *prefixes;

  if (length >= sizeof stem)
    return 0;
  arabic_normalize (token, key, sizeof key);
  {
    Sense *whole = g_hash_table_lookup (lex->arabic, key);
    if (whole != NULL)
      return whole->cues;
  }
  prefixes = arabic_prefixes ();
  for (guint p = 0; p < prefixes->len; p++)
    {
      const gchar *prefix = prefixes->pdata[p];
      gsize plen = strlen (prefix);

      if (!g_str_has_prefix (token, prefix))
        continue;
      for (guint s = 0; s <= G_N_ELEMENTS (arabic_suffixes); s++)
        {
          const gchar *suffix = s < G_N_ELEMENTS (arabic_suffixes) ? arabic_suffixes[s] : "";
          gsize slen = strlen (suffix);
          Sense *sense;
          guint32 cues;

          if ((plen == 0 && slen == 0) || plen + slen >= length || !g_str_has_suffix (token, suffix))
            continue;
          memcpy (stem, token + plen, length - plen - slen);
          stem[length - plen - slen] = '\0';
          arabic_normalize (stem, key, sizeof key);
          /* A stem bared to two letters names too many words. */
          if (g_utf8_strlen (key, -1) < 3)
            continue;
          sense = g_hash_table_lookup (lex->arabic, key);
          if (sense == NULL || (sense->flags & EXACT) || (plen > 0 && (sense->flags & NO_PREFIX)))
            continue;
          cues = sense->cues;
          /* "ملفي", "مواعيدي": the suffix ي of a noun is "my"; "بغيتش":
           * the ش closes a negation. */
          if ((strcmp (suffix, "ي") == 0 || strcmp (suffix, "نا") == 0) && (sense->flags & NOUN))
            cues |= QURB_CUE_MINE;
          if (g_str_has_suffix (suffix, "ش"))
            cues |= QURB_CUE_NEGATION;
          consider (&best, cues, g_utf8_strlen (prefix, -1) + g_utf8_strlen (suffix, -1));
        }
    }
  return best.cues;
}

/* Latin prefixes and suffixes of Darija, on the skeleton: the article
 * (l, el), f (in), b (with), person and aspect (n, t, y, ka, kan, gha),
 * and the object or dative suffixes (li, lia, ni, ouni, ha, hom, kom). */
static const gchar *const skeleton_prefixes[] = { "Kn", "Gn", "fl", "bl", "wl", "l", "f", "b", "n", "t", "K", "G", "w" };
static const gchar *const skeleton_suffixes[] = {
  "wln", "whm", "wh", "wl", "wn", "ln", "hm", "Km", "w", "l", "n", "h", "t",
  /* the ch of a negation whose ma stands apart: "ma fhmtch" */
  "tc", "lc", "nc", "hc", "wc", "c",
};

static guint32
skeleton_cues (const gchar *token, QurbReading reading)
{
  const Lexicon *lex = lexicon ();
  gchar skeleton[QURB_SKELETON_MAX], stem[QURB_SKELETON_MAX];
  gboolean marked;
  gsize length;
  Reading best = { 0, 0 };
  Sense *sense;

  if (!qurb_skeleton_latin (token, skeleton, &marked) || (!marked && reading == QURB_READ_FRENCH))
    return 0;
  length = strlen (skeleton);
  /* Two consonants in plain letters are as likely French ("hello"). */
  if (length >= 2 && (marked || length >= 3) &&
      (sense = g_hash_table_lookup (lex->skeletons, skeleton)) != NULL)
    return sense->cues | (marked ? QURB_CUE_DARIJA : 0);
  for (guint p = 0; p <= G_N_ELEMENTS (skeleton_prefixes); p++)
    {
      const gchar *prefix = p < G_N_ELEMENTS (skeleton_prefixes) ? skeleton_prefixes[p] : "";
      gsize plen = strlen (prefix);

      if (!g_str_has_prefix (skeleton, prefix))
        continue;
      for (guint s = 0; s <= G_N_ELEMENTS (skeleton_suffixes); s++)
        {
          const gchar *suffix = s < G_N_ELEMENTS (skeleton_suffixes) ? skeleton_suffixes[s] : "";
          gsize slen = strlen (suffix), rest;

          if ((plen == 0 && slen == 0) || plen + slen >= length || !g_str_has_suffix (skeleton, suffix))
            continue;
          rest = length - plen - slen;
          /* A plain word sheds a prefix ("lmalaf", "nkteb") or the t of a
           * verb or a construct ("fhmt", "kafilat"), nothing more: "msjl"
           * is not "مساج" + "لي". */
          if (rest < 2 || (!marked && (rest < 3 || (slen > 0 && strcmp (suffix, "t") != 0))))
            continue;
          memcpy (stem, skeleton + plen, rest);
          stem[rest] = '\0';
          sense = g_hash_table_lookup (lex->skeletons, stem);
          if (sense != NULL)
            consider (&best, sense->cues | (slen > 0 && suffix[slen - 1] == 'c' ? QURB_CUE_NEGATION : 0), plen + slen);
        }
    }
  return best.cues | (best.cues && marked ? QURB_CUE_DARIJA : 0);
}

/* Optimal string alignment distance of two ASCII words, up to limit + 1. */
static guint
ascii_distance (const gchar *a, gsize n, const gchar *b, gsize m, guint limit)
{
  guint rows[3][32];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if (n >= 32 || m >= 32)
    return limit + 1;
  for (gsize j = 0; j <= m; j++)
    prev[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint row_min = cur[0] = i;

      for (gsize j = 1; j <= m; j++)
        {
          guint best = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] != b[j - 1]));

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit)
        return limit + 1;
      {
        guint *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
      }
    }
  return MIN (prev[m], limit + 1);
}

/* One typo in a word of 4 to 6 letters, two from 7; a typo that could
 * be either of two meanings names neither. */
static guint32
typo_cues (const gchar *token, gsize length)
{
  const Lexicon *lex = lexicon ();
  guint best = G_MAXUINT;
  guint32 cues = 0;
  gboolean ambiguous = FALSE;

  for (guint i = 0; i < lex->typo_words->len; i++)
    {
      const TypoEntry *entry = lex->typo_words->pdata[i];
      guint allowed = MIN (qurb_typos_allowed (entry->word), qurb_typos_allowed (token));
      guint d;

      if ((gsize) ABS ((gssize) entry->length - (gssize) length) > allowed)
        continue;
      d = ascii_distance (token, length, entry->word, entry->length, allowed);
      if (d > allowed || d > best)
        continue;
      if (d < best)
        {
          best = d;
          cues = entry->cues;
          ambiguous = FALSE;
        }
      else if ((entry->cues & QURB_CUES_CONTENT) != (cues & QURB_CUES_CONTENT))
        ambiguous = TRUE;
    }
  return ambiguous ? 0 : cues;
}

static const struct { const gchar *text; guint32 cues; } latin_articles[] = {
  { "mes", QURB_CUE_MINE }, { "mon", QURB_CUE_MINE }, { "ma", QURB_CUE_MINE },
  { "el", 0 }, { "al", 0 }, { "bl", 0 }, { "fl", 0 }, { "l", 0 }, { "b", 0 }, { "f", 0 },
};

static guint32
latin_cues (const gchar *folded, QurbReading reading)
{
  const Lexicon *lex = lexicon ();
  gchar token[64];
  gsize length;
  Sense *sense;
  gboolean ascii = TRUE, digits = FALSE;
  guint32 cues;

  if (strlen (folded) >= sizeof token)
    return 0;
  g_strlcpy (token, folded, sizeof token);
  length = qurb_collapse_runs (token);
  sense = g_hash_table_lookup (lex->latin, token);
  if (sense != NULL)
    return sense->cues;
  for (const gchar *p = token; *p; p++)
    {
      ascii &= (guchar) *p < 0x80;
      digits |= g_ascii_isdigit (*p);
    }
  if (!ascii)
    return 0;
  /* French verbs in Darija take its person prefix: "nreservi", "nannuli". */
  for (guint i = 0; i < lex->stems->len; i++)
    {
      const StemEntry *entry = lex->stems->pdata[i];

      if (g_str_has_prefix (token, entry->stem) ||
          (strchr ("nt", token[0]) && g_str_has_prefix (token + 1, entry->stem)))
        return entry->cues;
    }
  cues = skeleton_cues (token, reading);
  if (cues != 0)
    return cues;
  /* French words glued to the Darija article or preposition
   * ("lmessages", "blfrancais") or to "my" ("mesreservations"). */
  for (guint i = 0; i < G_N_ELEMENTS (latin_articles); i++)
    {
      const gchar *rest = token + strlen (latin_articles[i].text);

      if (!g_str_has_prefix (token, latin_articles[i].text) || strlen (rest) < 3)
        continue;
      sense = g_hash_table_lookup (lex->latin, rest);
      if (sense == NULL)
        for (guint k = 0; k < lex->stems->len && sense == NULL; k++)
          if (g_str_has_prefix (rest, ((StemEntry *) lex->stems->pdata[k])->stem))
            return ((StemEntry *) lex->stems->pdata[k])->cues | latin_articles[i].cues;
      if (sense != NULL && (sense->cues & QURB_CUES_CONTENT))
        return sense->cues | latin_articles[i].cues;
    }
  if (digits || length < 4)
    return 0;
  return typo_cues (token, length);
}

/* "مابغيتش", "mabghitch": the negation wrapped around a verb. Returns the
 * verb, or NULL. */
static gchar *
unwrap_negation (const gchar *token)
{
  gsize length = strlen (token);

  if (qurb_token_is_arabic (token))
    {
      if (length > strlen ("ماش") + 2 && g_str_has_prefix (token, "ما") && g_str_has_suffix (token, "ش"))
        return g_strndup (token + strlen ("ما"), length - strlen ("ما") - strlen ("ش"));
      if (length > strlen ("مش") + 4 && g_str_has_prefix (token, "م") && g_str_has_suffix (token, "ش"))
        return g_strndup (token + strlen ("م"), length - strlen ("م") - strlen ("ش"));
      return NULL;
    }
  if (length >= 6 && g_str_has_prefix (token, "ma") &&
      (g_str_has_suffix (token, "ch") || g_str_has_suffix (token, "sh")))
    return g_strndup (token + 2, length - 4);
  return NULL;
}

gboolean
qurb_lexicon_is_negation (const gchar *folded_token)
{
  return (qurb_lexicon_cues (folded_token) & QURB_CUE_NEGATION) != 0;
}

guint32
qurb_lexicon_read (const gchar *folded_token, QurbReading reading)
{
  g_autofree gchar *verb = NULL;
  guint32 cues;

  if (folded_token == NULL || *folded_token == '\0')
    return 0;
  cues = qurb_token_is_arabic (folded_token) ? arabic_cues (folded_token) : latin_cues (folded_token, reading);
  if (cues != 0)
    return cues;
  verb = unwrap_negation (folded_token);
  if (verb != NULL)
    {
      cues = qurb_token_is_arabic (verb) ? arabic_cues (verb) : latin_cues (verb, reading);
      if (cues != 0)
        return cues | QURB_CUE_NEGATION;
    }
  return 0;
}

guint32
qurb_lexicon_cues (const gchar *folded_token)
{
  return qurb_lexicon_read (folded_token, QURB_READ_DARIJA);
}
