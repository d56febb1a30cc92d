"""Holidays from the `holidays` package with the office's layer, and the deadline's unit.

The three dates the hand-written list had wrong (ITA-YEARS, "Public holidays"): Fri 2 Jan 2026
(a special government holiday) and Wed 13 May 2026 (Royal Ploughing Day, government only) are
days off, and Makha Bucha 2027 is Sun 21 Feb (not Sat 20 Feb), with Mon 22 Feb in lieu.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from nongbon_ita.domain.complaints.deadlines import (
    DeadlinePolicy,
    DeadlineUnit,
    outcome_due,
    paused_length,
)
from nongbon_ita.domain.complaints.kinds import Category
from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import NotFoundError, ValidationError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.complaints.holiday_source import (
    HolidaySource,
    days_off,
    package_holidays,
)
from nongbon_ita.services.registry import Services

Filer = Callable[..., ComplaintSummary]


def test_the_package_has_the_three_days_the_old_list_had_wrong() -> None:
    off_2026 = dict(package_holidays(2026))
    assert date(2026, 1, 2) in off_2026  # Friday: special government holiday
    assert off_2026[date(2026, 5, 13)] == "วันพืชมงคล"  # Wednesday: government only
    off_2027 = dict(package_holidays(2027))
    assert off_2027[date(2027, 2, 21)] == "วันมาฆบูชา"  # Sunday 21 February
    assert date(2027, 2, 20) not in off_2027
    assert "ชดเชยวันมาฆบูชา" in off_2027[date(2027, 2, 22)]  # Monday in lieu
    calendar = WorkingCalendar(per_year=lambda year: days_off(year, []))
    assert not calendar.is_working_day(date(2026, 1, 2))
    assert not calendar.is_working_day(date(2026, 5, 13))
    assert not calendar.is_working_day(date(2027, 2, 22))
    assert calendar.is_working_day(date(2027, 2, 19))  # the Friday before is a working day


def test_labour_day_is_a_working_day_for_government_offices() -> None:
    assert date(2026, 5, 1) not in dict(package_holidays(2026))  # Friday
    assert date(2027, 5, 3) not in dict(package_holidays(2027))  # its Monday in lieu
    assert dict(package_holidays(2026))[date(2026, 4, 13)] == "วันสงกรานต์"


def test_any_year_has_holidays() -> None:
    assert date(2031, 1, 1) in dict(package_holidays(2031))
    assert date(2020, 4, 6) in dict(package_holidays(2020))


def test_the_office_adds_removes_and_restores_on_top_of_the_package(
    services: Services, officer: CurrentUser
) -> None:
    settings = services.complaints.settings
    listed = {h.day: h for h in settings.holidays(2026)}
    assert listed[date(2026, 1, 2)].source is HolidaySource.PACKAGE
    settings.add_holiday(officer, date(2026, 6, 5), "วันหยุดท้องถิ่น")
    settings.remove_holiday(officer, date(2026, 1, 2))  # the office works that day
    listed = {h.day: h for h in settings.holidays(2026)}
    assert listed[date(2026, 6, 5)].source is HolidaySource.OFFICE
    assert listed[date(2026, 1, 2)].removed and listed[date(2026, 1, 2)].source.value == "holidays"
    with pytest.raises(ValidationError):
        settings.add_holiday(officer, date(2026, 5, 13), "ซ้ำ")  # the package has it
    with pytest.raises(NotFoundError):
        settings.remove_holiday(officer, date(2026, 6, 8))  # an ordinary Monday
    settings.add_holiday(officer, date(2026, 1, 2), "คืนวันหยุด")  # restores the package's day
    listed = {h.day: h for h in settings.holidays(2026)}
    assert not listed[date(2026, 1, 2)].removed
    assert listed[date(2026, 1, 2)].source is HolidaySource.PACKAGE
    settings.remove_holiday(officer, date(2026, 6, 5))
    assert date(2026, 6, 5) not in {h.day for h in settings.holidays(2026)}


def test_calendar_days_end_on_a_working_day() -> None:
    calendar = WorkingCalendar(per_year=lambda year: days_off(year, []))
    working = DeadlinePolicy(outcome_working_days=15)
    calendar_days = DeadlinePolicy(outcome_working_days=15, outcome_unit=DeadlineUnit.CALENDAR)
    received = date(2026, 4, 20)  # a Monday
    assert outcome_due(calendar, received, calendar_days, 0) == date(2026, 5, 5)  # a Tuesday
    # in working days Coronation Day (Mon 4 May) is skipped; Labour Day (Fri 1 May) counts
    assert outcome_due(calendar, received, working, 0) == date(2026, 5, 12)
    # 29 days after 20 Apr is Mon 18 May; 28 is Sun 17 May → Mon 18; 23 is Wed 13 May → Thu 14
    days = DeadlinePolicy(outcome_working_days=23, outcome_unit=DeadlineUnit.CALENDAR)
    assert outcome_due(calendar, received, days, 0) == date(2026, 5, 14)
    assert paused_length(calendar, calendar_days, date(2026, 5, 8), date(2026, 5, 11)) == 3
    assert paused_length(calendar, working, date(2026, 5, 8), date(2026, 5, 11)) == 1


def test_the_unit_is_the_offices_choice_and_moves_open_deadlines(
    services: Services, officer: CurrentUser, file_complaint: Filer, clock
) -> None:
    clock.moment = datetime(2026, 4, 20, 3, tzinfo=UTC)
    c = file_complaint(Category.GENERAL, received_at=datetime(2026, 4, 20, 2, tzinfo=UTC))
    assert c.due_on == date(2026, 5, 12)  # 15 working days (the default)
    settings = services.complaints.settings
    settings.set_policy(officer, DeadlinePolicy(0, 15, 10, DeadlineUnit.CALENDAR))
    assert settings.policy().outcome_unit is DeadlineUnit.CALENDAR
    detail = services.complaints.queries.detail(officer, c.id)
    assert detail.summary.due_on == date(2026, 5, 5)
    assert (detail.outcome_days, detail.outcome_unit) == (15, DeadlineUnit.CALENDAR)
    flow = services.complaints.workflow
    c = flow.accept(officer, c.id, None)
    c = flow.pause(officer, c.id, c.version, "รอเอกสาร")
    clock.moment += timedelta(days=4)  # Friday: four calendar days paused
    c = flow.resume(officer, c.id, c.version)
    assert c.due_on == date(2026, 5, 11)  # 5 May + 4 days = Sat 9 May → Monday 11
    settings.set_policy(officer, DeadlinePolicy(0, 15, 10, DeadlineUnit.WORKING))
    assert services.complaints.queries.detail(officer, c.id).summary.due_on > date(2026, 5, 12)


def test_the_packages_days_are_kept_in_the_user_cache(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nongbon_ita.services.complaints import holiday_source

    monkeypatch.setattr(holiday_source, "user_cache", lambda kind: tmp_path / kind)
    package_holidays.cache_clear()
    first = package_holidays(2026)
    [kept] = (tmp_path / "holidays").glob("th-2026-*.json")

    def no_package(year: int) -> tuple[tuple[date, str], ...]:
        raise AssertionError("the package was loaded again")

    monkeypatch.setattr(holiday_source, "_from_package", no_package)
    package_holidays.cache_clear()
    assert package_holidays(2026) == first  # read back from the cache, names and all
    kept.write_text("not json", encoding="utf-8")  # a broken cache file is rebuilt
    monkeypatch.undo()
    monkeypatch.setattr(holiday_source, "user_cache", lambda kind: tmp_path / kind)
    package_holidays.cache_clear()
    assert package_holidays(2026) == first
    package_holidays.cache_clear()
