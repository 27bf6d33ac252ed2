#!/bin/bash
# Benchmarks of imports and SMS answers. Usage: bench/run.sh [BUILD_DIR]
#
#  1. 1 M claims for 200 k members, dossiers in random order as a real export
#     lists them: `qurbctl import claims` (full validation, upsert, history,
#     status-change detection) against the baseline, the sqlite3 shell's bare
#     `.import` of the same file into a plain table of a WAL database with its
#     two indexes built after the load. Median of 3 runs each; the same in
#     dossier order for reference. Peak resident memory of qurbctl too (GNU
#     time, /usr/bin/time).
#  2. A daily delta of 50 k rows (40 k status changes, 10 k new claims), in
#     random order, into a 6.3 M-claim database (1.26 M members). Median of 3
#     runs on fresh copies.
#  BENCH_ONLY=import stops after these two (their sections are replaced).
#  3. SMS answered per second on that database, through the daemon's path,
#     against the bare dossier lookup and parsing alone; and the SMS language
#     alone on every text of the test corpora (bench-parse).
#  4. qurb-smsd against gammu-smsd on Gammu's dummy driver, and qurb-smsd's
#     memory over 100 k texts (bench/smsd-bench.sh; needs gammu-smsd).
#  5. Queueing a broadcast to every member, and the daemon's memory while it
#     sends (bench/broadcast-bench.sh).
#  6. The kiosk: cold start against an empty GTK window, touch → answer on
#     the 6.3 M-claim database, memory over 100 walks (bench/kiosk-bench.sh).
#  7. Messages answered per second through Kannel (fakesmsc -> bearerbox ->
#     smsbox -> qurb-smsd -> sendsms -> fakesmsc) against smsbox answering by
#     itself (bench/kannel-bench.sh; needs kannel and kannel-extras).
#
# Data is generated once into bench/data/ (git-ignored, ~2 GB with the big
# database). Results are written to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
QURBCTL=$BUILD/qurbctl/qurbctl
GEN=$BUILD/bench/gen-csv
DATA=bench/data
RESULTS=bench/RESULTS.md
RUNS=${RUNS:-3}
export QURB_LOCALEDIR=$PWD/$BUILD/locale
export LANGUAGE=
export QURB_NOW=2027-01-15T10:00:00
mkdir -p "$DATA"

