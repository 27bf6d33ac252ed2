#!/bin/bash
# Messages answered per second through Kannel: fakesmsc -> bearerbox ->
# smsbox -> qurb-smsd -> sendsms -> bearerbox -> fakesmsc, against the same
# path with smsbox answering by itself (a fixed `text` sms-service), in the
# same run, on the same Kannel (tests/kannel/kannel.conf.in, loopback).
# Usage: [WINDOW=parts] [MAX_PENDING=posts] bench/kannel-bench.sh [BUILD_DIR] ["N…"] [RUNS]
# (WINDOW: qurb-smsd's [kannel] sendsms-window, its default when unset;
# MAX_PENDING: smsbox's max-pending-requests, 64 as in docs/kannel/ —
# how many posts smsbox keeps open to qurb-smsd at once)
#
# Each run: N messages (500, then 2,000 by default) from a batch fakesmsc as fast as it sends them; the
# time until it has received the N-th answer. qurb-smsd runs on a fresh copy
# of the demo data set (5,000 members), each message from a member asking
# for one of their dossiers; it asks for a delivery report of every part, as
# in production, and is stopped only once every report is in (reports left
# over would load the next run). First with Kannel's default sendsms (202
# once bearerbox holds the part), then with immediate-sendsms-reply (202 at
# once). Prints key=value lines for bench/kannel-results.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
SIZES=${2:-500 2000}
RUNS=${3:-3}
MAX_PENDING=${MAX_PENDING:-64}
WORK=$PWD/bench/data/kannel
QURBCTL=$PWD/$BUILD/qurbctl/qurbctl
SMSD=$PWD/$BUILD/smsd/qurb-smsd
FAKESMSC=/usr/lib/kannel/test/fakesmsc
export QURB_LOCALEDIR=$PWD/$BUILD/locale LANGUAGE=
PATH=$PATH:/usr/sbin

command -v bearerbox >/dev/null && [ -x $FAKESMSC ] ||
  { echo "Kannel is needed: apt-get install kannel kannel-extras" >&2; exit 1; }
