from datetime import UTC, date, datetime
from decimal import Decimal

from nongbon_ita.i18n.thaiformat import (
    baht_text,
    format_date_long,
    format_date_numeric,
    format_date_short,
    format_datetime_short,
    format_money,
    format_register_number,
    thai_digits,
)


def test_dates_in_buddhist_era() -> None:
    assert format_date_long(date(2024, 1, 15)) == "๑๕ มกราคม ๒๕๖๗"
    assert format_date_long(date(2024, 2, 29), thai=False) == "29 กุมภาพันธ์ 2567"
    assert format_date_short(date(2023, 12, 31)) == "31 ธ.ค. 66"
    assert format_date_short(date(2024, 1, 1), thai=True) == "๑ ม.ค. ๖๗"
    assert format_date_numeric(date(2023, 10, 1)) == "01/10/2566"
    assert format_datetime_short(datetime(2024, 9, 30, 14, 5, tzinfo=UTC)) == "30 ก.ย. 67 14:05 น."


def test_thai_digits_and_register_numbers() -> None:
    assert thai_digits("ปี 2567 ข้อ 10") == "ปี ๒๕๖๗ ข้อ ๑๐"
    assert format_register_number(12, 2567) == "๑๒/๒๕๖๗"


def test_money_in_figures_and_words() -> None:
    assert format_money(Decimal("1234.5")) == "1,234.50"
    assert format_money(Decimal("0.005")) == "0.01"
    assert baht_text(Decimal("1234.50")) == "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"
    assert baht_text(Decimal("21")) == "ยี่สิบเอ็ดบาทถ้วน"
    assert baht_text(Decimal("0")) == "ศูนย์บาทถ้วน"


def test_dates_and_digits_agree_with_pythainlp_over_four_years() -> None:
    from datetime import timedelta

    from pythainlp.util import arabic_digit_to_thai_digit, thai_strftime

    day = date(2023, 1, 1)
    while day < date(2027, 1, 1):
        assert format_date_long(day) == thai_strftime(day, "%-d %B %Y", thaidigit=True)
        assert format_date_short(day) == thai_strftime(day, "%-d %b %y")
        assert thai_digits(day.isoformat()) == arabic_digit_to_thai_digit(day.isoformat())
        day += timedelta(days=1)
