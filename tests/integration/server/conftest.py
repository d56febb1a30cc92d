"""Shared set-up of the server tests: the demo office transferred to a PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.cli import main
from tests.backends import PgTestDatabase
from tests.conftest import PASSWORD


@pytest.fixture
def office_on_server(
    demo_db: Path,
    pg_database: PgTestDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    pg_database.empty()
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_FILES", str(tmp_path / "shared"))
    assert (
        main(["transfer", "--from", str(demo_db), "--to", pg_database.url, "--user", "admin"]) == 0
    )
    capsys.readouterr()
    return pg_database.url
