#!/bin/bash
# Puts a section (standard input, starting with its "## " heading) into
# bench/RESULTS.md: replaces the section of the same heading, or appends.
# Usage: … | bench/put-section.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=bench/RESULTS.md
section=$(cat)
heading=$(printf '%s\n' "$section" | head -1)
touch "$RESULTS"
if grep -qxF "$heading" "$RESULTS"; then
  awk -v heading="$heading" -v section="$section" '
    $0 == heading { print section; skip = 1; next }
    skip && /^## / { skip = 0; print "" }
    !skip { print }
  ' "$RESULTS" > "$RESULTS.new"
  mv "$RESULTS.new" "$RESULTS"
else
  printf '\n%s\n' "$section" >> "$RESULTS"
fi
printf '%s\n' "$section"
