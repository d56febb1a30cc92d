"""The gettext catalogs: complete Thai, placeholders intact, compiling, and in step with the code.

When a test here fails after you added or changed a user-visible string, run
`scripts/update_catalogs.sh` and translate the new Thai entries (see scripts/po_fill.py).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from nongbon_ita.i18n import translate

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "translations" / "messages.pot"
TH_PO = ROOT / "translations" / "th" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _ids(catalog: Catalog) -> set[str]:
    return {str(m.id) for m in catalog if m.id}


def _pairs(catalog: Catalog) -> list[tuple[str, str]]:
    """(id, translation) of each message; the catalogs use no plural forms."""
    pairs = []
    for message in catalog:
        if message.id:
            assert isinstance(message.id, str), f"unexpected plural message: {message.id}"
            pairs.append((message.id, str(message.string or "")))
    return pairs


@pytest.fixture(scope="module")
def pot() -> Catalog:
    return _read(POT)


@pytest.fixture(scope="module")
def thai() -> Catalog:
    return _read(TH_PO, locale="th")


def test_every_id_has_a_thai_translation(pot: Catalog, thai: Catalog) -> None:
    missing = []
    for msgid in sorted(_ids(pot)):
        message = thai.get(msgid)
        if message is None or not message.string or message.fuzzy:
            missing.append(msgid)
    assert not missing, f"{len(missing)} ids lack a Thai translation: {missing}"


def test_thai_catalog_declares_thai_plural_forms(thai: Catalog) -> None:
    assert thai.num_plurals == 1
    assert thai.plural_expr == "0"


def test_thai_placeholders_match_the_ids(thai: Catalog) -> None:
    wrong = {}
    for msgid, text in _pairs(thai):
        expected = set(PLACEHOLDER.findall(msgid))
        found = set(PLACEHOLDER.findall(text))
        if text and expected != found:
            wrong[msgid] = (sorted(expected), sorted(found))
    assert not wrong, f"placeholders differ (id, Thai): {wrong}"


def test_thai_keeps_product_names(thai: Catalog) -> None:
    for msgid, text in _pairs(thai):
        for name in ("nongbon-ita", "NONGBON_ITA_", "SQLite", "PDF", "O43", "ITA"):
            if name in msgid:
                assert name in text, (msgid, name)


def test_thai_catalog_compiles_without_errors(thai: Catalog) -> None:
    assert [(m.id, errors) for m, errors in thai.check()] == []
    buffer = io.BytesIO()
    write_mo(buffer, thai)
    buffer.seek(0)
    compiled = dict(_pairs(read_mo(buffer)))
    assert len(compiled) == len(_ids(thai))
    assert compiled["Wrong user name or password."] == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"


@pytest.fixture
def restore_language() -> Iterator[None]:
    before = translate.current_language()
    yield
    translate.set_language(before)


@pytest.mark.usefixtures("restore_language")
def test_set_language_switches_between_thai_and_english() -> None:
    assert translate.catalog_path("th").resolve() == TH_PO.resolve()
    translate.set_language("th")
    assert translate._("Wrong user name or password.") == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    assert (
        translate._("{path} already exists; choose a new file name.").format(path="a.pdf")
        == "a.pdf มีอยู่แล้ว กรุณาเลือกชื่อไฟล์ใหม่"
    )
    translate.set_language("en")
    assert translate._("Wrong user name or password.") == "Wrong user name or password."


def test_pot_is_up_to_date_with_the_code(pot: Catalog, tmp_path: Path) -> None:
    """The same extraction as scripts/update_catalogs.sh, into a temporary file."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg",
         "-k", "_", "-k", "N_", "--no-location", "--sort-output", "-o", str(fresh), "."],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    extracted = _ids(_read(fresh))
    committed = _ids(pot)
    assert extracted == committed, (
        "translations/messages.pot is out of date; run scripts/update_catalogs.sh. "
        f"new in code: {sorted(extracted - committed)}; gone from code: {sorted(committed - extracted)}"
    )


def test_thai_catalog_holds_the_pot_ids(pot: Catalog, thai: Catalog) -> None:
    assert _ids(thai) == _ids(pot), "run scripts/update_catalogs.sh"
