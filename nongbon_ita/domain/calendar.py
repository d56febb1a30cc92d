"""Buddhist Era and Thai fiscal-year arithmetic (1 October – 30 September, named by its end year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

BE_OFFSET = 543
# The office's clock: dates on documents and deadlines are Thai dates, whatever the PC's zone.
OFFICE_ZONE = ZoneInfo("Asia/Bangkok")
_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(_THAI_DIGITS, "0123456789")


def office_time(moment: datetime) -> datetime:
    """An aware timestamp as the office's local time."""
    return moment.astimezone(OFFICE_ZONE)


def office_date(moment: datetime) -> date:
    """The office's calendar day of an aware timestamp."""
    return moment.astimezone(OFFICE_ZONE).date()


def to_be(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def to_ce(year_be: int) -> int:
    return year_be - BE_OFFSET


def fiscal_year(day: date) -> int:
    """B.E. fiscal year of a date: 1 Oct 2022 – 30 Sep 2023 is 2566."""
    return to_be(day.year + 1 if day.month >= 10 else day.year)


def fiscal_half(day: date) -> int:
    """1 for October–March, 2 for April–September."""
    return 1 if day.month >= 10 or day.month <= 3 else 2


def fiscal_quarter(day: date) -> int:
    """1 Oct–Dec, 2 Jan–Mar, 3 Apr–Jun, 4 Jul–Sep."""
    return (day.month - 10) // 3 + 1 if day.month >= 10 else (day.month - 1) // 3 + 2


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def fiscal_year_range(year_be: int) -> DateRange:
    end_ce = to_ce(year_be)
    return DateRange(date(end_ce - 1, 10, 1), date(end_ce, 9, 30))


def fiscal_half_range(year_be: int, half: int) -> DateRange:
    if half not in (1, 2):
        raise ValueError("half must be 1 or 2")
    end_ce = to_ce(year_be)
    if half == 1:
        return DateRange(date(end_ce - 1, 10, 1), date(end_ce, 3, 31))
    return DateRange(date(end_ce, 4, 1), date(end_ce, 9, 30))


def fiscal_month_range(year_be: int, from_month: int, to_month: int) -> DateRange:
    """Months of a fiscal year in its own order (10 = ตุลาคม … 9 = กันยายน)."""
    for month in (from_month, to_month):
        if not 1 <= month <= 12:
            raise ValueError("month must be 1..12")
    if _fiscal_month_index(from_month) > _fiscal_month_index(to_month):
        raise ValueError("from_month comes after to_month in the fiscal year")
    end_ce = to_ce(year_be)
    start_year = end_ce - 1 if from_month >= 10 else end_ce
    end_year = end_ce - 1 if to_month >= 10 else end_ce
    last_day = _last_day_of_month(end_year, to_month)
    return DateRange(date(start_year, from_month, 1), date(end_year, to_month, last_day))


def _fiscal_month_index(month: int) -> int:
    return (month - 10) % 12


def _last_day_of_month(year: int, month: int) -> int:
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    return (next_month - date(year, month, 1)).days


def thai_to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


# Typed and imported dates: B.E. 2400 (C.E. 1857) to 2600 (C.E. 2057). A C.E. year typed by
# mistake would land in the 20th century of B.E., a slip such as 2700 a century ahead.
FIRST_DATE_YEAR_BE = 2400
LAST_DATE_YEAR_BE = 2600
# ASCII digits only: \d would also take "²" (which int() refuses) and other scripts' digits.
_NUMERIC_DATE = re.compile(r"^\s*([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*([0-9]{4})\s*$")


def check_be_year(year_be: int) -> int:
    """`year_be` when a typed or imported date may have it; ValueError otherwise."""
    if not FIRST_DATE_YEAR_BE <= year_be <= LAST_DATE_YEAR_BE:
        raise ValueError(f"year {year_be} is outside B.E. {FIRST_DATE_YEAR_BE}–{LAST_DATE_YEAR_BE}")
    return year_be


def parse_be_date(text: str) -> date:
    """Parse '15/01/2567' (Thai or Arabic digits, B.E. year) into a date; ValueError if impossible."""
    match = _NUMERIC_DATE.match(thai_to_arabic_digits(text))
    if not match:
        raise ValueError(text)
    day, month, year_be = (int(part) for part in match.groups())
    return date(to_ce(check_be_year(year_be)), month, day)


@dataclass(frozen=True)
class RegisterNumber:
    """A register number that restarts every fiscal year: ๑๒/๒๕๖๗."""

    number: int
    fiscal_year: int

    @classmethod
    def parse(cls, text: str) -> RegisterNumber:
        """Accept '12/2567' or '๑๒/๒๕๖๗'; ValueError otherwise."""
        match = re.fullmatch(r"\s*([0-9]{1,9})\s*/\s*([0-9]{4})\s*", thai_to_arabic_digits(text))
        if not match or int(match.group(1)) < 1:
            raise ValueError(text)
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.number}/{self.fiscal_year}"
