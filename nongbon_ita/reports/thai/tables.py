"""Tables of Thai text: header repeated on every page, long cells split cleanly across pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.tables import _calc_pc

from nongbon_ita.reports.thai.flowables import ThaiParagraph, paragraphs
from nongbon_ita.reports.thai.styles import BODY, TITLE, TextStyle

Cell = Any  # str (paragraphs, items detected), a Flowable or a list of Flowables
PAD_X = 4.0
PAD_Y = 1.0
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)


def _cell(content: Cell, style: TextStyle) -> Any:
    if isinstance(content, str):
        content = paragraphs(content, style)
    return under_rule(content)


def under_rule(content: Any) -> Any:
    """A cell's content with its first paragraph keeping its marks clear of the rule above."""
    first = _first_paragraph(content)
    if first is not None:
        first.under_rule = True
    return content


def _first_paragraph(content: Any) -> ThaiParagraph | None:
    first = content[0] if isinstance(content, list | tuple) and content else content
    return first if isinstance(first, ThaiParagraph) else None


def share_first_baseline(row: Sequence[tuple[Any, float]]) -> None:
    """Set the first lines of a row's cells (content, inner width) on one baseline: each starts
    as low as the tallest marks among them need (a cell "ปั้น" beside a plain one), not each
    by its own marks."""
    firsts = [(p, w) for c, w in row if (p := _first_paragraph(c)) is not None]
    room = max((p.head_needed(w) for p, w in firsts), default=0.0)
    for p, _ in firsts:
        p.share_head(room)


def _word_needs(content: Any) -> list[float]:
    """Room each unbreakable word of a cell needs on a line of its own (paragraphs only)."""
    items = content if isinstance(content, list | tuple) else [content]
    needs: list[float] = []
    for p in items:
        if isinstance(p, ThaiParagraph):
            left = p._text_left(1) + p.style.right_indent
            needs += [left + p._measure(u.text) for u in p._units if not u.space]
    return needs


FOOT = 300.0  # points left on a page below which a table will not start with one lone row
MAX_GROWTH = 0.3  # a column grows by at most this share to hold a word whole


def fit_columns(data: Sequence[Sequence[Any]], col_widths: Sequence[float]) -> list[float]:
    """Column widths, each column a little wider when that keeps its words whole
    ("ประสิทธิภาพ" in a narrow column), taken from the widest column. Words that would need
    more than MAX_GROWTH are cut anyway and do not count."""
    widths = list(col_widths)
    if len(widths) < 2:
        return widths
    for c in range(len(widths)):
        limit = widths[c] * (1 + MAX_GROWTH)
        needs = [n + 2 * PAD_X + 0.5 for row in data if c < len(row) for n in _word_needs(row[c])]
        need = max((n for n in needs if n <= limit), default=0.0)
        grow = need - widths[c]
        donor = max(range(len(widths)), key=lambda i: widths[i])
        if grow > 0 and donor != c and widths[donor] - grow > widths[c] + grow:
            widths[c] += grow
            widths[donor] -= grow
    return widths


class _ThaiTable(Table):  # type: ignore[misc]
    """A Table whose cells share one first baseline per row (the tallest first line's marks set
    it), whose cells, when a row is split across pages, start their continuation clear of
    the rule above (the repeated header's) like every first line of a cell; and that never
    leaves one lone row at the foot of a page when more follow."""

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None,
                     W: Any = None) -> Any:  # fmt: skip
        widths = W or _calc_pc(self._argW, availWidth)
        for values, styles in zip(self._cellvalues, self._cellStyles, strict=True):
            share_first_baseline([(v, w - s.leftPadding - s.rightPadding)
                                  for v, s, w in zip(values, styles, widths, strict=True)
                                  if w is not None])  # fmt: skip
        return super()._calc_height(availHeight, availWidth, H, W)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2 and _empty_row(parts[1], int(self.repeatRows)):
            # the cut fell in a row's bottom padding: its text all stayed here and the next
            # page would start with an empty sliver of a row (a double rule under the header)
            parts = self._splitRows(availHeight, doInRowSplit=0)
        lone = len(parts) == 2 and _body_rows(parts[0], self) == 1 and _body_rows(self, self) > 1
        if lone and availHeight < FOOT:  # a lone row at a page's foot: start on the next page
            return []
        if len(parts) == 2:  # a row cut by the page end: this page's part is closed all round
            parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.75, colors.black)])
        return parts

    def _splitCell(self, value: Any, style: Any, oldHeight: float, newHeight: float,
                   width: float) -> Any:  # fmt: skip
        parts = super()._splitCell(value, style, oldHeight, newHeight, width)
        if isinstance(parts, tuple) and len(parts) == 2 and isinstance(parts[1], tuple):
            under_rule(parts[1])
        return parts


def _empty_row(table: Table, row: int) -> bool:
    values = table._cellvalues[row] if row < len(table._cellvalues) else []
    return all(v in ("", None) or (isinstance(v, list | tuple) and not v) for v in values)


def _body_rows(table: Table, whole: Table) -> int:
    return len(table._cellvalues) - int(whole.repeatRows)


def thai_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    body_style: TextStyle = BODY,
    header_style: TextStyle | None = None,
    group_first_column: bool = False,
    extra_style: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A grid table; string cells become paragraphs (one per line, "๑."/"-" items hanging).

    The header row repeats on each page and rows taller than a page split inside their cells
    (ReportLab's splitInRow). Cells wrap against their real inner width (column − padding).
    With `group_first_column`, an empty first cell continues the group above: no rule is drawn
    between them, so the group's label reads as one cell.
    """
    hstyle = header_style or TITLE
    data: list[list[Any]] = [[ThaiParagraph(h, hstyle, under_rule=True) for h in header]]
    data += [[_cell(c, body_style) for c in row] for row in rows]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y + 2),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
    ]
    for r, row in enumerate(rows, start=1):
        if r == 1:
            continue
        continues_group = group_first_column and not row[0]
        first = 1 if continues_group else 0
        commands.append(("LINEABOVE", (first, r), (-1, r), 0.5, colors.black))
    commands.extend(extra_style)
    return _ThaiTable(
        data,
        colWidths=fit_columns(data, col_widths),
        repeatRows=1,
        splitByRow=0,  # split the row that crosses the page end (not the whole row moved on)
        splitInRow=1,
        style=TableStyle(commands),
    )
