"""PostgreSQL refuses a NUL character even as a query parameter; the one guard in db/safety.py
turns it into the usual refusal (a Thai message, exit 2) for every command, before any query."""

from __future__ import annotations

import psycopg
import pytest

from nongbon_ita.cli import main
from nongbon_ita.db.safety import refuse_nul
from nongbon_ita.domain.errors import ValidationError
from tests.backends import PgTestDatabase, backends
from tests.conftest import PASSWORD

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("backend", ON_PG)
def test_a_nul_in_a_command_is_a_thai_refusal_on_the_server_and_nothing_is_written(
    backend: str,
    pg_database: PgTestDatabase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pg_database.empty()
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    assert main(["--db", pg_database.url, "init", "--office-name", "อบต.หนองบอน",
                 "--district", "โกสุมพิสัย", "--province", "มหาสารคาม", "--admin", "boss"]) == 0  # fmt: skip
    with psycopg.connect(pg_database.url) as conn:
        events = conn.execute("SELECT count(*) FROM audit_event").fetchone()
    capsys.readouterr()
    # the user name is looked up before any text gate could see it (it crashed with exit 1)
    assert main(["--db", pg_database.url, "loans", "approve", "1/2570", "--user", "bo\x00ss"]) == 2
    err = capsys.readouterr().err
    assert "อักขระ NUL" in err and "Traceback" not in err and "psycopg" not in err
    assert main(["--lang", "en", "--db", pg_database.url, "users", "add", "clerk",
                 "--full-name", "a", "--roles", "staff", "--user", "bo\x00ss"]) == 2  # fmt: skip
    assert "NUL character" in capsys.readouterr().err
    with psycopg.connect(pg_database.url) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone() == events
        assert conn.execute("SELECT count(*) FROM app_user").fetchone() == (1,)


@pytest.mark.parametrize(
    "parameters",
    [{"name": "a\x00b"}, ("x", "a\x00b"), [{"name": "ok"}, {"name": "\x00"}], [("ok",), ("\x00",)]],
)
def test_every_shape_of_parameters_is_searched(parameters: object) -> None:
    with pytest.raises(ValidationError):
        refuse_nul(None, None, "SELECT 1", parameters)  # type: ignore[arg-type]


def test_bytes_and_clean_text_pass() -> None:
    refuse_nul(None, None, "SELECT 1", {"logo": b"\x00\x01", "name": "หนองบอน", "n": 3})
