#!/bin/bash
# The "Reading what members write" section of bench/RESULTS.md, from the
# key=value line of bench-parse on standard input.
set -euo pipefail
line=$(cat)
field() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
ratio=$(awk "BEGIN { printf \"%.3f\", $(field parse_per_s) / $(field fold_per_s) }")
cat <<MD
## Reading what members write (the SMS language alone)

Every text of the test corpora ($(field texts) messages: Darija in Arabic and Latin letters,
SMS French, every intent and argument shape; $(field understood) of them read as something
other than "not understood"), parsed 30 times over with the caravan codes of the fixtures. Baseline in the same
run: folding and cutting the same texts into words, which any reading of them needs.

| | messages per second | ratio to baseline |
|---|---:|---:|
| \`qurb_fold\` + \`qurb_tokenize\` (baseline) | $(field fold_per_s) | 1.00 |
| \`qurb_sms_parse\` | $(field parse_per_s) | $ratio |
MD