now() { date +%s.%N; }
# peak_kb FILE COMMAND…: runs it, its peak resident set (kB) into FILE;
# with GNU time, its CPU seconds (user + system) into FILE.cpu as well.
peak_kb() {
  local out=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M %U %S' -o "$out.all" "$@"
    cut -d' ' -f1 "$out.all" > "$out"
    awk '{ print $2 + $3 }' "$out.all" > "$out.cpu"
  else
    echo 0 > "$out"; echo 0 > "$out.cpu"; "$@"
  fi
}
mb() { awk "BEGIN { printf \"%.0f\", $1 / 1024 }"; }
calc() { awk "BEGIN { print $* }"; }
elapsed() { calc "$2 - $1"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fmt() { printf '%.2f' "$1"; }

gen() {  # gen FILE ARGS… — generate once
  local file=$1; shift
  [ -s "$file" ] || "$GEN" "$@" > "$file"
}

echo "== generating data"
gen $DATA/members-200k.csv members 200000
gen $DATA/claims-1m.csv claims 200000 1000000
gen $DATA/claims-1m-random.csv claims-random 200000 1000000
gen $DATA/members-1260k.csv members 1260000
gen $DATA/claims-6300k.csv claims 1260000 6300000
gen $DATA/delta-50k-random.csv delta-random 1260000 6300000 40000 10000

echo "== members for the 1 M run"
rm -f $DATA/members-200k.db*
$QURBCTL --db $DATA/members-200k.db import members $DATA/members-200k.csv >/dev/null

# One import of FILE into a copy of the members database, and the baseline
# on the same file; appends to the named arrays (seconds, peak kB, and the
# CPU seconds of each: on a machine others load, the steadier measure).
import_runs() {  # import_runs FILE BASELINE_ARRAY QURB_ARRAY PEAK_ARRAY BASE_CPU QURB_CPU
  local file=$1 t0 t1
  local -n base_out=$2 qurb_out=$3 peak_out=$4 base_cpu_out=$5 qurb_cpu_out=$6
  rm -f $DATA/baseline.db*
  sync
  t0=$(now)
  peak_kb $DATA/base.kb sqlite3 $DATA/baseline.db "PRAGMA journal_mode=WAL;" \
    "CREATE TABLE claims (dossier_no TEXT, member_no TEXT, kind TEXT, deposited_on TEXT, status TEXT,
                          status_date TEXT, amount_claimed TEXT, amount_paid TEXT, reason TEXT);" \
    ".import --csv --skip 1 $file claims" \
    "CREATE UNIQUE INDEX claims_dossier ON claims (dossier_no);" \
    "CREATE INDEX claims_member ON claims (member_no);" >/dev/null
  t1=$(now)
  base_out+=("$(elapsed "$t0" "$t1")")
  base_cpu_out+=("$(cat $DATA/base.kb.cpu)")

  rm -f $DATA/run.db*
  cp $DATA/members-200k.db $DATA/run.db
  sync
  t0=$(now)
  peak_kb $DATA/peak.kb $QURBCTL --db $DATA/run.db import claims "$file" >/dev/null
  t1=$(now)
  qurb_out+=("$(elapsed "$t0" "$t1")")
  peak_out+=("$(cat $DATA/peak.kb)")
  qurb_cpu_out+=("$(cat $DATA/peak.kb.cpu)")
  rows=$(sqlite3 $DATA/run.db "SELECT count(*) FROM claims")
  [ "$rows" = 1000000 ] || { echo "expected 1000000 claims, found $rows" >&2; exit 1; }
}

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
baseline_runs=() qurb_runs=() sorted_base_runs=() sorted_runs=() peaks=() sorted_peaks=()
base_cpus=() qurb_cpus=() sorted_base_cpus=() sorted_cpus=()
for run in $(seq $RUNS); do
  import_runs $DATA/claims-1m-random.csv baseline_runs qurb_runs peaks base_cpus qurb_cpus
  import_runs $DATA/claims-1m.csv sorted_base_runs sorted_runs sorted_peaks sorted_base_cpus sorted_cpus
  echo "run $run: random order: baseline ${baseline_runs[-1]} s (CPU ${base_cpus[-1]} s), qurbctl" \
       "${qurb_runs[-1]} s (CPU ${qurb_cpus[-1]} s, ${peaks[-1]} kB); dossier order: baseline" \
       "${sorted_base_runs[-1]} s (CPU ${sorted_base_cpus[-1]} s), qurbctl ${sorted_runs[-1]} s" \
       "(CPU ${sorted_cpus[-1]} s, ${sorted_peaks[-1]} kB)"
done
base=$(median "${baseline_runs[@]}"); ours=$(median "${qurb_runs[@]}")
ratio=$(calc "$ours / $base")
sorted_base=$(median "${sorted_base_runs[@]}"); sorted_ours=$(median "${sorted_runs[@]}")
peak=$(median "${peaks[@]}"); sorted_peak=$(median "${sorted_peaks[@]}")
base_cpu=$(median "${base_cpus[@]}"); ours_cpu=$(median "${qurb_cpus[@]}")
sorted_base_cpu=$(median "${sorted_base_cpus[@]}"); sorted_cpu=$(median "${sorted_cpus[@]}")

echo "== the 6.3 M-claim database"
if [ ! -s $DATA/big.db ]; then
  rm -f $DATA/big.db*
  t0=$(now)
  $QURBCTL --db $DATA/big.db import members $DATA/members-1260k.csv >/dev/null
  $QURBCTL --db $DATA/big.db import claims $DATA/claims-6300k.csv >/dev/null
  sqlite3 $DATA/big.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  echo "built in $(fmt "$(elapsed "$t0" "$(now)")") s"
fi
big_size=$(du -mL $DATA/big.db | cut -f1)

