"""Property-based: generated text, numbers, dates and bytes fed to every import and to every
argument of every command never end in a traceback or exit 1 — only done (0) or refused (2).

The commands are read from the parser itself, so a command added later is fuzzed too. Examples
are few per command (the whole file runs in well under a minute on a shared CI machine); each
run draws new ones, and a failure prints the arguments that caused it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nongbon_ita.cli import main
from nongbon_ita.cli.parser import build_parser
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.measure_import import THAI_HEADERS
from tests.conftest import PASSWORD

FUZZ = settings(max_examples=6, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])  # fmt: skip
# Commands that need what a fuzzer cannot give: a terminal (GUI) or a new file they create.
SKIPPED = {("demo",), ("init",)}
UNEXPECTED = "เกิดข้อผิดพลาดที่ไม่คาดคิด"  # the CLI's last line of defence (exit 1)
GLOBAL = {"--db", "--lang", "-h", "--help", "--version"}

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
NASTY = st.sampled_from([
    "", " ", "0", "-1", "²⁵⁶⁷", "٢٥٦٧", "๒๕๖๗", "9" * 5000, "1e309", "2700", "01/01/2700",
    "=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "\u202e2567", "25\u200b67", "a\x00b",
    "1/2567", "๑/๒๕๖๗", "0/2567", "12-2567", "3x8", "0x0", "70x37", "-5x-5", "admin", "staff",
    "../..", "/", "~nobody/x", "con", "nul.xlsx", "x" * 300,
])  # fmt: skip
NUMBERS = st.integers(min_value=-(10**30), max_value=10**30).map(str)
DATES = st.dates().map(lambda d: f"{d.day}/{d.month}/{d.year + 543}")
VALUES = st.one_of(NASTY, ANY_TEXT, NUMBERS, DATES)


def _commands() -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """(words, parser) of every leaf command: `check`, `print o43`, …"""

    def walk(words: tuple[str, ...], parser: argparse.ArgumentParser) -> Iterator[
            tuple[tuple[str, ...], argparse.ArgumentParser]]:  # fmt: skip
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            yield words, parser
            return
        for name, child in subs[0].choices.items():
            yield from walk((*words, name), child)

    yield from walk((), build_parser())


COMMANDS = [(w, p) for w, p in _commands() if w not in SKIPPED]


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions
            if not (set(a.option_strings) & GLOBAL) and a.dest != "help"]  # fmt: skip


@st.composite
def _argv(draw: st.DrawFn, parser: argparse.ArgumentParser, out_dir: Path) -> list[str]:
    words: list[str] = []
    for action in _arguments(parser):
        if action.option_strings and not action.required and draw(st.booleans()):
            continue  # optional arguments come and go
        flag = action.option_strings[:1]
        if action.nargs == 0:  # a switch such as --replace
            words += flag
            continue
        if action.dest == "out":
            value = draw(st.one_of(st.just(str(out_dir / "out.bin")), st.just(str(out_dir)),
                                   st.just(str(out_dir / "missing" / "x.pdf")), VALUES))  # fmt: skip
        elif action.dest == "user":
            value = draw(st.one_of(st.sampled_from(["admin", "supply_officer", "staff"]), VALUES))
        elif action.choices:
            value = draw(st.one_of(st.sampled_from(list(action.choices)), VALUES))
        else:
            value = draw(VALUES)
        words += [*flag, value]
    return words


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path) -> Path:
    """One copy of the demo database for the whole module (refused commands change nothing)."""
    folder = tmp_path_factory.mktemp("fuzz")
    copy = folder / "demo.sqlite3"
    shutil.copy2(demo_db_template, copy)
    files = demo_db_template.with_name(demo_db_template.name + ".files")
    if files.is_dir():  # evidence kept beside the database: `check` looks for it
        shutil.copytree(files, copy.with_name(copy.name + ".files"))
    return copy


def _check_outcome(code: int, text: str, words: list[str]) -> None:
    # `check` answers 1 when it finds a problem in the database: a finding, not a failure
    allowed = (0, 1, 2) if "check" in words else (0, 2)
    assert code in allowed, f"exit {code} for {words!r}: {text}"
    assert "Traceback" not in text and UNEXPECTED not in text, f"{words!r}: {text}"


@pytest.mark.parametrize("words,parser", COMMANDS, ids=[" ".join(w) for w, _p in COMMANDS])
def test_every_command_answers_generated_arguments_with_0_or_2(
    words: tuple[str, ...], parser: argparse.ArgumentParser, fuzz_db: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_RECOVERY_CODE", "XXXX-XXXX-XXXX-XXXX-XXXX")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # never wait on a prompt
    monkeypatch.chdir(tmp_path)  # a generated relative --out lands here, not in the checkout

    @FUZZ
    @given(rest=_argv(parser, tmp_path))
    def run(rest: list[str]) -> None:
        argv = ["--db", str(fuzz_db), *words, *rest]
        code = main(argv)
        captured = capsys.readouterr()
        _check_outcome(code, captured.out + captured.err, argv)

    run()


# imports -------------------------------------------------------------------------------------

ASSET_HEADERS = ["หมายเลขครุภัณฑ์", "รายการ", "ประเภท", "วันที่ได้มา", "ราคา", "จำนวนคงเหลือ",
                 "หน่วยงานรับผิดชอบ", "หมายเลขเครื่อง"]  # fmt: skip
CELL = st.one_of(VALUES, st.dates(), st.integers(), st.floats(allow_nan=True), st.none())
TABLES = st.lists(st.lists(CELL, min_size=1, max_size=8), min_size=1, max_size=4)


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    if path.suffix == ".csv":
        out = io.StringIO()
        csv.writer(out).writerows([header, *[["" if c is None else c for c in r] for r in rows]])
        path.write_bytes(out.getvalue().encode("utf-8", "surrogatepass"))
        return
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows]:  # openpyxl cannot write every character: keep what it can
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c).encode("utf-8", "replace").decode()
                      if isinstance(c, str) else c for c in row])  # fmt: skip
    book.save(path)


def _refused_or_done(call: Callable[[], object]) -> None:
    """Done, or refused with a DomainError (a message for the user); anything else fails."""
    with contextlib.suppress(DomainError):
        call()


@FUZZ
@given(rows=TABLES, suffix=st.sampled_from([".csv", ".xlsx"]),
       header=st.lists(st.one_of(st.sampled_from(ASSET_HEADERS), ANY_TEXT), max_size=8))  # fmt: skip
def test_asset_imports_of_generated_tables_are_done_or_refused(
    rows: list[list[object]], suffix: str, header: list[str], services, user_with,
    tmp_path: Path,
) -> None:  # fmt: skip
    from nongbon_ita.domain.roles import Role

    officer = user_with(Role.SUPPLY_OFFICER)
    path = tmp_path / f"register{suffix}"
    _write(path, header or ASSET_HEADERS, rows)
    _refused_or_done(lambda: services.assets.files.import_file(officer, path))


@FUZZ
@given(rows=TABLES, suffix=st.sampled_from([".csv", ".xlsx", ".json"]),
       year=st.one_of(st.integers(2400, 2800), st.integers()))  # fmt: skip
def test_measure_imports_of_generated_tables_are_done_or_refused(
    rows: list[list[object]], suffix: str, year: int, services, user_with, tmp_path: Path
) -> None:
    from nongbon_ita.domain.roles import Role

    coordinator = user_with(Role.ITA_COORDINATOR)
    header = [*THAI_HEADERS][:5]
    path = tmp_path / f"measures{suffix}"
    if suffix == ".json":
        keyed = [dict(zip(["form", "indicator", "sub_indicator", "issue", "result"], r,
                          strict=False)) for r in rows]  # fmt: skip
        path.write_text(json.dumps({"rows": keyed}, default=str), encoding="utf-8")
    else:
        _write(path, header, rows)
    _refused_or_done(lambda: services.measures.import_file(coordinator, path, year,
                                                           replace=True))  # fmt: skip


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".json"]))
def test_imports_of_arbitrary_bytes_are_refused_cleanly(
    data: bytes, suffix: str, services, user_with, tmp_path: Path
) -> None:
    from nongbon_ita.domain.roles import Role

    user = user_with(Role.SUPPLY_OFFICER, Role.ITA_COORDINATOR)
    path = tmp_path / f"file{suffix}"
    path.write_bytes(data)
    _refused_or_done(lambda: services.measures.import_file(user, path, 2567, replace=True))
    if suffix != ".json":
        _refused_or_done(lambda: services.assets.files.import_file(user, path))
