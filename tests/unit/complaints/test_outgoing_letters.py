"""Letters to complainants are issued once (date of their event, number from the register of
outgoing letters) and reprinted identically; numbering by hand leaves a dotted blank."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nongbon_ita.domain.complaints.kinds import Outcome
from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.errors import PermissionDenied, ValidationError
from nongbon_ita.domain.letters import BLANK_NUMBER, LetterKind, NumberingMode
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services
from tests.conftest import Clock

Filer = Callable[..., ComplaintSummary]


def _text(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-raw", f.name, "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip


@pytest.fixture(autouse=True)
def _letter_code(services: Services, admin: CurrentUser) -> None:
    profile = services.office.profile()
    services.office.update_profile(admin, replace(profile, letter_code="มค 81101"))


def test_a_receipt_is_dated_by_its_acknowledgement_and_reprinted_identically(
    services: Services, officer: CurrentUser, file_complaint: Filer, clock: Clock
) -> None:
    c = file_complaint()
    clock.moment = datetime(2024, 1, 17, 3, tzinfo=UTC)
    services.complaints.workflow.acknowledge(officer, c.id, None)  # given by hand on 17 Jan
    clock.moment = datetime(2024, 2, 5, 3, tzinfo=UTC)  # printed weeks later
    letters = services.complaints.letters
    first = letters.receipt(officer, c.register)
    assert first.letter.issued_on == date(2024, 1, 17)
    assert (first.letter.fiscal_year, first.letter.number) == (2567, 1)
    assert first.reference == "มค 81101/1"
    clock.moment = datetime(2024, 3, 1, 3, tzinfo=UTC)
    again = letters.receipt(officer, c.register)
    assert again.letter == first.letter
    text = _text(again.pdf)
    assert "๑๗ มกราคม ๒๕๖๗" in text and "๑ มีนาคม ๒๕๖๗" not in text
    assert "ที่ มค ๘๑๑๐๑/๑" in text
    (entry,) = services.letters.letters(officer, 2567)
    assert (entry.kind, entry.addressee, entry.record_text) == (
        LetterKind.COMPLAINT_RECEIPT,
        "ผู้ร้องเรียน",
        str(c.register),
    )


def test_numbers_run_per_fiscal_year_and_an_outcome_is_dated_by_its_conclusion(
    services: Services, officer: CurrentUser, admin: CurrentUser, file_complaint: Filer,
    clock: Clock,
) -> None:  # fmt: skip
    letters, flow = services.complaints.letters, services.complaints.workflow
    a, b = file_complaint(), file_complaint()
    assert letters.receipt(officer, a.register).letter.number == 1
    assert letters.receipt(officer, b.register).letter.number == 2
    division = services.office.add_division(admin, "สำนักปลัด")
    a = flow.accept(officer, a.id, None)
    a = flow.assign(officer, a.id, None, division.id, officer.id)
    a = flow.start_investigation(officer, a.id, None)
    clock.moment = datetime(2024, 1, 25, 3, tzinfo=UTC)
    flow.conclude(officer, a.id, None, Outcome.UNSUBSTANTIATED, summary="ไม่พบมูล")
    clock.moment = datetime(2024, 10, 2, 3, tzinfo=UTC)  # printed in the next fiscal year
    outcome = letters.outcome(officer, a.register)
    assert outcome.letter.issued_on == date(2024, 1, 25)
    assert (outcome.letter.fiscal_year, outcome.letter.number) == (2567, 3)
    assert [x.number for x in services.letters.letters(officer, 2567)] == [1, 2, 3]
    assert services.letters.letters(officer, 2568) == []


def test_numbering_by_hand_prints_a_dotted_blank_until_the_clerk_gives_a_number(
    services: Services, officer: CurrentUser, admin: CurrentUser, file_complaint: Filer
) -> None:
    c = file_complaint()
    with pytest.raises(PermissionDenied):
        services.letters.set_numbering(officer, NumberingMode.HAND)
    services.letters.set_numbering(admin, NumberingMode.HAND)
    letters = services.complaints.letters
    blank = letters.receipt(officer, c.register)
    assert blank.letter.number is None and blank.reference.endswith(BLANK_NUMBER)
    assert f"ที่ มค ๘๑๑๐๑/{BLANK_NUMBER}" in _text(blank.pdf)
    given = letters.receipt(officer, c.register, "๔๕")
    assert given.letter.hand_number == "45" and given.letter.id == blank.letter.id
    assert "ที่ มค ๘๑๑๐๑/๔๕" in _text(given.pdf)
    with pytest.raises(ValidationError):  # a reprint keeps its number
        letters.receipt(officer, c.register, "46")
    assert letters.receipt(officer, c.register).letter.hand_number == "45"


def test_the_register_prints_and_exports_and_is_not_for_everyone(
    services: Services, officer: CurrentUser, staff: CurrentUser, file_complaint: Filer,
    tmp_path: Path,
) -> None:  # fmt: skip
    c = file_complaint()
    services.complaints.letters.receipt(officer, c.register)
    text = _text(services.letters.register_pdf(officer, 2567))
    assert "ทะเบียนหนังสือส่ง" in text and "ตอบรับเรื่องร้องเรียน" in text
    assert "ผู้ร้องเรียน" in text and "นายปลูกฝัง" not in text  # no complainant's name
    book = tmp_path / "letters.xlsx"
    book.write_bytes(services.letters.register_xlsx(officer, 2567))
    sheet = load_workbook(book).active
    assert sheet is not None
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] == 1]
    assert len(rows) == 1 and isinstance(rows[0][2], datetime)  # a real date, not text
    with pytest.raises(PermissionDenied):
        services.letters.register_pdf(staff, 2567)
