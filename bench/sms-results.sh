#!/bin/bash
# The "SMS answered" section of bench/RESULTS.md, from the key=value line
# of bench-sms on standard input.
set -euo pipefail
line=$(cat)
field() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $(field lookup_per_s) }"; }
cat <<MD
## SMS answered on the 6.3 M-claim database

$(field messages) messages from as many registered members, half a dossier's status, the rest
their last dossiers, caravans by province, their bookings, help — each stored, parsed,
checked against the privacy and abuse rules, answered, its reply queued, and committed, as
the daemon does it. Baselines in the same run: the bare primary-key lookup of a dossier, and
parsing alone ("etat" and the dossier number).

| | per second | ratio to the bare lookup |
|---|---:|---:|
| bare \`SELECT status FROM claims WHERE dossier_no = ?\` (baseline) | $(field lookup_per_s) | 1.00 |
| parsing only (\`qurb_sms_parse\`) | $(field parse_per_s) | $(ratio "$(field parse_per_s)") |
| whole answer, committed | $(field per_s) | $(ratio "$(field per_s)") |

A dossier's status, whole path: median $(field status_p50_ms) ms, 99th percentile
$(field status_p99_ms) ms (goal: lookups under a millisecond).
MD
