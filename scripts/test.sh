#!/usr/bin/env bash
# Run every test (unit, integration, GUI offscreen) — the service tests on SQLite and on
# PostgreSQL. Installs what is missing first, PostgreSQL included (scripts/pg-test-server.sh
# starts a private server on 127.0.0.1:55432; NONGBON_ITA_TEST_PG=URL points at another one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
# the USB-token test signs on a SoftHSM2 token (tests/integration/sign_publish/test_pkcs11.py)
if ! dpkg-query -W -f='${Status}' softhsm2 2>/dev/null | grep -q "install ok installed"; then
  SUDO=""; if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  echo ">> apt-get install softhsm2"; $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends softhsm2 >/dev/null
fi
export QT_QPA_PLATFORM=offscreen
if [ -z "${NONGBON_ITA_TEST_PG:-}" ]; then
  NONGBON_ITA_TEST_PG="$(bash scripts/pg-test-server.sh)"
  export NONGBON_ITA_TEST_PG
fi
# one test process per core (pytest-xdist), whole files to one worker so a module's fixtures are
# built once; NONGBON_ITA_TEST_WORKERS=0 runs everything in this process (e.g. to debug)
WORKERS="${NONGBON_ITA_TEST_WORKERS:-auto}"
if [ "$WORKERS" = "0" ]; then
  exec .venv/bin/python -m pytest "$@"
fi
exec .venv/bin/python -m pytest -n "$WORKERS" --dist loadfile "$@"
