/* test-sms-store.c — parts in, messages assembled, outbox claimed */
#include "config.h"

#include "qurb-booking.h"
#include "qurb-outbox.h"
#include "qurb-reminders.h"
#include "qurb-sms-store.h"
#include "qurb-test-util.h"

static void
store (QurbFixture *fixture, const gchar *sender, const gchar *sent_at, gint ref, gint total,
       gint seq, const gchar *text, gboolean expect_new)
{
  QurbSmsPart part = { "modem", sender, sent_at, ref, total, seq, text };
  g_autoptr(GError) error = NULL;
  gboolean is_new = !expect_new;

  g_assert_true (qurb_sms_store_part (fixture->db, &part, &is_new, &error));
  g_assert_no_error (error);
  g_assert_cmpint (is_new, ==, expect_new);
}

static GArray *
assemble (QurbFixture *fixture, guint timeout)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = qurb_sms_assemble (fixture->db, timeout, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_assemble (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GArray) first = NULL, second = NULL, third = NULL;

  store (fixture, "+212612345678", "2027-01-15T09:59:00", -1, 1, 1, "ETAT", TRUE);
  store (fixture, "+212612345678", "2027-01-15T09:59:00", -1, 1, 1, "ETAT", FALSE);  /* re-read */
  store (fixture, "+212612345678", "2027-01-15T09:59:30", -1, 1, 1, "ETAT", TRUE);  /* sent again */
  /* Three parts out of order, one of them twice; and a part that never comes. */
  store (fixture, "+212661234567", "2027-01-15T09:59:10", 42, 3, 3, "ier 2024005678", TRUE);
  store (fixture, "+212661234567", "2027-01-15T09:59:10", 42, 3, 1, "Etat de mon ", TRUE);
  store (fixture, "+212661234567", "2027-01-15T09:59:10", 42, 3, 1, "Etat de mon ", FALSE);
  store (fixture, "+212700112233", "2027-01-15T09:59:20", 7, 2, 1, "حالة ", TRUE);
  store (fixture, "+212661234567", "2027-01-15T09:59:10", 42, 3, 2, "doss", TRUE);
  store (fixture, "+212612345678", "2027-01-15T09:59:40", -1, 1, 1, NULL, TRUE);   /* undecodable */
  /* Read again after a crash: the same row, whatever its text could not be. */
  store (fixture, "+212612345678", "2027-01-15T09:59:40", -1, 1, 1, NULL, FALSE);

  first = assemble (fixture, 600);
  g_assert_cmpuint (first->len, ==, 3);
  qurb_assert_query_text (fixture->db, "SELECT group_concat(text, '|') FROM (SELECT text FROM messages"
                          " WHERE state = 'received' ORDER BY id)", "ETAT|ETAT|Etat de mon dossier 2024005678");
  qurb_assert_query_text (fixture->db, "SELECT state || ' ' || error FROM messages WHERE text = ''",
                          "ignored undecodable");
  second = assemble (fixture, 600);
  g_assert_cmpuint (second->len, ==, 0);

  /* Ten minutes on, the rest will not come: the lone part is a message,
   * marked, to be answered from what came (DESIGN.md 3.1). */
  g_setenv ("QURB_NOW", "2027-01-15T10:11:00", TRUE);
  third = assemble (fixture, 600);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  g_assert_cmpuint (third->len, ==, 1);
  qurb_assert_query_text (fixture->db, "SELECT state || ' ' || error || ' ' || text FROM messages"
                          " WHERE peer = '+212700112233'", "received parts missing حالة ");
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT count(*) FROM sms_parts WHERE message_id IS NULL"), ==, 0);
}

/* Fault 2: parts with the same number and different texts are different
 * messages, grouped by their SMSC stamps; nothing is dropped. */
