"""Pure ITA rules: scores, OIT codes, flagged indicators, the O43 result cell, what is due."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.ita.catalogue import (
    Indicator,
    YearScores,
    normalise_oit_code,
    parse_oit_codes,
    parse_score,
)
from nongbon_ita.domain.ita.due import Attention, attention, measures_due
from nongbon_ita.domain.ita.measure import (
    EvidenceLink,
    Measure,
    MeasureDraft,
    MeasureResult,
    MeasureStatus,
    ProgressMark,
    check_draft,
    check_link,
    result_cell,
)
from nongbon_ita.domain.ita.report import AssessmentForm


def measure(**changes: object) -> Measure:
    base: dict[str, object] = dict(
        id=1, fiscal_year=2567, position=0, form=AssessmentForm.IIT, indicator_number=4,
        indicator="ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ", sub_indicator="", oit_items=(),
        issue="ประเด็น", plan="", result_text="", responsible_division_id=None,
        responsible_division="", responsible_user_id=None, responsible_user="", time_frame="",
        start_on=date(2023, 10, 1), due_on=date(2024, 9, 30), status=MeasureStatus.PLANNED,
    )  # fmt: skip
    base.update(changes)
    return Measure(**base)  # type: ignore[arg-type]


def result(text: str, position: int) -> MeasureResult:
    return MeasureResult(position, 1, position, None, text, "", datetime(2024, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("text", "score"),
    [("85", Decimal("85.00")), ("๗๐.๒๕", Decimal("70.25")), ("", None), (None, None)],
)
def test_scores_are_read_in_either_digits(text: str | None, score: Decimal | None) -> None:
    assert parse_score(text) == score


@pytest.mark.parametrize("text", ["101", "-1", "abc", "NaN"])
def test_a_score_outside_0_to_100_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_score(text)


def test_oit_codes_are_normalised_and_unknown_shapes_refused() -> None:
    assert normalise_oit_code(" o 12") == "O12"
    assert normalise_oit_code("O๔๒") == "O42"
    assert parse_oit_codes("O36, o37 O36;O38") == ("O36", "O37", "O38")
    with pytest.raises(ValidationError):
        normalise_oit_code("X3")


def test_indicators_under_the_threshold_are_flagged() -> None:
    indicators = tuple(
        Indicator(n, 2566, AssessmentForm.IIT, n, f"ตัวชี้วัด {n}", score)
        for n, score in ((1, Decimal("84.99")), (2, Decimal("85")), (3, None))
    )
    scores = YearScores(2566, Decimal("80"), Decimal("85"), indicators)
    assert [i.number for i in scores.flagged] == [1]
    assert [i.number for i in YearScores(2566, None, Decimal("90"), indicators).flagged] == [1, 2]


def test_the_result_cell_is_the_entries_as_typed_else_the_imported_text() -> None:
    assert result_cell((), "๑.นำเข้า") == "๑.นำเข้า"
    entries = (result("-ข้อสอง", 2), result("๑.ข้อหนึ่ง", 1))
    assert result_cell(entries, "๑.นำเข้า") == "๑.ข้อหนึ่ง\n-ข้อสอง"


def test_a_draft_needs_an_issue_and_dates_in_order() -> None:
    with pytest.raises(ValidationError):
        check_draft(MeasureDraft(4, "  "))
    with pytest.raises(ValidationError):
        check_draft(MeasureDraft(4, "x", start_on=date(2024, 2, 1), due_on=date(2024, 1, 1)))
    assert check_draft(MeasureDraft(4, "  ประเด็น ", time_frame=" ต.ค.  – ก.ย. ")).issue == "ประเด็น"


def test_a_link_must_be_a_web_address() -> None:
    assert check_link(EvidenceLink(" https://nongbon.go.th/a ", " ป้าย ")).label == "ป้าย"
    with pytest.raises(ValidationError):
        check_link(EvidenceLink("file:///etc/passwd"))


def test_what_is_due() -> None:
    open_one = measure(due_on=date(2024, 5, 10))
    assert attention(open_one, date(2024, 3, 1)) == ()
    assert attention(open_one, date(2024, 4, 20)) == (Attention.DUE_SOON, Attention.PROGRESS_6)
    marked = measure(due_on=date(2024, 5, 10),
                     progress=(ProgressMark(6, 50, "", date(2024, 3, 31), "x"),))  # fmt: skip
    assert attention(marked, date(2024, 6, 1)) == (Attention.OVERDUE,)
    assert attention(measure(status=MeasureStatus.DONE), date(2025, 1, 1)) == ()
    old = measure(fiscal_year=2565, due_on=None)
    assert measures_due([old, open_one], date(2024, 6, 1))[0].measure is open_one
    assert len(measures_due([old, open_one], date(2024, 6, 1))) == 1  # 2565 is too old
