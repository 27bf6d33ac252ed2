#!/bin/bash
# shot.sh OUT.png WIDTHxHEIGHT [--] COMMAND [ARG...]
#
# Runs COMMAND (a Wayland client, e.g. a GTK 4 application) as the only
# application of the cage kiosk compositor on wlroots' headless backend
# (no GPU, no display, no seat, no systemd), waits until the screen has
# settled, saves a PNG with grim, then ends the application so that cage
# exits by itself.  Debian 12: cage 0.1.4, wlroots 0.15, grim 1.4.
#
# Run as root: cage and COMMAND run as $SHOT_USER (default nobody) with a
# private XDG_RUNTIME_DIR; as any other user they run as that user.
#
# Environment (all optional):
#   SHOT_USER=nobody      the unprivileged user when run as root
#   SHOT_SETTLE=1.0       seconds the screen must stay unchanged
#   SHOT_TIMEOUT=30       seconds to wait for a settled, non-black screen
#   SHOT_REQUIRE_FILL=0   1: fail (exit 5) if the last row or last column of
#                         the screen is pure black (window not filling it)
#   SHOT_LOG=OUT.log      cage's and COMMAND's output
#   SHOT_DBUS=0           1: run COMMAND under dbus-run-session
#   SHOT_KEEP=0           1: keep the work directory (printed)
#   SHOT_ALLOW_SCANOUT=0  1: let cage scan the window's buffer out directly
#                         (then screenshots can be stale: see cage-shim.c)
#   SHOT_SHIM=1           0: no LD_PRELOAD shim (sizes 1280x720, 720x1280 only)
#   SHOT_CAGE_ARGS=-d     cage's options (-d: ask for server-side decorations,
#                         which makes GTK 4 drop its title bar)
# COMMAND gets WAYLAND_DISPLAY, XDG_RUNTIME_DIR, HOME (a fresh directory),
# PATH, LANG/LC_ALL/LANGUAGE if set, GDK_BACKEND=wayland; nothing else of
# the caller's environment (use `env VAR=value COMMAND...` to add some).
#
# Exit: 0 shot taken and cage ended cleanly; 1 usage or setup error;
# 2 cage did not start; 3 COMMAND/cage ended before the shot; 4 the screen
# never settled (or stayed black) within SHOT_TIMEOUT (the last screen is
# still saved); 5 SHOT_REQUIRE_FILL failed; 6 cage did not end cleanly.
set -u

