"""Pure complaint rules: working days, the ID checksum, codes, transitions, statistics."""

from collections import Counter
from datetime import date

import pytest

from nongbon_ita.domain.complaints.deadlines import (
    DeadlinePolicy,
    DeadlineState,
    deadline_state,
    outcome_due,
)
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome, Status, Track
from nongbon_ita.domain.complaints.public_code import ALPHABET, random_public_code
from nongbon_ita.domain.complaints.stats import StatFact, compute_stats
from nongbon_ita.domain.complaints.thai_id import is_valid_thai_id
from nongbon_ita.domain.complaints.workflow import check_transition
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.services.complaints.holiday_source import days_off


def test_working_days_skip_weekends_and_holidays() -> None:
    calendar = WorkingCalendar([date(2026, 4, 13), date(2026, 4, 14), date(2026, 4, 15)])
    # Friday 10 April 2026 + 1 working day: the weekend and Songkran are skipped
    assert calendar.add(date(2026, 4, 10), 1) == date(2026, 4, 16)
    assert calendar.between(date(2026, 4, 10), date(2026, 4, 16)) == 1
    assert calendar.add(date(2026, 4, 11), 0) == date(2026, 4, 16)  # Saturday: next working day


def test_between_agrees_with_counting_day_by_day() -> None:
    """Across a new year, with the package's holidays asked for year by year."""
    asked: list[int] = []

    def per_year(year: int) -> list[date]:
        asked.append(year)
        return days_off(year, [])

    calendar = WorkingCalendar(per_year=per_year)
    start = date(2025, 12, 20)
    assert calendar.is_holiday(date(2026, 1, 2))  # 2 Jan 2026: a special government holiday
    for days in range(0, 60):
        end = calendar.add(start, days)
        assert calendar.between(calendar.add(start, 0), end) == days
    assert sorted(set(asked)) == [2025, 2026] and len(asked) == 2  # each year asked once


def test_fifteen_working_days_and_a_pause_push_the_deadline() -> None:
    calendar = WorkingCalendar()
    policy = DeadlinePolicy()
    due = outcome_due(calendar, date(2024, 1, 15), policy, 0)  # a Monday
    assert due == date(2024, 2, 5)
    assert outcome_due(calendar, date(2024, 1, 15), policy, 2) == date(2024, 2, 7)


def test_deadline_states() -> None:
    calendar = WorkingCalendar()
    due = date(2024, 2, 5)
    assert deadline_state(calendar, True, False, due, date(2024, 1, 16)) is DeadlineState.ON_TIME
    assert deadline_state(calendar, True, False, due, date(2024, 2, 1)) is DeadlineState.DUE_SOON
    assert deadline_state(calendar, True, False, due, date(2024, 2, 6)) is DeadlineState.OVERDUE
    assert deadline_state(calendar, True, True, due, date(2024, 2, 6)) is DeadlineState.PAUSED
    assert deadline_state(calendar, False, False, due, date(2024, 2, 6)) is DeadlineState.DONE


@pytest.mark.parametrize(
    ("number", "valid"),
    [("1101700230708", True), ("1-1017-00230-70-8", True), ("๑๑๐๑๗๐๐๒๓๐๗๐๘", True),
     ("1101700230707", False), ("110170023070", False), ("abcdefghijklm", False)],
)  # fmt: skip
def test_thai_id_checksum(number: str, valid: bool) -> None:
    assert is_valid_thai_id(number) is valid


def test_public_codes_use_unambiguous_characters() -> None:
    codes = {random_public_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert set(code.replace("-", "")) <= set(ALPHABET)
        assert not set(code) & set("0O1IL5S8B")


def test_the_category_decides_the_track() -> None:
    assert Category.CORRUPTION.track is Track.CORRUPTION
    assert {c.track for c in Category if c is not Category.CORRUPTION} == {Track.GENERAL}


def test_transitions_follow_the_workflow() -> None:
    check_transition(Status.RECEIVED, Status.ACCEPTED)
    check_transition(Status.CONCLUDED, Status.CLOSED)
    with pytest.raises(ValidationError):
        check_transition(Status.RECEIVED, Status.CONCLUDED)
    with pytest.raises(ValidationError):
        check_transition(Status.CLOSED, Status.INVESTIGATING)


def _fact(day: date, category: Category, status: Status, closed: date | None = None,
          outcome: Outcome | None = None) -> StatFact:  # fmt: skip
    return StatFact(day, category, Channel.PHONE, status, outcome, closed)


def test_statistics_of_a_year_and_its_halves() -> None:
    facts = [
        _fact(date(2023, 10, 2), Category.GENERAL, Status.CLOSED, date(2023, 10, 9),
              Outcome.SUBSTANTIATED),  # 5 working days
        _fact(date(2023, 11, 6), Category.CORRUPTION, Status.CLOSED, date(2023, 11, 27),
              Outcome.UNSUBSTANTIATED),  # 15 working days
        _fact(date(2024, 2, 1), Category.CORRUPTION, Status.INVESTIGATING),
        _fact(date(2024, 5, 1), Category.PROCUREMENT, Status.REJECTED, date(2024, 5, 2)),
        _fact(date(2024, 10, 1), Category.GENERAL, Status.RECEIVED),  # next fiscal year
    ]  # fmt: skip
    calendar = WorkingCalendar()
    year = compute_stats(facts, 2567, None, calendar)
    assert year.total.received == 4
    assert (year.total.in_progress, year.total.finished, year.total.rejected) == (1, 2, 1)
    assert year.figures[Track.CORRUPTION].received == 2
    assert year.total.average_days_to_close == 10.0
    assert year.total.longest_days_to_close == 15
    assert len(year.months) == 12 and year.months[0] == (2023, 10)
    assert year.by_quarter[1] == Counter({Track.GENERAL: 1, Track.CORRUPTION: 1})
    assert year.by_outcome[Outcome.UNSUBSTANTIATED][Track.CORRUPTION] == 1
    first = compute_stats(facts, 2567, 1, calendar)
    assert first.total.received == 3 and first.quarters == (1, 2) and len(first.months) == 6
    second = compute_stats(facts, 2567, 2, calendar)
    assert second.total.received == 1 and second.months[0] == (2024, 4)
