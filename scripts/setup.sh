#!/usr/bin/env bash
# Project set-up used by the Makefile. Idempotent: each step is skipped when already done.
#   scripts/setup.sh venv REQUIREMENTS_FILE   create .venv and install the pinned packages
#   scripts/setup.sh test-tools               Debian's chromium, LibreOffice, poppler, PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: $*" >&2
    echo "Install them with: sudo apt-get install -y --no-install-recommends $*" >&2
    return 1
  fi
  echo "Installing Debian packages: $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_venv() {
  local requirements=$1 stamp="$VENV/.installed-$(basename "$1" .txt)"
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is required as '$PYTHON' (set PYTHON=/path/to/python3.11)." >&2
    exit 1
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    # Debian ships venv support separately (python3-venv).
    "$PYTHON" -m venv "$VENV" 2>/dev/null || {
      rm -rf "$VENV"
      apt_install python3-venv
      "$PYTHON" -m venv "$VENV"
    }
  fi
  # Reinstall only when a requirements file changed since the last install.
  if [ ! -f "$stamp" ] || [ -n "$(find requirements*.txt -newer "$stamp")" ]; then
    echo "Installing Python packages from $requirements into $VENV …"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    touch "$stamp"
  fi
}

ensure_test_tools() {
  # Debian's chromium (never a browser downloaded by Playwright) for browser tests,
  # LibreOffice and poppler to check that exported workbooks open and render, PostgreSQL
  # for the store tests that run on both databases (a throwaway cluster, see tests/postgres.py).
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v soffice >/dev/null || missing+=(libreoffice-calc)
  [ -e /usr/lib/libreoffice/program/simpress ] || missing+=(libreoffice-impress)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" || {
    echo "The tests that need ${missing[*]} fail with a message saying so." >&2
    return 0
  }
}

case "${1:-}" in
  venv) ensure_venv "${2:?requirements file}" ;;
  test-tools) ensure_test_tools ;;
  *) echo "usage: $0 venv REQUIREMENTS_FILE | test-tools" >&2; exit 2 ;;
esac
