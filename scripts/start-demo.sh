#!/usr/bin/env bash
# One command for a first look: install what is missing, build the demo database once, open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
DEMO_DB="${NONGBON_ITA_DEMO_DB:-demo/nongbon-demo.sqlite3}"
mkdir -p "$(dirname "$DEMO_DB")"
if [ ! -f "$DEMO_DB" ]; then
  .venv/bin/nongbon-ita --db "$DEMO_DB" demo
fi
echo ">> opening the app on $DEMO_DB (users: admin, staff, supply_officer, approver, finance_reviewer,"
echo "   complaint_officer, ita_coordinator; password: nongbon-demo)"
exec .venv/bin/nongbon-ita --db "$DEMO_DB"
