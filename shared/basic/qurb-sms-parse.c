/* qurb-sms-parse.c — what a member's SMS asks for: the command language */
#include "config.h"

#include <string.h>

#include "qurb-provinces.h"
#include "qurb-sms-filter.h"
#include "qurb-sms-lexicon.h"
#include "qurb-sms-parse.h"
#include "qurb-sms-rating.h"
#include "qurb-sms-time.h"

#define HAS(cues, name) (((cues) & QURB_CUE_##name) != 0)

/* What the message holds, word by word and as a whole. */
typedef struct {
  GPtrArray *tokens;
  guint32 *cues;            /* per token */
  gboolean *argument;       /* per token: part of a code, a number or a place */
  guint32 all;              /* every token's cues */
  gboolean negated;
  gboolean darija;          /* a Latin message in Darija (digit-letters, dyal …) */
  guint32 last_stop_or_start;
  gboolean my_booking;      /* "mes rdv", "الموعد ديالي", "مواعيدي" */
  gboolean receiving_told;  /* receiving named with no want before it: "je ne reçois plus" */
  gboolean cancel_denied;   /* "ما بغيتش نلغي", "je ne veux pas annuler" */
  gboolean unknown_words;   /* a word that is neither a request nor courtesy */
  gboolean has_dossier, has_caravan, has_booking, has_time;
  gint caravan_at;
  guint caravan_tokens;
  const gchar *province;
} Message;

