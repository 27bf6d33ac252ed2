/* qurb-phone.c — Moroccan phone numbers to E.164, and masking for logs */
#include "config.h"

#include <string.h>

#include "qurb-fold.h"
#include "qurb-phone.h"

/* Any written form of a Moroccan mobile number — 06…, 07…, +2126…,
 * 002126…, 2126…, "+212 (0)6…", with spaces, dots or dashes — as
 * +2126XXXXXXXX / +2127XXXXXXXX; NULL for anything else. */
gchar *
qurb_phone_normalize (const gchar *text)
{
  GString *digits;
  gboolean plus = FALSE;
  const gchar *national;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  digits = g_string_sized_new (16);
  for (const gchar *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gint v = qurb_digit_value (c);

      if (v >= 0)
        g_string_append_c (digits, '0' + v);
      else if (c == '+' && digits->len == 0 && !plus)
        plus = TRUE;
      else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' ||
               c == '/' || c == 0x00A0)
        continue;
      else
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  national = digits->str;
  if (plus && g_str_has_prefix (national, "212"))
    national += 3;
  else if (!plus && g_str_has_prefix (national, "00212"))
    national += 5;
  else if (!plus && g_str_has_prefix (national, "212") && digits->len == 12)
    national += 3;
  else if (plus)
    national = NULL;  /* another country */

  /* "+212 (0)6…": the trunk zero written after the country code. */
  if (national != NULL && national != digits->str && strlen (national) == 10 && national[0] == '0')
    national++;
  else if (national == digits->str && strlen (national) == 10 && national[0] == '0')
    national++;

  if (national == NULL || strlen (national) != 9 || (national[0] != '6' && national[0] != '7'))
    {
      g_string_free (digits, TRUE);
      return NULL;
    }

  {
    gchar *e164 = g_strconcat ("+212", national, NULL);
    g_string_free (digits, TRUE);
    return e164;
  }
}

/* "+212612345678" → "+2126*****678": enough to tell numbers apart in a
 * log, not enough to call anyone. */
gchar *
qurb_phone_mask (const gchar *e164)
{
  gsize len;
  GString *masked;

  if (e164 == NULL)
    return g_strdup ("(none)");
  len = strlen (e164);
  if (len <= 6)
    return g_strnfill (len, '*');
  masked = g_string_new_len (e164, 5);
  for (gsize i = 5; i < len - 3; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, e164 + len - 3);
  return g_string_free (masked, FALSE);
}
