"""A sheet of asset labels: the office, the asset number (big), its name and a QR code of the number.

Labels sit edge to edge in a grid centred on A4 (3 × 8 labels of 70 × 37 mm by default, the common
label stock); each has a hairline outline, so a sheet printed on plain paper can be cut. The QR code
is ReportLab's own vector widget: no image files, sharp at any printer resolution.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from typing import Any

from nongbon_ita.domain.assets.labels import LabelGrid
from nongbon_ita.domain.assets.records import Asset
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.reports.thai import TextStyle, ThaiParagraph, fonts
from nongbon_ita.reports.thai.clearance import LINE_CLEARANCE
from nongbon_ita.reports.thai.shaping import shape

MM = 72 / 25.4
PADDING = 2.5 * MM
QR_MAX = 26 * MM
QR_QUIET = 1  # modules of white around the code (the label's margin adds more)
OFFICE_STYLE = TextStyle(size=11)
NAME_STYLE = TextStyle(size=12, leading=13.5)
NUMBER_SIZES = (18.0, 16.0, 14.0, 12.0, 10.0)
NAME_LINES = 3


def _number_size(number: str, width: float) -> float:
    """The biggest size at which the asset number fits the text column on one line."""
    face = fonts.face(bold=True)
    run = shape(face, number)
    return next((size for size in NUMBER_SIZES if run.width(size) <= width), NUMBER_SIZES[-1])


def _name_paragraph(name: str, width: float, lines: int) -> ThaiParagraph:
    """The name wrapped to at most `lines` lines; a longer one is cut with an ellipsis."""
    paragraph = ThaiParagraph(name, NAME_STYLE)
    paragraph.wrap(width, 1000)
    kept = paragraph.lines_text()
    if len(kept) <= lines:
        return paragraph
    text = "".join(kept[:lines])
    while text:
        text = text[:-1].rstrip()
        shorter = ThaiParagraph(text + "…", NAME_STYLE)
        shorter.wrap(width, 1000)
        if len(shorter.lines_text()) <= lines:
            return shorter
    return ThaiParagraph("…", NAME_STYLE)


def _draw_qr(canvas: Any, value: str, x: float, y: float, size: float) -> None:
    """ReportLab's QR encoder, drawn as one filled path (its widget makes a shape per module,
    which is ten times slower on a sheet of labels)."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    count = code.getModuleCount()
    box = size / (count + 2 * QR_QUIET)
    path = canvas.beginPath()
    for r, row in enumerate(code.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                path.rect(x + (c + QR_QUIET) * box, y + size - (r + QR_QUIET + 1) * box,
                          length * box, box)  # fmt: skip
            c += length
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_label(canvas: Any, asset: Asset, office: OfficeProfile, x: float, y: float,
                width: float, height: float) -> None:  # fmt: skip
    canvas.setStrokeGray(0.8)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, width, height)
    qr = min(QR_MAX, height - 2 * PADDING)
    _draw_qr(canvas, asset.asset_number, x + width - PADDING - qr, y + (height - qr) / 2, qr)
    text_width = width - 3 * PADDING - qr
    size = _number_size(asset.asset_number, text_width)
    office_line = ThaiParagraph(office.short_name or office.name, OFFICE_STYLE)
    number = ThaiParagraph(asset.asset_number, TextStyle(size=size, bold=True, leading=size * 1.2))
    heights = [office_line.wrap(text_width, height)[1], number.wrap(text_width, height)[1] + 2]
    room = int((height - 2 * PADDING - sum(heights)) // NAME_STYLE.line_height)
    name = _name_paragraph(asset.name, text_width, max(1, min(NAME_LINES, room)))
    heights.append(name.wrap(text_width, height)[1])
    # room under the number for the name's stacked tone marks (ี้ of เก้าอี้ reached the digits),
    # twice what lines of a paragraph keep: a label is read from further away
    rise, under_number = name.ink_reach()[0], number.ink_reach()[1]
    heights[1] = number.height + max(0.0, rise + 2 * LINE_CLEARANCE - under_number)
    # the text block is centred beside the QR code, like the code itself
    top = y + (height + sum(heights)) / 2
    for paragraph, used in zip((office_line, number, name), heights, strict=True):
        paragraph.drawOn(canvas, x + PADDING, top - paragraph.height)  # room left under it
        top -= used


def render_asset_labels(
    assets: Sequence[Asset], office: OfficeProfile, grid: LabelGrid | None = None
) -> bytes:
    """One label per asset, filling each sheet row by row; at least one (empty) page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    grid = grid or LabelGrid()
    page_width, page_height = A4
    width, height = grid.width_mm * MM, grid.height_mm * MM
    left = (page_width - grid.columns * width) / 2
    top = page_height - (page_height - grid.rows * height) / 2
    out = io.BytesIO()
    from nongbon_ita.reports.thai import fonts

    # the canvas would open each page with Helvetica selected: start with the face we use
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1,
                    initialFontName=fonts.face().name)  # fmt: skip
    canvas.setTitle(f"ป้ายครุภัณฑ์ {office.short_name}")
    canvas.setCreator("nongbon-ita")
    for index, asset in enumerate(assets):
        place = index % grid.per_page
        if index and place == 0:
            canvas.showPage()
        row, column = divmod(place, grid.columns)
        _draw_label(canvas, asset, office, left + column * width, top - (row + 1) * height,
                    width, height)  # fmt: skip
    canvas.showPage()
    canvas.save()
    return out.getvalue()