die() { echo "shot.sh: $*" >&2; exit 1; }
[ $# -ge 3 ] || die "usage: shot.sh OUT.png WIDTHxHEIGHT [--] COMMAND [ARG...]"
OUT=$1 SIZE=$2
shift 2
[ "$1" = -- ] && shift
[ $# -ge 1 ] || die "no COMMAND"
[[ $SIZE =~ ^([0-9]+)x([0-9]+)$ ]] || die "size must be WIDTHxHEIGHT, not $SIZE"
W=${BASH_REMATCH[1]} H=${BASH_REMATCH[2]}
for p in cage grim; do command -v $p >/dev/null || die "$p is not installed (apt-get install cage grim)"; done
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
LOG=${SHOT_LOG:-${OUT%.png}.log}
SETTLE=${SHOT_SETTLE:-1.0}
TIMEOUT=${SHOT_TIMEOUT:-30}
HERE=$(cd "$(dirname "$0")" && pwd)

WORK=$(mktemp -d /tmp/cage-shot.XXXXXX) || die "mktemp"
chmod 0755 "$WORK"
RUN=$WORK/run                   # XDG_RUNTIME_DIR: the Wayland socket is made here
mkdir -m 0700 "$RUN" "$WORK/home"

CAGE_PID=
cleanup() {
  local rc=$?
  if [ -n "$CAGE_PID" ] && kill -0 "$CAGE_PID" 2>/dev/null; then
    # Last resort only: cage 0.1.4 aborts on SIGTERM/SIGINT (a bug fixed
    # after 0.1.4), so the whole process group it leads is killed.
    kill -KILL -- "-$CAGE_PID" 2>/dev/null
    wait "$CAGE_PID" 2>/dev/null
    remove_x_locks
  fi
  if [ "${SHOT_KEEP:-0}" = 1 ]; then echo "shot.sh: kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# cage's lazy Xwayland leaves /tmp/.X<n>-lock and /tmp/.X11-unix/X<n> behind
# when cage is killed; remove those that name our cage.
remove_x_locks() {
  local f n pid
  for f in /tmp/.X*-lock; do
    [ -f "$f" ] || continue
    pid=$(tr -dc 0-9 < "$f" 2>/dev/null)      # "      1234" and a NUL
    [ "$pid" = "$CAGE_PID" ] || continue
    n=${f#/tmp/.X}; n=${n%-lock}
    rm -f "$f" "/tmp/.X11-unix/X$n"
  done
}

# The headless output's size: wlroots 0.15 makes it 1280x720 and cage 0.1.4
# offers no way to change it (no wlr-output-management, so no wlr-randr);
# cage-shim.so replaces the size that the backend asks for.
# It also stops cage's direct scan-out, which makes screenshots stale.
# SHOT_SHIM=0: no shim; then only 1280x720 and 720x1280 can be had, and
# the output is rotated (cage -r -r, cage -r), which also stops scan-out.
CAGE_ARGS=(${SHOT_CAGE_ARGS--d})
SHIM=
if [ "${SHOT_SHIM:-1}" = 0 ]; then
  case $SIZE in
    1280x720) CAGE_ARGS+=(-r -r) ;;
    720x1280) CAGE_ARGS+=(-r) ;;
    *) die "without the shim the size is 1280x720 or 720x1280" ;;
  esac
else
  SHIM=$WORK/cage-shim.so
  if command -v cc >/dev/null && [ -f "$HERE/cage-shim.c" ]; then
    cc -O2 -shared -fPIC -o "$SHIM" "$HERE/cage-shim.c" -ldl || die "cannot build the shim"
  elif [ -f "$HERE/cage-shim.so" ]; then
    cp "$HERE/cage-shim.so" "$SHIM"
  else
    die "need cc and cage-shim.c (or a built cage-shim.so) beside shot.sh, or SHOT_SHIM=0"
  fi
  chmod 0755 "$SHIM"
fi

AS=()
if [ "$(id -u)" = 0 ]; then
  U=${SHOT_USER:-nobody}
  id "$U" >/dev/null 2>&1 || die "no user $U"
  G=$(id -gn "$U")
  chown "$U:$G" "$RUN" "$WORK/home"
  AS=(setpriv --reuid="$U" --regid="$G" --clear-groups --)
fi

# COMMAND is started through sh so that its pid is known: ending it is how
# cage is made to exit cleanly (cage exits when its application does).
WRAP='unset LD_PRELOAD CAGE_HEADLESS_SIZE CAGE_ALLOW_SCANOUT; echo $$ > "$XDG_RUNTIME_DIR/app.pid"; exec "$@"'
APP=("$@")
[ "${SHOT_DBUS:-0}" = 1 ] && APP=(dbus-run-session -- "$@")

ENV=(PATH=/usr/local/bin:/usr/bin:/bin HOME="$WORK/home" XDG_RUNTIME_DIR="$RUN"
     WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_HEADLESS_OUTPUTS=1
     WLR_LIBINPUT_NO_DEVICES=1 GDK_BACKEND=wayland
     CAGE_HEADLESS_SIZE="$SIZE")
[ -n "$SHIM" ] && ENV+=(LD_PRELOAD="$SHIM")
[ "${SHOT_ALLOW_SCANOUT:-0}" = 1 ] && ENV+=(CAGE_ALLOW_SCANOUT=1)
# cage 0.1.4 always sets up a lazy Xwayland (started only when an X client
# connects; there is no option to turn it off) and refuses to start when
# /usr/bin/Xwayland is missing, unless WLR_XWAYLAND names some path.
[ -x /usr/bin/Xwayland ] || ENV+=(WLR_XWAYLAND=/bin/false)
for v in LANG LC_ALL LANGUAGE; do [ -n "${!v:-}" ] && ENV+=("$v=${!v}"); done

# setsid: cage leads a process group of its own (for the last-resort kill);
# setsid, setpriv and env all exec, so $! is cage's pid.
setsid "${AS[@]}" env -i "${ENV[@]}" cage "${CAGE_ARGS[@]}" -- sh -c "$WRAP" sh "${APP[@]}" \
  > "$LOG" 2>&1 < /dev/null &
CAGE_PID=$!

fail() { local rc=$1; shift; echo "shot.sh: $*" >&2; tail -n 15 "$LOG" | sed 's/^/  | /' >&2; exit "$rc"; }
alive() { kill -0 "$CAGE_PID" 2>/dev/null && [ "$(cut -d' ' -f3 /proc/$CAGE_PID/stat 2>/dev/null)" != Z ]; }

# 1. cage's socket.  A private XDG_RUNTIME_DIR holds only ours: wayland-0.
SOCK=
for _ in $(seq 100); do
  alive || fail 2 "cage ended at start"
  for s in "$RUN"/wayland-[0-9]*; do [ -S "$s" ] && SOCK=$s; done
  [ -n "$SOCK" ] && break
  sleep 0.1
done
[ -n "$SOCK" ] || fail 2 "no Wayland socket in $RUN after 10 s"
export WAYLAND_DISPLAY=$SOCK    # an absolute path: grim connects from outside

# 2. Wait for the screen to settle: grim reads the composited output (PPM,
# so that two frames compare with cmp); done when the screen is not all
# black and has not changed for $SETTLE seconds.  The first frame of a GTK
# window is its natural size; cage maximises it only after it maps, so
# a single early shot can show a small window in a corner.
black() {  # pure black = nothing drawn yet (cage's background is black)
  [ "$(tail -c $((W * H * 3)) "$1" | tr -d '\000' | head -c 1 | wc -c)" = 0 ]
}
now() { date +%s.%N; }
START=$(now) STABLE_SINCE= SETTLED=0
while :; do
  alive || fail 3 "the application (or cage) ended before the screen settled"
  if grim -t ppm "$WORK/cur.ppm" 2>>"$LOG"; then
    if ! black "$WORK/cur.ppm" && [ -f "$WORK/prev.ppm" ] && cmp -s "$WORK/cur.ppm" "$WORK/prev.ppm"; then
      [ -n "$STABLE_SINCE" ] || STABLE_SINCE=$(now)
      if awk -v a="$(now)" -v b="$STABLE_SINCE" -v s="$SETTLE" 'BEGIN { exit !(a - b >= s) }'; then
        SETTLED=1; break
      fi
    else
      STABLE_SINCE=
    fi
    mv "$WORK/cur.ppm" "$WORK/prev.ppm"
  fi
  awk -v a="$(now)" -v b="$START" -v t="$TIMEOUT" 'BEGIN { exit !(a - b >= t) }' && break
  sleep 0.2
done
grim "$OUT" 2>>"$LOG" || fail 3 "grim failed"
RC=0
if [ $SETTLED = 0 ]; then
  echo "shot.sh: the screen did not settle (or stayed black) in ${TIMEOUT}s; saved the last one" >&2
  RC=4
fi
echo "shot.sh: $OUT (${W}x${H}) after $(awk -v a="$(now)" -v b="$START" 'BEGIN { printf "%.1f", a - b }')s"

# 3. Optional: is the window filling the output?  Pure black last row or
# last column = the window is smaller than the output (a band).
if [ "${SHOT_REQUIRE_FILL:-0}" = 1 ] && [ $RC = 0 ]; then
  grim -t ppm "$WORK/cur.ppm"
  last_row=$(tail -c $((W * 3)) "$WORK/cur.ppm" | tr -d '\000' | head -c 1 | wc -c)
  last_col=1
  command -v python3 >/dev/null && last_col=$(python3 - "$WORK/cur.ppm" "$W" "$H" <<'EOF'
import sys
w, h = int(sys.argv[2]), int(sys.argv[3])
d = open(sys.argv[1], "rb").read()[-w * h * 3:]
print(int(any(d[(y * w + w - 1) * 3:(y * w + w) * 3] != b"\0\0\0" for y in range(h))))
EOF
)
  if [ "$last_row" = 0 ] || [ "$last_col" = 0 ]; then
    echo "shot.sh: black band: last row drawn=$last_row, last column drawn=$last_col" >&2
    RC=5
  fi
fi

# 4. End: stop the application; cage sees it go and exits with status 0.
# cage notices that its application is gone when the pipe it gave it is
# closed, i.e. when every process that inherited it (helpers the application
# started: dbus-daemon, at-spi-bus-launcher...) is gone too; so if cage is
# still there, the rest of its process group (not cage itself) is ended.
APP_PID=$(cat "$RUN/app.pid" 2>/dev/null)
[ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null
for _ in $(seq 30); do alive || break; sleep 0.1; done
if alive; then
  OTHERS=$(pgrep -g "$CAGE_PID" | grep -vx "$CAGE_PID")
  [ -n "$OTHERS" ] && kill -TERM $OTHERS 2>/dev/null
  for _ in $(seq 30); do alive || break; sleep 0.1; done
fi
if alive; then
  echo "shot.sh: cage still running 6 s after the application was ended; killing it" >&2
  [ $RC = 0 ] && RC=6
  exit $RC                      # cleanup() kills the group
fi
wait "$CAGE_PID"; CRC=$?
CAGE_PID=
if [ $CRC != 0 ]; then
  echo "shot.sh: cage exited with $CRC" >&2
  [ $RC = 0 ] && RC=6
fi
exit $RC
