"""The page every document is printed on: A4, official margins, page numbers, footer line."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Table

from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.reports.thai import fonts
from nongbon_ita.reports.thai.drawing import draw_runs
from nongbon_ita.reports.thai.flowables import ThaiParagraph
from nongbon_ita.reports.thai.keep import ends_together
from nongbon_ita.reports.thai.shaping import shape
from nongbon_ita.reports.thai.styles import BODY_SIZE, CM, PageMargins
from nongbon_ita.reports.thai.tables import PAD_Y as TABLE_PAD_Y

FOOTER_SIZE = 12.0
DRAFT_SIZE = 22.0
_draft: ContextVar[bool] = ContextVar("draft", default=False)


@contextmanager
def draft_while(running: bool) -> Iterator[None]:
    """Documents built inside this block print "ร่าง" on every page when `running` (a report of
    a period that has not ended yet: its figures will still change)."""
    token = _draft.set(running)
    try:
        yield
    finally:
        _draft.reset(token)


def page_number_text(page: int) -> str:
    """'- ๒ -': how Thai official documents number pages (from page 2)."""
    return f"- {thai_digits(page)} -"


def frame_width(*, landscape_page: bool = False, margins: PageMargins | None = None) -> float:
    """Width of the text column on the page, in points."""
    m = margins or PageMargins()
    width = (landscape(A4) if landscape_page else A4)[0]
    return float(width - m.left - m.right)


def _first_paragraph(flowable: Flowable) -> ThaiParagraph | None:
    while isinstance(flowable, KeepTogether) and flowable._content:
        flowable = flowable._content[0]
    return flowable if isinstance(flowable, ThaiParagraph) else None


def _tables(flowables: Sequence[Any]) -> list[Table]:
    """Every Table in `flowables`, nested ones (in KeepTogether, in cells) included."""
    found: list[Table] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            found += _tables(flowable._content)
        elif isinstance(flowable, Table):
            found.append(flowable)
            for row in flowable._cellvalues:
                for cell in row:
                    found += _tables(cell if isinstance(cell, list | tuple) else [cell])
    return found


def prepare_story(story: Sequence[Flowable], font_name: str) -> list[Flowable]:
    """The story made ready to build:

    * a paragraph that directly follows a ruled table (or anything ending on a rule) is set
      under that rule, its marks kept clear of it;
    * tables set their (empty) plain-text cells in `font_name`, not ReportLab's Helvetica,
      which would otherwise be named in the PDF without being used or embedded.
    """
    out = list(story)
    for before, flowable in itertools.pairwise(out):
        ruled = isinstance(before, Table) and bool(getattr(before, "_linecmds", None))
        if ruled or getattr(before, "ends_on_rule", False):
            first = _first_paragraph(flowable)
            if first is not None:
                first.under_rule = True
                # head room counts on a cell's padding under the rule: give the same here
                first.spaceBefore = max(first.spaceBefore, TABLE_PAD_Y)
    for table in _tables(out):
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), font_name)])
    return out


def build_pdf(
    story: Sequence[Flowable],
    *,
    landscape_page: bool = False,
    footer_text: str = "",
    title: str = "",
    author: str = "",
    margins: PageMargins | None = None,
) -> bytes:
    """Lay out `story` on A4 pages (portrait unless `landscape_page`) and return the PDF bytes.

    Pages from the second carry '- n -' centred at the top; every page carries `footer_text`
    (document reference and print time, passed in) in small type at the bottom left.
    """
    m = margins or PageMargins()
    pagesize = landscape(A4) if landscape_page else A4
    width, height = pagesize
    regular = fonts.face()
    bold = fonts.face(bold=True)
    draft = _draft.get()
    # the page number sits 1.5 cm from the top, or higher when the text starts at 1.5 cm (a memo):
    # never on the first line (a form with a smaller top margin leaves room for it itself)
    number_drop = 1.5 * CM if m.top - 0.5 * CM < 0.8 * CM else min(1.5 * CM, m.top - 0.5 * CM)

    def furniture(canv: Any, doc: Any) -> None:
        page = canv.getPageNumber()
        if page >= 2:
            run = shape(regular, page_number_text(page))
            x = m.left + (width - m.left - m.right - run.width(BODY_SIZE)) / 2
            draw_runs(canv, x, height - number_drop, BODY_SIZE, [(0.0, run)])
        if footer_text:
            run = shape(regular, footer_text)
            draw_runs(canv, m.left, 1.0 * CM, FOOTER_SIZE, [(0.0, run)])
        if draft:  # "ร่าง" boxed at the top right, above the text
            run = shape(bold, "ร่าง")
            w = run.width(DRAFT_SIZE)
            x, y = width - m.right - w - 6, height - 1.6 * CM
            draw_runs(canv, x, y, DRAFT_SIZE, [(0.0, run)])
            canv.saveState()
            canv.setLineWidth(1)
            canv.rect(x - 5, y - 0.35 * DRAFT_SIZE, w + 10, 1.55 * DRAFT_SIZE, stroke=1, fill=0)
            canv.restoreState()

    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        title=title,
        author=author,
        creator="nongbon-ita",
        invariant=1,
        pageCompression=1,
        # ReportLab's canvas otherwise opens every page with Helvetica selected (never used,
        # never embedded, but named in the file): start with the face the document uses
        initialFontName=regular.name,
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(
        m.left,
        m.bottom,
        width - m.left - m.right,
        height - m.top - m.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture)])
    doc.build(ends_together(prepare_story(story, regular.name), frame._aH))
    return out.getvalue()
