"""Copy every row of the app's tables from one database to another — SQLite file ↔ PostgreSQL
server — with their ids, so references, the audit chain and its hashes arrive unchanged.

The one place that moves data between backends: `transfer` (an office moving to the server and
back), and backup / restore on a server (a backup is a nongbon-ita SQLite file a user can carry).
Both databases are at the same schema revision (each was opened, hence migrated, by the app).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, func, select, text

from nongbon_ita.db.models import Base

BATCH = 2000
Progress = Callable[[str, int], None]


def app_tables() -> list[Table]:
    """The app's tables, parents before children (the search indexes are not tables of it)."""
    return list(Base.metadata.sorted_tables)


def row_counts(connection: Connection) -> dict[str, int]:
    return {
        table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
        for table in app_tables()
    }


def is_empty(connection: Connection) -> bool:
    return not any(row_counts(connection).values())


def copy_rows(source: Connection, target: Connection, progress: Progress | None = None) -> int:
    """Insert every row of `source` into the (empty) `target`, inside the caller's transactions;
    returns how many rows were copied."""
    copied = 0
    for table in app_tables():
        query = select(table).order_by(*table.primary_key.columns)
        result = source.execution_options(yield_per=BATCH).execute(query)
        for part in result.partitions(BATCH):
            target.execute(table.insert(), [dict(row._mapping) for row in part])
            copied += len(part)
        if progress is not None:
            progress(table.name, copied)
    if target.dialect.name == "postgresql":
        _restart_sequences(target)
    return copied


def empty_tables(connection: Connection) -> None:
    """Remove every row (restore on a server, inside the caller's transaction)."""
    if connection.dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in app_tables())
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        return
    for table in reversed(app_tables()):
        connection.execute(table.delete())


def _restart_sequences(connection: Connection) -> None:
    """Rows came with their ids: the next id PostgreSQL hands out must follow the largest."""
    for table in app_tables():
        if "id" not in table.c:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f'COALESCE(MAX(id), 0) + 1, false) FROM "{table.name}"'
            )
        )
