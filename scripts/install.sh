#!/usr/bin/env bash
# Install everything nongbon-ita needs on Debian 12 (or Ubuntu): Qt's system libraries, the
# Thai fonts' tools, poppler-utils, a virtual environment in .venv with the app and its dev extra.
# Idempotent: a second run only checks. Run as root or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  python3 python3-venv python3-pip
  poppler-utils fontconfig
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1
  libx11-xcb1 libnss3 libasound2 libcups2
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo ">> apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo ">> creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo ">> pip install -e .[dev] (first time: a few minutes)"
  .venv/bin/python -m pip install -q --upgrade pip
  # a .venv from before the PySide6 < 6.12 cap holds pyside6-pdf, whose files overlap
  # PySide6-Addons' QtPdf: remove it first (pip then reinstalls PySide6 whole)
  .venv/bin/python -m pip uninstall -y -q pyside6-pdf >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
echo ">> nongbon-ita installed: $(.venv/bin/nongbon-ita --version)"
