#!/usr/bin/env bash
# Make sure Debian's Chromium (/usr/bin/chromium) and the Python `playwright` package are present for the
# real-browser tests. Never runs `playwright install`: browsers come from the distribution, not from a
# test tool's own download.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv_python="${VENV_PYTHON:-$here/.venv/bin/python}"

if [[ ! -x "$CHROMIUM" ]]; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "install-chromium: installing Debian's chromium with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends chromium >/dev/null
    else
        cat >&2 <<MSG
install-chromium: $CHROMIUM is missing and cannot be installed from here (needs root and apt-get).
Install Debian's Chromium package yourself, for example:
    sudo apt-get update && sudo apt-get install -y chromium
MSG
        exit 1
    fi
fi
if [[ ! -x "$CHROMIUM" ]]; then
    echo "install-chromium: apt-get finished but $CHROMIUM is still missing" >&2
    exit 1
fi

if [[ -x "$venv_python" ]]; then
    if ! "$venv_python" -c "import playwright.sync_api" >/dev/null 2>&1; then
        echo "install-chromium: installing the Python playwright package into the venv (no browser download)" >&2
        "$venv_python" -m pip install -q "playwright>=1.44"
    fi
else
    echo "install-chromium: no venv at $venv_python; install the dev extras (pip install -e '.[dev]')" >&2
    exit 1
fi

"$CHROMIUM" --version
