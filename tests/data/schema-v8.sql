-- Qurb database at schema version 8, as `qurbctl init` wrote it at commit 91d4462
-- (the last one at version 8), with a little data: `sqlite3 .dump` plus its
-- user_version. Kept to prove that migrating an old database gives today's schema.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE members (
  id            INTEGER PRIMARY KEY,
  member_no     TEXT NOT NULL UNIQUE,
  cin           TEXT NOT NULL,
  last_name     TEXT NOT NULL,
  first_name    TEXT NOT NULL,
  last_name_ar  TEXT NOT NULL DEFAULT '',
  first_name_ar TEXT NOT NULL DEFAULT '',
  birth_date    TEXT NOT NULL,
  phone         TEXT,
  lang          TEXT NOT NULL CHECK (lang IN ('ar', 'fr')),
  province      TEXT NOT NULL,
  broadcasts    INTEGER NOT NULL DEFAULT 1,
  notices       INTEGER NOT NULL DEFAULT 1,
  lang_chosen   INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL
, phone_chosen INTEGER NOT NULL DEFAULT 0);
INSERT INTO members VALUES(1,'100001','AB123456','ALAOUI','Fatima','العلوي','فاطمة','1975-03-12','+212612345678','ar','Laâyoune',1,1,0,'2027-01-01T08:00:00',0);
CREATE TABLE claims (
  dossier_no     TEXT PRIMARY KEY,
  member_id      INTEGER NOT NULL REFERENCES members (id),
  kind           TEXT NOT NULL,
  deposited_on   TEXT NOT NULL,
  status         TEXT NOT NULL,
  status_date    TEXT NOT NULL,
  amount_claimed INTEGER NOT NULL,
  amount_paid    INTEGER NOT NULL,
  reason         TEXT NOT NULL DEFAULT '',
  past_statuses  TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO claims VALUES('2024001234',1,'MALADIE','2024-11-02','PAYE','2024-12-10',125000,81250,'',replace('EN_COURS 2024-11-20\n','\n',char(10)),'2027-01-01T08:00:00');
CREATE TABLE caravans (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  specialty      TEXT NOT NULL,
  title_fr       TEXT NOT NULL,
  title_ar       TEXT NOT NULL,
  province       TEXT NOT NULL,
  site_fr        TEXT NOT NULL,
  site_ar        TEXT NOT NULL,
  date           TEXT NOT NULL,
  start_time     TEXT NOT NULL,
  end_time       TEXT NOT NULL,
  slot_minutes   INTEGER NOT NULL CHECK (slot_minutes > 0),
  seats_per_slot INTEGER NOT NULL CHECK (seats_per_slot > 0),
  updated_at     TEXT NOT NULL
);
CREATE TABLE slots (
  id         INTEGER PRIMARY KEY,
  caravan_id INTEGER NOT NULL REFERENCES caravans (id) ON DELETE CASCADE,
  start_time TEXT NOT NULL,
  seats      INTEGER NOT NULL CHECK (seats >= 0),
  UNIQUE (caravan_id, start_time)
);
CREATE TABLE bookings (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  member_id    INTEGER NOT NULL REFERENCES members (id),
  caravan_id   INTEGER NOT NULL REFERENCES caravans (id),
  slot_id      INTEGER NOT NULL REFERENCES slots (id),
  state        TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),
  channel      TEXT NOT NULL CHECK (channel IN ('sms', 'kiosk', 'staff')),
  created_at   TEXT NOT NULL,
  cancelled_at TEXT
, reminded_at TEXT);
CREATE TABLE audit (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT,
  detail  TEXT
);
CREATE TABLE announcements (
  id           INTEGER PRIMARY KEY,
  title_fr     TEXT NOT NULL,
  title_ar     TEXT NOT NULL,
  text_fr      TEXT NOT NULL,
  text_ar      TEXT NOT NULL,
  audience     TEXT NOT NULL,
  send_at      TEXT NOT NULL,
  banner_until TEXT,
  state        TEXT NOT NULL DEFAULT 'scheduled'
               CHECK (state IN ('scheduled', 'queued', 'done', 'cancelled')),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
, queued_at TEXT, recipients INTEGER);
CREATE TABLE messages (
  id              INTEGER PRIMARY KEY,
  dir             TEXT NOT NULL CHECK (dir IN ('in', 'out')),
  peer            TEXT NOT NULL,
  text            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('received', 'handled', 'ignored',
                  'queued', 'sending', 'sent', 'delivered', 'failed', 'withdrawn')),
  at              TEXT NOT NULL,
  reply_to        INTEGER REFERENCES messages (id),
  kind            TEXT CHECK (kind IN ('reply', 'broadcast', 'notice', 'reminder')),
  priority        INTEGER NOT NULL DEFAULT 0,
  member_id       INTEGER REFERENCES members (id),
  announcement_id INTEGER REFERENCES announcements (id),
  lang            TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  not_before      TEXT,
  updated_at      TEXT NOT NULL
