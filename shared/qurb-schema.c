/* qurb-schema.c — forward migrations, one step per version
 *
 * Never edit a step once it has shipped: add the next one. Text codes
 * stored here (claim statuses, message states, kinds) are the contract
 * with CSV files and other programs, so they only ever gain values. */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-schema.h"

static const gchar *const migrations[] = {
  /* 0 → 1: members, claims, caravans, slots, bookings, audit */
  "CREATE TABLE members (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  member_no     TEXT NOT NULL UNIQUE,\n"
  "  cin           TEXT NOT NULL,\n"
  "  last_name     TEXT NOT NULL,\n"
  "  first_name    TEXT NOT NULL,\n"
  "  last_name_ar  TEXT NOT NULL DEFAULT '',\n"
  "  first_name_ar TEXT NOT NULL DEFAULT '',\n"
  "  birth_date    TEXT NOT NULL,\n"
  "  phone         TEXT,\n"                      /* E.164, or NULL */
  "  lang          TEXT NOT NULL CHECK (lang IN ('ar', 'fr')),\n"
  "  province      TEXT NOT NULL,\n"
  "  broadcasts    INTEGER NOT NULL DEFAULT 1,\n" /* 0 after STOP */
  "  notices       INTEGER NOT NULL DEFAULT 1,\n" /* claim status notices */
  "  lang_chosen   INTEGER NOT NULL DEFAULT 0,\n" /* set by the member: imports keep it */
  "  updated_at    TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX members_phone ON members (phone) WHERE phone IS NOT NULL;\n"
  "CREATE INDEX members_province ON members (province);\n"
  /* Amounts in centimes. Keyed by dossier_no without a rowid: lookups by
   * number are the hot path (SMS, kiosk, daily delta imports). */
  "CREATE TABLE claims (\n"
  "  dossier_no     TEXT PRIMARY KEY,\n"
  "  member_id      INTEGER NOT NULL REFERENCES members (id),\n"
  "  kind           TEXT NOT NULL,\n"
  "  deposited_on   TEXT NOT NULL,\n"
  "  status         TEXT NOT NULL,\n"
  "  status_date    TEXT NOT NULL,\n"
  "  amount_claimed INTEGER NOT NULL,\n"
  "  amount_paid    INTEGER NOT NULL,\n"
  "  reason         TEXT NOT NULL DEFAULT '',\n"
  /* The statuses the claim has left, oldest first, one "STATUS DATE\n"
   * each: the kiosk's timeline. Kept in the row, so a status change
   * writes one page, not two. */
  "  past_statuses  TEXT NOT NULL DEFAULT '',\n"
  "  updated_at     TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX " QURB_CLAIMS_MEMBER_INDEX " ON " QURB_CLAIMS_MEMBER_INDEX_ON ";\n"
  "CREATE TABLE caravans (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  code           TEXT NOT NULL UNIQUE,\n"
  "  specialty      TEXT NOT NULL,\n"
  "  title_fr       TEXT NOT NULL,\n"
  "  title_ar       TEXT NOT NULL,\n"
  "  province       TEXT NOT NULL,\n"
  "  site_fr        TEXT NOT NULL,\n"
  "  site_ar        TEXT NOT NULL,\n"
  "  date           TEXT NOT NULL,\n"
  "  start_time     TEXT NOT NULL,\n"
  "  end_time       TEXT NOT NULL,\n"
  "  slot_minutes   INTEGER NOT NULL CHECK (slot_minutes > 0),\n"
  "  seats_per_slot INTEGER NOT NULL CHECK (seats_per_slot > 0),\n"
  "  updated_at     TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX caravans_date ON caravans (date);\n"
  "CREATE TABLE slots (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  caravan_id INTEGER NOT NULL REFERENCES caravans (id) ON DELETE CASCADE,\n"
  "  start_time TEXT NOT NULL,\n"
  "  seats      INTEGER NOT NULL CHECK (seats >= 0),\n"
  "  UNIQUE (caravan_id, start_time)\n"
  ");\n"
  "CREATE TABLE bookings (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  code         TEXT NOT NULL UNIQUE,\n"
  "  member_id    INTEGER NOT NULL REFERENCES members (id),\n"
  "  caravan_id   INTEGER NOT NULL REFERENCES caravans (id),\n"
  "  slot_id      INTEGER NOT NULL REFERENCES slots (id),\n"
  "  state        TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),\n"
  "  channel      TEXT NOT NULL CHECK (channel IN ('sms', 'kiosk', 'staff')),\n"
  "  created_at   TEXT NOT NULL,\n"
  "  cancelled_at TEXT\n"
  ");\n"
  /* One active booking per member and caravan, whatever the channel. */
  "CREATE UNIQUE INDEX bookings_one_per_caravan ON bookings (member_id, caravan_id)\n"
  "  WHERE state = 'active';\n"
  "CREATE INDEX bookings_slot ON bookings (slot_id) WHERE state = 'active';\n"
  "CREATE TABLE audit (\n"
  "  id      INTEGER PRIMARY KEY,\n"
  "  at      TEXT NOT NULL,\n"
  "  actor   TEXT NOT NULL,\n"
  "  action  TEXT NOT NULL,\n"
  "  subject TEXT,\n"
  "  detail  TEXT\n"
  ");\n",

  /* 1 → 2: the message log (SMS in and out) and announcements */
  "CREATE TABLE announcements (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  title_fr     TEXT NOT NULL,\n"
  "  title_ar     TEXT NOT NULL,\n"
  "  text_fr      TEXT NOT NULL,\n"
  "  text_ar      TEXT NOT NULL,\n"
  "  audience     TEXT NOT NULL,\n"    /* 'all', 'province:…', 'caravan:…' */
  "  send_at      TEXT NOT NULL,\n"
  "  banner_until TEXT,\n"
  "  state        TEXT NOT NULL DEFAULT 'scheduled'\n"
  "               CHECK (state IN ('scheduled', 'queued', 'done', 'cancelled')),\n"
  "  created_by   TEXT NOT NULL,\n"
  "  created_at   TEXT NOT NULL\n"
  ");\n"
  /* One table for both directions, so ids order the whole conversation.
   * priority: 0 reply, 1 notice, 2 reminder, 3 broadcast (lowest). */
  "CREATE TABLE messages (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  dir             TEXT NOT NULL CHECK (dir IN ('in', 'out')),\n"
  "  peer            TEXT NOT NULL,\n"
  "  text            TEXT NOT NULL,\n"
  "  state           TEXT NOT NULL CHECK (state IN ('received', 'handled', 'ignored',\n"
  "                  'queued', 'sending', 'sent', 'delivered', 'failed', 'withdrawn')),\n"
  "  at              TEXT NOT NULL,\n"
  "  reply_to        INTEGER REFERENCES messages (id),\n"
  "  kind            TEXT CHECK (kind IN ('reply', 'broadcast', 'notice', 'reminder')),\n"
  "  priority        INTEGER NOT NULL DEFAULT 0,\n"
  "  member_id       INTEGER REFERENCES members (id),\n"
  "  announcement_id INTEGER REFERENCES announcements (id),\n"
  "  lang            TEXT,\n"
  "  attempts        INTEGER NOT NULL DEFAULT 0,\n"
  "  not_before      TEXT,\n"
  "  updated_at      TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX messages_outbox ON messages (priority, id)\n"
  "  WHERE dir = 'out' AND state = 'queued';\n"
  /* What a sender said lately (duplicates, hourly caps); outgoing
   * broadcasts and notices, by the thousand, stay out of it. */
  "CREATE INDEX messages_peer ON messages (peer, at) WHERE dir = 'in';\n",

  /* 2 → 3: what the SMS daemon needs to lose and repeat nothing */
  /* Every part read from a modem, stored before it is deleted there. The
   * same part read twice (a failed delete, a re-read) is the same row. */
  "CREATE TABLE sms_parts (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  modem       TEXT NOT NULL,\n"
  "  sender      TEXT NOT NULL,\n"
  "  sent_at     TEXT NOT NULL,\n"   /* the SMSC's time stamp */
  "  reference   INTEGER NOT NULL,\n" /* concatenation reference; -1 single */
  "  total       INTEGER NOT NULL,\n"
  "  seq         INTEGER NOT NULL,\n"
  "  text        TEXT,\n"             /* NULL: could not be decoded */
  "  received_at TEXT NOT NULL,\n"
  "  message_id  INTEGER REFERENCES messages (id),\n"
  "  UNIQUE (sender, sent_at, reference, total, seq, text)\n"
  ");\n"
  "CREATE INDEX sms_parts_waiting ON sms_parts (sender, reference, total)\n"
  "  WHERE message_id IS NULL;\n"
  /* Each part of an outgoing message the network took, for delivery
   * reports (matched by the network's message reference). */
  "CREATE TABLE sms_sent_parts (\n"
  "  message_id   INTEGER NOT NULL REFERENCES messages (id),\n"
  "  seq          INTEGER NOT NULL,\n"
  "  modem        TEXT NOT NULL,\n"
  "  network_ref  INTEGER,\n"
  "  sent_at      TEXT NOT NULL,\n"
  "  delivered_at TEXT,\n"
  "  PRIMARY KEY (message_id, seq)\n"
  ");\n"
  "CREATE INDEX sms_sent_parts_ref ON sms_sent_parts (modem, network_ref)\n"
  "  WHERE delivered_at IS NULL;\n"
  "ALTER TABLE messages ADD COLUMN modem TEXT;\n"       /* the modem that sends it */
  "ALTER TABLE messages ADD COLUMN reference INTEGER;\n" /* our concatenation reference */
  "ALTER TABLE messages ADD COLUMN error TEXT;\n"
  /* Messages stored but not yet answered: what a restart picks up. */
  "CREATE INDEX messages_unanswered ON messages (id) WHERE dir = 'in' AND state = 'received';\n"
  /* The day-before reminder, sent once. */
  "ALTER TABLE bookings ADD COLUMN reminded_at TEXT;\n",

  /* 3 → 4: failed identifications, per member number at the kiosk (and
   * per staff console), and what locks them out for a while. */
  "CREATE TABLE lockouts (\n"
  "  subject         TEXT PRIMARY KEY,\n"   /* 'member:100001', 'staff:SALE-01' */
  "  failures        INTEGER NOT NULL,\n"   /* since the last success or lock */
  "  last_failure_at TEXT NOT NULL,\n"
  "  locked_until    TEXT\n"
  ") WITHOUT ROWID;\n",

  /* 4 → 5: broadcasts — progress counted from an announcement's
   * messages, staff settings (the PIN). */
  "CREATE INDEX messages_announcement_state ON messages (announcement_id, state)\n"
  "  WHERE announcement_id IS NOT NULL;\n"
  "ALTER TABLE announcements ADD COLUMN queued_at TEXT;\n"
  "ALTER TABLE announcements ADD COLUMN recipients INTEGER;\n"
  "CREATE TABLE settings (\n"
  "  key        TEXT PRIMARY KEY,\n"
  "  value      TEXT NOT NULL,\n"
  "  updated_at TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n",

  /* 5 → 6: operations — what `qurbctl status` reads without touching a
   * modem or the journal, and what prune has already emptied. */
  /* One row per modem, written by the daemon that polls it: the last time
   * it answered, and its signal and network as last read. */
  "CREATE TABLE modem_heartbeats (\n"
  "  modem      TEXT PRIMARY KEY,\n"   /* the [modem…] section's name */
  "  seen_at    TEXT NOT NULL,\n"
  "  signal     INTEGER,\n"            /* percent; NULL when unknown */
  "  network    TEXT,\n"
  "  updated_at TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  /* Every import of a file, landed or not: the nightly feed's record. */
  "CREATE TABLE import_runs (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  kind        TEXT NOT NULL CHECK (kind IN ('members', 'claims', 'caravans')),\n"
  "  path        TEXT NOT NULL,\n"
  "  started_at  TEXT NOT NULL,\n"
  "  finished_at TEXT NOT NULL,\n"
  "  rows        INTEGER NOT NULL,\n"
  "  skipped     INTEGER NOT NULL,\n"
  "  error       TEXT\n"                /* NULL: the file was read to its end */
  ");\n"
  /* Set when prune removed the text (and masked the number): such a
   * message keeps its direction, state, kind and time, nothing personal. */
  "ALTER TABLE messages ADD COLUMN pruned_at TEXT;\n"
  /* Messages on a modem now, or failed: few, and counted by status. */
  "CREATE INDEX messages_out_trouble ON messages (state, updated_at)\n"
  "  WHERE dir = 'out' AND state IN ('sending', 'failed');\n",

  /* 6 → 7: what a real modem and a real SIM bring. */
  /* A claim on an outgoing message lasts until lease_until (ms since the
   * epoch on the machine's real clock, never the pinned QURB_NOW): a
   * daemon that stops answering loses it. send_round counts the times the
   * message started again whole, on another modem, with a new reference. */
  "ALTER TABLE messages ADD COLUMN lease_until INTEGER;\n"
  "ALTER TABLE messages ADD COLUMN send_round INTEGER NOT NULL DEFAULT 0;\n"
  "CREATE INDEX messages_sending ON messages (lease_until)\n"
  "  WHERE dir = 'out' AND state = 'sending';\n"
  /* The parts sent, per round: one round's parts all went through one modem. */
  "CREATE TABLE sms_sent_parts_v7 (\n"
  "  message_id   INTEGER NOT NULL REFERENCES messages (id),\n"
  "  send_round   INTEGER NOT NULL DEFAULT 0,\n"
  "  seq          INTEGER NOT NULL,\n"
  "  modem        TEXT NOT NULL,\n"
  "  network_ref  INTEGER,\n"
  "  sent_at      TEXT NOT NULL,\n"
  "  delivered_at TEXT,\n"
  "  PRIMARY KEY (message_id, send_round, seq)\n"
  ");\n"
  "INSERT INTO sms_sent_parts_v7 (message_id, seq, modem, network_ref, sent_at, delivered_at)\n"
  "  SELECT message_id, seq, modem, network_ref, sent_at, delivered_at FROM sms_sent_parts;\n"
  "DROP TABLE sms_sent_parts;\n"
  "ALTER TABLE sms_sent_parts_v7 RENAME TO sms_sent_parts;\n"
  "CREATE INDEX sms_sent_parts_ref ON sms_sent_parts (modem, network_ref)\n"
  "  WHERE delivered_at IS NULL;\n"
  /* An undecodable part keeps text '' and this mark, so the uniqueness
   * rule holds for it too (NULL texts were all distinct). */
  "ALTER TABLE sms_parts ADD COLUMN undecodable INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE sms_parts SET text = '', undecodable = 1 WHERE text IS NULL;\n",
  /* 7 → 8: the waiting list of full caravans; phones registered at the
   * kiosk with a code sent by SMS, kept by imports. (Lockouts keep their
   * table: a kiosk's slow-down and a member number's lock are two
   * subjects in it, 'kiosk:…' and 'member:…'.) */
  "CREATE TABLE waitlist (\n"
  "  id         INTEGER PRIMARY KEY,\n"   /* the order of arrival: first come, first served */
  "  member_id  INTEGER NOT NULL REFERENCES members (id),\n"
  "  caravan_id INTEGER NOT NULL REFERENCES caravans (id),\n"
  "  channel    TEXT NOT NULL CHECK (channel IN ('sms', 'kiosk', 'staff')),\n"
  "  state      TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'booked', 'left')),\n"
  "  booking_id INTEGER REFERENCES bookings (id),\n" /* the seat given */
  "  created_at TEXT NOT NULL,\n"
  "  settled_at TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX waitlist_one_per_caravan ON waitlist (member_id, caravan_id)\n"
  "  WHERE state = 'waiting';\n"
  "CREATE INDEX waitlist_queue ON waitlist (caravan_id, id) WHERE state = 'waiting';\n"
  /* One code at a time per member; the code itself is never stored. */
  "CREATE TABLE phone_codes (\n"
  "  member_id   INTEGER PRIMARY KEY REFERENCES members (id),\n"
  "  phone       TEXT NOT NULL,\n"         /* E.164: the number being registered */
  "  code_hash   TEXT NOT NULL,\n"         /* yescrypt of the code ("$y$…", its salt inside) */
  "  expires_at  TEXT NOT NULL,\n"
  "  attempts    INTEGER NOT NULL DEFAULT 0,\n" /* wrong codes typed */
  "  sent_at     TEXT NOT NULL,\n"
  "  sends_today INTEGER NOT NULL DEFAULT 1\n"  /* codes sent on sent_at's day */
  ");\n"
  /* Set by the member (kiosk) or staff: imports keep the phone. */
  "ALTER TABLE members ADD COLUMN phone_chosen INTEGER NOT NULL DEFAULT 0;\n",

  /* 8 → 9: the caravan day — check-in, and the rating asked after it. */
  /* The earliest scan of the booking's ticket: merges keep the earliest. */
  "ALTER TABLE bookings ADD COLUMN attended_at TEXT;\n"
  /* The day-after SMS asking for a rating, sent once; the answer, 1 to 5. */
  "ALTER TABLE bookings ADD COLUMN rating_asked_at TEXT;\n"
  "ALTER TABLE bookings ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);\n"
  "ALTER TABLE bookings ADD COLUMN rated_at TEXT;\n"
  /* Attended and not yet asked: the few the daemon looks at on each poll. */
  "CREATE INDEX bookings_rating_due ON bookings (caravan_id)\n"
  "  WHERE attended_at IS NOT NULL AND rating_asked_at IS NULL;\n"
  /* A member's questions still open: read on every SMS from a member. */
  "CREATE INDEX bookings_rating_open ON bookings (member_id, rating_asked_at)\n"
  "  WHERE rating_asked_at IS NOT NULL AND rating IS NULL;\n",
};

