#!/bin/bash
# Writes the kiosk's section of bench/RESULTS.md from kiosk-bench.sh's
# key=value output (stdin), replacing the section if it is there
# (bench/put-section.sh).
# Usage: bench/kiosk-bench.sh BUILD DB | bench/kiosk-results.sh DB_DESCRIPTION
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(cat)
f() { echo "$out" | sed -n "s/^$1=//p"; }
ratio=$(awk "BEGIN { printf \"%.2f\", $(f kiosk_start_ms) / $(f empty_start_ms) }")
growth=$(( $(f rss_last_kb) - $(f rss_tenth_kb) ))

section=$(cat <<MD
## Kiosk (GTK 4 under Xvfb, software rendering)

Measured on $(date -u +%Y-%m-%d) under one Xvfb (1920×1920), \`GDK_BACKEND=x11 GSK_RENDERER=cairo\`,
a 1080×1920 window, on $1.

| | result | goal |
|---|---:|---:|
| empty GTK 4 window, exec → first frame (baseline) | $(f empty_start_ms) ms | |
| \`qurb-kiosk\`, exec → first frame | $(f kiosk_start_ms) ms (**${ratio}×**) | ≤ 1.5× |
| touch "Continue" → the member's claims painted, median | $(f claims_p50_ms) ms | ≤ 50 ms |
| … 99th percentile | $(f claims_p99_ms) ms | |
| … of which database and building the screen, median | $(f claims_work_p50_ms) ms | |
| touch "Done" → home screen painted, median | $(f home_p50_ms) ms | |
| every other screen of a walk, touch → painted, median / 99th percentile ($(f walk_taps) touches) | $(f walk_tap_p50_ms) / $(f walk_tap_p99_ms) ms | ≤ 50 ms |
| resident memory after walk 1 / 10 / $(f walks) | $(( $(f rss_first_kb) / 1024 )) / $(( $(f rss_tenth_kb) / 1024 )) / $(( $(f rss_last_kb) / 1024 )) MB | ≤ 90 MB, flat |

A walk is every screen once, as a visit goes: identify, claims, home (the member stays),
province, caravan, slot, confirm, booking code, done (the visit ends), identify, bookings, cancel,
confirm the cancel, done.
Growth from walk 10 to walk $(f walks): ${growth} kB.
Touch times run from the tap until the first frame after it is painted and the X server
has it (\`GdkFrameClock::after-paint\`, then a round trip). The kiosk's own work is the line
"database and building the screen"; the rest is GTK styling, measuring and painting the new
screen in software. Claim cards are one-line labels (a rejected or incomplete file's advice
alone wraps): with wrapping labels, shaped again for every width the layout tried, the same
touch took 93 ms. At start-up the kiosk makes its home screen alone (the other screens, and the
staff console, the first time they are shown) and does not hint its fonts (text from 22 px up):
with every screen made at once and hinted fonts it was 1.6× the baseline.
MD
)

printf '%s\n' "$section" | bench/put-section.sh