, modem TEXT, reference INTEGER, error TEXT, pruned_at TEXT, lease_until INTEGER, send_round INTEGER NOT NULL DEFAULT 0);
INSERT INTO messages VALUES(1,'in','+212612345678','حالة 2024001234','handled','2027-01-01T09:00:00',NULL,NULL,0,1,NULL,'ar',0,NULL,'2027-01-01T09:00:00',NULL,NULL,NULL,NULL,NULL,0);
CREATE TABLE sms_parts (
  id          INTEGER PRIMARY KEY,
  modem       TEXT NOT NULL,
  sender      TEXT NOT NULL,
  sent_at     TEXT NOT NULL,
  reference   INTEGER NOT NULL,
  total       INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  text        TEXT,
  received_at TEXT NOT NULL,
  message_id  INTEGER REFERENCES messages (id), undecodable INTEGER NOT NULL DEFAULT 0,
  UNIQUE (sender, sent_at, reference, total, seq, text)
);
CREATE TABLE lockouts (
  subject         TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until    TEXT
) WITHOUT ROWID;
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE modem_heartbeats (
  modem      TEXT PRIMARY KEY,
  seen_at    TEXT NOT NULL,
  signal     INTEGER,
  network    TEXT,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('members', 'claims', 'caravans')),
  path        TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  error       TEXT
);
CREATE TABLE IF NOT EXISTS "sms_sent_parts" (
  message_id   INTEGER NOT NULL REFERENCES messages (id),
  send_round   INTEGER NOT NULL DEFAULT 0,
  seq          INTEGER NOT NULL,
  modem        TEXT NOT NULL,
  network_ref  INTEGER,
  sent_at      TEXT NOT NULL,
  delivered_at TEXT,
  PRIMARY KEY (message_id, send_round, seq)
);
CREATE TABLE waitlist (
  id         INTEGER PRIMARY KEY,
  member_id  INTEGER NOT NULL REFERENCES members (id),
  caravan_id INTEGER NOT NULL REFERENCES caravans (id),
  channel    TEXT NOT NULL CHECK (channel IN ('sms', 'kiosk', 'staff')),
  state      TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'booked', 'left')),
  booking_id INTEGER REFERENCES bookings (id),
  created_at TEXT NOT NULL,
  settled_at TEXT
);
CREATE TABLE phone_codes (
  member_id   INTEGER PRIMARY KEY REFERENCES members (id),
  phone       TEXT NOT NULL,
  code_hash   TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  sent_at     TEXT NOT NULL,
  sends_today INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX members_phone ON members (phone) WHERE phone IS NOT NULL;
CREATE INDEX members_province ON members (province);
CREATE INDEX claims_member ON claims (member_id, deposited_on);
CREATE INDEX caravans_date ON caravans (date);
CREATE UNIQUE INDEX bookings_one_per_caravan ON bookings (member_id, caravan_id)
  WHERE state = 'active';
CREATE INDEX bookings_slot ON bookings (slot_id) WHERE state = 'active';
CREATE INDEX messages_outbox ON messages (priority, id)
  WHERE dir = 'out' AND state = 'queued';
CREATE INDEX messages_peer ON messages (peer, at) WHERE dir = 'in';
CREATE INDEX sms_parts_waiting ON sms_parts (sender, reference, total)
  WHERE message_id IS NULL;
CREATE INDEX messages_unanswered ON messages (id) WHERE dir = 'in' AND state = 'received';
CREATE INDEX messages_announcement_state ON messages (announcement_id, state)
  WHERE announcement_id IS NOT NULL;
CREATE INDEX messages_out_trouble ON messages (state, updated_at)
  WHERE dir = 'out' AND state IN ('sending', 'failed');
CREATE INDEX messages_sending ON messages (lease_until)
  WHERE dir = 'out' AND state = 'sending';
CREATE INDEX sms_sent_parts_ref ON sms_sent_parts (modem, network_ref)
  WHERE delivered_at IS NULL;
CREATE UNIQUE INDEX waitlist_one_per_caravan ON waitlist (member_id, caravan_id)
  WHERE state = 'waiting';
CREATE INDEX waitlist_queue ON waitlist (caravan_id, id) WHERE state = 'waiting';
COMMIT;
PRAGMA user_version=8;
