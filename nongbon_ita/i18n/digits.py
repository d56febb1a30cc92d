"""One digit style on every screen, chosen per office: Arabic (0–9, the default) or Thai (๐–๙).

Screens used to mix them (loan numbers in Arabic, dates beside them in Thai). The office's choice
is read at log-in (`set_screen_digits`) and every screen asks `screen_thai()`. It concerns values
the program formats — dates, amounts, counts, register numbers, fiscal years; text people typed
(names, serial numbers, an asset's model) is shown as typed. Printed documents keep their own
rule (Thai digits in formal text), whatever the screens use. The English interface always uses
Arabic digits.
"""

from __future__ import annotations

import re
from datetime import date

from nongbon_ita.i18n.thaiformat import (
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    format_date_short,
    thai_digits,
)
from nongbon_ita.i18n.translate import current_language

ARABIC, THAI = "arabic", "thai"
DIGIT_STYLES = (ARABIC, THAI)
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_style = ARABIC

# a value the program formatted: digits with separators, maybe a Thai month and "น." (time),
# e.g. "71/2570", "1,234.50", "๕ พ.ย. ๖๙", "3 ธันวาคม 2569", "08:30 น.", "12 – 15"
_MONTH_WORDS = "|".join(re.escape(m) for m in (*THAI_MONTHS, *THAI_MONTHS_SHORT))
_VALUE = re.compile(rf"(?:[0-9๐-๙,./:\-–()%×]|{_MONTH_WORDS}|น\.|\s)+")
_HAS_DIGIT = re.compile("[0-9๐-๙]")


def set_screen_digits(style: str) -> None:
    global _style
    _style = THAI if style == THAI else ARABIC


def screen_digit_style() -> str:
    return _style


def screen_thai() -> bool:
    """Whether screens show Thai digits now (the office chose them and the UI is Thai)."""
    return _style == THAI and current_language() == "th"


def on_screen(text: str | int) -> str:
    """Every digit of `text` in the screens' style (for text the program composed)."""
    text = str(text)
    return thai_digits(text) if screen_thai() else text.translate(_TO_ARABIC)


def short_date(day: date | None) -> str:
    """A date as tables show it ("5 พ.ย. 69"), in the screens' digits; "" for none."""
    return format_date_short(day, screen_thai()) if day else ""


def to_arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def is_value_text(text: str) -> bool:
    """Whether a table cell holds a formatted value rather than text someone typed."""
    return bool(_HAS_DIGIT.search(text)) and _VALUE.fullmatch(text) is not None


def value_on_screen(text: object) -> object:
    """A table cell in the screens' style when it is a formatted value; anything else as is."""
    if isinstance(text, int) and not isinstance(text, bool):
        return on_screen(text)
    if isinstance(text, str) and is_value_text(text):
        return on_screen(text)
    return text
