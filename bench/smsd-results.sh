#!/bin/sh
# The "SMS daemon" section of bench/RESULTS.md from smsd-bench.sh's figures.
# Usage: smsd-results.sh N QURB_S GAMMU_S GAMMU_SENT MEM_N MEM_S RSS_EARLY RSS_LAST RSS_PEAK
n=$1 qurb=$2 gammu=$3 gsent=$4 mem_n=$5 mem_s=$6 early=$7 last=$8 peak=$9
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
cat <<MD
## SMS daemon against gammu-smsd

$n texts put into a simulated modem's inbox (Gammu's dummy driver, the same for both), each
from a registered member asking for one of their dossiers; time until every answer is sent.
Baseline: gammu-smsd 1.42 with the files backend and a RunOnReceive script doing the same
work (\`qurbctl sms-simulate\`, the daemon's own path, then \`gammu-smsd-inject\` for the answer).

| | seconds | texts answered per second | ratio to baseline |
|---|---:|---:|---:|
| gammu-smsd + RunOnReceive (baseline) | $(calc %.1f "$gammu") | $(calc %.1f "$gsent / $gammu") | 1.00 |
| qurb-smsd | $(calc %.2f "$qurb") | $(calc %.0f "$n / $qurb") | **$(calc %.1f "($n / $qurb) / ($gsent / $gammu)")×** |

Goal: at least 20× the baseline's throughput.

Memory: qurb-smsd worked through $mem_n texts (fed 2,000 at a time, as a busy modem would
be) in $(calc %.0f "$mem_s") s, $(calc %.0f "$mem_n / $mem_s") a second. Resident memory: $(calc %.1f "$early / 1024") MB
after the first seconds, $(calc %.1f "$last / 1024") MB at the end, $(calc %.1f "$peak / 1024") MB at the peak (goal: at
most 15 MB, flat). The dummy driver opens each of its 50,000 possible inbox files on every
read, which bounds both daemons here; a real modem lists its inbox in one command.
MD
