#!/bin/bash
# The long crash run of qurb-smsd: two daemons, one per modem, killed with
# SIGKILL at random over mixed single and multipart traffic (the test suite
# runs 24 kills; this runs as many as asked, 120 by default), then the
# report: lost, duplicated replies, split across modems, stuck in sending,
# parts sent twice, messages started again whole.
# Usage: bench/smsd-crash.sh [BUILD_DIR] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
KILLS=${2:-120}
QURB_CRASH_KILLS=$KILLS meson test -C "$BUILD" smsd-crash --timeout-multiplier 10 >/dev/null || status=$?
grep -E '^# ([0-9]+ kills|messages by state)' "$BUILD/meson-logs/testlog.txt"
exit "${status:-0}"
