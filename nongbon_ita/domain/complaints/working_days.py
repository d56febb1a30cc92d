"""Working days: Monday to Friday, less the office's holiday list.

`between` counts in O(log n) (weekday arithmetic plus a bisect over the sorted holidays), so the
statistics of 50,000 complaints stay fast.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta


def _weekdays_through(day: date) -> int:
    """Mondays–Fridays from an arbitrary epoch up to and including `day`."""
    ordinal = day.toordinal()  # ordinal 1 (0001-01-01) is a Monday
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * 5 + min(rest + 1, 5)


class WorkingCalendar:
    def __init__(self, holidays: Iterable[date] = ()) -> None:
        self.holidays = frozenset(holidays)
        # only holidays on weekdays change a count
        self._weekday_holidays = sorted(d.toordinal() for d in self.holidays if d.weekday() < 5)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def _working_through(self, day: date) -> int:
        return _weekdays_through(day) - bisect_right(self._weekday_holidays, day.toordinal())

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end ≤ start)."""
        if end <= start:
            return 0
        return self._working_through(end) - self._working_through(start)

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
