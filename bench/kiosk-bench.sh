#!/bin/bash
# The kiosk's benchmarks, under one Xvfb with the UI tests' settings.
# Usage: bench/kiosk-bench.sh BUILD_DIR BIG_DB [RUNS] — prints key=value lines:
#  1. cold start to the first painted frame: qurb-kiosk on BIG_DB against
#     an empty GTK 4 window in a GtkApplication (bench/empty-window.c),
#     median of RUNS starts each, alternated;
#  2. touch → answer painted: identify and see one's claims, on BIG_DB;
#  3. resident memory while walking every screen 100 times.
set -euo pipefail
cd "$(dirname "$0")/.."
INNER=0
if [ "${1:-}" = --inner ]; then INNER=1; shift; fi
BUILD=$1 BIG=$2 RUNS=${3:-15}
export GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=test NO_AT_BRIDGE=1
export QURB_LOCALEDIR=$PWD/$BUILD/locale LANGUAGE= QURB_NOW=${QURB_NOW:-2027-01-15T10:00:00}

if [ "$INNER" = 0 ]; then
# The big database has no caravans: a copy with a few, ahead of QURB_NOW
# (two in Laâyoune, so that a walk passes the screen of a province's caravans).
WALK_DB=$(dirname "$BIG")/kiosk.db
rm -f "$WALK_DB"*
cp "$BIG" "$WALK_DB"
caravans=$(mktemp --suffix=.csv)
cat > "$caravans" <<CSV
code,specialty,title_fr,title_ar,province,site_fr,site_ar,date,start_time,end_time,slot_minutes,seats_per_slot
BK01,OPHTALMOLOGIE,Caravane ophtalmologique,القافلة الطبية لطب العيون,Laâyoune,Centre de santé Hay Al Qods,المركز الصحي حي القدس,2027-02-03,09:00,13:00,30,6
BK02,DENTAIRE,Caravane dentaire,القافلة الطبية لطب الأسنان,Guelmim,Dispensaire Tighmert,مستوصف تغمرت,2027-02-04,09:00,12:00,60,4
BK03,DEPISTAGE,Dépistage des maladies chroniques,الكشف المبكر عن الأمراض المزمنة,Laâyoune,Centre de santé Hay Al Qods,المركز الصحي حي القدس,2027-02-05,09:00,12:00,30,6
CSV
"$BUILD/qurbctl/qurbctl" --db "$WALK_DB" import caravans "$caravans" >/dev/null
rm -f "$caravans"
exec xvfb-run -a -s "-screen 0 1920x1920x24" "$0" --inner "$BUILD" "$BIG" "$RUNS"
fi
WALK_DB=$(dirname "$BIG")/kiosk.db

inner() {
  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  start_ms() {  # start_ms COMMAND… — ms from exec to the first painted frame
    local t0 out
    t0=$(date +%s%6N)
    out=$("$@" | sed -n 's/^first-frame-us=//p')
    awk "BEGIN { printf \"%.1f\", ($out - $t0) / 1000 }"
  }
  local empty=() kiosk=()
  # Once each first, so both find their libraries and fonts in the page cache.
  start_ms "$BUILD/bench/empty-window" >/dev/null
  start_ms "$BUILD/kiosk/qurb-kiosk" --db "$BIG" --windowed --bench-first-frame >/dev/null
  for _ in $(seq "$RUNS"); do
    empty+=("$(start_ms "$BUILD/bench/empty-window")")
    kiosk+=("$(start_ms "$BUILD/kiosk/qurb-kiosk" --db "$BIG" --windowed --bench-first-frame)")
  done
  echo "empty_start_ms=$(median "${empty[@]}")"
  echo "kiosk_start_ms=$(median "${kiosk[@]}")"
  "$BUILD/bench/bench-kiosk" touch "$BIG" 200 | tr ' ' '\n'
  "$BUILD/bench/bench-kiosk" walk "$WALK_DB" 100 | tr ' ' '\n'
}
inner
