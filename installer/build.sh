#!/usr/bin/env bash
# Build custdesk as one folder, dist/custdesk/, and test the built program.
#
#   bash installer/build.sh            build, report the size, run the smoke test
#   bash installer/build.sh --smoke    only the smoke test, on the existing dist/custdesk
#
# Steps: set up the virtual environment (tools/dev.sh) and PyInstaller (the `bundle` extra);
# compile the translations with pyside6-lrelease and render the icons into build/bundle-data;
# run PyInstaller on installer/custdesk.spec; check the size (Linux: at most 165 MB); then run
# the built program as a new user would: --version, init, a few commands (a PDF report with its
# fonts, an XLSX export, a pinyin search) and the window, offscreen, with --smoke.
# Anything unexpected stops the script with a message and a non-zero status.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${CUSTDESK_VENV:-.venv}
# 147 MB before office mode; its driver adds 16 MB (libpq with its own OpenSSL, Kerberos and
# LDAP, 11 MB; Python's ssl module, which the driver imports, 5 MB).
MAX_MB=${CUSTDESK_BUNDLE_MAX_MB:-165}
DATA=$ROOT/build/bundle-data
DIST=$ROOT/dist/custdesk

passed=0
fail() { echo "build.sh: FAILED: $*" >&2; echo "smoke: $passed passed, 1 failed"; exit 1; }
step() { echo "== $*"; }
ok() { passed=$((passed + 1)); }

only_smoke=0
[ "${1:-}" = "--smoke" ] && only_smoke=1

case "$(uname -s)" in
  Linux)
    bash tools/dev.sh setup                  # Debian packages, venv, custdesk in it
    # PyInstaller reads and strips libraries with binutils; trim_icu.py links with it.
    if ! command -v objdump >/dev/null || ! command -v ld >/dev/null; then
      sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends binutils >&2
    fi
    ;;
  *) [ -d "$VENV" ] || fail "no virtual environment in $VENV: python -m venv $VENV, then pip install -e .[bundle]" ;;
esac
if [ -x "$VENV/bin/python" ]; then BIN=$VENV/bin; else BIN=$VENV/Scripts; fi   # Windows venvs
PY=$BIN/python
VERSION=$("$PY" -c "import custdesk; print(custdesk.__version__)")

if [ -f "$DIST/custdesk-cli.exe" ]; then PROGRAM=$DIST/custdesk-cli.exe; else PROGRAM=$DIST/custdesk; fi

build() {
  if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    step "installing PyInstaller (the bundle extra)"
    "$PY" -m pip install -q -e ".[bundle]"
  fi

  step "preparing translations and icons in build/bundle-data"
  rm -rf "$DATA"
  mkdir -p "$DATA/i18n"
  local lrelease=$BIN/pyside6-lrelease ts
  [ -x "$lrelease" ] || [ -x "$lrelease.exe" ] || lrelease=$(command -v pyside6-lrelease) \
    || fail "pyside6-lrelease not found"
  for ts in resources/i18n/custdesk_*.ts; do
    "$lrelease" -silent "$ts" -qm "$DATA/i18n/$(basename "${ts%.ts}").qm" || fail "lrelease $ts"
  done
  "$PY" installer/make_icons.py "$DATA"

  step "running PyInstaller (log: build/pyinstaller.log)"
  local started=$SECONDS
  rm -rf "$DIST"
  if ! "$PY" -m PyInstaller --noconfirm --log-level WARN --workpath build/pyinstaller \
       --distpath dist installer/custdesk.spec > build/pyinstaller.log 2>&1; then
    tail -n 40 build/pyinstaller.log >&2
    fail "PyInstaller did not finish"
  fi
  echo "built in $((SECONDS - started)) s"
}

size_check() {
  local mb
  mb=$(du -sm "$DIST" | cut -f1)
  echo "dist/custdesk: $(du -sh "$DIST" | cut -f1) uncompressed ($mb MB), $(find "$DIST" -type f | wc -l) files"
  if [ "$(uname -s)" = Linux ] && [ "$mb" -gt "$MAX_MB" ]; then
    echo "largest parts:" >&2
    du -am "$DIST" | sort -rn | head -n 15 >&2
    fail "the bundle is $mb MB, above $MAX_MB MB"
  fi
}

limited() {    # a command with a time limit where `timeout` exists
  if command -v timeout >/dev/null; then timeout "$@"; else shift; "$@"; fi
}

