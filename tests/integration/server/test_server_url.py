"""`--db postgresql://…` is the office's server, never a file path; an unreachable server is a
clear refusal (exit 2, a Thai message, no traceback) and nothing is written anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.db.location import resolve_location
from nongbon_ita.domain.errors import DatabaseRefused

# port 9 (discard) on loopback: nothing listens there, so the connection is refused at once
NOBODY = "postgresql://clerk:secret@127.0.0.1:9/nongbon"


def test_a_server_url_is_a_server_from_the_option_and_from_the_environment() -> None:
    for location in (
        resolve_location("postgresql://clerk@server.local:5433/nongbon", environ={}),
        resolve_location(None, environ={"NONGBON_ITA_DB": "postgres://clerk@server.local:5433/nongbon"}),
    ):  # fmt: skip
        assert location.is_server and location.file is None
        assert location.url == "postgresql+psycopg://clerk@server.local:5433/nongbon"
        assert location.shown == "postgresql://clerk@server.local:5433/nongbon"


def test_the_password_never_shows_in_messages() -> None:
    assert resolve_location(NOBODY, environ={}).shown == "postgresql://clerk@127.0.0.1:9/nongbon"


def test_a_file_stays_a_file_and_an_unknown_scheme_is_refused(tmp_path: Path) -> None:
    location = resolve_location(str(tmp_path / "office.sqlite3"), environ={})
    assert location.file == tmp_path / "office.sqlite3" and not location.is_server
    with pytest.raises(DatabaseRefused):
        resolve_location("mysql://clerk@server/nongbon", environ={})


@pytest.mark.parametrize("command", [["demo"], ["check"]])
def test_an_unreachable_server_is_refused_in_thai_and_nothing_is_created(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", NOBODY, *command]) == 2
    captured = capsys.readouterr()
    assert "ติดต่อเซิร์ฟเวอร์ฐานข้อมูล" in captured.err and "127.0.0.1:9" in captured.err
    assert "secret" not in captured.err and "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == []  # no folder named "postgresql:", no SQLite file


def test_the_environment_variable_reaches_the_server_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NONGBON_ITA_DB", NOBODY)
    assert main(["--lang", "en", "check"]) == 2
    assert "Cannot reach the database server" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [("th", ["--db postgresql://", "NONGBON_ITA_DB", "ใช้เซิร์ฟเวอร์ของสำนักงาน"]),
     ("en", ["--db postgresql://", "NONGBON_ITA_DB", "Use the office's server"])],
)  # fmt: skip
def test_a_file_on_a_network_share_is_refused_naming_the_server_options(
    lang: str,
    words: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("nongbon_ita.db.location.is_network_path", lambda _path: True)
    office = tmp_path / "office.sqlite3"
    assert main(["--lang", lang, "--db", str(office), "check"]) == 2
    err = capsys.readouterr().err
    assert all(word in err for word in words), err
    assert "NONGBON_ITA_DATABASE_URL" not in err and "Traceback" not in err
    assert not office.exists()  # nothing was made on the share
