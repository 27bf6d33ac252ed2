#!/bin/sh
# The kiosk as qurb-kiosk.service starts it: `cage -d -- qurb-kiosk`, on
# wlroots' headless backend with the pixman renderer, as an unprivileged
# user (cage refuses root); grim takes the home screen, which must fill
# the output, portrait and landscape, with no window decoration.
# tests/cage/shot.sh does the starting, waiting and clean ending.
#   test-kiosk-cage.sh QURB_KIOSK QURBCTL LOCALEDIR SCREENSHOT_DIR
# Exit 77 (skipped) when cage, grim or a C compiler (for the shim) is missing.
set -u
kiosk=$1 qurbctl=$2 localedir=$3 shots=$4
here=$(cd "$(dirname "$0")" && pwd)

for tool in cage grim cc setpriv setsid; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (scripts/deps.sh installs it)"; exit 77; }
done

work=$(mktemp -d /tmp/qurb-cage.XXXXXX) || exit 1
trap 'rm -rf "$work"' EXIT
chmod 0755 "$work"
mkdir -p "$shots"
"$qurbctl" --db "$work/qurb.db" demo --members 50 >/dev/null || { echo "qurbctl demo failed"; exit 1; }
for lang in ar fr; do
  printf '[database]\npath=%s/qurb.db\n[kiosk]\nlanguage=%s\nidle-seconds=600\n' "$work" "$lang" > "$work/$lang.conf"
done
# The kiosk runs as that user: the database (and its folder) are its.
[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$work"

status=0
for shot in ar:1080x1920 fr:1920x1080 fr:1280x720 ar:720x1280; do
  lang=${shot%%:*} size=${shot#*:}
  out=$shots/cage-home-$lang-$size.png
  rm -f "$out"
  if SHOT_REQUIRE_FILL=1 SHOT_TIMEOUT=60 SHOT_LOG="$work/$lang-$size.log" \
       "$here/cage/shot.sh" "$out" "$size" -- \
       env QURB_LOCALEDIR="$localedir" "$kiosk" --config "$work/$lang.conf"; then
    echo "ok: $out"
  else
    echo "not ok: $lang $size (shot.sh exit $?); its log:"
    sed 's/^/  | /' "$work/$lang-$size.log" | tail -n 20
    status=1
  fi
  [ -s "$out" ] || { echo "not ok: no screenshot $out"; status=1; }
done
exit $status