smoke() {
  [ -x "$PROGRAM" ] || fail "no built program at $PROGRAM"
  local out lang
  tmp=$(mktemp -d)    # global: the EXIT trap removes it, also after a failure
  trap 'rm -rf "$tmp"' EXIT
  # A new user: empty home, data, settings and cache folders; no source tree on the path.
  export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
  export LOCALAPPDATA=$tmp/data APPDATA=$tmp/config
  mkdir -p "$HOME"
  unset PYTHONPATH CUSTDESK_DB CUSTDESK_USER CUSTDESK_PASSWORD CUSTDESK_NEW_PASSWORD
  local db=$tmp/smoke.db
  local pw=smoke-test-password-1
  cd "$tmp"    # nothing of the source tree within reach

  step "smoke: --version"
  out=$(limited 60 "$PROGRAM" --version) || fail "--version exited with $?"
  echo "$out"
  [ "$out" = "custdesk $VERSION" ] || fail "--version said '$out', expected 'custdesk $VERSION'"
  ok

  step "smoke: init"
  out=$(CUSTDESK_NEW_PASSWORD=$pw limited 120 "$PROGRAM" --db "$db" init \
          --admin smoke --firm "烟雾测试有限公司" 2>&1) || fail "init exited with $?: $out"
  [ -f "$db" ] || fail "init wrote no database"
  echo "database created: $db"
  ok

  step "smoke: commands (customer, pinyin search, PDF report, XLSX export, audit chain, checks)"
  export CUSTDESK_PASSWORD=$pw
  run() { limited 180 "$PROGRAM" --db "$db" --user smoke "$@"; }
  code=$(run customer add --kind enterprise --name "张家口长城商贸有限公司") \
    || fail "customer add exited with $?"
  [[ "$code" =~ ^C[0-9]{6}$ ]] || fail "customer add printed '$code', expected a code such as C482913"
  ok
  out=$(run customer list --search zjk --json) || fail "customer list exited with $?"
  case "$out" in *"$code"*) ok ;; *) fail "the pinyin search found nothing: $out" ;; esac
  run report customer "$code" -o "$tmp/report.pdf" || fail "report customer exited with $?"
  [ "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" ] || fail "the report is not a PDF"
  ok
  if command -v pdffonts >/dev/null; then
    echo "report fonts:"; pdffonts "$tmp/report.pdf" | tail -n +3 | sed 's/^/  /'
  fi
  run report verify "$tmp/report.pdf" >/dev/null || fail "report verify did not recognise the report"
  ok
  run export customers "$tmp/customers.xlsx" >/dev/null || fail "export customers exited with $?"
  [ "$(head -c 2 "$tmp/customers.xlsx")" = "PK" ] || fail "the export is not an XLSX workbook"
  ok
  run audit verify >/dev/null || fail "audit verify exited with $?"
  ok
  run check >/dev/null || fail "check exited with $?"
  ok

  step "smoke: an office database (a throwaway PostgreSQL: office init, a customer, audit chain)"
  if (cd "$ROOT" && "$ROOT/.venv/bin/python" -c "from tests import pg_server; import sys; sys.exit(not pg_server.available())"); then
    local cluster port folder address
    cluster=$(cd "$ROOT" && "$ROOT/.venv/bin/python" -m tests.pg_server start) \
      || fail "could not start a throwaway PostgreSQL"
    port=${cluster%% *}; folder=${cluster#* }
    office_stop() { (cd "$ROOT" && "$ROOT/.venv/bin/python" -m tests.pg_server stop "$folder"); }
    address="postgresql://127.0.0.1:$port/smoke_office"
    out=$(PGPASSWORD=throwaway-superuser-pw CUSTDESK_NEW_PASSWORD=$pw limited 120 "$PROGRAM" \
            office init --url "postgresql://postgres@127.0.0.1:$port/smoke_office" --admin smoke \
            --firm "烟雾测试有限公司" 2>&1) || { office_stop; fail "office init exited with $?: $out"; }
    ocode=$(limited 120 "$PROGRAM" --db "$address" --user smoke customer add --kind individual \
              --name "张伟") || { office_stop; fail "customer add on the office database failed"; }
    out=$(limited 120 "$PROGRAM" --db "$address" --user smoke customer list --json) \
      || { office_stop; fail "customer list on the office database failed"; }
    case "$out" in *"$ocode"*) ;; *) office_stop; fail "the office database lost $ocode: $out" ;; esac
    limited 120 "$PROGRAM" --db "$address" --user smoke audit verify >/dev/null \
      || { office_stop; fail "audit verify on the office database failed"; }
    office_stop
    ok
  else
    echo "PostgreSQL's initdb and pg_ctl are not installed: office smoke skipped"
  fi

  step "smoke: the window (offscreen, --smoke), Chinese and English"
  for lang in zh en; do
    out=$(QT_QPA_PLATFORM=offscreen limited 180 "$PROGRAM" --db "$db" --user smoke --lang "$lang" \
            --smoke 2>&1) || fail "the window ($lang) exited with $?: $out"
    echo "$out" | grep -v "propagateSizeHints"    # the offscreen platform's notice
    ok
  done
  cd "$ROOT"
  echo "smoke: $passed passed, 0 failed"
}

if [ "$only_smoke" -eq 0 ]; then
  build
  if [ -f "$DIST/custdesk-cli.exe" ]; then PROGRAM=$DIST/custdesk-cli.exe; else PROGRAM=$DIST/custdesk; fi
fi
size_check
smoke
