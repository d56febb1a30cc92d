"""The visible signature: what a signed block shows, set by our Thai engine.

The appearance is a one-page PDF exactly the size of the block's field, drawn with Laksaman and
the same shaping as the document (so Thai marks sit right), then imported by pyHanko as the
stamp's background. Its glyphs are drawn as outlines, not text: the stamp covers the printed
block, and text in it would be read by text extraction (pdftotext, copy, screen readers) mixed
line by line with the block's own text beneath — which stays the document's exact text layer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.reader import PdfFileReader

SIGNED_WORDS = "ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์"
_INK = (0.05, 0.2, 0.55)  # dark blue, as a pen signature; prints fine in black and white


@dataclass(frozen=True)
class Appearance:
    """What the block shows once signed: caption (ผู้รายงาน…), name, position, date in B.E."""

    caption: str
    full_name: str
    position: str
    signed_on: str  # "๓ ธ.ค. ๒๕๖๙ เวลา ๑๕:๒๐ น."

    def lines(self) -> list[str]:
        head = f"{SIGNED_WORDS} {self.caption}".strip()
        body = [f"({self.full_name})" if self.full_name else "", self.position,
                f"เมื่อ {self.signed_on}"]  # fmt: skip
        return [head, *(line for line in body if line)]


def appearance_pdf(appearance: Appearance, width: float, height: float) -> bytes:
    """The appearance as a one-page PDF of `width` × `height` points."""
    from reportlab.pdfgen.canvas import Canvas

    from nongbon_ita.reports.thai import fonts
    from nongbon_ita.reports.thai.shaping import shape

    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canv.setFillColorRGB(1, 1, 1)  # covers the dotted line and the printed name beneath
    canv.rect(0, 0, width, height, stroke=0, fill=1)
    canv.setStrokeColorRGB(*_INK)
    canv.setLineWidth(0.8)
    canv.roundRect(0.5, 0.5, width - 1, height - 1, 4, stroke=1, fill=0)
    lines = appearance.lines()
    faces = [fonts.face(bold=True)] + [fonts.face()] * (len(lines) - 1)
    runs = [shape(face, text) for face, text in zip(faces, lines, strict=True)]
    pad = 4.0
    size = min(16.0, (height - 2 * pad) / (len(lines) * 1.25),
               *((width - 2 * pad) / max(r.width(1.0), 1e-6) for r in runs))  # fmt: skip
    canv.setFillColorRGB(*_INK)
    top = (height + len(lines) * size * 1.25) / 2
    for i, run in enumerate(runs):
        baseline = top - (i + 0.85) * size * 1.25
        _draw_outlines(canv, (width - run.width(size)) / 2, baseline, size, run)
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def _draw_outlines(canv: Any, x: float, y: float, size: float, run: Any) -> None:
    """Each visible glyph of the shaped run as a filled outline (the engine's glyph forms)."""
    from nongbon_ita.reports.thai.drawing import _glyph_form
    from nongbon_ita.reports.thai.shaping import OpKind

    scale = size / run.face.upem
    for op in run.ops:
        if op.kind == OpKind.HIDDEN:
            continue
        gid = op.code if op.kind == OpKind.PATH else run.face.hb_font.get_nominal_glyph(op.code)
        if not gid:
            continue
        name = _glyph_form(canv, run, gid)
        canv._code.append(f"q {scale:g} 0 0 {scale:g} {x + op.x * scale:.3f} "
                          f"{y + op.y * scale:.3f} cm")  # fmt: skip
        canv.doForm(name)
        canv._code.append("Q")


class PdfBytesPage(ImportedPdfPage):  # type: ignore[misc]
    """pyHanko's imported page, read from bytes instead of a file name."""

    def __init__(self, data: bytes) -> None:
        super().__init__(file_name="", page_ix=0)  # type: ignore[no-untyped-call]
        self.data = data

    def render(self) -> bytes:
        import binascii
        import uuid

        from pyhanko.pdf_utils.layout import BoxConstraints

        writer: Any = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"
