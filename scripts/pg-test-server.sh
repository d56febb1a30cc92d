#!/usr/bin/env bash
# Start (once) a private PostgreSQL server for the tests and print its URL on stdout.
#
# Installs Debian's postgresql and postgresql-contrib (pg_trgm) when missing, then runs a server
# of its own in a folder under /tmp, listening on 127.0.0.1 only, trust authentication (nothing
# else can reach it). As root it runs the server as the `postgres` user (PostgreSQL refuses root).
# A second call finds the server running and only prints the URL. Stop it with
#   pg_ctl -D "$NONGBON_ITA_PG_DIR" stop   (as the same user)
set -euo pipefail

PORT="${NONGBON_ITA_PG_PORT:-55432}"
DIR="${NONGBON_ITA_PG_DIR:-/tmp/nongbon-ita-pg-$PORT}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
has_trgm() { ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; }

if [ -z "$(pg_bin)" ] || ! has_trgm; then
  echo ">> apt-get install postgresql postgresql-contrib" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    postgresql postgresql-contrib >/dev/null
fi
BIN="$(pg_bin)"

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    if [ "$(id -u)" = "0" ]; then chown postgres: "$DIR"; fi
    chmod 700 "$DIR"
    # C.UTF-8: the same byte order as SQLite for sorting, and Unicode letters for pg_trgm
    as_owner "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # the tests' speed matters more than crash safety here: a test server holds nothing to keep
  as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off \
     -c full_page_writes=off -c max_connections=200" start >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