delta_runs=() delta_base_runs=() delta_peaks=() delta_cpus=()
for run in $(seq $RUNS); do
  rm -f $DATA/delta.db*
  cp $DATA/big.db $DATA/delta.db
  # Flushed (the copy must not be written back during the run) and read
  # once: the agency server's database sits clean in the page cache.
  sync
  cat $DATA/delta.db > /dev/null
  t0=$(now)
  out=$(peak_kb $DATA/peak.kb $QURBCTL --db $DATA/delta.db import claims $DATA/delta-50k-random.csv)
  t1=$(now)
  delta_runs+=("$(elapsed "$t0" "$t1")")
  delta_peaks+=("$(cat $DATA/peak.kb)")
  delta_cpus+=("$(cat $DATA/peak.kb.cpu)")

  rm -f $DATA/delta-base.db
  t0=$(now)
  sqlite3 $DATA/delta-base.db \
    "CREATE TABLE claims (dossier_no TEXT, member_no TEXT, kind TEXT, deposited_on TEXT, status TEXT,
                          status_date TEXT, amount_claimed TEXT, amount_paid TEXT, reason TEXT);" \
    ".import --csv --skip 1 $DATA/delta-50k-random.csv claims"
  t1=$(now)
  delta_base_runs+=("$(elapsed "$t0" "$t1")")
  echo "run $run: delta ${delta_runs[-1]} s (CPU ${delta_cpus[-1]} s), ${delta_peaks[-1]} kB ($out)"
done
delta=$(median "${delta_runs[@]}"); delta_base=$(median "${delta_base_runs[@]}")
delta_peak=$(median "${delta_peaks[@]}"); delta_cpu=$(median "${delta_cpus[@]}")
notices=$(sqlite3 $DATA/delta.db "SELECT count(*) FROM messages WHERE kind = 'notice'")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
header="# Benchmark results

