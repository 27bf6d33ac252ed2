#!/bin/sh
# Lists the package (dpkg-deb -c) and checks that it holds what an agency
# box needs: programs, units and timers, sysusers and tmpfiles snippets,
# both catalogues, the man pages, the README and the conffile.
#   check-deb.sh qurb_VERSION_ARCH.deb
set -eu
deb=$1
listing=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|')
echo "$listing"
missing=0
for path in \
  /usr/bin/qurbctl /usr/bin/qurb-kiosk /usr/sbin/qurb-smsd \
  /lib/systemd/system/qurb-smsd.service /lib/systemd/system/qurb-kiosk.service \
  /lib/systemd/system/qurb-import.service /lib/systemd/system/qurb-import.timer \
  /lib/systemd/system/qurb-backup.service /lib/systemd/system/qurb-backup.timer \
  /lib/systemd/system/qurb-prune.service /lib/systemd/system/qurb-prune.timer \
  /usr/lib/sysusers.d/qurb.conf /usr/lib/tmpfiles.d/qurb.conf \
  /usr/share/locale/ar/LC_MESSAGES/qurb.mo /usr/share/locale/fr/LC_MESSAGES/qurb.mo \
  /usr/share/man/man1/qurbctl.1.gz /usr/share/man/man1/qurb-kiosk.1.gz \
  /usr/share/man/man8/qurb-smsd.8.gz /usr/share/man/man5/qurb.conf.5.gz \
  /usr/share/doc/qurb/README.md.gz /etc/qurb/qurb.conf
do
  echo "$listing" | grep -qx "$path" || { echo "check-deb.sh: $path is missing" >&2; missing=$((missing + 1)); }
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/qurb/qurb.conf ||
  { echo "check-deb.sh: /etc/qurb/qurb.conf is not a conffile" >&2; missing=$((missing + 1)); }
[ "$missing" = 0 ] && echo "check-deb.sh: $deb holds everything an agency box needs"
[ "$missing" = 0 ]
