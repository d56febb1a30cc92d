"""`print o43` reads an up-to-date SQLite file without SQLAlchemy (db/plain.py): same answers as
the services, same document, the same refusals, and the full path whenever it does not apply."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.plain import PlainDocumentSource, open_current
from nongbon_ita.domain.errors import DatabaseRefused
from nongbon_ita.domain.ita.measure import ResultEntry
from nongbon_ita.domain.office import Official, SignatureRole
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.quick_print import measures_report_pdf_quick
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD

MOMENT = datetime(2026, 11, 25, 3, 30, tzinfo=UTC)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.fixture
def office(demo_db: Path) -> Iterator[Services]:
    """The demo office on its file, with a fixed clock."""
    database = open_database(DatabaseLocation.for_file(demo_db), must_exist=True)
    yield Services.over(ServiceContext(database, clock=lambda: MOMENT))
    database.dispose()


def edit_the_demo(services: Services) -> str:
    """Make the cases the readers could get wrong: results out of id order, a typed intro, an
    inactive signer, two officials in one role. Returns the result entry moved last."""
    coordinator = services.auth.login("ita_coordinator", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    year = services.measures.fiscal_years()[-1]
    measures = services.ita.plan.measures(year)
    for text in ("๑.จัดทำคู่มือ", "-ประชาสัมพันธ์ทางเว็บไซต์ www.nongbon.go.th"):
        services.ita.results.add_result(coordinator, measures[0].id, ResultEntry(text))
    services.measures.set_intro(coordinator, year, "บทนำที่พิมพ์เอง ปี ๒๕๗๐")
    executive = services.office.signer(SignatureRole.EXECUTIVE)
    assert executive is not None
    services.office.save_official(admin, replace(executive, active=False))
    for name in ("นายหนึ่ง ทดสอบ", "นายสอง ทดสอบ"):
        services.office.save_official(admin, Official(0, name, "ปลัด อบต.", SignatureRole.EXECUTIVE))
    database = services.ctx.database.location.file
    assert database is not None
    with closing(sqlite3.connect(database)) as connection, connection:
        # the oldest entry moves last: the order is by position, then id
        first_id, text = connection.execute(
            "SELECT id, text FROM ita_measure_result WHERE measure_id = ? ORDER BY id LIMIT 1",
            (measures[0].id,),
        ).fetchone()
        connection.execute("UPDATE ita_measure_result SET position = 99 WHERE id = ?", (first_id,))
    return str(text)


def test_the_plain_reader_answers_as_the_services_do(office: Services) -> None:
    moved = edit_the_demo(office)
    location = office.ctx.database.location
    connection = open_current(location)
    assert connection is not None
    with closing(connection):
        plain = PlainDocumentSource(connection)
        assert plain.profile() == office.office.profile()
        for role in SignatureRole:
            assert plain.signer(role) == office.office.signer(role), role
        chosen = plain.signer(SignatureRole.EXECUTIVE)
        assert chosen is not None and chosen.full_name == "นายหนึ่ง ทดสอบ"  # first active by id
        years = office.measures.fiscal_years()
        assert len(years) >= 2
        for year in [*years, years[-1] + 1]:  # the last: a year without measures
            assert plain.measures_report(year) == office.measures.measures_report(year), year
        last = plain.measures_report(years[-1])
        assert last.intro == "บทนำที่พิมพ์เอง ปี ๒๕๗๐"
        assert last.rows[0].result.split("\n")[-1] == moved


def test_the_quick_pdf_is_the_services_pdf(office: Services, tmp_path: Path) -> None:
    edit_the_demo(office)
    location = office.ctx.database.location
    for year in office.measures.fiscal_years():
        quick = measures_report_pdf_quick(location, year, now=MOMENT)
        assert quick is not None
        full = office.documents.measures_report_pdf(year)
        assert pdf_text(quick, tmp_path) == pdf_text(full, tmp_path), year
    assert "พิมพ์เมื่อ ๒๕ พ.ย. ๖๙ ๑๐:๓๐ น." in pdf_text(quick, tmp_path)  # office time, B.E.


def test_the_command_prints_without_sqlalchemy_and_writes_nothing(
    demo_db: Path, tmp_path: Path
) -> None:
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    out = tmp_path / "o43.pdf"
    script = (
        "import sys\nfrom nongbon_ita.cli import main\n"
        f"code = main(['--db', {str(demo_db)!r}, 'print', 'o43', '--year', '2566',"
        f" '--out', {str(out)!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'alembic')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.strip().endswith("0 []"), done.stdout + done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before


def test_databases_the_quick_path_does_not_apply_to() -> None:
    assert open_current(DatabaseLocation.in_memory()) is None
    assert open_current(DatabaseLocation("postgresql://office/ita", None)) is None


def test_a_schema_other_than_this_apps_goes_the_full_way(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(demo_db)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    assert open_current(DatabaseLocation.for_file(demo_db)) is None
    out = tmp_path / "o43.pdf"
    capsys.readouterr()
    assert main(["--db", str(demo_db), "print", "o43", "--year", "2566", "--out", str(out)]) == 2
    assert "9999_future" in capsys.readouterr().err  # the full path's refusal, in words
    assert not out.exists()


@pytest.mark.parametrize("kind", ["missing", "text", "foreign sqlite"])
def test_refusals_are_the_full_paths(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "office.sqlite3"
    if kind == "text":
        path.write_text("ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    elif kind == "foreign sqlite":
        with closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("CREATE TABLE customers (id INTEGER)")
            connection.execute("CREATE TABLE orders (id INTEGER)")
    with pytest.raises(DatabaseRefused):
        open_current(DatabaseLocation.for_file(path))
    out = tmp_path / "o43.pdf"
    capsys.readouterr()
    assert main(["--db", str(path), "print", "o43", "--year", "2566", "--out", str(out)]) == 2
    message = capsys.readouterr().err
    assert ("ไม่พบ" in message) if kind == "missing" else ("ไม่ใช่ฐานข้อมูล" in message)
    assert "Traceback" not in message and not out.exists()


def test_bad_years_are_refused_by_the_quick_path_too(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o43.pdf"
    for year in ("2690", "1999"):
        capsys.readouterr()
        assert main(["--db", str(demo_db), "print", "o43", "--year", year, "--out", str(out)]) == 2
        assert capsys.readouterr().err.strip()
        assert not out.exists()