static void
test_parts_that_differ (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GArray) ids = NULL;

  /* Part 1 of a text whose part 2 never came; eight minutes later a new
   * text from the same phone reuses reference 5. */
  store (fixture, "+212661234567", "2027-01-15T09:50:00", 5, 2, 1, "RESERVER LA", TRUE);
  store (fixture, "+212661234567", "2027-01-15T09:58:00", 5, 2, 1, "ETAT 20240", TRUE);
  store (fixture, "+212661234567", "2027-01-15T09:58:02", 5, 2, 2, "01234", TRUE);
  /* Two long texts from one phone, one reference, read in one poll, their
   * parts interleaved; and the network repeating one part. */
  store (fixture, "+212612345678", "2027-01-15T09:57:00", 9, 2, 1, "Je ne veux plus de messages, ", TRUE);
  store (fixture, "+212612345678", "2027-01-15T09:59:00", 9, 2, 1, "Etat de mon dossier ", TRUE);
  store (fixture, "+212612345678", "2027-01-15T09:57:01", 9, 2, 2, "STOP", TRUE);
  store (fixture, "+212612345678", "2027-01-15T09:59:30", 9, 2, 1, "Etat de mon dossier ", TRUE);
  store (fixture, "+212612345678", "2027-01-15T09:59:01", 9, 2, 2, "2024001234", TRUE);

  ids = assemble (fixture, 600);
  g_assert_cmpuint (ids->len, ==, 3);
  qurb_assert_query_text (fixture->db, "SELECT group_concat(text, '|') FROM (SELECT text FROM messages"
                          " WHERE dir = 'in' ORDER BY text)",
                          "ETAT 2024001234|Etat de mon dossier 2024001234|Je ne veux plus de messages, STOP");
  /* The repeat went with its message; the lone part still waits. */
  qurb_assert_query_text (fixture->db, "SELECT group_concat(text) FROM sms_parts WHERE message_id IS NULL",
                          "RESERVER LA");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_parts"), ==, 8);
}

static gint64
queue (QurbFixture *fixture, const gchar *kind, QurbPriority priority)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (qurb_db_exec (fixture->db, "BEGIN IMMEDIATE", NULL));
  g_assert_true (qurb_outbox_queue (fixture->db, &(QurbOutgoing) {
                   .peer = "+212612345678", .text = kind, .kind = kind, .priority = priority },
                   &id, &error));
  g_assert_true (qurb_db_exec (fixture->db, "COMMIT", NULL));
  return id;
}

#define LEASE_MS 60000

static void
claim (QurbFixture *fixture, const gchar *modem, gboolean broadcasts, guint lease_ms, QurbOutboxItem *item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (qurb_outbox_claim (fixture->db, modem, broadcasts, lease_ms, item, &error));
  g_assert_no_error (error);
}

/* Part seq of n through modem; whether the claim was still its own. */
static gboolean
part_sent (QurbFixture *fixture, const QurbOutboxItem *item, const gchar *modem, guint seq, guint n)
{
  g_autoptr(GError) error = NULL;
  gboolean ours = FALSE;

  g_assert_true (qurb_outbox_part_sent (fixture->db, item, modem, seq, n, 17, LEASE_MS, &ours, &error));
  g_assert_no_error (error);
  return ours;
}

static void
test_claim_order_and_retry (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 broadcast = queue (fixture, "broadcast", QURB_PRIORITY_BROADCAST);
  gint64 notice = queue (fixture, "notice", QURB_PRIORITY_NOTICE);
  gint64 reply = queue (fixture, "reply", QURB_PRIORITY_REPLY);
  QurbOutboxItem item, notice_item;

  claim (fixture, "m1", FALSE, LEASE_MS, &item);
  g_assert_cmpint (item.id, ==, reply);
  g_assert_cmpint (item.reference, ==, reply % 256);
  qurb_outbox_item_clear (&item);
  claim (fixture, "m2", FALSE, LEASE_MS, &notice_item);
  g_assert_cmpint (notice_item.id, ==, notice);
  /* Quiet hours: broadcasts wait. */
  claim (fixture, "m1", FALSE, LEASE_MS, &item);
  g_assert_cmpint (item.id, ==, 0);
  claim (fixture, "m1", TRUE, LEASE_MS, &item);
  g_assert_cmpint (item.id, ==, broadcast);
  qurb_outbox_item_clear (&item);

  /* The reply's first part went out, then m1's daemon restarted: m1 goes
   * on from part 2, with the same reference. */
  g_assert_true (qurb_outbox_release (fixture->db, "m1", &error));
  claim (fixture, "m1", TRUE, LEASE_MS, &item);
  g_assert_cmpint (item.id, ==, reply);
  g_assert_true (part_sent (fixture, &item, "m1", 1, 2));
  qurb_outbox_item_clear (&item);
  g_assert_true (qurb_outbox_release (fixture->db, "m1", &error));
  claim (fixture, "m1", TRUE, LEASE_MS, &item);
  g_assert_cmpint (item.id, ==, reply);
  g_assert_cmpuint (item.parts_sent, ==, 1);
  g_assert_cmpint (item.reference, ==, reply % 256);

  /* A refusal: back later, then failed at the third. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree gchar *later = g_strdup_printf ("2027-01-15T1%u:00:00", i);

      g_assert_true (qurb_outbox_retry_later (fixture->db, &item, "m1", "timeout", 3, &error));
      qurb_outbox_item_clear (&item);
      if (i == 1)
        qurb_assert_query_text (fixture->db, "SELECT state || ' ' || attempts || ' ' || not_before FROM messages"
                                " WHERE kind = 'reply'", "queued 1 2027-01-15T10:01:00");
      g_setenv ("QURB_NOW", later, TRUE);
      claim (fixture, "m1", FALSE, LEASE_MS, &item);
      g_assert_cmpint (item.id, ==, i < 3 ? reply : 0);
    }
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  qurb_assert_query_text (fixture->db, "SELECT state || ' ' || error FROM messages WHERE kind = 'reply'",
                          "failed timeout");

  /* Sent with its last part, then delivered when the network says so. */
  g_assert_true (part_sent (fixture, &notice_item, "m2", 1, 1));
  qurb_outbox_item_clear (&notice_item);
  qurb_assert_query_text (fixture->db, "SELECT state FROM messages WHERE kind = 'notice'", "sent");
  g_assert_true (qurb_outbox_delivered (fixture->db, "m2", 17, &error));
  g_assert_no_error (error);
  qurb_assert_query_text (fixture->db, "SELECT state FROM messages WHERE kind = 'notice'", "delivered");
}