gint
qurb_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Applies one step inside its own IMMEDIATE transaction; the version is
 * read again under the lock so that two processes opening a fresh file at
 * once do not both apply the same step. */
static gboolean
migrate_step (QurbDb *db, gpointer user_data, GError **error)
{
  gint version = qurb_db_schema_version (db);
  g_autofree gchar *set_version = NULL;

  if (version < 0)
    return qurb_db_fail (db, sqlite3_errcode (qurb_db_handle (db)), "user_version", error);
  if (version >= qurb_schema_latest_version ())
    return TRUE;
  if (!qurb_db_exec (db, migrations[version], error))
    return FALSE;
  set_version = g_strdup_printf ("PRAGMA user_version=%d", version + 1);
  return qurb_db_exec (db, set_version, error);
}

gboolean
qurb_schema_migrate (QurbDb *db, GError **error)
{
  gint latest = qurb_schema_latest_version ();
  gint version = qurb_db_schema_version (db);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (version > latest)
    {
      g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_TOO_NEW,
                   _("The database %s was written by a newer version of Qurb (schema %d, this program knows %d)."),
                   qurb_db_path (db), version, latest);
      return FALSE;
    }
  while (version >= 0 && version < latest)
    {
      if (!qurb_db_transact (db, migrate_step, NULL, error))
        {
          g_prefix_error (error, _("Cannot upgrade the database to schema %d: "), version + 1);
          return FALSE;
        }
      version = qurb_db_schema_version (db);
    }
  if (version < 0)
    return qurb_db_fail (db, sqlite3_errcode (qurb_db_handle (db)), "user_version", error);
  return TRUE;
}

static gboolean
rebuild_indexes (QurbDb *db, gpointer user_data, GError **error)
{
  return qurb_db_exec (db, "CREATE INDEX IF NOT EXISTS " QURB_CLAIMS_MEMBER_INDEX
                           " ON " QURB_CLAIMS_MEMBER_INDEX_ON, error);
}

/* Puts back what an interrupted bulk import may have left out. Only
 * takes the write lock when something is missing. */
gboolean
qurb_schema_repair (QurbDb *db, GError **error)
{
  gint present = qurb_db_query_exists (db, error,
      "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", "t", QURB_CLAIMS_MEMBER_INDEX);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return present > 0 || (present == 0 && qurb_db_transact (db, rebuild_indexes, NULL, error));
}
