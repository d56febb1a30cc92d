"""The migration chain, the schema it builds, and how odd files are refused."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.migrate import MIGRATIONS_DIR
from nongbon_ita.db.models import Base
from nongbon_ita.db.schema_state import HEAD_REVISION, SchemaState
from nongbon_ita.db.search_index import include_object
from nongbon_ita.domain.errors import DatabaseRefused


def test_the_chain_has_one_head_and_the_app_knows_it() -> None:
    heads = ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()
    assert heads == [HEAD_REVISION]


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    database = open_database(DatabaseLocation.for_file(tmp_path / "a.sqlite3"))
    with database.engine.connect() as connection:
        # the FTS5 search tables are built by the migration, not the models
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    database.dispose()
    assert differences == []


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    database = open_database(DatabaseLocation.for_file(tmp_path / "a.sqlite3"))
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    database.dispose()


def test_an_up_to_date_database_is_not_migrated_or_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    assert open_database(DatabaseLocation.for_file(path)).state_found is SchemaState.EMPTY
    again = open_database(DatabaseLocation.for_file(path))
    assert again.state_found is SchemaState.CURRENT
    assert not list(tmp_path.glob("*.bak"))


def test_a_pending_migration_backs_the_file_up_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite3"
    open_database(DatabaseLocation.for_file(path)).dispose()
    with sqlite3.connect(path) as conn:  # pretend the file is one revision behind
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    monkeypatch.setattr("nongbon_ita.db.migrate.known_revisions", lambda: ["older", HEAD_REVISION])
    monkeypatch.setattr(
        "nongbon_ita.db.migrate.upgrade_to_head",
        lambda connection: connection.execute(
            text("UPDATE alembic_version SET version_num = :v"), {"v": HEAD_REVISION}
        ),
    )
    database = open_database(DatabaseLocation.for_file(path))
    assert database.state_found is SchemaState.BEHIND
    backups = list(tmp_path.glob("a.sqlite3.before-migration-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "older"
    database.dispose()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    open_database(DatabaseLocation.for_file(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseRefused) as refused:
        open_database(DatabaseLocation.for_file(path))
    assert "newer version" in refused.value.message_id


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("hello")
    with pytest.raises(DatabaseRefused):
        open_database(DatabaseLocation.for_file(text_file))
    other_db = tmp_path / "other.sqlite3"
    with sqlite3.connect(other_db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseRefused):
        open_database(DatabaseLocation.for_file(other_db))


def test_a_missing_file_is_refused_when_it_must_exist(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused):
        open_database(DatabaseLocation.for_file(tmp_path / "missing.sqlite3"), must_exist=True)


def test_timestamps_come_back_timezone_aware(tmp_path: Path) -> None:
    from nongbon_ita.db.models import SettingRow, UserRow

    database = open_database(DatabaseLocation.for_file(tmp_path / "a.sqlite3"))
    with database.sessions() as session:
        session.add(UserRow(username="a", full_name="b", password_hash="x",
                            locked_until=datetime(2024, 1, 1, 12, tzinfo=UTC)))  # fmt: skip
        session.add(SettingRow(key="k", value="v"))
        session.commit()
    with database.sessions() as session:
        user = session.query(UserRow).one()
        assert user.locked_until == datetime(2024, 1, 1, 12, tzinfo=UTC)
        assert user.created_at.tzinfo is not None
    database.dispose()