static gboolean
is_digits (const gchar *token)
{
  for (const gchar *p = token; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *token != '\0';
}

/* "ma" before "bghitch": the Latin negation in two words. */
static gboolean
latin_negation_pair (Message *m, guint i)
{
  const gchar *next = i + 1 < m->tokens->len ? m->tokens->pdata[i + 1] : NULL;

  return strcmp (m->tokens->pdata[i], "ma") == 0 && next != NULL &&
         (g_str_has_suffix (next, "ch") || g_str_has_suffix (next, "sh"));
}

static gboolean
is_god (const gchar *token)
{
  static const gchar *const names[] = { "lah", "allah", "llah", "alah", "الله", "اللاه" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (token, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Darija in Latin letters shows itself by a digit-letter inside a word
 * ("7jz", "m3a", "l9afila"); a time ("9h30") or a code ("LAA2",
 * "K7P2QX") is not such a sign. */
static gboolean
looks_like_arabizi (const gchar *token)
{
  gchar code[QURB_BOOKING_CODE_SIZE];
  gsize letters = 0;

  if (qurb_token_is_arabic (token) || qurb_booking_code_normalize (token, code))
    return FALSE;
  while (g_ascii_isalpha (token[letters]))
    letters++;
  if (token[letters] == '\0' || is_digits (token + letters))
    return FALSE;
  for (const gchar *p = token; *p; p++)
    if (strchr ("2356789", *p) != NULL &&
        ((p > token && g_ascii_isalpha (p[-1])) || g_ascii_isalpha (p[1])) &&
        !(p[1] == 'h' && (p[2] == '\0' || g_ascii_isdigit (p[2]))))
      return TRUE;
  return FALSE;
}

/* Each word's cues. A Latin message is read as French when it has French
 * words and no sign of Darija: then a plain word is not read by its
 * consonants ("fils" is not "flous"). */
static void
read_words (Message *m)
{
  gboolean french = FALSE, darija = FALSE;

  for (guint i = 0; i < m->tokens->len; i++)
    {
      const gchar *token = m->tokens->pdata[i];

      m->cues[i] = is_digits (token) ? 0 : qurb_lexicon_read (token, QURB_READ_FRENCH);
      french |= HAS (m->cues[i], FRENCH);
      darija |= HAS (m->cues[i], DARIJA) || looks_like_arabizi (token);
    }
  m->darija = darija;
  for (guint i = 0; i < m->tokens->len; i++)
    {
      const gchar *token = m->tokens->pdata[i];

      if (m->cues[i] == 0 && (darija || !french) && !is_digits (token))
        m->cues[i] = qurb_lexicon_read (token, QURB_READ_DARIJA);
      if (latin_negation_pair (m, i))
        m->cues[i] = QURB_CUE_NEGATION;
      /* "baraka lah fik", "بركة الله فيك": a blessing, not "enough". */
      if (HAS (m->cues[i], STOP) && i + 1 < m->tokens->len && is_god (m->tokens->pdata[i + 1]))
        m->cues[i] = QURB_CUE_COURTESY | QURB_CUE_THANKS;
    }
}

/* A booking as a noun: "réservation", "rdv", "حجز", "l7ajz" — not the
 * French verb "réserver", which "ma" never qualifies. */
static gboolean
is_booking_noun (const gchar *token, guint32 cues)
{
  static const gchar *const verb_stems[] = { "reserv", "rezerv", "inscri", "nreserv" };

  if (!(cues & (QURB_CUE_BOOK | QURB_CUE_APPOINTMENT)))
    return FALSE;
  if (HAS (cues, APPOINTMENT) || qurb_token_is_arabic (token) ||
      g_str_has_suffix (token, "tion") || g_str_has_suffix (token, "tions"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (verb_stems); i++)
    if (g_str_has_prefix (token, verb_stems[i]))
      return FALSE;
  return TRUE;
}

/* "My booking": "mes rdv", "mon code de réservation", "3ndi chi 7jz" —
 * "my" up to three words before the noun; "rdv dyali", "الموعد ديالي" —
 * up to two words after it; or the noun says it itself ("مواعيدي"). */
static gboolean
names_my_booking (const Message *m)
{
  for (guint i = 0; i < m->tokens->len; i++)
    {
      if (HAS (m->cues[i], MY_BOOKINGS))
        return TRUE;
      if (!is_booking_noun (m->tokens->pdata[i], m->cues[i]))
        continue;
      if (HAS (m->cues[i], MINE))
        return TRUE;
      for (guint k = i > 3 ? i - 3 : 0; k < i; k++)
        if (HAS (m->cues[k], MINE))
          return TRUE;
      for (guint k = i + 1; k < MIN (i + 3, m->tokens->len); k++)
        if (HAS (m->cues[k], MINE_AFTER))
          return TRUE;
    }
  return FALSE;
}

static void
find_arguments (Message *m, const gchar *folded, const gchar *const *codes, QurbSmsCommand *command)
{
  QurbTimeFound time;
  gint at;
  guint n = 0;

  m->has_dossier = qurb_sms_find_dossier (folded, command->dossier);
  time = qurb_sms_find_time (folded, command->time);
  m->has_time = time != QURB_TIME_NONE;
  command->time_unreadable = time == QURB_TIME_UNREADABLE;
  command->day = qurb_sms_find_day (folded);
  command->specialty = qurb_sms_find_specialty (folded);

  /* A booking code first: its pieces ("QN4-7TE") could pass for a
   * caravan code, never the other way (a caravan code has letters our
   * booking codes leave out). Pieces of a code have a digit ("Z2Q F7M"),
   * whatever they spell. */
  {
    g_autofree gboolean *skip = g_new0 (gboolean, m->tokens->len + 1);

    for (guint i = 0; i < m->tokens->len; i++)
      skip[i] = (m->cues[i] & QURB_CUES_CONTENT) && strpbrk (m->tokens->pdata[i], "0123456789") == NULL;
    at = qurb_sms_find_booking (m->tokens, skip, command->booking, &n);
  }
  /* A word of six letters is a booking code only when nothing else
   * claims it ("TANTAN" is a province). */
  m->has_booking = at >= 0 && strpbrk (command->booking, "0123456789") != NULL;
  for (guint k = 0; m->has_booking && k < n; k++)
    m->argument[at + k] = TRUE;

  m->caravan_at = qurb_sms_find_caravan (m->tokens, codes, m->argument, m->darija, command->caravan,
                                         &m->caravan_tokens);
  m->has_caravan = m->caravan_at >= 0;
  for (guint k = 0; m->has_caravan && k < m->caravan_tokens; k++)
    m->argument[m->caravan_at + k] = TRUE;
  /* Numbers are arguments once read: a dossier, an hour, a code's digit. */
  for (guint i = 0; i < m->tokens->len; i++)
    if (is_digits (m->tokens->pdata[i]) && (m->has_dossier || m->has_time))
      m->argument[i] = TRUE;
}

/* The province named, among the words that are not something else:
 * "طب العيون" is ophthalmology, and "safi" is "enough" unless the message
 * is about caravans. */
static void
find_province (Message *m)
{
  g_autofree gboolean *excluded = g_new0 (gboolean, m->tokens->len + 1);
  gboolean about_caravans = (m->all & (QURB_CUE_CARAVAN | QURB_CUE_BOOK | QURB_CUE_APPOINTMENT)) != 0;
  guint first = 0, count = 0;

  for (guint i = 0; i < m->tokens->len; i++)
    {
      guint32 c = m->cues[i];

      excluded[i] = m->argument[i] || (c & QURB_CUES_CONTENT) != 0 ||
                    (i > 0 && HAS (m->cues[i - 1], MEDICAL)) ||
                    (HAS (c, COURTESY) && !about_caravans);
    }
  m->province = qurb_province_find_excluding (m->tokens, excluded, &first, &count);
  for (guint k = 0; m->province != NULL && k < count; k++)
    m->argument[first + k] = TRUE;
}

/* Receiving named without a want just before it: "je ne reçois plus vos
 * messages", "ما بقيتش كنتوصل بالرسائل، بغيت نعرف حالة الملف" tell what
 * happens; "je ne veux plus recevoir", "لا أرغب في تلقي الرسائل" ask. */
static gboolean
receiving_unwanted (const Message *m)
{
  for (guint i = 0; i < m->tokens->len; i++)
    {
      gboolean wanted = FALSE;

      if (m->argument[i] || !HAS (m->cues[i], RECEIVED))
        continue;
      for (guint k = i > 3 ? i - 3 : 0; k < i && !wanted; k++)
        wanted = HAS (m->cues[k], WANT);
      if (!wanted)
        return TRUE;
    }
  return FALSE;
}

/* The word itself denied: a negation just before it, only a want
 * between ("ما بغيتش نلغي", "je ne veux pas annuler", "ma bghitch
 * nlghi"), or French "pas" just after ("je n'annule pas"). The "n" of
 * "n'annuler" alone is Darija's "I", not French "ne". */
static gboolean
word_denied (const Message *m, guint i)
{
  const guint32 between = QURB_CUE_NEGATION | QURB_CUE_WANT | QURB_CUE_FRENCH | QURB_CUE_DARIJA;

  if (i + 1 < m->tokens->len && HAS (m->cues[i + 1], NEGATION) && strcmp (m->tokens->pdata[i + 1], "pas") == 0)
    return TRUE;
  for (guint k = i; k > 0 && i - k < 4; k--)
    {
      guint32 cues = m->cues[k - 1];

      if (k == i && strcmp (m->tokens->pdata[k - 1], "n") == 0)
        continue;
      if (HAS (cues, NEGATION))
        return TRUE;
      if (cues == 0 || (cues & ~between))
        return FALSE;
    }
  return FALSE;
}

static void
sum_up (Message *m)
{
  m->all = 0;
  m->cancel_denied = FALSE;
  for (guint i = 0; i < m->tokens->len; i++)
    {
      guint32 cues = m->cues[i];

      if (m->argument[i])
        continue;
      /* Not cancelling is no cancel: what else it says decides. */
      if (HAS (cues, CANCEL) && word_denied (m, i))
        {
          cues &= ~QURB_CUE_CANCEL;
          m->cancel_denied = TRUE;
        }
      m->all |= cues;
    }
  m->negated = HAS (m->all, NEGATION);
  for (guint i = 0; i < m->tokens->len; i++)
    if (!m->argument[i] && (m->cues[i] & (QURB_CUE_STOP | QURB_CUE_START)))
      m->last_stop_or_start = m->cues[i] & (QURB_CUE_STOP | QURB_CUE_START);
  m->my_booking = names_my_booking (m);
  m->receiving_told = receiving_unwanted (m);
}

/* Nothing asked: courtesy ("merci", "السلام عليكم"), "merci pour votre
 * aide", "ok compris", or words around no request at all. */
static gboolean
asks_nothing (const Message *m)
{
  guint32 requests = m->all & QURB_CUES_CONTENT & ~(QURB_CUE_UNDERSTAND | QURB_CUE_HELP);

  if (HAS (m->all, HELP) && (!HAS (m->all, THANKS) || (m->all & (QURB_CUE_HOW | QURB_CUE_WANT))))
    return FALSE;
  /* "ما وصلني والو", "je ne reçois rien": a complaint, worth the help. */
  if ((HAS (m->all, UNDERSTAND) || HAS (m->all, RECEIVED)) && m->negated)
    return FALSE;
  return m->tokens->len > 0 && requests == 0 && !HAS (m->all, WANT) && !m->unknown_words &&
         !m->has_dossier && !m->has_caravan && !m->has_time && !m->has_booking && m->province == NULL;
}

/* Thanks or praise for a caravan, asking nothing ("شكرا على القافلة",
 * "merci pour la caravane, c'était bien"): courtesy, whatever other words
 * tell the story. A question, a want, a code, a time or a place asks. */
static gboolean
praises_a_caravan (const Message *m, const gchar *folded)
{
  guint32 requests = m->all & QURB_CUES_CONTENT & ~(QURB_CUE_CARAVAN | QURB_CUE_APPOINTMENT);

  /* Thanks, not a greeting: "السلام عليكم، قافلة" asks for the caravans. */
  return HAS (m->all, CARAVAN) && HAS (m->all, THANKS) && requests == 0 &&
         !HAS (m->all, SEND) && !HAS (m->all, WANT) && !m->negated && strchr (folded, '?') == NULL && !m->has_dossier &&
         !m->has_caravan && !m->has_time && !m->has_booking && m->province == NULL;
}

/* Emoji and symbols alone ("👍", "🙏"): courtesy in pictures. */
static gboolean
symbols_only (const gchar *text)
{
  gboolean any = FALSE;

  /* Bytes a modem hands over are not always UTF-8. */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_OTHER_SYMBOL || type == G_UNICODE_MATH_SYMBOL)
        any = TRUE;
      else if (g_unichar_isalnum (c) || c == '?')
        return FALSE;
    }
  return any;
}

static gboolean
only_question_marks (const gchar *folded)
{
  gboolean any = FALSE;

  for (const gchar *p = folded; *p; p++)
    {
      if (*p == '?')
        any = TRUE;
      else if (!g_ascii_isspace (*p) && !g_ascii_ispunct (*p))
        return FALSE;
    }
  return any;
}

/* The order of these rules is the meaning: ending a booking or the
 * announcements first (they name their object), then what the arguments
 * say, then the words. */
static QurbIntent
choose_intent (const Message *m, const gchar *folded)
{
  guint32 c = m->all;
  gboolean about_booking = (c & (QURB_CUE_BOOK | QURB_CUE_APPOINTMENT)) || m->has_booking;
  gboolean about_messages = HAS (c, MESSAGES) && !about_booking && !m->has_caravan;

  if (HAS (c, CANCEL))
    return about_messages ? QURB_INTENT_STOP : QURB_INTENT_CANCEL;
  /* "ما بغيتش نلغي الموعد، بغيت نعرف امتى": about the booking held. */
  if (m->cancel_denied && (about_booking || HAS (c, WHEN)) && !m->has_caravan && !m->has_time)
    return QURB_INTENT_MY_BOOKINGS;
  /* "désabonné par erreur, me réabonner": the last word said wins. */
  if (HAS (c, STOP) && HAS (c, START))
    return m->last_stop_or_start == QURB_CUE_START ? QURB_INTENT_START : QURB_INTENT_STOP;
  if (HAS (c, STOP))
    return about_booking && !HAS (c, MESSAGES) ? QURB_INTENT_CANCEL : QURB_INTENT_STOP;
  if (HAS (c, START))
    return m->negated ? QURB_INTENT_STOP : QURB_INTENT_START;
  /* "je comprends rien à vos messages": help, not a stop; but "je
   * comprends pas l'arabe" asks for French. */
  if (HAS (c, UNDERSTAND) && m->negated && !m->has_caravan && !m->has_booking &&
      !(c & (QURB_CUE_LANG_AR | QURB_CUE_LANG_FR)))
    return QURB_INTENT_HELP;
  /* "je préfère recevoir les messages en arabe": the language. */
  if (about_messages && (c & (QURB_CUE_LANG_AR | QURB_CUE_LANG_FR)))
    return QURB_INTENT_LANGUAGE;
  /* "ما بغيتش الرسائل", "plus de sms": stop; "بغيت الرسائل": start. A
   * message that came or did not ("ما توصلتش بالرسالة", "je ne reçois
   * plus vos messages") is neither unless a want says so ("je ne veux
   * plus recevoir"), nor one about a dossier or a caravan unless a verb
   * says so ("ma bghitch les sms dyal l9awafil"). */
  if (about_messages && !m->has_time && !m->has_dossier && !m->receiving_told &&
      (!(c & (QURB_CUE_STATUS | QURB_CUE_CARAVAN)) || (c & (QURB_CUE_WANT | QURB_CUE_SEND))))
    {
      if (m->negated)
        return QURB_INTENT_STOP;
      if (c & (QURB_CUE_WANT | QURB_CUE_SEND))
        return QURB_INTENT_START;
    }
  /* "ما غاديش نجي", "je ne pourrai pas venir": the seat is given back. */
  if (HAS (c, COME) && m->negated && !HAS (c, STATUS) && !m->has_time)
    return QURB_INTENT_CANCEL;
  if (m->my_booking && !HAS (c, WANT) && !m->has_time)
    return QURB_INTENT_MY_BOOKINGS;
  if (praises_a_caravan (m, folded))
    return QURB_INTENT_IGNORED;
  /* A code or a time means a booking; a time among words we do not know
   * may mean anything else. */
  if (!m->has_dossier && (m->has_caravan || (m->has_time && (!m->unknown_words ||
                          (c & (QURB_CUE_BOOK | QURB_CUE_APPOINTMENT | QURB_CUE_CARAVAN | QURB_CUE_WANT))))))
    return QURB_INTENT_BOOK;
  if (m->my_booking)
    return QURB_INTENT_MY_BOOKINGS;
  if (HAS (c, BOOK))
    return QURB_INTENT_BOOK;
  /* "شحال بقا من بلاصة": seats left are asked of the caravans. */
  if (HAS (c, APPOINTMENT) && HAS (c, HOW_MANY) && !HAS (c, WANT))
    return QURB_INTENT_CARAVANS;
  if (HAS (c, APPOINTMENT) && (HAS (c, WANT) || HAS (c, CARAVAN) || m->province != NULL))
    return QURB_INTENT_BOOK;
  if (HAS (c, APPOINTMENT) || HAS (c, MY_BOOKINGS) || (m->has_booking && HAS (c, WHEN)))
    return QURB_INTENT_MY_BOOKINGS;
  if (m->has_dossier || HAS (c, STATUS))
    return QURB_INTENT_STATUS;
  if (HAS (c, CARAVAN))
    return QURB_INTENT_CARAVANS;
  if (c & (QURB_CUE_LANG_AR | QURB_CUE_LANG_FR))
    return QURB_INTENT_LANGUAGE;
  if (asks_nothing (m))
    return QURB_INTENT_IGNORED;
  if (HAS (c, HELP) || HAS (c, HOW) || (HAS (c, UNDERSTAND) && m->negated) || only_question_marks (folded))
    return QURB_INTENT_HELP;
  /* A place alone asks what comes there; with words we do not know, it
   * may ask anything ("l'adresse de l'agence de Salé"). */
  if (m->province != NULL && !m->unknown_words)
    return QURB_INTENT_CARAVANS;
  return QURB_INTENT_UNKNOWN;
}

/* The language asked: the one named without a negation before it;
 * "ما كنعرفش العربية" (I cannot read Arabic) asks for French. */
static const gchar *
language_asked (const Message *m)
{
  gboolean named[2] = { FALSE, FALSE }, negated[2] = { FALSE, FALSE };

  for (guint i = 0; i < m->tokens->len; i++)
    {
      guint32 c = m->cues[i];
      gint lang = HAS (c, LANG_AR) ? 0 : HAS (c, LANG_FR) ? 1 : -1;
      gboolean no = HAS (c, NEGATION);

      if (lang < 0)
        continue;
      /* A negation reaches two words on: "ma kan9rach l3arbiya". */
      for (guint k = i > 2 ? i - 2 : 0; k < i && !no; k++)
        no = HAS (m->cues[k], NEGATION) && !(m->cues[k + 1] & (QURB_CUE_LANG_AR | QURB_CUE_LANG_FR));
      named[lang] = TRUE;
      negated[lang] |= no;
    }
  if (named[0] && !negated[0])
    return named[1] && !negated[1] ? (m->negated ? "fr" : "ar") : "ar";
  if (named[1] && !negated[1])
    return "fr";
  return named[0] ? "fr" : "ar";
}

/* "RESERVER LAA1 9": an hour with nothing else, just after the code. */
static void
find_bare_hour (const Message *m, QurbSmsCommand *command)
{
  guint after = m->caravan_at + m->caravan_tokens;

  for (guint i = after; i < MIN (after + 2, m->tokens->len); i++)
    {
      if (qurb_sms_bare_hour (m->tokens->pdata[i], command->time))
        return;
      if (!HAS (m->cues[i], PLACE))
        return;
    }
}

void
qurb_sms_parse (const gchar *text, const gchar *const *caravan_codes, QurbSmsCommand *command)
{
  qurb_sms_parse_expecting (text, caravan_codes, QURB_SMS_EXPECT_NOTHING, command);
}

/* As qurb_sms_parse, for a member who owes an answer: a rating is read
 * first, and only when the message names nothing else (a dossier, a
 * caravan, a booking code, a request). */
void
qurb_sms_parse_expecting (const gchar *text, const gchar *const *caravan_codes, QurbSmsExpect expect,
                          QurbSmsCommand *command)
{
  g_autofree gchar *folded = qurb_fold (text);
  g_autoptr(GPtrArray) tokens = qurb_tokenize (folded);
  g_autofree guint32 *cues = g_new0 (guint32, tokens->len + 1);
  g_autofree gboolean *argument = g_new0 (gboolean, tokens->len + 1);
  Message m = { tokens, cues, argument };

  memset (command, 0, sizeof *command);
  command->script = qurb_script_of (folded);

  read_words (&m);
  find_arguments (&m, folded, caravan_codes, command);
  sum_up (&m);
  find_province (&m);
  for (guint i = 0; i < tokens->len; i++)
    if (!argument[i] && cues[i] == 0)
      m.unknown_words = TRUE;

  if ((expect & QURB_SMS_EXPECT_RATING) && !m.has_dossier && !m.has_caravan && !m.has_booking &&
      (command->rating = qurb_sms_find_rating (tokens, cues)) > 0)
    command->intent = QURB_INTENT_RATE;
  else
    command->intent = tokens->len == 0 && symbols_only (text) ? QURB_INTENT_IGNORED
                                                              : choose_intent (&m, folded);
  switch (command->intent)
    {
    case QURB_INTENT_CARAVANS:
      command->province = m.province;
      break;
    case QURB_INTENT_BOOK:
      if (!m.has_caravan)
        command->province = m.province;
      else if (!m.has_time)
        find_bare_hour (&m, command);
      break;
    case QURB_INTENT_LANGUAGE:
      command->lang = language_asked (&m);
      break;
    default:
      break;
    }
  if (command->intent != QURB_INTENT_STATUS)
    command->dossier[0] = '\0';
  if (command->intent != QURB_INTENT_RATE)
    command->rating = 0;
  if (command->intent != QURB_INTENT_BOOK)
    {
      command->time[0] = '\0';
      command->time_unreadable = FALSE;
    }
  else if (command->time[0] == '\0' && qurb_sms_names_daypart (folded))
    command->time_unreadable = TRUE;   /* "l3chiya" alone: never the morning's first slot */
  if (command->intent != QURB_INTENT_CANCEL)
    command->booking[0] = '\0';
  if (command->intent != QURB_INTENT_BOOK &&
      !(command->intent == QURB_INTENT_CANCEL && command->booking[0] == '\0'))
    command->caravan[0] = '\0';
}

const gchar *
qurb_intent_name (QurbIntent intent)
{
  static const gchar *const names[] = {
    "unknown", "status", "caravans", "book", "cancel", "my_bookings", "stop", "start",
    "help", "language", "ignored", "rate",
  };

  g_return_val_if_fail (intent < G_N_ELEMENTS (names), "unknown");
  return names[intent];
}