/* Fault 3: a daemon dies between part 1 and part 2 of a reply. Its claim
 * lapses after the lease; the other modem takes the message over and
 * sends it whole, with a new reference; the dead one, back, can neither
 * send its part 2 nor mark the message. */
static void
test_claim_lapses_and_starts_again_whole (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 reply = queue (fixture, "reply", QURB_PRIORITY_REPLY);
  QurbOutboxItem dead, other;
  gboolean ours = TRUE;

  claim (fixture, "m1", TRUE, LEASE_MS, &dead);
  g_assert_cmpint (dead.id, ==, reply);
  g_assert_true (part_sent (fixture, &dead, "m1", 1, 2));
  /* The lease renewed by the part is still running: nothing to take. */
  claim (fixture, "m2", TRUE, LEASE_MS, &other);
  g_assert_cmpint (other.id, ==, 0);
  /* m1's last renewal, for a millisecond; then it stops answering. */
  g_assert_true (qurb_outbox_renew (fixture->db, &dead, "m1", 1, &ours, &error));
  g_assert_true (ours);
  g_usleep (50 * 1000);
  claim (fixture, "m2", TRUE, LEASE_MS, &other);
  g_assert_cmpint (other.id, ==, reply);
  g_assert_cmpuint (other.parts_sent, ==, 0);           /* again whole */
  g_assert_cmpint (other.send_round, ==, dead.send_round + 1);
  g_assert_cmpint (other.reference, !=, dead.reference);
  qurb_assert_query_text (fixture->db, "SELECT state || ' ' || modem FROM messages WHERE id = (SELECT max(id) FROM messages)",
                          "sending m2");

  /* m1 comes back: its claim is gone; whatever it does changes nothing. */
  g_assert_true (qurb_outbox_renew (fixture->db, &dead, "m1", LEASE_MS, &ours, &error));
  g_assert_false (ours);
  g_assert_false (part_sent (fixture, &dead, "m1", 2, 2));
  g_assert_true (qurb_outbox_retry_later (fixture->db, &dead, "m1", "timeout", 5, &error));
  g_assert_true (qurb_outbox_release (fixture->db, "m1", &error));
  qurb_assert_query_text (fixture->db, "SELECT state || ' ' || modem || ' ' || attempts FROM messages"
                          " WHERE kind = 'reply'", "sending m2 0");
  qurb_outbox_item_clear (&dead);

  g_assert_true (part_sent (fixture, &other, "m2", 1, 2));
  g_assert_true (part_sent (fixture, &other, "m2", 2, 2));
  qurb_outbox_item_clear (&other);
  qurb_assert_query_text (fixture->db, "SELECT state FROM messages WHERE kind = 'reply'", "sent");
  /* Every round's parts through one modem; the last round complete. */
  g_assert_cmpint (qurb_test_query_int (fixture->db,
                   "SELECT max(n) FROM (SELECT count(DISTINCT modem) AS n FROM sms_sent_parts GROUP BY send_round)"), ==, 1);
  qurb_assert_query_text (fixture->db, "SELECT group_concat(send_round || ':' || seq || ':' || modem, ' ') FROM"
                          " (SELECT * FROM sms_sent_parts ORDER BY send_round, seq)", "0:1:m1 0:2:m1 1:1:m2 1:2:m2");
  g_assert_no_error (error);
}

