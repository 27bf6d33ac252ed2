/* qurb-i18n.c — a reader for GNU .mo catalogues, with plural forms */
#include "config.h"

#include <string.h>

#include "qurb-i18n.h"

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

typedef struct {
  GMappedFile *mapped;
  const guint8 *data;
  gsize length;
  gboolean swapped;
  guint32 n_strings;
  guint32 originals;     /* offset of the (length, offset) table of msgids */
  guint32 translations;  /* same for msgstrs */
  gchar *plural;         /* the Plural-Forms expression, or NULL */
  gulong nplurals;
} Catalog;

/* Loaded catalogues live until exit; a NULL value records "not found". */
static GHashTable *catalogs;
static gchar *ui_lang;
static gsize ui_lang_set;
G_LOCK_DEFINE_STATIC (catalogs);

static guint32
read_u32 (const Catalog *cat, gsize offset)
{
  guint32 v;

  if (offset + 4 > cat->length)
    return 0;
  memcpy (&v, cat->data + offset, 4);
  return cat->swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The i-th string of a table, or NULL when it points outside the file. */
static const gchar *
table_string (const Catalog *cat, guint32 table, guint32 i, guint32 *length)
{
  guint32 len = read_u32 (cat, table + (gsize) i * 8);
  guint32 off = read_u32 (cat, table + (gsize) i * 8 + 4);

  if ((gsize) off + len >= cat->length)
    return NULL;
  if (length)
    *length = len;
  return (const gchar *) cat->data + off;
}

static void
catalog_free (Catalog *cat)
{
  if (cat == NULL)
    return;
  g_mapped_file_unref (cat->mapped);
  g_free (cat->plural);
  g_free (cat);
}

static const gchar *
catalog_lookup (const Catalog *cat, const gchar *msgid, guint32 *length)
{
  guint32 lo = 0, hi = cat->n_strings;

  /* msgfmt writes the msgids sorted bytewise. */
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const gchar *key = table_string (cat, cat->originals, mid, NULL);
      gint cmp;

      if (key == NULL)
        return NULL;
      cmp = strcmp (msgid, key);
      if (cmp == 0)
        return table_string (cat, cat->translations, mid, length);
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

static void
catalog_read_plural_forms (Catalog *cat)
{
  const gchar *header = catalog_lookup (cat, "", NULL);
  const gchar *forms, *eol, *nplurals, *plural;
  g_autofree gchar *line = NULL;

  if (header == NULL || (forms = strstr (header, "Plural-Forms:")) == NULL)
    return;
  eol = strchr (forms, '\n');
  line = eol ? g_strndup (forms, eol - forms) : g_strdup (forms);
  nplurals = strstr (line, "nplurals=");
  plural = strstr (line, "plural=");
  if (plural == nplurals + 2)  /* "plural=" also matches inside "nplurals=" */
    plural = strstr (nplurals + 9, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;
  cat->nplurals = strtoul (nplurals + 9, NULL, 10);
  cat->plural = g_strdup (plural + 7);
  g_strdelimit (cat->plural, ";", '\0');
}

/* Where the catalogues are: QURB_LOCALEDIR when set; the build tree's
 * for a program run from the build tree (so that nobody is answered in
 * English for want of an environment variable); else the installed ones. */
const gchar *
qurb_i18n_catalog_dir (void)
{
  static gsize chosen;
  static gchar *dir;

  if (g_once_init_enter (&chosen))
    {
      const gchar *env = g_getenv ("QURB_LOCALEDIR");
      g_autofree gchar *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree gchar *build_root = g_build_filename (QURB_BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);

      if (env != NULL && *env != '\0')
        dir = g_strdup (env);
      else if (exe != NULL && g_str_has_prefix (exe, build_root))
        dir = g_build_filename (QURB_BUILD_ROOT, "locale", NULL);
      else
        dir = g_strdup (LOCALEDIR);
      g_once_init_leave (&chosen, 1);
    }
  return dir;
}

static gchar *
catalog_path (const gchar *lang)
{
  return g_build_filename (qurb_i18n_catalog_dir (), lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

static Catalog *
catalog_load (const gchar *lang)
{
  g_autofree gchar *path = catalog_path (lang);
  g_autoptr(GError) error = NULL;
  GMappedFile *mapped = g_mapped_file_new (path, FALSE, &error);
  Catalog *cat;
  guint32 magic;

  if (mapped == NULL)
    {
      g_debug ("No %s catalogue: %s", lang, error->message);
      return NULL;
    }
  cat = g_new0 (Catalog, 1);
  cat->mapped = mapped;
  cat->data = (const guint8 *) g_mapped_file_get_contents (mapped);
  cat->length = g_mapped_file_get_length (mapped);
  if (cat->length < 28)
    goto invalid;
  memcpy (&magic, cat->data, 4);
  if (magic == MO_MAGIC_SWAPPED)
    cat->swapped = TRUE;
  else if (magic != MO_MAGIC)
    goto invalid;
  cat->n_strings = read_u32 (cat, 8);
  cat->originals = read_u32 (cat, 12);
  cat->translations = read_u32 (cat, 16);
  if ((gsize) cat->originals + (gsize) cat->n_strings * 8 > cat->length ||
      (gsize) cat->translations + (gsize) cat->n_strings * 8 > cat->length)
    goto invalid;
  catalog_read_plural_forms (cat);
  return cat;

invalid:
  g_warning ("%s is not a valid message catalogue", path);
  catalog_free (cat);
  return NULL;
}

static const Catalog *
catalog_for (const gchar *lang)
{
  const Catalog *cat;
  gpointer found;

  if (lang == NULL)
    return NULL;
  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) catalog_free);
  if (!g_hash_table_lookup_extended (catalogs, lang, NULL, &found))
    {
      found = catalog_load (lang);
      g_hash_table_insert (catalogs, g_strdup (lang), found);
    }
  cat = found;
  G_UNLOCK (catalogs);
  return cat;
}

/* Whether members can be answered in lang: its catalogue is there. */
gboolean
qurb_i18n_require (const gchar *lang, GError **error)
{
  g_autofree gchar *path = NULL;

  if (catalog_for (lang) != NULL)
    return TRUE;
  path = catalog_path (lang);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "no \"%s\" message catalogue (%s): members would be answered in English",
               lang, path);
  return FALSE;
}

const gchar *
qurb_dgettext (const gchar *lang, const gchar *msgid)
{
  const Catalog *cat = catalog_for (lang);
  const gchar *translated;

  if (cat == NULL || msgid == NULL || *msgid == '\0')
    return msgid;
  translated = catalog_lookup (cat, msgid, NULL);
  return (translated && *translated) ? translated : msgid;
}

/* msgid in its context (msgctxt): the same English for another use —
 * the kiosk's spoken prompts, written with their vowels in Arabic. msgfmt
 * keys such an entry "context\004msgid". */
const gchar *
qurb_dpgettext (const gchar *lang, const gchar *context, const gchar *msgid)
{
  const Catalog *cat = catalog_for (lang);
  g_autofree gchar *key = NULL;
  const gchar *translated;

  if (cat == NULL || msgid == NULL || *msgid == '\0')
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  translated = catalog_lookup (cat, key, NULL);
  return (translated && *translated) ? translated : msgid;
}

const gchar *
qurb_dngettext (const gchar *lang, const gchar *msgid, const gchar *msgid_plural, gulong n)
{
  const Catalog *cat = catalog_for (lang);
  const gchar *forms;
  guint32 length;
  gulong index;
  gboolean ok = FALSE;

  if (cat == NULL || cat->plural == NULL)
    return n == 1 ? msgid : msgid_plural;

  /* Plural entries are keyed by the singular msgid alone: msgfmt stores
   * "singular\0plural" and the search stops at the first NUL. */
  forms = catalog_lookup (cat, msgid, &length);
  index = qurb_plural_eval (cat->plural, n, &ok);
  if (forms == NULL || !ok || index >= cat->nplurals)
    return n == 1 ? msgid : msgid_plural;

  for (const gchar *p = forms, *end = forms + length; p < end; p += strlen (p) + 1)
    {
      if (index-- == 0)
        return *p ? p : (n == 1 ? msgid : msgid_plural);
    }
  return n == 1 ? msgid : msgid_plural;
}

static gchar *
lang_from_locale_value (const gchar *value)
{
  g_auto(GStrv) items = NULL;

  if (value == NULL || *value == '\0')
    return NULL;
  /* LANGUAGE may list several, "ar:fr"; we take the first we know. */
  items = g_strsplit (value, ":", -1);
  for (gchar **p = items; *p; p++)
    {
      if (g_str_has_prefix (*p, "ar"))
        return g_strdup ("ar");
      if (g_str_has_prefix (*p, "fr"))
        return g_strdup ("fr");
    }
  return NULL;
}

/* The language of whoever runs the program: LANGUAGE, LC_ALL,
 * LC_MESSAGES, then LANG, as gettext does; NULL means the source text. */
const gchar *
qurb_ui_lang (void)
{
  static const gchar *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

  if (g_once_init_enter (&ui_lang_set))
    {
      for (guint i = 0; i < G_N_ELEMENTS (vars) && ui_lang == NULL; i++)
        ui_lang = lang_from_locale_value (g_getenv (vars[i]));
      g_once_init_leave (&ui_lang_set, TRUE);
    }
  return ui_lang;
}

/* ---- Plural-Forms expressions: C syntax over one variable, n ---- */

typedef struct {
  const gchar *p;
  gulong n;
  gboolean ok;
} PluralParser;

static gulong parse_ternary (PluralParser *pp);

static void
skip_spaces (PluralParser *pp)
{
  while (g_ascii_isspace (*pp->p))
    pp->p++;
}

static gboolean
accept (PluralParser *pp, const gchar *token)
{
  gsize len = strlen (token);

  skip_spaces (pp);
  if (strncmp (pp->p, token, len) != 0)
    return FALSE;
  /* "<" must not swallow the first half of "<=", nor "!" of "!=". */
  if (len == 1 && strchr ("<>!=", token[0]) && pp->p[1] == '=')
    return FALSE;
  pp->p += len;
  return TRUE;
}

static gulong
parse_primary (PluralParser *pp)
{
  skip_spaces (pp);
  if (accept (pp, "("))
    {
      gulong v = parse_ternary (pp);
      if (!accept (pp, ")"))
        pp->ok = FALSE;
      return v;
    }
  if (accept (pp, "!"))
    return !parse_primary (pp);
  if (*pp->p == 'n')
    {
      pp->p++;
      return pp->n;
    }
  if (g_ascii_isdigit (*pp->p))
    {
      gchar *end;
      gulong v = strtoul (pp->p, &end, 10);
      pp->p = end;
      return v;
    }
  pp->ok = FALSE;
  return 0;
}

static gulong
parse_multiplicative (PluralParser *pp)
{
  gulong v = parse_primary (pp);

  while (pp->ok)
    {
      gboolean mul = accept (pp, "*"), div = !mul && accept (pp, "/");
      gboolean mod = !mul && !div && accept (pp, "%");
      gulong r;

      if (!mul && !div && !mod)
        break;
      r = parse_primary (pp);
      if ((div || mod) && r == 0)
        {
          pp->ok = FALSE;
          return 0;
        }
      v = mul ? v * r : div ? v / r : v % r;
    }
  return v;
}

static gulong
parse_additive (PluralParser *pp)
{
  gulong v = parse_multiplicative (pp);

  while (pp->ok)
    {
      if (accept (pp, "+"))
        v += parse_multiplicative (pp);
      else if (accept (pp, "-"))
        v -= parse_multiplicative (pp);
      else
        break;
    }
  return v;
}

static gulong
parse_relational (PluralParser *pp)
{
  gulong v = parse_additive (pp);

  while (pp->ok)
    {
      if (accept (pp, "<="))
        v = v <= parse_additive (pp);
      else if (accept (pp, ">="))
        v = v >= parse_additive (pp);
      else if (accept (pp, "<"))
        v = v < parse_additive (pp);
      else if (accept (pp, ">"))
        v = v > parse_additive (pp);
      else
        break;
    }
  return v;
}

static gulong
parse_equality (PluralParser *pp)
{
  gulong v = parse_relational (pp);

  while (pp->ok)
    {
      if (accept (pp, "=="))
        v = v == parse_relational (pp);
      else if (accept (pp, "!="))
        v = v != parse_relational (pp);
      else
        break;
    }
  return v;
}

static gulong
parse_and (PluralParser *pp)
{
  gulong v = parse_equality (pp);

  while (pp->ok && accept (pp, "&&"))
    {
      gulong r = parse_equality (pp);
      v = v && r;
    }
  return v;
}

static gulong
parse_or (PluralParser *pp)
{
  gulong v = parse_and (pp);

  while (pp->ok && accept (pp, "||"))
    {
      gulong r = parse_and (pp);
      v = v || r;
    }
  return v;
}

static gulong
parse_ternary (PluralParser *pp)
{
  gulong cond = parse_or (pp);

  if (pp->ok && accept (pp, "?"))
    {
      gulong a = parse_ternary (pp);
      gulong b;

      if (!accept (pp, ":"))
        {
          pp->ok = FALSE;
          return 0;
        }
      b = parse_ternary (pp);
      return cond ? a : b;
    }
  return cond;
}

gulong
qurb_plural_eval (const gchar *expression, gulong n, gboolean *ok)
{
  PluralParser pp = { expression, n, TRUE };
  gulong v = parse_ternary (&pp);

  skip_spaces (&pp);
  if (*pp.p != '\0')
    pp.ok = FALSE;
  if (ok)
    *ok = pp.ok;
  return pp.ok ? v : 0;
}
