"""Thai formatting for screens and documents: B.E. dates, Thai digits, baht amounts.

Baht in words comes from pythainlp.util (imported inside `baht_text`). Digits and B.E. dates are
two lines each here because they run on every start-up and every printed page, where importing
pythainlp.util would cost ~70 ms; tests/unit/test_thaiformat.py checks them against pythainlp's
`thai_strftime` and `arabic_digit_to_thai_digit` over many dates.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from nongbon_ita.domain.calendar import to_be

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip


def thai_digits(text: str | int) -> str:
    """Arabic digits to Thai digits; everything else unchanged."""
    return str(text).translate(_THAI_DIGITS)


def _digits(text: str, thai: bool) -> str:
    return thai_digits(text) if thai else text


def format_date_long(day: date, thai: bool = True) -> str:
    """'๑๕ มกราคม ๒๕๖๗' — formal documents."""
    return _digits(f"{day.day} {THAI_MONTHS[day.month - 1]} {to_be(day.year)}", thai)


def format_date_short(day: date, thai: bool = False) -> str:
    """'15 ม.ค. 67' — tables and screens."""
    year = to_be(day.year) % 100
    return _digits(f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {year:02d}", thai)


def format_date_numeric(day: date, thai: bool = False) -> str:
    """'15/01/2567' — what users type."""
    return _digits(f"{day.day:02d}/{day.month:02d}/{to_be(day.year)}", thai)


def format_datetime_short(moment: datetime, thai: bool = False) -> str:
    """'15 ม.ค. 67 14:05 น.'"""
    return f"{format_date_short(moment.date(), thai)} {_digits(moment.strftime('%H:%M'), thai)} น."


def month_name(month: int, short: bool = False) -> str:
    return (THAI_MONTHS_SHORT if short else THAI_MONTHS)[month - 1]


def format_money(amount: Decimal, thai: bool = False) -> str:
    """'1,234.50' (Arabic digits by default: tables of money may use them)."""
    rounded = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return _digits(f"{rounded:,.2f}", thai)


def baht_text(amount: Decimal) -> str:
    """Baht in words: 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์'."""
    from pythainlp.util import bahttext

    rounded = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return str(bahttext(float(rounded)))


def format_register_number(number: int, fiscal_year_be: int, thai: bool = True) -> str:
    """'๑๒/๒๕๖๗'."""
    return _digits(f"{number}/{fiscal_year_be}", thai)
