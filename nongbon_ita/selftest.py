"""`nongbon-ita-cli --self-test`: prove a build works on this computer, without a display.

It does what a first day at the office does, in a temporary folder: create and migrate a database,
fill it with the demo office (which every area extends, so the areas' code runs too), print the
measures report and a second document, and read the PDFs' text layer back (selftest_pdf: stdlib only,
since the frozen app carries no PDF reader). It also checks what a frozen build must bring along:
the compiled Thai catalog, the Thai word list, time-zone data. One line out; exit 0 or 1.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from nongbon_ita import __version__

if TYPE_CHECKING:
    from nongbon_ita.services.registry import Services

EXIT_OK, EXIT_FAILED = 0, 1
PUA = range(0xE000, 0xF900)  # legacy positioned glyphs must never leak into the text layer


class SelfTestFailure(Exception):
    """One check failed; the message says which."""


@dataclass(frozen=True)
class Document:
    name: str
    pdf: bytes
    must_contain: tuple[str, ...]


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def check_text(name: str, compact: str, must_contain: tuple[str, ...]) -> None:
    """The expected phrases are there (whitespace aside) and nothing a reader would garble."""
    for phrase in must_contain:
        wanted = "".join(phrase.split())
        check(wanted in compact, f"{name}: text layer lacks {phrase!r}")
    leaked = sorted({f"U+{ord(c):04X}" for c in compact if ord(c) in PUA})
    check(not leaked, f"{name}: private-use code points in text: {leaked[:5]}")
    check("\u0e4d\u0e32" not in compact, f"{name}: SARA AM split into NIKHAHIT + AA")
    check("\ufffd" not in compact, f"{name}: codes without a Unicode mapping")


def check_document(document: Document) -> int:
    """Its text layer holds the expected Thai exactly; returns its page count."""
    from nongbon_ita.selftest_pdf import read_pdf_text

    check(document.pdf.startswith(b"%PDF-"), f"{document.name}: not a PDF")
    text = read_pdf_text(document.pdf)
    check(text.pages >= 1, f"{document.name}: no pages")
    check_text(document.name, text.compact(), document.must_contain)
    return text.pages


def check_environment() -> str:
    """What a frozen build must carry besides code; returns a short note."""
    import zoneinfo

    from nongbon_ita.i18n.translate import _, catalog_path, current_language, set_language
    from nongbon_ita.reports.thai.segment import dictionary

    previous = current_language()
    set_language("th")
    try:
        check(_("Settings") != "Settings", "the Thai catalog is not loaded")
    finally:
        set_language(previous)
    if getattr(sys, "frozen", False):
        check(catalog_path("th", ".mo").is_file(), "the compiled Thai catalog is not bundled")
        import tzdata  # type: ignore[import-untyped]  # noqa: F401  (Windows has no zone data)
    check(zoneinfo.ZoneInfo("Asia/Bangkok").key == "Asia/Bangkok", "no time-zone data")
    words = len(dictionary())
    check(words > 10_000, f"the Thai word list is too small ({words} words)")
    return f"{words} Thai words"


def second_document(services: Services) -> Document:
    """The loan form (the loans area's service); the asset label sheet if it is missing."""
    from nongbon_ita.demo.build import DEMO_OFFICE

    loan_form = _loan_form_probe(services)
    if loan_form is not None:
        return loan_form
    labels = services.assets.labels_pdf()
    return Document("asset labels", labels, (DEMO_OFFICE.short_name,))


def _loan_form_probe(services: Services) -> Document | None:
    """The demo's first loan as ใบยืมพัสดุ, printed by the supply officer (who may print it)."""
    render: Callable[..., bytes] | None = getattr(
        getattr(services, "loans", None), "loan_form_pdf", None
    )
    if render is None:
        return None
    from sqlalchemy import text

    from nongbon_ita.demo.build import DEMO_PASSWORD

    with services.ctx.reading() as session:
        loan_id = session.execute(text("SELECT min(id) FROM loan")).scalar()
    if loan_id is None:
        return None
    officer = services.auth.login("supply_officer", DEMO_PASSWORD)
    return Document("loan form", render(officer, int(loan_id)), ("ใบยืมพัสดุ",))


def run_checks(folder: Path) -> str:
    """Every check, in a database under `folder`; returns the summary of what passed."""
    from sqlalchemy import text

    from nongbon_ita.db.engine import open_database
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.db.schema_state import HEAD_REVISION, SchemaState
    from nongbon_ita.demo.build import DEMO_OFFICE, build_demo
    from nongbon_ita.demo.data_report_2566 import FISCAL_YEAR, MEASURES
    from nongbon_ita.services import maintenance
    from nongbon_ita.services.context import HashingCost, ServiceContext
    from nongbon_ita.services.registry import Services

    environment = check_environment()
    location = DatabaseLocation.for_file(folder / "self-test.sqlite3")
    database = open_database(location)
    try:
        check(database.state_found is SchemaState.EMPTY, "the new database was not empty")
        with database.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        check(revision == HEAD_REVISION, f"migrated to {revision}, not {HEAD_REVISION}")
        # cheap password hashes: the demo's seven users would otherwise take seconds to create
        services = Services.over(ServiceContext(database, hashing=HashingCost.cheap()))
        build_demo(services)
        check(maintenance.run_check(services.ctx).ok, "integrity or audit-chain check failed")
        report = Document(
            "measures report",
            services.documents.measures_report_pdf(FISCAL_YEAR),
            ("รายงานผลการดำเนินการตามมาตรการ", DEMO_OFFICE.name, MEASURES[0].indicator),
        )
        second = second_document(services)
    finally:
        database.dispose()
    from nongbon_ita.services.quick_print import measures_report_pdf_quick

    quick_pdf = measures_report_pdf_quick(location, FISCAL_YEAR)  # `print o43`, no SQLAlchemy
    check(quick_pdf is not None, "the quick report path did not apply to a current database")
    quick = Document("measures report (quick)", quick_pdf or b"", report.must_contain)
    pages = [f"{doc.name} {check_document(doc)} p." for doc in (report, quick, second)]
    return f"schema {revision}, {', '.join(pages)}, Thai text exact, {environment}"


def run_self_test(out: TextIO | None = None) -> int:
    """Print one line and return the exit code (0 passed, 1 failed)."""
    stream = out if out is not None else sys.stdout
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="nongbon-ita-self-test-") as folder:
            summary = run_checks(Path(folder))
    except Exception as error:  # any failure is the answer, in one line
        print(f"nongbon-ita {__version__} self-test FAILED: {type(error).__name__}: {error}",
              file=stream)  # fmt: skip
        return EXIT_FAILED
    elapsed = time.perf_counter() - started
    print(f"nongbon-ita {__version__} self-test passed: {summary} ({elapsed:.1f} s)", file=stream)
    return EXIT_OK
