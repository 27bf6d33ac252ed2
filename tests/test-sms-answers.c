/* test-sms-answers.c — what a member's SMS does and what the answer says:
 * a booking only at the time asked, courtesy unanswered, codes of the
 * database in every example, numbers never cut between two parts */
#include "config.h"

#include <string.h>

#include "qurb-import.h"
#include "qurb-segments.h"
#include "qurb-sms.h"
#include "qurb-test-util.h"

#define FATIMA "+212612345678"   /* member 100001, Arabic, Laâyoune */
#define YOUSSEF "+212661234567"  /* member 100002, French, Salé */
#define NADIA "+212711223344"    /* member 100005, French, Rabat */

typedef struct {
  gchar *reply;
  QurbIntent intent;
  guint parts;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_free (answer->reply);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

static void
send_sms (QurbFixture *fixture, const gchar *sender, const gchar *text, Answer *answer)
{
  static const QurbSmsPolicy no_cap = { 0 };   /* these tests send many */
  g_autoptr(GError) error = NULL;
  QurbSmsResult result;
  gint64 id;

  g_assert_true (qurb_sms_receive (fixture->db, sender, text, &id, &error));
  g_assert_true (qurb_sms_process (fixture->db, id, &no_cap, &result, &error));
  g_assert_no_error (error);
  answer->reply = g_steal_pointer (&result.reply);
  answer->intent = result.command.intent;
  answer->parts = result.segments.parts;
  g_test_message ("%s → %s", text, answer->reply ? answer->reply : "(no reply)");
}

static void
setup (QurbFixture *fixture, gconstpointer data)
{
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_fixture_setup (fixture, data);
  qurb_fixture_load_corpus (fixture);
}

static gint64
bookings_of (QurbFixture *fixture, const gchar *member_no)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT count(*) FROM bookings b JOIN members m ON m.id = b.member_id"
                                           " WHERE m.member_no = '%s' AND b.state = 'active'", member_no);
  return qurb_test_query_int (fixture->db, sql);
}

/* A time asked that cannot be read, that has no slot or whose slot is
 * full books nothing: the answer lists the free times. */