/* A claim whose part is on the air is never taken: two modems never
 * hold one message at once, however many claim. */
static void
test_one_holder_at_a_time (QurbFixture *fixture, gconstpointer data)
{
  QurbOutboxItem items[3];

  for (guint i = 0; i < 20; i++)
    queue (fixture, "notice", QURB_PRIORITY_NOTICE);
  for (guint round = 0; round < 20; round++)
    {
      for (guint m = 0; m < 3; m++)
        {
          g_autofree gchar *modem = g_strdup_printf ("m%u", m);

          claim (fixture, modem, TRUE, LEASE_MS, &items[m]);
          if (items[m].id != 0)
            g_assert_true (part_sent (fixture, &items[m], modem, 1, 1));
          qurb_outbox_item_clear (&items[m]);
        }
      g_assert_cmpint (qurb_test_query_int (fixture->db,
                       "SELECT count(*) FROM messages WHERE state = 'sending'"), ==, 0);
    }
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_sent_parts"), ==, 20);
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM messages WHERE state = 'sent'"), ==, 20);
}

/* A daemon behind Kannel claims several messages in one transaction and
 * records the parts that came back together: each message as if claimed
 * and recorded alone, and a batch that cannot be recorded whole is not
 * recorded at all (its parts are recorded again later). */
