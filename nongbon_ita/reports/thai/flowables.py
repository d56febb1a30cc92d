"""Platypus flowables that set Thai text with the engine: paragraphs, list items, signatures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from nongbon_ita.reports.thai import fonts
from nongbon_ita.reports.thai.drawing import draw_runs
from nongbon_ita.reports.thai.linebreak import Unit, units, wrap
from nongbon_ita.reports.thai.shaping import Run, shape
from nongbon_ita.reports.thai.styles import BODY, Align, TextStyle

_ITEM_LABEL = re.compile(r"^([๐-๙0-9]{1,3}[.)]|-|•)\s*(?=\S)")
_ASCENT = 0.92  # baseline below the top of a line box, in ems (tone marks reach 1.19 em)


class ThaiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of Thai (and Latin) text, wrapped between words to whatever width it gets.

    `label` (e.g. "๑." or "-") is set at the left indent of the first line and the text hangs
    after it: continuation lines align with the text, not the label.
    """

    def __init__(
        self,
        text: str,
        style: TextStyle = BODY,
        label: str = "",
        *,
        _units: Sequence[Unit] | None = None,
        _continued: bool = False,
        _label_shown: bool = True,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.label = label
        self._face = fonts.face(style.bold, style.italic)
        self._units = list(units(text) if _units is None else _units)
        self._continued = _continued
        self._label_shown = _label_shown and not _continued
        self._lines: list[list[Unit]] = []
        self._wrapped_for = -1.0
        self.spaceBefore = 0.0 if _continued else style.space_before
        self.spaceAfter = style.space_after

    # geometry -------------------------------------------------------------------------
    def _measure(self, text: str) -> float:
        return shape(self._face, text).width(self.style.size)

    def _hang(self) -> float:
        if not self.label:
            return 0.0
        return max(self._measure(self.label) + self.style.size * 0.25, self.style.size * 1.1)

    def _text_left(self, line_index: int) -> float:
        s = self.style
        if self.label:
            return s.left_indent + self._hang()
        first = line_index == 0 and not self._continued
        return s.left_indent + (s.first_indent if first else 0.0)

    def _wrap_at(self, width: float) -> list[list[Unit]]:
        right = self.style.right_indent
        return wrap(self._units, self._measure, lambda i: width - right - self._text_left(i))

    def _layout(self, width: float) -> None:
        if width == self._wrapped_for:
            return
        lines = self._wrap_at(width)
        if self.style.align == Align.CENTER and len(lines) > 1:
            # centred text (titles): the narrowest measure giving as many lines, so that the
            # lines come out balanced instead of one long line and a short tail
            lo, hi = width / 2, width
            for _ in range(12):
                mid = (lo + hi) / 2
                if len(self._wrap_at(mid)) > len(lines):
                    lo = mid
                else:
                    hi = mid
            lines = self._wrap_at(hi)
        self._lines = lines
        self._wrapped_for = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.line_height
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # keep the lines wrap() made: a Table passes its column width here, not the inner width
        if self._wrapped_for < 0:
            self._layout(availWidth)
        fit = int((availHeight + 1e-6) // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return []
        head = ThaiParagraph(
            self.text,
            self.style,
            self.label,
            _units=_flatten(self._lines[:fit]),
            _continued=self._continued,
        )
        head.spaceAfter = 0.0
        tail = ThaiParagraph(
            self.text, self.style, self.label, _units=_flatten(self._lines[fit:]), _continued=True
        )
        return [head, tail]

    # drawing --------------------------------------------------------------------------
    def lines_text(self) -> list[str]:
        """The wrapped lines as text (after wrap())."""
        return ["".join(u.text for u in _visible(line)) for line in self._lines]

    def draw(self) -> None:
        s = self.style
        leading = s.line_height
        baseline = self.height - s.size * _ASCENT
        for i, line in enumerate(self._lines):
            runs: list[tuple[float, Run]] = []
            x = 0.0
            for unit in _visible(line):
                run = shape(self._face, unit.text)
                runs.append((x, run))
                x += run.width(s.size)
            left = self._text_left(i)
            room = self.width - s.right_indent - left
            if s.align == Align.CENTER:
                left += (room - x) / 2
            elif s.align == Align.RIGHT:
                left += room - x
            if i == 0 and self.label and self._label_shown:
                label = shape(self._face, self.label)
                draw_runs(self.canv, s.left_indent, baseline, s.size, [(0.0, label)])
            draw_runs(self.canv, left, baseline, s.size, runs)
            baseline -= leading


def _flatten(lines: Sequence[Sequence[Unit]]) -> list[Unit]:
    return [unit for line in lines for unit in line]


def _visible(line: Sequence[Unit]) -> Sequence[Unit]:
    end = len(line)
    while end and line[end - 1].space:
        end -= 1
    return line[:end]


def item(text: str, style: TextStyle = BODY) -> ThaiParagraph:
    """A paragraph; one that starts with a label ("๑.", "2)", "-") becomes a hanging item."""
    m = _ITEM_LABEL.match(text)
    if not m:
        return ThaiParagraph(text, style)
    return ThaiParagraph(text[m.end() :], style, label=m.group(1))


def numbered_item(number: int, text: str, style: TextStyle = BODY) -> ThaiParagraph:
    """'๑. text' with the text hanging after the Thai-digit number."""
    from nongbon_ita.i18n.thaiformat import thai_digits

    return ThaiParagraph(text, style, label=f"{thai_digits(number)}.")


def dash_item(text: str, style: TextStyle = BODY) -> ThaiParagraph:
    """'- text' with the text hanging after the dash."""
    return ThaiParagraph(text, style, label="-")


def paragraphs(text: str, style: TextStyle = BODY) -> list[Flowable]:
    """One flowable per line of `text`, items detected (what a table cell holds)."""
    return [item(line.strip(), style) for line in text.split("\n") if line.strip()]


def signature_block(
    caption: str, full_name: str, position: str, style: TextStyle = BODY, *, centre: float = 0.62
) -> Flowable:
    """'(ลงชื่อ) ……………… caption' / '(full name)' / 'position', centred right of the page centre.

    `centre` is where the block's centre line sits, as a share of the frame width.
    """
    return _SignatureBlock(caption, full_name, position, style, centre)


class _SignatureBlock(Flowable):  # type: ignore[misc]
    def __init__(
        self, caption: str, full_name: str, position: str, style: TextStyle, centre: float
    ) -> None:
        super().__init__()
        dots = "." * 40
        self.lines = [
            f"(ลงชื่อ){dots}{caption}".strip(),
            f"({full_name})",
            position,
        ]
        self.style = style
        self.centre = centre
        self._face = fonts.face(style.bold, style.italic)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines) * self.style.line_height
        return availWidth, self.height

    def draw(self) -> None:
        s = self.style
        baseline = self.height - s.size * _ASCENT
        centre = self.width * self.centre
        for text in self.lines:
            run = shape(self._face, text)
            w = run.width(s.size)
            x = min(max(centre - w / 2, 0.0), self.width - w)
            draw_runs(self.canv, x, baseline, s.size, [(0.0, run)])
            baseline -= s.line_height


def keep_lines(*flowables: Flowable) -> Any:
    """Flowables that must stay on one page (a title block, a signature pair)."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(list(flowables))