static void
test_time_never_replaced (QurbFixture *fixture, gconstpointer data)
{
  static const struct { const gchar *text; const gchar *listed; } asks[] = {
    { "RESERVER LAA1 9h75", "09:00, 09:30, 10:00, 10:30" },     /* unreadable */
    { "RESERVER LAA1 a 25h", "09:00, 09:30, 10:00, 10:30" },    /* no such hour */
    { "RESERVER LAA1 9h15", "09:00, 09:30, 10:00, 10:30" },     /* not a slot's start */
    { "RESERVER LAA1 12h45", "11:30, 12:00, 12:30" },           /* after the last */
    { "reserver LAA1 9 w rb3", "09:00, 09:30" },
    { "7jz LAA1 m3a 10 w 20", "09:00, 09:30, 10:00, 10:30" },     /* unreadable: not 10:00 */
    { "7jz LAA1 l3echra w 7", "09:00, 09:30, 10:00, 10:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_auto (Answer) answer = { 0 };

      send_sms (fixture, YOUSSEF, asks[i].text, &answer);
      g_assert_cmpint (answer.intent, ==, QURB_INTENT_BOOK);
      g_assert_nonnull (strstr (answer.reply, asks[i].listed));
      g_assert_cmpint (bookings_of (fixture, "100002"), ==, 0);
    }

  /* SMA1 has two seats a slot: a third member asking 09:00 gets the list. */
  {
    g_auto (Answer) a = { 0 }, b = { 0 }, c = { 0 };

    send_sms (fixture, FATIMA, "RESERVER SMA1 9h", &a);
    send_sms (fixture, "+212700112233", "RESERVER SMA1 9h", &b);
    send_sms (fixture, YOUSSEF, "RESERVER SMA1 9h", &c);
    g_assert_nonnull (strstr (c.reply, "09:30, 10:00, 10:30"));
    g_assert_null (strstr (c.reply, "09:00,"));
    g_assert_cmpint (bookings_of (fixture, "100002"), ==, 0);
  }

  /* The time asked, when free, is the time booked, and the answer says it. */
  {
    g_auto (Answer) answer = { 0 };

    send_sms (fixture, YOUSSEF, "reserver laa1 10 heures et demie", &answer);
    g_assert_nonnull (strstr (answer.reply, "10:30"));
    qurb_assert_query_text (fixture->db, "SELECT s.start_time FROM bookings b JOIN slots s ON s.id = b.slot_id"
                            " JOIN members m ON m.id = b.member_id WHERE m.member_no = '100002'", "10:30");
  }
}

/* An Arabic answer that a time is not free or not understood holds in
 * one SMS part (70 characters), with the free times and an example. */
static void
test_free_times_one_part (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = { "حجز LAA1 الساعة 9 و ربع", "حجز LAA1 9h75", "حجز GLM1 الساعة 12 و ربع" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto (Answer) answer = { 0 };

      send_sms (fixture, FATIMA, texts[i], &answer);
      g_assert_nonnull (strstr (answer.reply, ":00"));
      g_assert_cmpuint (answer.parts, ==, 1);
    }
}

/* The help and a dossier's status hold in one Arabic part (70 characters). */
static void
test_arabic_one_part (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = { "مساعدة", "حالة 2025000017", "2024001234" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto (Answer) answer = { 0 };

      send_sms (fixture, FATIMA, texts[i], &answer);
      g_assert_nonnull (answer.reply);
      g_assert_cmpuint (answer.parts, ==, 1);
    }
}

/* Thanks, greetings and "ok" cost the member nothing: no reply. */
static void
test_courtesy_unanswered (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = { "شكرا", "merci bien", "ok", "👍", "السلام عليكم", "safi chokran", "merci pour votre aide" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto (Answer) answer = { 0 };

      send_sms (fixture, FATIMA, texts[i], &answer);
      g_assert_null (answer.reply);
      g_assert_cmpint (answer.intent, ==, QURB_INTENT_IGNORED);
    }
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE dir = 'out'"), ==, 0);
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM messages WHERE dir = 'in' AND state = 'ignored'"), ==, G_N_ELEMENTS (texts));
}

/* A caravan code of letters only is a code when the caravan exists. */
static void
test_letter_only_code (QurbFixture *fixture, gconstpointer data)
{
  g_autofree gchar *csv = qurb_fixture_write (fixture, "conc.csv",
      "code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,start_time,end_time,slot_minutes,seats_per_slot\n"
      "CONC,GENERALE,Consultations,استشارات,Laâyoune,Centre,المركز,2027-02-20,09:00,11:00,30,3\n");
  g_autoptr(GError) error = NULL;
  g_auto (Answer) answer = { 0 };
  QurbImportStats stats;

  g_assert_true (qurb_import_file (fixture->db, QURB_IMPORT_CARAVANS, csv, NULL, &stats, &error));
  send_sms (fixture, YOUSSEF, "RESERVER CONC", &answer);
  g_assert_cmpint (answer.intent, ==, QURB_INTENT_BOOK);
  qurb_assert_query_text (fixture->db, "SELECT c.code FROM bookings b JOIN caravans c ON c.id = b.caravan_id", "CONC");
  g_assert_nonnull (strstr (answer.reply, "CONC"));
}

/* Every code-shaped word of an answer exists: a caravan, or the member's
 * own booking. */
static void
assert_codes_exist (QurbFixture *fixture, const gchar *reply)
{
  g_auto (GStrv) words = g_regex_split_simple ("[^A-Z0-9]+", reply, 0, 0);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree gchar *sql = NULL;
      gboolean letters = strpbrk (words[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL;

      if (strlen (words[i]) < 3 || !letters || !g_ascii_isdigit (words[i][strlen (words[i]) - 1]) ||
          strcmp (words[i], "RESERVER") == 0 || strcmp (words[i], "ANNULER") == 0)
        {
          if (strlen (words[i]) != 6 || !letters || strpbrk (words[i], "0123456789") == NULL)
            continue;
        }
      sql = g_strdup_printf ("SELECT (SELECT count(*) FROM caravans WHERE code = '%1$s')"
                             " + (SELECT count(*) FROM bookings WHERE code = '%1$s')", words[i]);
      g_test_message ("code %s in “%s”", words[i], reply);
      g_assert_cmpint (qurb_test_query_int (fixture->db, sql), ==, 1);
    }
}

static void
test_examples_exist (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = {
    "RESERVER", "حجز", "bghit n7jz f dakhla", "je voudrais réserver à Guelmim", "caravane", "قافلة العيون",
    "annuler", "الغاء", "AIDE", "blabla",
  };
  g_auto (Answer) booked = { 0 };

  send_sms (fixture, YOUSSEF, "RESERVER GLM1", &booked);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint who = 0; who < 2; who++)
      {
        g_auto (Answer) answer = { 0 };

        send_sms (fixture, who ? YOUSSEF : FATIMA, texts[i], &answer);
        g_assert_nonnull (answer.reply);
        assert_codes_exist (fixture, answer.reply);
      }

}

/* Without a code, the caravan is the one that fits what the member named
 * (province, day, specialty): one is booked, several are listed with
 * their codes; a cancel means the booking of the day named, or the only
 * one the member holds. */
static void
test_what_is_named (QurbFixture *fixture, gconstpointer data)
{
  static const struct { const gchar *text, *booked, *cancel; } asks[] = {
    { "bghit n7jez f smara", "SMA1", "je veux annuler" },
    { "réserver ophtalmo le 03/02", "LAA1", "annuler ma résa svp" },
    { "حجز ف القافلة ديال الأسنان", "LAA2", "الغاء الحجز" },
    { "je voudrais réserver le 10 février", "GLM1", "lghi l7jz dyali" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_auto (Answer) answer = { 0 }, cancel = { 0 };

      send_sms (fixture, YOUSSEF, asks[i].text, &answer);
      g_assert_nonnull (strstr (answer.reply, asks[i].booked));
      g_assert_cmpint (bookings_of (fixture, "100002"), ==, 1);
      /* The only booking held: "annuler" alone cancels it. */
      send_sms (fixture, YOUSSEF, asks[i].cancel, &cancel);
      g_assert_cmpint (cancel.intent, ==, QURB_INTENT_CANCEL);
      g_assert_cmpint (bookings_of (fixture, "100002"), ==, 0);
    }

  /* Two caravans in Laâyoune: which one, with both codes; nothing booked. */
  {
    g_auto (Answer) answer = { 0 };

    send_sms (fixture, YOUSSEF, "bghit n7jz f l3youn", &answer);
    g_assert_nonnull (strstr (answer.reply, "LAA1"));
    g_assert_nonnull (strstr (answer.reply, "LAA2"));
    g_assert_cmpint (bookings_of (fixture, "100002"), ==, 0);
  }

  /* Already booked: the answer says how to change (cancel, then book). */
  {
    g_auto (Answer) first = { 0 }, again = { 0 };

    send_sms (fixture, NADIA, "RESERVER LAA1 10h", &first);
    send_sms (fixture, NADIA, "RESERVER LAA1 11h", &again);
    g_assert_nonnull (strstr (again.reply, "ANNULER"));
    g_assert_nonnull (strstr (again.reply, "RESERVER"));
  }

  /* Two bookings: the day named says which; no day, the list. */
  {
    g_auto (Answer) a = { 0 }, b = { 0 }, which = { 0 }, dated = { 0 };

    send_sms (fixture, YOUSSEF, "RESERVER LAA1", &a);
    send_sms (fixture, YOUSSEF, "RESERVER GLM1", &b);
    send_sms (fixture, YOUSSEF, "annuler", &which);
    g_assert_cmpint (bookings_of (fixture, "100002"), ==, 2);
    send_sms (fixture, YOUSSEF, "annuler mon rdv du 10/02", &dated);
    g_assert_cmpint (bookings_of (fixture, "100002"), ==, 1);
    qurb_assert_query_text (fixture->db, "SELECT c.code FROM bookings b JOIN caravans c ON c.id = b.caravan_id"
                            " WHERE b.state = 'active'", "LAA1");
  }
}

/* The example in an answer about a specialty is a caravan of it. */
static void
test_specialty_example (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = { "caravane dentaire", "9afila dyal snan", "quand est la caravane pour les dents ?" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto (Answer) answer = { 0 };

      send_sms (fixture, YOUSSEF, texts[i], &answer);
      g_assert_cmpint (answer.intent, ==, QURB_INTENT_CARAVANS);
      g_assert_nonnull (strstr (answer.reply, "RESERVER LAA2"));
    }
}

/* Long answers are cut after a space: no number or code in two parts. */
static void
test_no_number_split (QurbFixture *fixture, gconstpointer data)
{
  const gchar *texts[] = { "حالة", "قافلة", "مساعدة", "توقف", "حجز LAA1 الساعة 12 و نص", "2025000018" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto (Answer) answer = { 0 };
      g_autoptr(GPtrArray) parts = NULL;

      send_sms (fixture, FATIMA, texts[i], &answer);
      parts = qurb_sms_split (answer.reply);
      g_assert_cmpuint (parts->len, ==, answer.parts);
      for (guint p = 0; p + 1 < parts->len; p++)
        {
          const gchar *part = parts->pdata[p];
          gunichar last = g_utf8_get_char (g_utf8_prev_char (part + strlen (part)));

          g_assert_true (g_unichar_isspace (last));
        }
    }
}

/* An amount in an Arabic answer is one number on the phone: its
 * thousands are kept apart by a no-break space, not a plain one (which
 * a right-to-left line shows as "170,00 1"); in French, a plain space. */
static void
test_amount_one_number (QurbFixture *fixture, gconstpointer data)
{
  g_auto (Answer) arabic = { 0 };
  g_auto (Answer) french = { 0 };

  send_sms (fixture, NADIA, "حالة الملف 2024003333", &arabic);
  g_assert_nonnull (strstr (arabic.reply, "1\u00A0170,00 درهم"));
  g_assert_cmpuint (arabic.parts, ==, 1);
  send_sms (fixture, NADIA, "etat dossier 2024003333", &french);
  g_assert_nonnull (strstr (french.reply, "1 170,00 DH"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, QurbFixture, NULL, setup, func, qurb_fixture_teardown)
  ADD ("/sms-answers/time-never-replaced", test_time_never_replaced);
  ADD ("/sms-answers/free-times-one-part", test_free_times_one_part);
  ADD ("/sms-answers/arabic-one-part", test_arabic_one_part);
  ADD ("/sms-answers/courtesy-unanswered", test_courtesy_unanswered);
  ADD ("/sms-answers/letter-only-code", test_letter_only_code);
  ADD ("/sms-answers/examples-exist", test_examples_exist);
  ADD ("/sms-answers/what-is-named", test_what_is_named);
  ADD ("/sms-answers/specialty-example", test_specialty_example);
  ADD ("/sms-answers/no-number-split", test_no_number_split);
  ADD ("/sms-answers/amount-one-number", test_amount_one_number);
#undef ADD
  return g_test_run ();
}
