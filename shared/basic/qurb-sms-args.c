/* qurb-sms-args.c — the arguments of an SMS command, in every shape
 * members write them */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "qurb-booking-rules.h"
#include "qurb-fold.h"
#include "qurb-sms-args.h"
#include "qurb-sms-lexicon.h"

typedef struct {
  pcre2_code *dossier;
} Patterns;

/* A pattern of the SMS language: UTF-8, Unicode classes, caseless, JIT. */
gpointer
qurb_sms_pattern (const gchar *pattern)
{
  gint code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &offset, NULL);

  if (re == NULL)
    g_error ("bad pattern %s at %zu (%d)", pattern, offset, code);
  pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
  return re;
}

#define compile(pattern) ((pcre2_code *) qurb_sms_pattern (pattern))

static const Patterns *
patterns (void)
{
  static gsize built;
  static Patterns p;

  if (g_once_init_enter (&built))
    {
      /* Not the digits of a CIN (one or two letters, then digits). */
      p.dossier = compile ("(?<!\\d)(?<!\\b[a-z])(?<!\\b[a-z]{2})\\d{3,}(?:[ .\\-/]\\d{3,})*(?!\\d)");
      g_once_init_leave (&built, 1);
    }
  return &p;
}

/* A dossier number: 6 to 15 digits, in one run or in groups of three or
 * more ("2025 000 017", "2024-001-234"). */