static void
test_batches (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GArray) m1 = g_array_new (FALSE, TRUE, sizeof (QurbOutboxItem));
  g_autoptr(GArray) m2 = g_array_new (FALSE, TRUE, sizeof (QurbOutboxItem));
  g_autoptr(GError) error = NULL;
  gint64 notice = queue (fixture, "notice", QURB_PRIORITY_NOTICE);
  gint64 reply, reminder;
  QurbOutboxItem ghost = { .id = 999999 };
  QurbOutboxSentPart parts[3];

  queue (fixture, "broadcast", QURB_PRIORITY_BROADCAST);
  reply = queue (fixture, "reply", QURB_PRIORITY_REPLY);
  reminder = queue (fixture, "reminder", QURB_PRIORITY_REMINDER);

  /* In the order a lone claim would take them; quiet hours: no broadcast. */
  g_assert_true (qurb_outbox_claim_many (fixture->db, "m1", FALSE, LEASE_MS, 2, m1, &error));
  g_assert_cmpuint (m1->len, ==, 2);
  g_assert_cmpint (g_array_index (m1, QurbOutboxItem, 0).id, ==, reply);
  g_assert_cmpint (g_array_index (m1, QurbOutboxItem, 1).id, ==, notice);
  g_assert_cmpstr (g_array_index (m1, QurbOutboxItem, 0).text, ==, "reply");
  /* What m1 holds is not m2's to take. */
  g_assert_true (qurb_outbox_claim_many (fixture->db, "m2", FALSE, LEASE_MS, 10, m2, &error));
  g_assert_cmpuint (m2->len, ==, 1);
  g_assert_cmpint (g_array_index (m2, QurbOutboxItem, 0).id, ==, reminder);

  /* The reply's part 1 of 2, the notice whole, and m2's reminder recorded
   * by m1: on the air, so kept, but not m1's to mark. */
  parts[0] = (QurbOutboxSentPart) { &g_array_index (m1, QurbOutboxItem, 0), 1, 2, 41 };
  parts[1] = (QurbOutboxSentPart) { &g_array_index (m1, QurbOutboxItem, 1), 1, 1, 42 };
  parts[2] = (QurbOutboxSentPart) { &g_array_index (m2, QurbOutboxItem, 0), 1, 1, 43 };
  g_assert_true (qurb_outbox_parts_sent (fixture->db, "m1", LEASE_MS, parts, 3, &error));
  g_assert_no_error (error);
  g_assert_true (parts[0].ours && parts[1].ours);
  g_assert_false (parts[2].ours);
  qurb_assert_query_text (fixture->db, "SELECT group_concat(kind || ':' || state, ' ') FROM"
                          " (SELECT kind, state FROM messages ORDER BY id)",
                          "notice:sent broadcast:queued reply:sending reminder:sending");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_sent_parts"), ==, 3);

  /* A batch with a part that cannot be recorded: none of it is. */
  parts[0] = (QurbOutboxSentPart) { &g_array_index (m1, QurbOutboxItem, 0), 2, 2, 44 };
  parts[1] = (QurbOutboxSentPart) { &ghost, 1, 1, 45 };
  g_assert_false (qurb_outbox_parts_sent (fixture->db, "m1", LEASE_MS, parts, 2, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  qurb_assert_query_text (fixture->db, "SELECT state FROM messages WHERE kind = 'reply'", "sending");
  g_assert_cmpint (qurb_test_query_int (fixture->db, "SELECT count(*) FROM sms_sent_parts"), ==, 3);
  g_assert_true (qurb_outbox_parts_sent (fixture->db, "m1", LEASE_MS, parts, 1, &error));
  qurb_assert_query_text (fixture->db, "SELECT state FROM messages WHERE kind = 'reply'", "sent");

  for (guint i = 0; i < m1->len; i++)
    qurb_outbox_item_clear (&g_array_index (m1, QurbOutboxItem, i));
  for (guint i = 0; i < m2->len; i++)
    qurb_outbox_item_clear (&g_array_index (m2, QurbOutboxItem, i));
}

static void
test_reminders (QurbFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  QurbBookingRequest request = { 0, "LAA1", 10 * 60, "sms", FALSE };
  QurbBookingResult result;
  guint queued = 99;

  qurb_fixture_load_corpus (fixture);
  request.member_id = qurb_test_query_int (fixture->db, "SELECT id FROM members WHERE member_no = '100002'");
  g_assert_true (qurb_booking_take (fixture->db, &request, &result, &error));
  g_assert_cmpint (result.outcome, ==, QURB_BOOKING_OK);

  /* Not yet: LAA1 is on 2027-02-03. */
  g_assert_true (qurb_reminders_queue (fixture->db, &queued, &error));
  g_assert_cmpuint (queued, ==, 0);
  /* The day before, once. */
  g_setenv ("QURB_NOW", "2027-02-02T09:00:00", TRUE);
  g_assert_true (qurb_reminders_queue (fixture->db, &queued, &error));
  g_assert_cmpuint (queued, ==, 1);
  g_assert_true (qurb_reminders_queue (fixture->db, &queued, &error));
  g_assert_cmpuint (queued, ==, 0);
  g_setenv ("QURB_NOW", "2027-01-15T10:00:00", TRUE);
  g_assert_no_error (error);
  qurb_assert_query_text (fixture->db,
      "SELECT peer || ' ' || kind || ' ' || priority FROM messages WHERE kind = 'reminder'",
      "+212661234567 reminder 2");
  {
    g_autofree gchar *text = qurb_test_query_text (fixture->db, "SELECT text FROM messages WHERE kind = 'reminder'");
    g_assert_nonnull (strstr (text, "LAA1"));
    g_assert_nonnull (strstr (text, "10:00"));
    g_assert_nonnull (strstr (text, result.booking.code));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sms-store/assemble", QurbFixture, NULL, qurb_fixture_setup, test_assemble, qurb_fixture_teardown);
  g_test_add ("/sms-store/parts-that-differ", QurbFixture, NULL, qurb_fixture_setup, test_parts_that_differ,
              qurb_fixture_teardown);
  g_test_add ("/sms-store/claim-order-and-retry", QurbFixture, NULL, qurb_fixture_setup,
              test_claim_order_and_retry, qurb_fixture_teardown);
  g_test_add ("/sms-store/claim-lapses-and-starts-again-whole", QurbFixture, NULL, qurb_fixture_setup,
              test_claim_lapses_and_starts_again_whole, qurb_fixture_teardown);
  g_test_add ("/sms-store/one-holder-at-a-time", QurbFixture, NULL, qurb_fixture_setup,
              test_one_holder_at_a_time, qurb_fixture_teardown);
  g_test_add ("/sms-store/batches", QurbFixture, NULL, qurb_fixture_setup, test_batches, qurb_fixture_teardown);
  g_test_add ("/sms-store/reminders", QurbFixture, NULL, qurb_fixture_setup, test_reminders,
              qurb_fixture_teardown);
  return g_test_run ();
}
