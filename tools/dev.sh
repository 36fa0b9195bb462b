#!/usr/bin/env bash
# Set up everything custdesk needs on a Debian machine (once), then run the
# program or its tests.
#   bash tools/dev.sh run [ARGS...]   the program (on the demo database when no ARGS)
#   bash tools/dev.sh test [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${CUSTDESK_VENV:-.venv}

# Debian packages: fonts with Chinese glyphs, poppler and qpdf for reading
# reports back, Xvfb and the X libraries Qt needs for a real window, and PostgreSQL
# (the office-mode tests start a throwaway cluster of their own; the package's
# own cluster is not used).
APT_PACKAGES="fonts-wqy-microhei poppler-utils poppler-data qpdf xvfb libxcb-icccm4 libxcb-keysyms1
libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0
libegl1 libgl1 libfontconfig1 libdbus-1-3 postgresql"

missing_apt() {
  local pkg out=""
  for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out="$out $pkg"
  done
  echo "$out"
}

setup() {
  local need
  need=$(missing_apt)
  if [ -n "$need" ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian packages:$need" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >&2
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  local stamp="$VENV/.custdesk-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip >&2
    "$VENV/bin/python" -m pip install -q -e ".[test,fit]" >&2
    touch "$stamp"
  fi
}

cmd=${1:-run}
shift || true
setup
case "$cmd" in
  run)
    # What the window's "no display found" line tells the user to run under xvfb-run.
    CUSTDESK_STARTED_AS="bash tools/dev.sh run"
    [ $# -eq 0 ] || CUSTDESK_STARTED_AS="$CUSTDESK_STARTED_AS$(printf ' %q' "$@")"
    export CUSTDESK_STARTED_AS
    if [ $# -eq 0 ]; then
      exec "$VENV/bin/custdesk" --demo
    fi
    exec "$VENV/bin/custdesk" "$@"
    ;;
  test)
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  setup)
    ;;
  *)
    echo "usage: bash tools/dev.sh run|test|setup [ARGS...]" >&2
    exit 2
    ;;
esac
