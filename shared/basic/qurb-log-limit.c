/* qurb-log-limit.c — one warning per kind of error per interval, and the
 * back-off after errors in a row */
#include "config.h"

#include "qurb-log-limit.h"

/* Kinds seen, kept while they may still hold a warning back. */
#define PRUNE_ABOVE 64

typedef struct {
  gint64 written_at;
  guint held_back;
} Kind;

struct _QurbLogLimit {
  gint64 interval_us;
  GHashTable *kinds;    /* kind → Kind */
};

QurbLogLimit *
qurb_log_limit_new (gint64 interval_us)
{
  QurbLogLimit *limit = g_new0 (QurbLogLimit, 1);

  limit->interval_us = interval_us;
  limit->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return limit;
}

void
qurb_log_limit_free (QurbLogLimit *limit)
{
  if (limit == NULL)
    return;
  g_hash_table_unref (limit->kinds);
  g_free (limit);
}

static gboolean
is_stale (gpointer key, gpointer value, gpointer user_data)
{
  const gint64 *cutoff = user_data;

  return ((Kind *) value)->written_at <= *cutoff;
}

gboolean
qurb_log_limit_allow (QurbLogLimit *limit, const gchar *kind, gint64 now_us, guint *held_back)
{
  Kind *seen;

  g_return_val_if_fail (limit != NULL && kind != NULL, TRUE);

  seen = g_hash_table_lookup (limit->kinds, kind);
  if (seen != NULL && now_us - seen->written_at < limit->interval_us)
    {
      seen->held_back++;
      return FALSE;
    }
  if (held_back)
    *held_back = seen ? seen->held_back : 0;
  if (seen == NULL)
    {
      /* Forgetting a quiet kind loses nothing: its next warning is due. */
      if (g_hash_table_size (limit->kinds) >= PRUNE_ABOVE)
        {
          gint64 cutoff = now_us - limit->interval_us;
          g_hash_table_foreach_remove (limit->kinds, is_stale, &cutoff);
        }
      seen = g_new0 (Kind, 1);
      g_hash_table_insert (limit->kinds, g_strdup (kind), seen);
    }
  seen->written_at = now_us;
  seen->held_back = 0;
  return TRUE;
}

gchar *
qurb_log_kind (const gchar *doing, const gchar *message)
{
  GString *kind = g_string_new (doing);

  g_string_append (kind, ": ");
  for (const gchar *p = message ? message : ""; *p; p++)
    if (!g_ascii_isdigit (*p))
      g_string_append_c (kind, *p);
    else if (kind->len == 0 || kind->str[kind->len - 1] != '#')
      g_string_append_c (kind, '#');
  return g_string_free (kind, FALSE);
}

guint
qurb_backoff_ms (guint failures, guint base_ms, guint max_ms)
{
  if (failures == 0)
    return 0;
  if (failures > 31 || base_ms > (max_ms >> (failures - 1)))
    return max_ms;
  return MIN (max_ms, base_ms << (failures - 1));
}
