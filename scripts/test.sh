#!/usr/bin/env bash
# Run every test (unit, integration, GUI offscreen). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
