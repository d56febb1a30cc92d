"""Bring a database to the app's schema: check what it is, back it up, then migrate if needed."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from nongbon_ita.db.private_files import FILE_MODE, make_private
from nongbon_ita.db.schema_state import SchemaState, state_without_alembic
from nongbon_ita.domain.errors import N_, DatabaseRefused

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def known_revisions() -> list[str]:
    """Revision ids shipped with this app, oldest first (read from the versions folder)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def schema_state(connection: Connection) -> SchemaState:
    tables = set(inspect(connection).get_table_names())
    revision = (
        connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if "alembic_version" in tables
        else None
    )
    state = state_without_alembic(tables, revision)
    if state is not None:
        return state
    if revision in known_revisions():
        return SchemaState.BEHIND
    raise DatabaseRefused(
        N_("The database was made by a newer version of nongbon-ita (schema {revision}); "
           "update the app first."),
        revision=str(revision),
    )  # fmt: skip


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    command.upgrade(_alembic_config(connection), "head")  # type: ignore[arg-type]


def backup_before_migration(db_file: Path, now: datetime) -> Path:
    """Copy the file (and its WAL, if any) beside itself before touching its schema."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = db_file.with_name(f"{db_file.name}.before-migration-{stamp}.bak")
    wal = db_file.with_name(db_file.name + "-wal")
    # created private before anything is copied in: the copy holds what the database holds
    for source, copy in ((db_file, target), (wal, target.with_name(target.name + "-wal"))):
        if source.exists():
            os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE))
            make_private(copy)
            shutil.copyfile(source, copy)
    return target


def ensure_schema(engine: Engine, db_file: Path | None, now: datetime) -> SchemaState:
    """Migrate when needed; returns the state found before migrating."""
    with engine.connect() as connection:
        state = schema_state(connection)
    if state is SchemaState.CURRENT:
        return state
    if state is SchemaState.BEHIND and db_file is not None:
        backup_before_migration(db_file, now)
    with engine.begin() as connection:
        upgrade_to_head(connection)
    return state
