#!/bin/sh
# Opens the kiosk on the demo database for `make run`: in a window when
# there is a display, else through GTK's Broadway backend in a browser.
# run-kiosk.sh BUILD_DIR DEMO_DIR DB CONFIG — prints how to reach it.
set -eu
build=$1 demo=$2 db=$3 config=$4
kiosk="$build/kiosk/qurb-kiosk"
port=${QURB_BROADWAY_PORT:-8085}
display=${QURB_BROADWAY_DISPLAY:-:5}

if [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${DISPLAY:-}" ]; then
  "$kiosk" --db "$db" --config "$config" --windowed >"$demo/qurb-kiosk.log" 2>&1 &
  echo $! >"$demo/qurb-kiosk.pid"
  echo "The kiosk is open in a window on your display (log $demo/qurb-kiosk.log)."
  exit 0
fi

gtk4-broadwayd --address 127.0.0.1 --port "$port" "$display" >"$demo/broadwayd.log" 2>&1 &
echo $! >"$demo/broadwayd.pid"
# The kiosk needs the display server listening before it starts.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  grep -q "Listening" "$demo/broadwayd.log" 2>/dev/null && break
  sleep 0.3
done
# Full screen, as in the lobby: the browser page is the kiosk's screen,
# with no title bar to close it by.
GDK_BACKEND=broadway BROADWAY_DISPLAY="$display" \
  "$kiosk" --db "$db" --config "$config" >"$demo/qurb-kiosk.log" 2>&1 &
echo $! >"$demo/qurb-kiosk.pid"
echo "No display here: the kiosk is served by GTK's Broadway backend."
echo "Open http://127.0.0.1:$port/ in a browser (log $demo/qurb-kiosk.log)."
