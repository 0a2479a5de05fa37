#!/usr/bin/env bash
# Project set-up used by the Makefile. Idempotent: each step is skipped when already done.
#   scripts/setup.sh venv REQUIREMENTS_FILE   create .venv and install the pinned packages
#   scripts/setup.sh browser                  make sure Debian's chromium is there for e2e tests
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

ensure_browser() {
  # Debian's chromium, never a browser downloaded by Playwright.
  if [ -x /usr/bin/chromium ]; then return 0; fi
  apt_install chromium || {
    echo "Browser tests need Debian's chromium; without it they fail with this message." >&2
    return 0
  }
}

case "${1:-}" in
  venv) ensure_venv "${2:?requirements file}" ;;
  browser) ensure_browser ;;
  *) echo "usage: $0 venv REQUIREMENTS_FILE | browser" >&2; exit 2 ;;
esac
