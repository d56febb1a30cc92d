"""Row seals digest the same on both backends: an office moved to the server (`transfer`) passes
`check` there, and a row edited on the server outside the app is named."""

from __future__ import annotations

import psycopg
import pytest

from nongbon_ita.cli import main
from tests.backends import backends

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("backend", ON_PG)
def test_a_transferred_office_passes_and_a_server_side_edit_is_named(
    backend: str, office_on_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--db", office_on_server, "check"]) == 0, capsys.readouterr().out
    assert "outside the app" not in capsys.readouterr().out
    with psycopg.connect(office_on_server) as conn:
        conn.execute("UPDATE asset SET value = value + 1 WHERE id = 3")
    assert main(["--lang", "en", "--db", office_on_server, "check"]) == 1
    assert (
        "Changed outside the app: asset 3 (table asset), field(s) value." in capsys.readouterr().out
    )
