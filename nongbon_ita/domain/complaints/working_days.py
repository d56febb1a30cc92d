"""Working days: Monday to Friday, less the holidays of each year.

The holidays come per year from a provider (the `holidays` package with the office's additions
and removals, see services/complaints/holiday_source.py), asked once per year the calendar
touches, so a deadline in any year works. `between` counts in O(years · log n) (weekday
arithmetic plus a bisect over each year's sorted holidays), so the statistics of 50,000
complaints stay fast.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date, timedelta

YearHolidays = Callable[[int], Iterable[date]]


def _weekdays_through(day: date) -> int:
    """Mondays–Fridays from an arbitrary epoch up to and including `day`."""
    ordinal = day.toordinal()  # ordinal 1 (0001-01-01) is a Monday
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * 5 + min(rest + 1, 5)


class WorkingCalendar:
    def __init__(self, holidays: Iterable[date] = (), per_year: YearHolidays | None = None) -> None:
        """Either a fixed set of `holidays` or a `per_year` provider (asked lazily)."""
        fixed = frozenset(holidays)
        self._provider: YearHolidays = per_year or (lambda y: [d for d in fixed if d.year == y])
        self._years: dict[int, frozenset[date]] = {}
        # only holidays on weekdays change a count
        self._weekday_ordinals: dict[int, list[int]] = {}

    def _year(self, year: int) -> frozenset[date]:
        days = self._years.get(year)
        if days is None:
            days = frozenset(d for d in self._provider(year) if d.year == year)
            self._years[year] = days
            self._weekday_ordinals[year] = sorted(d.toordinal() for d in days if d.weekday() < 5)
        return days

    def holidays_in(self, year: int) -> frozenset[date]:
        return self._year(year)

    def is_holiday(self, day: date) -> bool:
        return day in self._year(day.year)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def _holidays_within(self, start: date, end: date) -> int:
        """Weekday holidays after `start` up to and including `end` (start < end)."""
        count = 0
        for year in range(start.year, end.year + 1):
            self._year(year)
            ordinals = self._weekday_ordinals[year]
            count += bisect_right(ordinals, end.toordinal()) - bisect_right(
                ordinals, start.toordinal()
            )
        return count

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end ≤ start)."""
        if end <= start:
            return 0
        weekdays = _weekdays_through(end) - _weekdays_through(start)
        return weekdays - self._holidays_within(start, end)

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add(self, start: date, working_days: int) -> date:
        """The day `working_days` working days after `start` (0: the same day, or the next
        working day when `start` is a weekend or holiday)."""
        day = self.next_working_day(start)
        remaining = working_days
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day
