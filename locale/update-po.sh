#!/bin/sh
# The maintainer targets qurb-pot and qurb-update-po (locale/meson.build).
# Makes qurb.pot from the sources POTFILES.in lists; with update-po, then
# merges it into LANG/LC_MESSAGES/qurb.po for each language of LINGUAS
# (README.md here: how a language starts its catalogue).
#   update-po.sh pot|update-po SOURCE_ROOT XGETTEXT MSGMERGE -- XGETTEXT_ARGS…
set -eu

step=$1 root=$2 xgettext=$3 msgmerge=$4
shift 4
[ "${1-}" = -- ] && shift
dir=$root/locale
pot=$dir/qurb.pot

# File names in POTFILES.in, and so in the #: references, are relative to
# the top of the source tree.
"$xgettext" --package-name=qurb -p "$dir" -f "$dir/POTFILES.in" -D "$root" -k_ -o "$pot" "$@"
[ "$step" = pot ] && exit 0

sed -e 's/#.*//' "$dir/LINGUAS" | tr -s ' \t' '\n\n' | while read -r lang; do
  [ -n "$lang" ] || continue
  "$msgmerge" -q -o "$dir/$lang/LC_MESSAGES/qurb.po" "$dir/$lang/LC_MESSAGES/qurb.po" "$pot"
done
