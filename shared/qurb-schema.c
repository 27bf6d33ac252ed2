/* qurb-schema.c — forward migrations, one step per version
 *
 * Never edit a step once it has shipped: add the next one. Text codes
 * stored here (claim statuses, message states, kinds) are the contract
 * with CSV files and other programs, so they only ever gain values. */
#include "config.h"

#include "qurb-i18n.h"
#include "qurb-schema.h"

static const gchar *const migrations[] = {
  /* 0 → 1: members, claims and their history, caravans, bookings, audit */
  "CREATE TABLE members ("
  "  id            INTEGER PRIMARY KEY,"
  "  member_no     TEXT NOT NULL UNIQUE,"
  "  cin           TEXT NOT NULL,"
  "  last_name     TEXT NOT NULL,"
  "  first_name    TEXT NOT NULL,"
  "  last_name_ar  TEXT NOT NULL DEFAULT '',"
  "  first_name_ar TEXT NOT NULL DEFAULT '',"
  "  birth_date    TEXT NOT NULL,"
  "  phone         TEXT,"                      /* E.164, or NULL */
  "  lang          TEXT NOT NULL CHECK (lang IN ('ar', 'fr')),"
  "  province      TEXT NOT NULL,"
  "  broadcasts    INTEGER NOT NULL DEFAULT 1," /* 0 after STOP */
  "  notices       INTEGER NOT NULL DEFAULT 1," /* claim status notices */
  "  lang_chosen   INTEGER NOT NULL DEFAULT 0," /* set by the member: imports keep it */
  "  updated_at    TEXT NOT NULL"
  ");"
  "CREATE INDEX members_phone ON members (phone) WHERE phone IS NOT NULL;"
  "CREATE INDEX members_province ON members (province);"
  /* Amounts in centimes. Keyed by dossier_no without a rowid: lookups by
   * number are the hot path (SMS, kiosk, daily delta imports). */
  "CREATE TABLE claims ("
  "  dossier_no     TEXT PRIMARY KEY,"
  "  member_id      INTEGER NOT NULL REFERENCES members (id),"
  "  kind           TEXT NOT NULL,"
  "  deposited_on   TEXT NOT NULL,"
  "  status         TEXT NOT NULL,"
  "  status_date    TEXT NOT NULL,"
  "  amount_claimed INTEGER NOT NULL,"
  "  amount_paid    INTEGER NOT NULL,"
  "  reason         TEXT NOT NULL DEFAULT '',"
  "  updated_at     TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX claims_member ON claims (member_id, deposited_on);"
  /* Every status a claim has been seen in, for the kiosk's timeline. */
  "CREATE TABLE claim_history ("
  "  dossier_no  TEXT NOT NULL REFERENCES claims (dossier_no),"
  "  status_date TEXT NOT NULL,"
  "  status      TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  PRIMARY KEY (dossier_no, status_date, status)"
  ") WITHOUT ROWID;"
  "CREATE TABLE caravans ("
  "  id             INTEGER PRIMARY KEY,"
  "  code           TEXT NOT NULL UNIQUE,"
  "  specialty      TEXT NOT NULL,"
  "  title_fr       TEXT NOT NULL,"
  "  title_ar       TEXT NOT NULL,"
  "  province       TEXT NOT NULL,"
  "  site_fr        TEXT NOT NULL,"
  "  site_ar        TEXT NOT NULL,"
  "  date           TEXT NOT NULL,"
  "  start_time     TEXT NOT NULL,"
  "  end_time       TEXT NOT NULL,"
  "  slot_minutes   INTEGER NOT NULL CHECK (slot_minutes > 0),"
  "  seats_per_slot INTEGER NOT NULL CHECK (seats_per_slot > 0),"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX caravans_date ON caravans (date);"
  "CREATE TABLE slots ("
  "  id         INTEGER PRIMARY KEY,"
  "  caravan_id INTEGER NOT NULL REFERENCES caravans (id) ON DELETE CASCADE,"
  "  start_time TEXT NOT NULL,"
  "  seats      INTEGER NOT NULL CHECK (seats >= 0),"
  "  UNIQUE (caravan_id, start_time)"
  ");"
  "CREATE TABLE bookings ("
  "  id           INTEGER PRIMARY KEY,"
  "  code         TEXT NOT NULL UNIQUE,"
  "  member_id    INTEGER NOT NULL REFERENCES members (id),"
  "  caravan_id   INTEGER NOT NULL REFERENCES caravans (id),"
  "  slot_id      INTEGER NOT NULL REFERENCES slots (id),"
  "  state        TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),"
  "  channel      TEXT NOT NULL CHECK (channel IN ('sms', 'kiosk', 'staff')),"
  "  created_at   TEXT NOT NULL,"
  "  cancelled_at TEXT"
  ");"
  /* One active booking per member and caravan, whatever the channel. */
  "CREATE UNIQUE INDEX bookings_one_per_caravan ON bookings (member_id, caravan_id)"
  "  WHERE state = 'active';"
  "CREATE INDEX bookings_slot ON bookings (slot_id) WHERE state = 'active';"
  "CREATE TABLE audit ("
  "  id      INTEGER PRIMARY KEY,"
  "  at      TEXT NOT NULL,"
  "  actor   TEXT NOT NULL,"
  "  action  TEXT NOT NULL,"
  "  subject TEXT,"
  "  detail  TEXT"
  ");",

  /* 1 → 2: the message log (SMS in and out) and announcements */
  "CREATE TABLE announcements ("
  "  id           INTEGER PRIMARY KEY,"
  "  title_fr     TEXT NOT NULL,"
  "  title_ar     TEXT NOT NULL,"
  "  text_fr      TEXT NOT NULL,"
  "  text_ar      TEXT NOT NULL,"
  "  audience     TEXT NOT NULL,"    /* 'all', 'province:…', 'caravan:…' */
  "  send_at      TEXT NOT NULL,"
  "  banner_until TEXT,"
  "  state        TEXT NOT NULL DEFAULT 'scheduled'"
  "               CHECK (state IN ('scheduled', 'queued', 'done', 'cancelled')),"
  "  created_by   TEXT NOT NULL,"
  "  created_at   TEXT NOT NULL"
  ");"
  /* One table for both directions, so ids order the whole conversation.
   * priority: 0 reply, 1 notice, 2 reminder, 3 broadcast (lowest). */
  "CREATE TABLE messages ("
  "  id              INTEGER PRIMARY KEY,"
  "  dir             TEXT NOT NULL CHECK (dir IN ('in', 'out')),"
  "  peer            TEXT NOT NULL,"
  "  text            TEXT NOT NULL,"
  "  state           TEXT NOT NULL CHECK (state IN ('received', 'handled', 'ignored',"
  "                  'queued', 'sending', 'sent', 'delivered', 'failed', 'withdrawn')),"
  "  at              TEXT NOT NULL,"
  "  reply_to        INTEGER REFERENCES messages (id),"
  "  kind            TEXT CHECK (kind IN ('reply', 'broadcast', 'notice', 'reminder')),"
  "  priority        INTEGER NOT NULL DEFAULT 0,"
  "  member_id       INTEGER REFERENCES members (id),"
  "  announcement_id INTEGER REFERENCES announcements (id),"
  "  lang            TEXT,"
  "  attempts        INTEGER NOT NULL DEFAULT 0,"
  "  not_before      TEXT,"
  "  updated_at      TEXT NOT NULL"
  ");"
  "CREATE INDEX messages_outbox ON messages (priority, id)"
  "  WHERE dir = 'out' AND state = 'queued';"
  "CREATE INDEX messages_peer ON messages (peer, at);",
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
  gint *applied = user_data;
  gint version = qurb_db_schema_version (db);
  g_autofree gchar *set_version = NULL;

  if (version < 0)
    return qurb_db_fail (db, sqlite3_errcode (qurb_db_handle (db)), "user_version", error);
  if (version >= qurb_schema_latest_version ())
    return TRUE;
  if (!qurb_db_exec (db, migrations[version], error))
    return FALSE;
  set_version = g_strdup_printf ("PRAGMA user_version=%d", version + 1);
  if (!qurb_db_exec (db, set_version, error))
    return FALSE;
  *applied = version + 1;
  return TRUE;
}

gboolean
qurb_schema_migrate (QurbDb *db, GError **error)
{
  gint latest = qurb_schema_latest_version ();
  gint version = qurb_db_schema_version (db);

  if (version > latest)
    {
      g_set_error (error, QURB_DB_ERROR, QURB_DB_ERROR_TOO_NEW,
                   _("The database %s was written by a newer version of Qurb (schema %d, this program knows %d)."),
                   qurb_db_path (db), version, latest);
      return FALSE;
    }
  while (version >= 0 && version < latest)
    {
      gint applied = version;

      if (!qurb_db_transact (db, migrate_step, &applied, error))
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
