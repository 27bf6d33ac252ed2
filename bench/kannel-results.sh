#!/bin/sh
# The "Through Kannel" section of bench/RESULTS.md from kannel-bench.sh's
# lines (standard input). Usage: bench/kannel-bench.sh … | bench/kannel-results.sh
set -eu
input=$(cat)
runs=$(echo "$input" | sed -n 's/^runs=\([0-9]*\) .*/\1/p')
load=$(echo "$input" | sed -n 's/.* load=\([0-9.]*\).*/\1/p')
max_pending=$(echo "$input" | sed -n 's/.* max_pending=\([0-9]*\).*/\1/p')
rows=$(echo "$input" | grep '^immediate=' | while read -r immediate n alone qurb cpu kalone kqurb; do
  n=${n#n=} alone=${alone#alone_s=} qurb=${qurb#qurb_s=} cpu=${cpu#cpu_s=}
  kalone=${kalone#kannel_alone_cpu_s=} kqurb=${kqurb#kannel_qurb_cpu_s=}
  case $immediate in
    immediate=false) how="once bearerbox holds the part (Kannel's default)" ;;
    *) how="at once (\`immediate-sendsms-reply = true\`)" ;;
  esac
  awk -v n="$n" -v a="$alone" -v q="$qurb" -v c="$cpu" -v ka="$kalone" -v kq="$kqurb" -v how="$how" 'BEGIN {
    printf "| %d | %s | %.0f | %.0f | **%.2f** | %.2f ms | %.2f ms / %.2f ms |\n", n, how, n / a, n / q, a / q,
           c * 1000 / n, ka * 1000 / n, kq * 1000 / n }'
done)
cat <<MD
## Through Kannel

Messages from phones through Debian's Kannel 1.4.5 on loopback (bearerbox, smsbox, the
simulated SMSC \`fakesmsc\` sending as fast as it can), until the last answer is back at the
phones; median of $runs runs each (\`bench/kannel-bench.sh\`). Baseline in the same run, on the
same Kannel, just before: smsbox answering by itself (a fixed \`text\` sms-service). qurb-smsd:
each message from a member asking for one of their dossiers, posted to qurb-smsd, stored,
answered, the answer sent through \`sendsms\` asking for a delivery report, the report stored
(demo data set, 5,000 members, a fresh copy each run). smsbox keeps at most $max_pending posts
open (\`max-pending-requests\`, as in \`docs/kannel/\`); qurb-smsd runs with its defaults.
Kannel's CPU: both boxes, until the last answer.

| messages | smsbox's \`sendsms\` answers | Kannel alone, messages/s (baseline) | qurb-smsd, messages/s | ratio | qurb-smsd CPU per message | Kannel's CPU per message, alone / behind qurb-smsd |
|---:|---|---:|---:|---:|---:|---:|
$rows

Goal: at least 0.8× Kannel alone. Measured on $(date -u +%Y-%m-%d), $(nproc) cores shared with
other work (load average $load at the end): a run's time varies up to twice over for the same
CPU, so read the medians, not one run.

Where the time goes (perf, 2026-11-28, branch kannel-speed):
- The path through qurb-smsd is bound by CPU; Kannel alone is not. For 2,000 messages
  (Kannel's default \`sendsms\`), Kannel alone used 0.21 s of CPU in 0.26 s; behind qurb-smsd
  the two boxes used 0.59 s and qurb-smsd 0.51 s, in 0.70 s (1.6 cores busy). Kannel's own
  part is three HTTP exchanges a message — the message posted to qurb-smsd, the answer
  through \`sendsms\`, the delivery report posted — about 0.3 ms of CPU, three times what
  Kannel alone spends on the whole message. 0.8× would mean the whole path within 0.32 s,
  0.65 s of CPU on two idle cores: Kannel's 0.59 s leaves 0.03 ms a message for qurb-smsd,
  a tenth of what it spends. Not reachable through Kannel's HTTP interface on this machine.
- qurb-smsd, 0.26-0.28 ms of CPU a message (0.49 ms on main): a quarter in SQLite (the parts
  stored, 64 messages answered to a transaction, outbox claims and parts recorded in batches,
  the delivery report), the rest in HTTP and the main loop (libsoup, GLib, the kernel's TCP on
  loopback, malloc) for the two requests it serves and the one it makes per message. Kept: each
  post answered 200 only after its part is committed, each message answered once (its reply
  queued in the transaction that marks it handled), the outbox claimed in one IMMEDIATE
  transaction. The database runs WAL with synchronous=NORMAL: a committed post survives a
  crash or kill of qurb-smsd, not a power cut before the next checkpoint.
- With Kannel's default \`sendsms\`, a part sent just after smsbox acknowledged a delivery
  report to bearerbox waits about 40 ms for its 202 — Nagle's algorithm meeting delayed TCP
  acknowledgements on Kannel's own link between the boxes. qurb-smsd keeps \`sendsms-window\`
  parts on their way at once (64 by default) so that the wait overlaps; a kill may send again
  one part per message under way. \`immediate-sendsms-reply = true\` removes the wait, but a 202
  then no longer means that bearerbox holds the part, so the production example keeps
  Kannel's default.
- smsbox's \`sendsms\` listens with a backlog of 10. qurb-smsd used to open its
  \`sendsms-window\` connections at once; those beyond the backlog were dropped and waited a
  second for TCP to try again (\`nstat\` TcpExtListenOverflows), one run in two 1-2 s slower
  for the same CPU. Now 8 messages are under way at first, one more for each part that comes
  back: 2 overflows in 20 runs (the two slow runs left, on a loaded machine).
- smsbox's \`max-pending-requests\` matters to qurb-smsd: each post held until its transaction
  is an open connection, and the main loop polls them all. At 512 (the bench before) qurb-smsd
  spent 0.38 ms a message and Kannel 0.5 ms, against 0.27 and 0.37 ms at 64.
- Before this branch (main, the same bench minutes earlier, 3 runs): ratios 0.16 and 0.08
  (500 and 2,000, Kannel's default), 0.15 and 0.13 (immediate), 0.49 ms of CPU a message.
MD