Written by \`bench/run.sh\` (\`make bench\`) on $(date -u +%Y-%m-%d), $(nproc) cores ($cpu),
sqlite $(sqlite3 --version | cut -d' ' -f1). Times are wall-clock medians of $RUNS runs."
if [ -s $RESULTS ]; then
  { printf '%s\n' "$header"; sed -n '/^## /,$p' $RESULTS | sed '1s/^/\n/'; } > $RESULTS.new && mv $RESULTS.new $RESULTS
else
  printf '%s\n' "$header" > $RESULTS
fi
bench/put-section.sh <<MD
## Importing 1 M claims (200 k members)

Dossiers in random order, as a real export lists them, and the same rows in dossier order.
Baseline: the sqlite3 shell's bare \`.import\` of the same file into a plain table of text
columns in a WAL database, then \`CREATE UNIQUE INDEX\` on dossier_no and an index on member_no.
\`qurbctl import claims\` validates every field, resolves each member, upserts by key,
records the status history and would queue notices for status changes; into an empty
claims table it reads the members once, holds the valid rows in memory (at most 2 M; more
are written in runs of 2 M), radix-sorts them by dossier and writes them in dossier order,
appending, a transaction per 102 400 rows. A file already in dossier order is written batch
by batch as it is read. Load average when the runs began: $load_at_start (2 cores, shared):
wall-clock times move with it; CPU time (user + system, GNU time) much less.

| | seconds | rows/s | ratio to baseline | CPU seconds | CPU ratio |
|---|---:|---:|---:|---:|---:|
| random order: sqlite3 \`.import\` + indexes, WAL (baseline) | $(fmt "$base") | $(printf '%.0f' "$(calc "1000000 / $base")") | 1.00 | $(fmt "$base_cpu") | 1.00 |
| random order: \`qurbctl import claims\` | $(fmt "$ours") | $(printf '%.0f' "$(calc "1000000 / $ours")") | **$(fmt "$ratio")** | $(fmt "$ours_cpu") | $(fmt "$(calc "$ours_cpu / $base_cpu")") |
| dossier order: sqlite3 \`.import\` + indexes, WAL (baseline) | $(fmt "$sorted_base") | $(printf '%.0f' "$(calc "1000000 / $sorted_base")") | 1.00 | $(fmt "$sorted_base_cpu") | 1.00 |
| dossier order: \`qurbctl import claims\` | $(fmt "$sorted_ours") | $(printf '%.0f' "$(calc "1000000 / $sorted_ours")") | $(fmt "$(calc "$sorted_ours / $sorted_base")") | $(fmt "$sorted_cpu") | $(fmt "$(calc "$sorted_cpu / $sorted_base_cpu")") |

Goal: ≤ 1.30 in random order. \`qurbctl import claims\`, random order against dossier order
(same run): $(fmt "$(calc "$ours / $sorted_ours")")× in seconds, $(fmt "$(calc "$ours_cpu / $sorted_cpu")")× in CPU time.
Peak resident memory of \`qurbctl import claims\`: $(mb "$peak") MB in random order, $(mb "$sorted_peak") MB in
dossier order (goal: ≤ 500 MB for 1 M rows, on a box of 4 GB).
MD
bench/put-section.sh <<MD
## A daily delta into a 6.3 M-claim database

50 k rows in random order — 40 k claims moved one status further (each queues a notice)
and 10 k new claims — imported into a database of 1.26 M members and 6.3 M claims
(${big_size} MB), warm in the page cache as on the agency server. The rows of a batch are
written in dossier order.

| | seconds | ratio to baseline |
|---|---:|---:|
| sqlite3 \`.import\` of the delta into an empty plain table (baseline) | $(fmt "$delta_base") | 1.00 |
| \`qurbctl import claims\` of the delta | $(fmt "$delta") | $(fmt "$(calc "$delta / $delta_base")") |

Goal: ≤ 2 s. CPU time (user + system) of \`qurbctl import claims\`: $(fmt "$delta_cpu") s; the rest of
the wall-clock time is waiting for the disk (the commits) and, on a shared machine, for a core.
Notices queued by the last run: $notices. Peak resident memory: $(mb "$delta_peak") MB.
MD
[ "${BENCH_ONLY:-}" = import ] && exit 0
echo "== SMS answers"
rm -f $DATA/sms.db*
cp $DATA/big.db $DATA/sms.db
sync
cat $DATA/sms.db > /dev/null
sms=$($BUILD/bench/bench-sms $DATA/sms.db 20000)
echo "$sms"

echo "== SMS daemon against gammu-smsd"
smsd_section=""
if command -v gammu-smsd >/dev/null; then
  smsd_out=$(bench/smsd-bench.sh "$BUILD" 300 100000 | tr '\n' ' ')
  echo "$smsd_out"
  sfield() { echo "$smsd_out" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  smsd_section=$(bench/smsd-results.sh "$(sfield n)" "$(sfield qurb_s)" "$(sfield gammu_s)" \
    "$(sfield gammu_sent)" "$(sfield mem_n)" "$(sfield mem_s)" "$(sfield rss_early_kb)" \
    "$(sfield rss_last_kb)" "$(sfield rss_peak_kb)")
else
  smsd_section="## SMS daemon against gammu-smsd

Not measured in this run: gammu-smsd is not installed (apt-get install gammu-smsd)."
fi

printf '%s\n' "$smsd_section" | bench/put-section.sh >/dev/null
echo "$sms" | bench/sms-results.sh | bench/put-section.sh

echo "== SMS language"
$BUILD/bench/bench-parse tests/corpus/sms-*.tsv | bench/parse-results.sh | bench/put-section.sh

echo "== broadcasts"
bench/broadcast-bench.sh "$BUILD" $DATA/big.db 60 | bench/broadcast-results.sh \
  "the 6.3 M-claim database (${big_size} MB)" >/dev/null
if [ -x "$BUILD/bench/bench-kiosk" ]; then
  echo "== kiosk"
  bench/kiosk-bench.sh "$BUILD" $DATA/big.db | bench/kiosk-results.sh \
    "the 6.3 M-claim database (${big_size} MB)" >/dev/null
fi
if command -v bearerbox >/dev/null || [ -x /usr/sbin/bearerbox ]; then
  echo "== Kannel"
  bench/kannel-bench.sh "$BUILD" 2000 3 | bench/kannel-results.sh | bench/put-section.sh >/dev/null
fi
cat $RESULTS