now() { date +%s.%N; }
# CPU seconds of these processes so far
cpu_of() { for p; do cat "/proc/$p/stat"; done | awk '{ s += ($14 + $15) / 100 } END { print s }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
freeport() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done
             echo "nothing on port $1" >&2; exit 1; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

rm -rf "$WORK"
mkdir -p "$WORK"
ADMIN=$(freeport) BOX=$(freeport) FAKE=$(freeport) BENCH=$(freeport) SENDSMS=$(freeport) APP=$(freeport)

kannel_conf() {  # kannel_conf IMMEDIATE
  sed -e "s|@DIR@|$WORK|g" -e "s|@ADMIN_PORT@|$ADMIN|g" -e "s|@SMSBOX_PORT@|$BOX|g" \
      -e "s|@FAKE_PORT@|$FAKE|g" -e "s|@BENCH_PORT@|$BENCH|g" -e "s|@SENDSMS_PORT@|$SENDSMS|g" \
      -e "s|@APP_PORT@|$APP|g" -e "s|@RETRY@|5|g" -e "s|@QDELAY@|1|g" -e "s|@MAX_PENDING@|$MAX_PENDING|g" \
      -e "s|@IMMEDIATE@|$1|g" -e "s|@LOG_LEVEL@|1|g" tests/kannel/kannel.conf.in > "$WORK/kannel.conf"
}
start_smsbox() {
  smsbox -v 2 "$WORK/kannel.conf" > "$WORK/smsbox.out" 2>&1 & smsbox_pid=$!; pids+=($smsbox_pid)
  waitport "$SENDSMS"
  for _ in $(seq 200); do
    curl -s "http://127.0.0.1:$ADMIN/status.txt?password=statuspw" | grep -q '^ *smsbox:' && return 0
    sleep 0.05
  done
  echo "smsbox did not come up" >&2; exit 1
}

# The demo data set once; each qurb-smsd run on a fresh copy of it, the
# messages it had queued marked sent so that only the answers go out.
QURB_NOW=2027-01-15T10:00:00 "$QURBCTL" --db "$WORK/demo.db" demo --members 5000 >/dev/null
sqlite3 "$WORK/demo.db" "UPDATE messages SET state = 'sent' WHERE dir = 'out'; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
mapfile -t member_messages < <(sqlite3 "$WORK/demo.db" "SELECT m.phone || ' 2525 text ETAT ' || min(c.dossier_no) || ' n'
  FROM members m JOIN claims c ON c.member_id = m.id WHERE m.phone IS NOT NULL GROUP BY m.id LIMIT 100")
printf 'username=qurb\npassword=qurbpw\n' > "$WORK/kannel.credentials"
cat > "$WORK/qurb.conf" <<INI
[database]
path=$WORK/qurb.db
[kannel]
listen=127.0.0.1:$APP
sendsms-url=http://127.0.0.1:$SENDSMS/cgi-bin/sendsms
credentials=$WORK/kannel.credentials
short-code=2525
smsc-id=BENCH
poll-interval-ms=100
${WINDOW:+sendsms-window=$WINDOW}
[sms]
max-replies-per-hour=100000
INI

# batch N MESSAGE… — N messages through the BENCH link (-z 4: a random
# number ends each text, so that no two are the same); seconds until the
# N-th answer is back. -v 1 logs only the N-th answer. Kannel's CPU
# seconds meanwhile (both boxes) in $WORK/kannel-cpu.
batch() {
  local log=$WORK/fakesmsc-$RANDOM.log t0 t1 fpid k0
  k0=$(cpu_of $bearerbox_pid $smsbox_pid)
  t0=$(now)
  $FAKESMSC -H 127.0.0.1 -r "$BENCH" -i 0 -m "$N" -v 1 -z 4 "$@" > "$log" 2>&1 & fpid=$!
  for _ in $(seq 12000); do grep -q "Got message $N:" "$log" && break; sleep 0.01; done
  t1=$(now)
  kill -INT $fpid; wait $fpid || true
  grep -q "Got message $N:" "$log" || { echo "not every answer came back: $log" >&2; exit 1; }
  awk -v k0="$k0" -v k1="$(cpu_of $bearerbox_pid $smsbox_pid)" 'BEGIN { print k1 - k0 }' > "$WORK/kannel-cpu"
  awk "BEGIN { print $t1 - $t0 }"
}

# qurb_run — seconds until the N-th answer; the daemon's CPU seconds in
# $WORK/cpu (its whole run, reports included).
qurb_run() {
  local pid s
  rm -f "$WORK"/qurb.db*
  cp "$WORK/demo.db" "$WORK/qurb.db"
  "$SMSD" --config "$WORK/qurb.conf" 2>> "$WORK/qurb-smsd.log" & pid=$!
  waitport "$APP"
  s=$(batch "${member_messages[@]}")
  for _ in $(seq 600); do
    [ "$(sqlite3 "$WORK/qurb.db" "SELECT count(delivered_at) FROM sms_sent_parts")" -ge "$N" ] && break
    sleep 0.1
  done
  awk '{ print ($14 + $15) / 100 }' /proc/$pid/stat > "$WORK/cpu"
  kill $pid; wait $pid || true
  echo "$s"
}

kannel_conf false
bearerbox -v 2 "$WORK/kannel.conf" > "$WORK/bearerbox.out" 2>&1 & bearerbox_pid=$!; pids+=($bearerbox_pid)
waitport "$ADMIN"; waitport "$BOX"
for mode in false true; do
  kannel_conf $mode
  start_smsbox
  for N in $SIZES; do
    alone=() qurb=() cpu=() kalone=() kqurb=()
    for run in $(seq "$RUNS"); do
      alone+=("$(batch "+212612345678 9999 text BENCH ")")
      kalone+=("$(cat "$WORK/kannel-cpu")")
      qurb+=("$(qurb_run)")
      cpu+=("$(cat "$WORK/cpu")")
      kqurb+=("$(cat "$WORK/kannel-cpu")")
      echo "immediate-sendsms-reply=$mode, $N messages, run $run: Kannel alone ${alone[-1]} s" \
           "(Kannel ${kalone[-1]} s of CPU), qurb-smsd ${qurb[-1]} s (${cpu[-1]} s of CPU; Kannel ${kqurb[-1]} s)" >&2
    done
    echo "immediate=$mode n=$N alone_s=$(median "${alone[@]}") qurb_s=$(median "${qurb[@]}") cpu_s=$(median "${cpu[@]}")" \
         "kannel_alone_cpu_s=$(median "${kalone[@]}") kannel_qurb_cpu_s=$(median "${kqurb[@]}")"
  done
  kill $smsbox_pid; wait $smsbox_pid || true
done
echo "runs=$RUNS load=$(cut -d' ' -f1 /proc/loadavg) max_pending=$MAX_PENDING"
