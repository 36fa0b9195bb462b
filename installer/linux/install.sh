#!/usr/bin/env bash
# Install the custdesk bundle on Linux, with its menu entry, icons and AppStream metadata.
# Shipped at the top of the bundle (dist/custdesk/install.sh); run it from there:
#
#   ./install.sh                    for you:       ~/.local/opt/custdesk, ~/.local/bin/custdesk,
#                                                  menu entry and icons in ~/.local/share
#   sudo ./install.sh --system      for everyone:  /opt/custdesk, /usr/local/bin/custdesk,
#                                                  /usr/local/share
#   ./install.sh --uninstall [--system]
#
# Uninstalling removes the program only: the databases, keys and backups in
# ~/.local/share/custdesk (each user's data folder) are left alone.
set -euo pipefail

APP_ID=org.custdesk.custdesk
BUNDLE=$(cd "$(dirname "$0")" && pwd)
system=0
uninstall=0
for arg in "$@"; do
  case "$arg" in
    --system) system=1 ;;
    --uninstall) uninstall=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$system" -eq 1 ]; then
  target=${CUSTDESK_PREFIX:-/opt/custdesk}
  bindir=/usr/local/bin
  share=/usr/local/share
else
  # Not ~/.local/share/custdesk: that is the user's data folder.
  target=${CUSTDESK_PREFIX:-$HOME/.local/opt/custdesk}
  bindir=$HOME/.local/bin
  share=${XDG_DATA_HOME:-$HOME/.local/share}
fi

is_bundle() { [ -x "$1/custdesk" ] && [ -d "$1/_internal" ]; }

refresh_caches() {
  # Menus and icon themes pick up changes without these too, only later.
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null && [ -f "$share/icons/hicolor/index.theme" ] \
    && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

remove_program() {
  if [ -e "$target" ]; then
    # Never delete a folder that is not a custdesk bundle (a mistyped CUSTDESK_PREFIX).
    is_bundle "$target" || { echo "install.sh: $target is not a custdesk bundle; left alone" >&2; exit 1; }
    rm -rf "$target"
  fi
  if [ -L "$bindir/custdesk" ] && [ "$(readlink "$bindir/custdesk")" = "$target/custdesk" ]; then
    rm -f "$bindir/custdesk"
  fi
  rm -f "$share/applications/$APP_ID.desktop" "$share/metainfo/$APP_ID.metainfo.xml"
  find "$share/icons/hicolor" -path "*/apps/custdesk.*" -delete 2>/dev/null || true
}

if [ "$uninstall" -eq 1 ]; then
  remove_program
  refresh_caches
  echo "custdesk removed from $target. Your data in ${XDG_DATA_HOME:-$HOME/.local/share}/custdesk is kept."
  exit 0
fi

is_bundle "$BUNDLE" || { echo "install.sh: run it from the custdesk bundle folder" >&2; exit 1; }
if [ "$BUNDLE" != "$target" ]; then
  remove_program
  mkdir -p "$(dirname "$target")"
  cp -a "$BUNDLE" "$target"
fi
mkdir -p "$bindir" "$share/applications" "$share/metainfo" "$share/icons/hicolor"
ln -sfn "$target/custdesk" "$bindir/custdesk"
# The menu entry starts the program by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed -e "s|^Exec=.*|Exec=\"$target/custdesk\"|" -e "s|^TryExec=.*|TryExec=$target/custdesk|" \
  "$BUNDLE/share/applications/$APP_ID.desktop" > "$share/applications/$APP_ID.desktop"
cp "$BUNDLE/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
cp -r "$BUNDLE/share/icons/hicolor/." "$share/icons/hicolor/"
refresh_caches
echo "custdesk installed in $target; menu entry $share/applications/$APP_ID.desktop; command $bindir/custdesk"
