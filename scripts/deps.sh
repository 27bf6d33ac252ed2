#!/bin/sh
# Installs the Debian packages Qurb needs to build, run and test.
# The one list: `make run`, `make test` and .ci/run all come through here.
# Packages already installed are not touched; nothing runs when none is missing.
set -eu

PACKAGES="
  gcc clang libclang-rt-14-dev make pkg-config meson ninja-build gettext
  libglib2.0-dev libsqlite3-dev libpcre2-dev libcrypt-dev libqrencode-dev zbar-tools
  sqlite3 libgammu-dev gammu
  libsoup-3.0-dev kannel kannel-extras
  libgtk-4-dev libgtk-4-bin fonts-noto-core fonts-noto-ui-core fonts-noto-mono fonts-dejavu-core
  xvfb xauth libxtst-dev dbus-daemon at-spi2-core libatspi2.0-dev
  cage grim xwayland
  scdoc systemd debhelper dpkg-dev fakeroot lintian
"

missing=""
for pkg in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $pkg" ;;
  esac
done

[ -z "$missing" ] && exit 0

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "deps.sh: these packages are missing and I am not root:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
