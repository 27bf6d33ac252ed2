#!/bin/sh
# The man pages (docs/man/*.scd) cannot drift from the programs: every
# command qurbctl lists, every long option any program's --help prints, and
# every key of the example configuration must be in its page.
#   test-man-pages.sh MAN_DIR CONF_EXAMPLE QURBCTL [QURB_SMSD|-] [QURB_KIOSK|-]
set -u
man=$1 conf=$2 qurbctl=$3 smsd=${4:--} kiosk=${5:--}
missing=0 checked=0

need() {  # need PAGE WORD WHERE
  checked=$((checked + 1))
  grep -qF -- "$2" "$man/$1.scd" || { echo "not ok: $1 lacks $2 ($3)"; missing=$((missing + 1)); }
}
long_options() {  # the long options a --help prints, --help and GLib's own left out
  sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' |
    grep -vx -e --help -e --help-all -e --help-gapplication
}

commands=$("$qurbctl" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "not ok: qurbctl --help lists no command"; exit 1; }
for cmd in $commands; do
  need qurbctl.1 "*$cmd*" "a command"
  for opt in $("$qurbctl" "$cmd" --help 2>&1 | long_options); do need qurbctl.1 "*$opt*" "qurbctl $cmd"; done
done
for opt in $("$qurbctl" --help | long_options); do need qurbctl.1 "*$opt*" "a global option"; done
for sub in create list progress cancel; do
  for opt in $("$qurbctl" broadcast "$sub" --help 2>&1 | long_options); do need qurbctl.1 "*$opt*" "broadcast $sub"; done
done
[ "$smsd" = - ] || for opt in $("$smsd" --help | long_options); do need qurb-smsd.8 "*$opt*" "qurb-smsd"; done
[ "$kiosk" = - ] || for opt in $("$kiosk" --help | long_options); do need qurb-kiosk.1 "*$opt*" "qurb-kiosk"; done
for section in $(sed -n 's/^\[\([a-z]*\).*\]$/\1/p' "$conf" | sort -u); do need qurb.conf.5 "# [$section" "a section"; done
for key in $(sed -n 's/^\([a-z-]*\)=.*/\1/p' "$conf" | sort -u); do need qurb.conf.5 "*$key*" "a key"; done

echo "$checked checked, $missing missing"
[ "$missing" = 0 ]
