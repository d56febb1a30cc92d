"""Platypus flowables that set Thai text with the engine: paragraphs and list items (the
signature block is in signature.py)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from nongbon_ita.reports.thai import fonts, nobreak
from nongbon_ita.reports.thai.clearance import ASCENT, head_room, line_boxes, line_gap
from nongbon_ita.reports.thai.drawing import draw_runs
from nongbon_ita.reports.thai.linebreak import Unit, units, wrap
from nongbon_ita.reports.thai.shaping import Run, shape
from nongbon_ita.reports.thai.styles import BODY, Align, TextStyle

_ITEM_LABEL = re.compile(r"^([๐-๙0-9]{1,3}[.)]|-|•)\s*(?=\S)")
_ASCENT = ASCENT  # baseline below the top of a line box, in ems (stacked marks reach 1.25 em)
# lines of a paragraph by (text or units, style, label, continued, width, kept words in it)
_WRAPPED: dict[tuple[Any, ...], tuple[tuple[Unit, ...], ...]] = {}
_WRAPPED_MAX = 20_000


class ThaiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of Thai (and Latin) text, wrapped between words to whatever width it gets.

    `label` (e.g. "๑." or "-") is set at the left indent of the first line and the text hangs
    after it: continuation lines align with the text, not the label.

    Lines are `leading` apart unless ink below one would come near ink above the next (then
    further, see clearance.py). With `under_rule` (the first paragraph of a table cell) the
    first line moves down as far as its marks need to keep clear of the rule above.
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
        under_rule: bool = False,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.label = label
        self._under_rule = under_rule
        self._row_head = 0.0  # head room the tallest first line of its table row needs
        self._head = 0.0  # head room its own first line needs (after layout)
        self._face = fonts.face(style.bold, style.italic)
        # units are made at layout time, under the words the document keeps whole (nobreak.py)
        self._given_units = None if _units is None else list(_units)
        self._continued = _continued
        self._label_shown = _label_shown and not _continued
        self._lines: list[list[Unit]] = []
        self._boxes: list[list[tuple[float, float, float, float]]] = []
        self._baselines: list[float] = []  # from the top of the box, per line
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

    @property
    def under_rule(self) -> bool:
        return self._under_rule

    @under_rule.setter
    def under_rule(self, value: bool) -> None:
        if value != self._under_rule:
            self._under_rule = value
            self._wrapped_for = -1.0  # the first line moves: lay out again

    def head_needed(self, width: float) -> float:
        """Room its first line's marks need under the rule above, set `width` wide (0 when it
        is not under a rule)."""
        self._layout(width)
        return self._head if self._under_rule else 0.0

    def share_head(self, room: float) -> None:
        """Start the first line as low as `room` asks (the tallest first line of its table row),
        so that every cell of the row shares one first baseline."""
        if room != self._row_head:
            self._row_head = room
            if self._wrapped_for >= 0:
                self._place_lines()

    @property
    def _units(self) -> list[Unit]:
        if self._given_units is None:
            self._given_units = list(units(self.text))
        return self._given_units

    def _wrap_at(self, width: float) -> list[list[Unit]]:
        # a paragraph wraps the same at the same width in every document: a form's fixed text
        # is laid out once per process, not at every print (issue 12: a third of a warm print)
        source = self.text if self._given_units is None else tuple(self._given_units)
        words = nobreak.current().within(self.text)  # another loan's names change nothing here
        key = (source, self.style, self.label, self._continued, width, words)
        lines = _WRAPPED.get(key)
        if lines is None:
            if len(_WRAPPED) >= _WRAPPED_MAX:
                _WRAPPED.clear()
            right = self.style.right_indent
            made = wrap(self._units, self._measure, lambda i: width - right - self._text_left(i))
            lines = _WRAPPED[key] = tuple(tuple(line) for line in made)
        return [list(line) for line in lines]

    def _line_runs(self, line: Sequence[Unit]) -> tuple[list[tuple[float, Run]], float]:
        runs: list[tuple[float, Run]] = []
        x = 0.0
        for unit in _visible(line):
            run = shape(self._face, unit.text)
            runs.append((x, run))
            x += run.width(self.style.size)
        return runs, x

    def _place_lines(self) -> None:
        """Baselines of the lines, from the top of the box (marks and tails kept apart)."""
        s = self.style
        boxes = self._boxes
        y = s.size * _ASCENT
        self._head = head_room(boxes[0], s.size) if boxes else 0.0
        if self._under_rule:
            y += max(self._head, self._row_head)
        self._baselines = [y]
        for above, below in itertools.pairwise(boxes):
            y += line_gap(above, below, s.line_height)
            self._baselines.append(y)

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
        # ink boxes of each line, kept: a row sharing its first baseline places the lines again
        self._boxes = [line_boxes(self._line_runs(line)[0], self.style.size) for line in lines]
        self._place_lines()
        self._wrapped_for = width

    def _height_of(self, count: int) -> float:
        """Height of the box holding the first `count` lines."""
        if count <= 0:
            return 0.0
        return self._baselines[count - 1] + self.style.line_height - self.style.size * _ASCENT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth)
        self.width = availWidth
        self.height = self._height_of(len(self._lines))
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # keep the lines wrap() made: a Table passes its column width here, not the inner width
        if self._wrapped_for < 0:
            self._layout(availWidth)
        fit = 0
        while fit < len(self._lines) and self._height_of(fit + 1) <= availHeight + 1e-6:
            fit += 1
        if len(self._lines) - fit == 1:
            fit -= 1  # no last line alone at the top of a page (a widow): take one more with it
        if fit <= 1 or fit >= len(self._lines):
            return []  # no first line alone at a page's foot (an orphan): all of it moves on
        head = ThaiParagraph(
            self.text,
            self.style,
            self.label,
            _units=_flatten(self._lines[:fit]),
            _continued=self._continued,
            _label_shown=self._label_shown,
            under_rule=self.under_rule,
        )
        head.spaceAfter = 0.0
        tail = ThaiParagraph(
            self.text,
            self.style,
            self.label,
            _units=_flatten(self._lines[fit:]),
            _continued=True,
            under_rule=True,  # it starts a page: in a table, under the repeated header's rule
        )
        return [head, tail]

    def ink_reach(self) -> tuple[float, float]:
        """(how far the first line's ink rises above the box, room left under the last line's
        baseline in the box), in points after wrap(): what stacks another text above or below
        it without touching."""
        if not self._baselines:
            return 0.0, 0.0
        top = max((box[3] for box in self._boxes[0]), default=0.0)
        return top - self._baselines[0], self.height - self._baselines[-1]

    # drawing --------------------------------------------------------------------------
    def lines_text(self) -> list[str]:
        """The wrapped lines as text (after wrap())."""
        return ["".join(u.text for u in _visible(line)) for line in self._lines]

    def draw(self) -> None:
        s = self.style
        for i, line in enumerate(self._lines):
            baseline = self.height - self._baselines[i]
            runs, x = self._line_runs(line)
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
    """One flowable per line of `text`, items detected (what a table cell holds). A line that
    follows an item and is none itself goes on with that item: it hangs under the item's text
    (an imported cell whose item was broken by a line end), not at the cell's edge."""
    out: list[Flowable] = []
    label = ""
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        paragraph = item(line, style)
        if not paragraph.label and label:
            paragraph = ThaiParagraph(line, style, label, _label_shown=False)
        label = paragraph.label
        out.append(paragraph)
    return out
