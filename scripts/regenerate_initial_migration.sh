#!/usr/bin/env bash
# Until the first release, the schema is one migration generated from the models: rebuild it after
# changing a model. (After the first release, add a new revision instead: never edit a shipped one.)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/alembic.ini" <<INI
[alembic]
script_location = $PWD/nongbon_ita/db/migrations
sqlalchemy.url = sqlite:///$tmp/empty.sqlite3
INI
rm -f nongbon_ita/db/migrations/versions/0001_initial.py
"$PY" -m alembic -c "$tmp/alembic.ini" revision --autogenerate --rev-id 0001_initial -m "initial schema" >/dev/null
mv nongbon_ita/db/migrations/versions/0001_initial_initial_schema.py nongbon_ita/db/migrations/versions/0001_initial.py
"$(dirname "$PY")/ruff" format -q nongbon_ita/db/migrations/versions/0001_initial.py
"$(dirname "$PY")/ruff" check --fix -q nongbon_ita/db/migrations/versions/0001_initial.py || true
echo "regenerated nongbon_ita/db/migrations/versions/0001_initial.py"
