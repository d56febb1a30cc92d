"""The database backends every service test runs on: an in-memory SQLite database, and — when
NONGBON_ITA_TEST_PG names a PostgreSQL server (scripts/test.sh starts one) — a database of its own
on that server, migrated once per test session and emptied (TRUNCATE) before each test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
from psycopg import sql

from nongbon_ita.db.location import DatabaseLocation

PG_ENV = "NONGBON_ITA_TEST_PG"


def backends() -> list[str]:
    """SQLite always; PostgreSQL too when a test server is given (`scripts/test.sh` gives one)."""
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


def _admin_url() -> str:
    return os.environ[PG_ENV]


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


class PgTestDatabase:
    """One database on the test server for this pytest process (several processes — and several
    checkouts — may share one server: names are unique)."""

    def __init__(self) -> None:
        self.name = f"nbtest_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
        self.url = _with_database(_admin_url(), self.name)
        self._tables: list[str] | None = None

    @property
    def location(self) -> DatabaseLocation:
        return DatabaseLocation.for_server(self.url)

    def empty(self) -> None:
        """TRUNCATE every table but Alembic's (a fresh database in ~10 ms, not a CREATE)."""
        with psycopg.connect(self.url, autocommit=True) as conn:
            if not self._tables:  # asked again until the first test has migrated the database
                rows = conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'"
                ).fetchall()
                self._tables = [row[0] for row in rows]
            if self._tables:
                conn.execute("SET lock_timeout = '10s'")  # a leaked session fails, not hangs
                names = sql.SQL(", ").join(sql.Identifier(t) for t in self._tables)
                conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(names))

    def drop(self) -> None:
        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )


def pg_session_database() -> Iterator[PgTestDatabase]:
    database = PgTestDatabase()
    try:
        yield database
    finally:
        database.drop()
