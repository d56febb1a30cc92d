"""One digit style on screens: which cells are formatted values, and their conversion."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nongbon_ita.i18n.digits import (
    is_value_text,
    on_screen,
    screen_thai,
    set_screen_digits,
    value_on_screen,
)
from nongbon_ita.i18n.translate import set_language


@pytest.fixture
def thai_office() -> Iterator[None]:
    set_language("th")
    set_screen_digits("thai")
    yield
    set_screen_digits("arabic")
    set_language("en")


@pytest.mark.parametrize("text", ["71/2570", "1,234.50", "๕ พ.ย. ๖๙", "3 ธันวาคม 2569", "67",
                                  "08:30 น.", "12/01/2567", "(1 ต.ค. 69 – 30 ก.ย. 70)"])  # fmt: skip
def test_formatted_values_are_recognised(text: str) -> None:
    assert is_value_text(text)


@pytest.mark.parametrize("text", ["พัดลมตั้งพื้น ขนาด 18 นิ้ว", "NXA1234", "Aspire 5", "O21", "",
                                  "นายวิชัย คำแก้ว"])  # fmt: skip
def test_typed_text_is_left_alone(text: str) -> None:
    assert not is_value_text(text)


def test_thai_office_shows_thai_digits_only_in_values(thai_office: None) -> None:
    assert screen_thai()
    assert value_on_screen("5 พ.ย. 69") == "๕ พ.ย. ๖๙"
    assert value_on_screen(1178) == "๑๑๗๘"
    assert value_on_screen("ขนาด 18 นิ้ว") == "ขนาด 18 นิ้ว"
    assert on_screen("2570") == "๒๕๗๐"


def test_arabic_office_turns_thai_digits_arabic() -> None:
    set_language("th")
    try:
        assert not screen_thai()
        assert value_on_screen("๕ พ.ย. ๖๙") == "5 พ.ย. 69"
    finally:
        set_language("en")


def test_the_english_interface_keeps_arabic_digits() -> None:
    set_language("en")
    set_screen_digits("thai")
    try:
        assert not screen_thai() and on_screen("๒๕๗๐") == "2570"
    finally:
        set_screen_digits("arabic")
