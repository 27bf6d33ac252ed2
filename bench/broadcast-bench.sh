#!/bin/bash
# Broadcasts at scale. Usage: bench/broadcast-bench.sh BUILD_DIR BIG_DB [SECONDS]
#  1. Queueing one announcement to every member of BIG_DB (1.26 M members)
#     — `qurbctl broadcast create`, then the daemon's own queueing call
#     (qurb_broadcasts_queue_due, in bench-broadcast), timed — against
#     the baseline: the sqlite3 shell's bare INSERT … SELECT of the same
#     rows into an empty table without indexes, in the same run. Median of 3
#     on fresh copies.
#  2. qurb-smsd sending that broadcast on Gammu's dummy driver for SECONDS:
#     its resident memory sampled every second.
# Prints key=value lines.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=$1 BIG=$2 SECONDS_SENDING=${3:-60}
WORK=$PWD/bench/data/broadcast
QURBCTL=$PWD/$BUILD/qurbctl/qurbctl
export QURB_LOCALEDIR=$PWD/$BUILD/locale LANGUAGE= QURB_NOW=2027-01-15T10:00:00
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }

rm -rf "$WORK"; mkdir -p "$WORK"/{modem,sent}
printf '%s' "Portes ouvertes samedi 23 janvier dans votre agence, de 9h a 16h. Qualite des services, notre responsabilite." > "$WORK/fr.txt"
printf '%s' "جودة الخدمات مسؤوليتنا: أبواب مفتوحة يوم السبت 23 يناير بوكالتكم من 9 إلى 16." > "$WORK/ar.txt"

ours=() base=()
for run in 1 2 3; do
  rm -f "$WORK"/q.db*; cp "$BIG" "$WORK/q.db"; sync
  # Created due now; bench-broadcast makes the call the daemon's poll makes.
  "$QURBCTL" --db "$WORK/q.db" broadcast create --title-fr T --title-ar ت --fr "$WORK/fr.txt" \
    --ar "$WORK/ar.txt" --at 2027-01-15T10:00 >/dev/null
  t0=$(now)
  "$BUILD/bench/bench-broadcast" "$WORK/q.db" > "$WORK/queued.txt"
  ours+=("$(awk "BEGIN { print $(now) - $t0 }")")

  rm -f "$WORK/base.db"; cp "$BIG" "$WORK/base.db"; sync
  t0=$(now)
  # The same rows, plainly: no grouping by phone, no index, no foreign key.
  sqlite3 "$WORK/base.db" "CREATE TABLE out (member_id INTEGER, dir TEXT, peer TEXT, text TEXT,
      state TEXT, at TEXT, kind TEXT, priority INTEGER, announcement_id INTEGER, lang TEXT,
      updated_at TEXT);
    INSERT INTO out SELECT id, 'out', phone, '', 'queued', '2027-01-15T10:00:00', 'broadcast', 3, 1,
      lang, '2027-01-15T10:00:00' FROM members WHERE phone IS NOT NULL AND broadcasts = 1;"
  base+=("$(awk "BEGIN { print $(now) - $t0 }")")
  echo "run $run: qurb ${ours[-1]} s, baseline ${base[-1]} s" >&2
done
echo "queued=$(sed -n 's/^queued=//p' "$WORK/queued.txt")"
echo "queue_s=$(median "${ours[@]}")"
echo "baseline_s=$(median "${base[@]}")"

# The daemon sending it.
cat > "$WORK/qurb.conf" <<INI
[database]
path=$WORK/q.db
[modem]
device=$WORK/modem
connection=none
model=dummy
poll-interval-ms=1000
send-interval-ms=0
capture-dir=$WORK/sent
INI
"$BUILD/smsd/qurb-smsd" --config "$WORK/qurb.conf" > "$WORK/smsd.log" 2>&1 &
pid=$!
rss=()
for _ in $(seq "$SECONDS_SENDING"); do
  sleep 1
  kill -0 "$pid" 2>/dev/null || { echo "qurb-smsd died; see $WORK/smsd.log" >&2; exit 1; }
  rss+=("$(awk '/VmRSS/ { print $2 }' /proc/$pid/status)")
done
kill "$pid"; wait "$pid" || true
sent=$(sqlite3 "$WORK/q.db" "SELECT count(*) FROM messages WHERE kind = 'broadcast' AND state = 'sent'")
echo "smsd_seconds=$SECONDS_SENDING"
echo "smsd_sent=$sent"
echo "rss_first_kb=${rss[0]}"
echo "rss_last_kb=${rss[-1]}"
echo "rss_peak_kb=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
rm -rf "$WORK"/sent
