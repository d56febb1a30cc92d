from datetime import date

import pytest

from nongbon_ita.domain.calendar import (
    RegisterNumber,
    fiscal_half,
    fiscal_half_range,
    fiscal_month_range,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_range,
    parse_be_date,
)


@pytest.mark.parametrize(
    ("day", "year", "half", "quarter"),
    [
        (date(2023, 9, 30), 2566, 2, 4),
        (date(2023, 10, 1), 2567, 1, 1),
        (date(2023, 12, 31), 2567, 1, 1),
        (date(2024, 1, 1), 2567, 1, 2),
        (date(2024, 2, 29), 2567, 1, 2),
        (date(2024, 3, 31), 2567, 1, 2),
        (date(2024, 4, 1), 2567, 2, 3),
        (date(2024, 6, 30), 2567, 2, 3),
        (date(2024, 7, 1), 2567, 2, 4),
    ],
)
def test_fiscal_year_half_and_quarter_at_their_edges(
    day: date, year: int, half: int, quarter: int
) -> None:
    assert (fiscal_year(day), fiscal_half(day), fiscal_quarter(day)) == (year, half, quarter)


def test_fiscal_ranges() -> None:
    assert fiscal_year_range(2567).start == date(2023, 10, 1)
    assert fiscal_year_range(2567).end == date(2024, 9, 30)
    assert fiscal_half_range(2567, 1).end == date(2024, 3, 31)
    assert fiscal_half_range(2567, 2).start == date(2024, 4, 1)
    months = fiscal_month_range(2567, 11, 2)
    assert (months.start, months.end) == (date(2023, 11, 1), date(2024, 2, 29))
    with pytest.raises(ValueError):
        fiscal_month_range(2567, 3, 11)


def test_parse_be_date_accepts_thai_and_arabic_digits_and_refuses_impossible_dates() -> None:
    assert parse_be_date("15/01/2567") == date(2024, 1, 15)
    assert parse_be_date("๒๙/๐๒/๒๕๖๗") == date(2024, 2, 29)
    for bad in ("29/02/2566", "31/04/2567", "15/01/2024", "hello", "32/1/2567"):
        with pytest.raises(ValueError):
            parse_be_date(bad)


def test_register_numbers_parse_in_either_digit_set() -> None:
    assert RegisterNumber.parse("12/2567") == RegisterNumber(12, 2567)
    assert RegisterNumber.parse("๑๒/๒๕๖๗") == RegisterNumber(12, 2567)
    for bad in ("0/2567", "12-2567", "x/2567"):
        with pytest.raises(ValueError):
            RegisterNumber.parse(bad)
