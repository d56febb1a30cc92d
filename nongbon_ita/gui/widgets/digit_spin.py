"""A spin box that shows its number in the office's digits (i18n/digits.py) and accepts both
Thai and Arabic digits typed into it."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox

from nongbon_ita.i18n.digits import on_screen, to_arabic


class DigitSpinBox(QSpinBox):
    def textFromValue(self, value: int) -> str:
        return on_screen(super().textFromValue(value))

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(to_arabic(text))

    def validate(self, text: str, pos: int) -> object:
        # Qt checks the Arabic form; the text shown stays as typed until the value is set
        result = super().validate(to_arabic(text), pos)
        state = result[0] if isinstance(result, tuple) else result
        return (state, text, pos) if state != QValidator.State.Invalid else result
