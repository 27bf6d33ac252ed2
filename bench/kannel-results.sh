#!/bin/sh
# The "Through Kannel" section of bench/RESULTS.md from kannel-bench.sh's
# lines (standard input). Usage: bench/kannel-bench.sh … | bench/kannel-results.sh
set -eu
input=$(cat)
runs=$(echo "$input" | sed -n 's/^runs=\([0-9]*\) .*/\1/p')
load=$(echo "$input" | sed -n 's/.* load=\([0-9.]*\).*/\1/p')
rows=$(echo "$input" | grep '^immediate=' | while read -r immediate n alone qurb cpu; do
  n=${n#n=} alone=${alone#alone_s=} qurb=${qurb#qurb_s=} cpu=${cpu#cpu_s=}
  case $immediate in
    immediate=false) how="once bearerbox holds the part (Kannel's default)" ;;
    *) how="at once (\`immediate-sendsms-reply = true\`)" ;;
  esac
  awk -v n="$n" -v a="$alone" -v q="$qurb" -v c="$cpu" -v how="$how" 'BEGIN {
    printf "| %d | %s | %.0f | %.0f | **%.2f** | %.2f ms |\n", n, how, n / a, n / q, a / q, c * 1000 / n }'
done)
cat <<MD
## Through Kannel

Messages from phones through Debian's Kannel 1.4.5 on loopback (bearerbox, smsbox, the
simulated SMSC \`fakesmsc\` sending as fast as it can), until the last answer is back at the
phones; median of $runs runs each (\`bench/kannel-bench.sh\`). Baseline in the same run, on the
same Kannel, just before: smsbox answering by itself (a fixed \`text\` sms-service). qurb-smsd:
each message from a member asking for one of their dossiers, posted to qurb-smsd, stored,
answered, the answer sent through \`sendsms\` asking for a delivery report, the report stored
(demo data set, 5,000 members, a fresh copy each run).

| messages | smsbox's \`sendsms\` answers | Kannel alone, messages/s (baseline) | qurb-smsd, messages/s | ratio | qurb-smsd CPU per message |
|---:|---|---:|---:|---:|---:|
$rows

Goal: at least 0.8× Kannel alone. Measured on $(date -u +%Y-%m-%d), $(nproc) cores shared with
other work (load average $load at the end).

What bounds qurb-smsd here (seen with perf and strace on 2026-11-28):
- It works on one thread and commits each step of each message on its own — the part stored,
  the message answered, the answer claimed, each part recorded as sent, the message sent, the
  report recorded: about 1.1 ms of CPU a message, where Kannel alone answers from memory on
  two cores. 40 % of that CPU is \`qurb_outbox_delivered()\`, which at each delivery report
  scans every part the daemon ever sent (\`sms_sent_parts\`): its cost grows with the table
  (0.6 s a report at a million parts).
- With Kannel's default \`sendsms\`, a part sent just after smsbox acknowledged a delivery
  report to bearerbox waits about 40 ms for its 202 — the mark of Nagle's algorithm meeting
  delayed TCP acknowledgements on Kannel's own link between the boxes; a plain HTTP client
  calling \`sendsms\` with a \`dlr-url\` waits the same, without one it does not: with 500
  messages qurb-smsd waits more than it works (0.35 s of CPU in 5 s).
  \`immediate-sendsms-reply = true\` removes the wait, but a 202 then no longer means that
  bearerbox holds the part, so the production example keeps Kannel's default.
MD
