#!/bin/bash
# qurb-smsd against gammu-smsd, both on Gammu's dummy driver, in the same run.
# Usage: bench/smsd-bench.sh [BUILD_DIR] [N] [N_FOR_MEMORY]
#
#  - N texts are put into each simulated modem's inbox; the time until every
#    answer is sent is measured. gammu-smsd runs with the files backend and a
#    RunOnReceive script that does the same work (qurbctl sms-simulate, the
#    daemon's own path) and queues the answer with gammu-smsd-inject.
#  - qurb-smsd then works through N_FOR_MEMORY texts, fed in batches as a busy
#    modem would be; its resident memory is sampled every second.
# Prints key=value lines for bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
N=${2:-300}
MEM_N=${3:-100000}
WORK=$PWD/bench/data/smsd
QURBCTL=$PWD/$BUILD/qurbctl/qurbctl
INJECT=$PWD/$BUILD/smsd/qurb-sms-inject
SMSD=$PWD/$BUILD/smsd/qurb-smsd
export QURB_LOCALEDIR=$PWD/$BUILD/locale LANGUAGE=

command -v gammu-smsd >/dev/null || { echo "gammu-smsd is needed: apt-get install gammu-smsd" >&2; exit 1; }
now() { date +%s.%N; }
# The demo data set (5,000 members), its registered phones and dossiers.
fresh_db() {  # fresh_db PATH
  rm -f "$1"*
  QURB_NOW=2027-01-15T10:00:00 "$QURBCTL" --db "$1" demo --members 5000 >/dev/null
}

alive() {  # alive PID — or stop the benchmark
  kill -0 "$1" 2>/dev/null || { echo "the daemon died; see its log" >&2; exit 1; }
}

fill_inbox() {  # fill_inbox DEVICE FIRST COUNT — each text from a member, about their own dossier
  local i phone dossier
  for ((i = $2; i < $2 + $3; i++)); do
    IFS='|' read -r phone dossier <<< "${senders[$((i % ${#senders[@]}))]}"
    printf '%s\tETAT %s %s\n' "$phone" "$dossier" "$i"
  done | "$INJECT" --device "$1" --batch
}

rm -rf "$WORK"
mkdir -p "$WORK"/{qurb,gammu}/modem "$WORK"/qurb/sent "$WORK"/gammu/{inbox,outbox,sent,error}
fresh_db "$WORK/senders.db"
mapfile -t senders < <(sqlite3 "$WORK/senders.db" "SELECT m.phone || '|' || min(c.dossier_no) FROM members m
  JOIN claims c ON c.member_id = m.id WHERE m.phone IS NOT NULL GROUP BY m.id")

# ---- qurb-smsd ----
fresh_db "$WORK/qurb/qurb.db"
cat > "$WORK/qurb/qurb.conf" <<INI
[database]
path=$WORK/qurb/qurb.db
[modem]
device=$WORK/qurb/modem
connection=none
model=dummy
poll-interval-ms=100
send-interval-ms=0
[sms]
max-replies-per-hour=100000
INI
fill_inbox "$WORK/qurb/modem" 0 "$N"
t0=$(now)
"$SMSD" --config "$WORK/qurb/qurb.conf" 2>/dev/null &
pid=$!
while [ "$(sqlite3 "$WORK/qurb/qurb.db" "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'reply' AND state = 'sent'")" -lt "$N" ]; do
  alive $pid
  sleep 0.05
done
t1=$(now)
kill $pid; wait $pid || true
qurb_s=$(awk "BEGIN { print $t1 - $t0 }")

# ---- gammu-smsd, files backend, RunOnReceive doing the same ----
fresh_db "$WORK/gammu/qurb.db"
cat > "$WORK/gammu/smsdrc" <<INI
[gammu]
device = $WORK/gammu/modem
connection = none
model = dummy
[smsd]
service = files
inboxpath = $WORK/gammu/inbox/
outboxpath = $WORK/gammu/outbox/
sentsmspath = $WORK/gammu/sent/
errorsmspath = $WORK/gammu/error/
RunOnReceive = $WORK/gammu/on-receive.sh
CheckSecurity = 0
CheckSignal = 0
CheckBattery = 0
CheckNetwork = 0
StatusFrequency = 0
ReceiveFrequency = 0
LoopSleep = 0
LogFile = $WORK/gammu/smsd.log
INI
cat > "$WORK/gammu/on-receive.sh" <<SH
#!/bin/sh
# The same work as qurb-smsd: the daemon's own path, then the answer queued.
reply=\$("$QURBCTL" --db "$WORK/gammu/qurb.db" sms-simulate --max-replies-per-hour 100000 --from "\$SMS_1_NUMBER" "\$SMS_1_TEXT")
gammu-smsd-inject -c "$WORK/gammu/smsdrc" TEXT "\$SMS_1_NUMBER" -text "\$reply" >/dev/null 2>&1
SH
chmod +x "$WORK/gammu/on-receive.sh"
fill_inbox "$WORK/gammu/modem" 0 "$N"
t0=$(now)
gammu-smsd -c "$WORK/gammu/smsdrc" &
gpid=$!
deadline=$(( $(date +%s) + 600 ))
while [ "$(ls "$WORK/gammu/sent" | wc -l)" -lt "$N" ] && [ "$(date +%s)" -lt $deadline ]; do
  alive $gpid
  sleep 0.2
done
t1=$(now)
gammu_sent=$(ls "$WORK/gammu/sent" | wc -l)
kill $gpid; wait $gpid || true
gammu_s=$(awk "BEGIN { print $t1 - $t0 }")

# ---- qurb-smsd memory over MEM_N texts ----
fresh_db "$WORK/qurb/qurb.db"
rm -rf "$WORK/qurb/modem"; mkdir -p "$WORK/qurb/modem"
"$SMSD" --config "$WORK/qurb/qurb.conf" 2>/dev/null &
pid=$!
rss_samples=()
fed=0
t0=$(now)
while :; do
  if [ $fed -lt "$MEM_N" ] && [ "$(ls "$WORK/qurb/modem/sms/1" 2>/dev/null | wc -l)" -lt 2000 ]; then
    batch=$(( MEM_N - fed < 2000 ? MEM_N - fed : 2000 ))
    fill_inbox "$WORK/qurb/modem" $fed $batch
    fed=$((fed + batch))
  fi
  rss_samples+=("$(awk '/VmRSS/ {print $2}' /proc/$pid/status)")
  alive $pid
  sent=$(sqlite3 "$WORK/qurb/qurb.db" "SELECT count(*) FROM messages WHERE dir = 'out' AND kind = 'reply' AND state = 'sent'")
  [ "$sent" -ge "$MEM_N" ] && break
  sleep 1
done
t1=$(now)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
kill $pid; wait $pid || true
n_samples=${#rss_samples[@]}
first=${rss_samples[$(( n_samples > 5 ? 5 : 0 ))]}
last=${rss_samples[$((n_samples - 1))]}

echo "n=$N qurb_s=$qurb_s gammu_s=$gammu_s gammu_sent=$gammu_sent"
echo "mem_n=$MEM_N mem_s=$(awk "BEGIN { print $t1 - $t0 }") rss_early_kb=$first rss_last_kb=$last rss_peak_kb=$hwm"
