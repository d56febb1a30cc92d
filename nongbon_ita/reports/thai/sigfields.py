"""Empty signature fields where a document's signature blocks are printed.

Every signature block (flowables.signature_block) leaves a named, empty PDF signature field
(/FT /Sig) over itself, so a digital signature can later be put exactly in that block — by this
app (`sign`, `print … --sign`) or by any PDF reader that signs fields. The field's name is
`signature-N` in the order the blocks print; its tooltip (/TU) holds the caption, the full name
and the position as printed, one per line, which is how the signing service finds the block of
an official. The page content itself is unchanged: the text layer stays exact.
"""

from __future__ import annotations

from typing import Any

FIELD_PREFIX = "signature-"
_PRINT_AND_LOCKED = 4 | 128  # annotation flags: print it, let nobody move it


def add_signature_field(
    canv: Any, x: float, y: float, width: float, height: float, tooltip: str
) -> str:
    """An empty signature field over the box (x, y, width, height) of the current drawing
    position (translated coordinates, as a flowable draws); returns the field's name."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    form = canv.acroForm
    count = getattr(canv, "_nongbon_signature_fields", 0) + 1
    canv._nongbon_signature_fields = count
    name = f"{FIELD_PREFIX}{count}"
    x0, y0 = canv.absolutePosition(x, y)
    x1, y1 = canv.absolutePosition(x + width, y + height)
    field = PDFDictionary({
        "Type": PDFName("Annot"), "Subtype": PDFName("Widget"), "FT": PDFName("Sig"),
        "T": PDFString(name), "TU": PDFString(tooltip), "F": _PRINT_AND_LOCKED,
        "Rect": PDFArray([round(v, 2) for v in (x0, y0, x1, y1)]),
        "P": canv._doc.thisPageRef(),
    })  # fmt: skip
    canv._addAnnotation(field)
    form.fields.append(form.getRef(field))
    return name
