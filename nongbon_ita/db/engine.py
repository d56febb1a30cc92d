"""Open the database: pick its location, refuse unsafe or foreign files, set pragmas, migrate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from nongbon_ita.db.location import BUSY_TIMEOUT_MS, DatabaseLocation, check_file
from nongbon_ita.db.migrate import ensure_schema
from nongbon_ita.db.private_files import private_mkdir
from nongbon_ita.db.safety import install_guards
from nongbon_ita.db.schema_state import SchemaState
from nongbon_ita.db.server import ping_when_idle, server_connect_args, unreachable


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # deleted or overwritten content is zeroed, not left in free space (purged identities, PDPA)
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(location: DatabaseLocation) -> Engine:
    if location.url.startswith("sqlite"):
        if location.file is not None:
            private_mkdir(location.file.parent)  # folders we create: 0700
            engine = create_engine(location.url)
        else:  # one shared in-memory connection (tests)
            from sqlalchemy.pool import StaticPool

            engine = create_engine(
                location.url, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    engine = create_engine(location.url, connect_args=server_connect_args())
    ping_when_idle(engine)
    return engine


@dataclass
class Database:
    location: DatabaseLocation
    engine: Engine
    sessions: sessionmaker[Session]
    state_found: SchemaState

    @cached_property
    def glancing(self) -> Engine:
        """The engine for `ServiceContext.reading(glance=True)`: on a server, statements outside
        any transaction (no BEGIN, no ROLLBACK); SQLite's reads are so already."""
        if self.engine.dialect.name == "sqlite":
            return self.engine
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")

    def dispose(self) -> None:
        self.engine.dispose()

    def scrub(self) -> None:
        """Leave no trace of erased data on disk: rebuild the file (VACUUM drops what older
        writes left in free pages) and fold the WAL, which keeps old page images, back into it.
        Takes seconds on a large file; for rare erasures (identity purge), not for every edit."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def open_database(location: DatabaseLocation, must_exist: bool = False) -> Database:
    """Open (and create or migrate as needed) the database at `location`."""
    check_file(location, must_exist)
    engine = make_engine(location)
    install_guards(engine, location)  # private files, NUL refused on the server (db/safety.py)
    try:
        state = ensure_schema(engine, location.file, datetime.now(UTC))
    except OperationalError as error:
        engine.dispose()
        if location.is_server:  # switched off, unplugged, wrong password: say so, change nothing
            raise unreachable(location, error) from None
        raise
    except Exception:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(location, engine, sessions, state)