gboolean
qurb_sms_find_dossier (const gchar *folded, gchar dossier[QURB_DOSSIER_SIZE])
{
  const Patterns *p = patterns ();
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (p->dossier, NULL);
  PCRE2_SIZE offset = 0, length = strlen (folded);
  gboolean found = FALSE;

  dossier[0] = '\0';
  while (!found && offset < length &&
         pcre2_match (p->dossier, (PCRE2_SPTR) folded, length, offset, 0, md, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      gsize digits = 0;

      for (PCRE2_SIZE i = ov[0]; i < ov[1]; i++)
        digits += g_ascii_isdigit (folded[i]) != 0;
      if (digits >= 6 && digits <= 15)
        {
          gsize n = 0;
          for (PCRE2_SIZE i = ov[0]; i < ov[1]; i++)
            if (g_ascii_isdigit (folded[i]))
              dossier[n++] = folded[i];
          dossier[n] = '\0';
          found = TRUE;
        }
      offset = ov[1];
    }
  pcre2_match_data_free (md);
  return found;
}

static gboolean
is_letters (const gchar *token, gsize min, gsize max)
{
  gsize n = strlen (token);

  if (n < min || n > max)
    return FALSE;
  for (const gchar *p = token; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_digits (const gchar *token, gsize min, gsize max)
{
  gsize n = strlen (token);

  if (n < min || n > max)
    return FALSE;
  for (const gchar *p = token; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_known (const gchar *const *known, const gchar *code)
{
  for (guint i = 0; known != NULL && known[i]; i++)
    if (g_ascii_strcasecmp (known[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* "LAA" is the letter part of a known code ("LAA1"). */
static gboolean
is_known_series (const gchar *const *known, const gchar *letters)
{
  gsize n = strlen (letters);

  for (guint i = 0; known != NULL && known[i]; i++)
    if (g_ascii_strncasecmp (known[i], letters, n) == 0 && is_digits (known[i] + n, 1, 3))
      return TRUE;
  return FALSE;
}

/* A code-shaped word: letters then digits ("laa1", "tat12"); a six-letter
 * booking code is not one, nor, in a Darija message, a word ending in a
 * digit-letter ("nja7", "sma3"). */
static gboolean
looks_like_caravan (const gchar *token, const gchar *const *known, gboolean darija)
{
  gsize letters = 0, n = strlen (token);
  gchar booking[QURB_BOOKING_CODE_SIZE];
  g_autofree gchar *series = NULL;

  while (g_ascii_isalpha (token[letters]))
    letters++;
  if (letters < 2 || letters > 6 || n < 3 || n > 8 || !is_digits (token + letters, 1, 3))
    return FALSE;
  /* "GLM2" when GLM1 exists: a code of a known series, whatever it spells. */
  series = g_strndup (token, letters);
  if (is_known_series (known, series))
    return TRUE;
  if (n == QURB_BOOKING_CODE_LENGTH && qurb_booking_code_normalize (token, booking))
    return FALSE;
  if (darija && n == letters + 1 && strchr ("2356789", token[letters]) != NULL)
    return FALSE;
  /* Darija words end in 3 (ع) too: "nrje3" is a verb, not a code. */
  return (qurb_lexicon_cues (token) & ~(QURB_CUE_FILLER | QURB_CUE_COURTESY | QURB_CUE_PLACE |
                                         QURB_CUE_FRENCH | QURB_CUE_DARIJA)) == 0;
}

static void
set_code (gchar code[QURB_CARAVAN_CODE_SIZE], const gchar *a, const gchar *b)
{
  g_autofree gchar *joined = g_strconcat (a, b, NULL);

  g_strlcpy (code, joined, QURB_CARAVAN_CODE_SIZE);
  for (gchar *p = code; *p; p++)
    *p = g_ascii_toupper (*p);
}

/* The caravan code in tokens: a code of the database first, even of
 * letters only or split in two ("GLM 1"); else a code-shaped word, which
 * the answer will say does not exist. Returns the first token's index
 * (*n_tokens how many), or -1. */
gint
qurb_sms_find_caravan (GPtrArray *tokens, const gchar *const *known, const gboolean *skip,
                       gboolean darija, gchar code[QURB_CARAVAN_CODE_SIZE], guint *n_tokens)
{
  code[0] = '\0';
  for (guint i = 0; i < tokens->len; i++)
    {
      const gchar *t = tokens->pdata[i], *next = i + 1 < tokens->len ? tokens->pdata[i + 1] : NULL;
      g_autofree gchar *joined = NULL;

      if (skip[i] || qurb_token_is_arabic (t))
        continue;
      if (is_known (known, t))
        {
          set_code (code, t, "");
          *n_tokens = 1;
          return i;
        }
      if (next == NULL || skip[i + 1] || !is_letters (t, 2, 6) || !is_digits (next, 1, 3))
        continue;
      joined = g_strconcat (t, next, NULL);
      if (is_known (known, joined) || is_known_series (known, t))
        {
          set_code (code, t, next);
          *n_tokens = 2;
          return i;
        }
    }
  for (guint i = 0; i < tokens->len; i++)
    if (!skip[i] && looks_like_caravan (tokens->pdata[i], known, darija))
      {
        set_code (code, tokens->pdata[i], "");
        *n_tokens = 1;
        return i;
      }
  return -1;
}

/* A booking code, whole or typed in two or three pieces ("K7P-2QX").
 * Codes with a digit first: a six-letter word may pass for one. */
gint
qurb_sms_find_booking (GPtrArray *tokens, const gboolean *skip, gchar code[QURB_BOOKING_CODE_SIZE],
                       guint *n_tokens)
{
  gint fallback = -1;

  code[0] = '\0';
  for (guint i = 0; i < tokens->len; i++)
    for (guint span = 1; span <= 3 && i + span <= tokens->len; span++)
      {
        g_autoptr(GString) candidate = g_string_new (NULL);
        gchar normalized[QURB_BOOKING_CODE_SIZE];
        gboolean usable = TRUE;

        for (guint k = i; k < i + span; k++)
          {
            /* Pieces are of two letters or more: "f", "w", "b" are words
             * ("n7jez f smara" is no code N7JEZF). */
            usable &= !skip[k] && !qurb_token_is_arabic (tokens->pdata[k]) &&
                      (span == 1 || strlen (tokens->pdata[k]) >= 2);
            g_string_append (candidate, tokens->pdata[k]);
          }
        if (!usable || candidate->len != QURB_BOOKING_CODE_LENGTH ||
            !qurb_booking_code_normalize (candidate->str, normalized))
          continue;
        if (strpbrk (candidate->str, "0123456789") != NULL)
          {
            memcpy (code, normalized, sizeof normalized);
            *n_tokens = span;
            return i;
          }
        if (fallback < 0 && span == 1 && qurb_lexicon_cues (candidate->str) == 0)
          {
            memcpy (code, normalized, sizeof normalized);
            *n_tokens = 1;
            fallback = i;
          }
      }
  return fallback;
}
