"""Row seals digest the same on both backends: an office moved to the server (`transfer`) passes
`check` there, and a row edited on the server outside the app is named."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from nongbon_ita.cli import main
from tests.backends import PgTestDatabase, backends
from tests.conftest import PASSWORD

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("backend", ON_PG)
def test_a_transferred_office_passes_and_a_server_side_edit_is_named(
    backend: str,
    demo_db: Path,
    pg_database: PgTestDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pg_database.empty()
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_FILES", str(tmp_path / "shared"))
    assert (
        main(["transfer", "--from", str(demo_db), "--to", pg_database.url, "--user", "admin"]) == 0
    )
    capsys.readouterr()
    assert main(["--lang", "en", "--db", pg_database.url, "check"]) == 0, capsys.readouterr().out
    assert "outside the app" not in capsys.readouterr().out
    with psycopg.connect(pg_database.url) as conn:
        conn.execute("UPDATE asset SET value = value + 1 WHERE id = 3")
    assert main(["--lang", "en", "--db", pg_database.url, "check"]) == 1
    assert (
        "Changed outside the app: asset 3 (table asset), field(s) value." in capsys.readouterr().out
    )
