"""Add one PAdES signature to a PDF, in an incremental update (earlier signatures stay valid).

Baseline B (ETSI EN 319 142: the signing certificate attribute, no signing time in the CMS),
B-T when a timestamper is given. The signature goes into a named field — the empty fields every
signature block of our documents carries (reports/thai/sigfields.py) — with the Thai appearance
of appearance.py; without a field, a new invisible one is added.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from nongbon_ita.reports.pades.appearance import Appearance, appearance_stream


class PdfUnreadable(ValueError):
    """The bytes are not a PDF pyHanko can read (or one it cannot add an update to)."""


@dataclass(frozen=True)
class SignatureField:
    """A signature field of a PDF: its name, whose block it is (caption, name, position as the
    tooltip's lines), its page (0-based) and box, and whether it is signed already."""

    name: str
    tooltip: tuple[str, ...]
    page: int
    box: tuple[float, float, float, float]
    signed: bool

    @property
    def caption(self) -> str:
        return self.tooltip[0] if self.tooltip else ""

    @property
    def full_name(self) -> str:
        return self.tooltip[1] if len(self.tooltip) > 1 else ""


def _reader(data: bytes) -> Any:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, IndexError) as error:
        raise PdfUnreadable(str(error)) from error


def signature_fields(data: bytes) -> list[SignatureField]:
    """Every signature field of the PDF, in the order of the form (the blocks' printed order)."""
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = _reader(data)
    pages = [ref.idnum for ref in _page_refs(reader)]
    found = []
    try:
        for name, value, ref in enumerate_sig_fields(reader):
            widget = ref.get_object()
            page_ref = widget.get("/P")
            page = pages.index(page_ref.idnum) if page_ref is not None and \
                page_ref.idnum in pages else 0  # fmt: skip
            box = tuple(float(v) for v in widget.get("/Rect", (0, 0, 0, 0)))
            tooltip = str(widget.get("/TU", ""))
            found.append(SignatureField(str(name), tuple(tooltip.split("\n")) if tooltip else (),
                                        page, box, value is not None))  # type: ignore[arg-type]  # fmt: skip
    except Exception as error:  # a damaged form: pyHanko raises many kinds
        raise PdfUnreadable(str(error)) from error
    return found


def _page_refs(reader: Any) -> list[Any]:
    refs = []

    def walk(node: Any) -> None:
        for kid in node.get_object()["/Kids"]:
            obj = kid.get_object()
            if obj.get("/Type") == "/Pages":
                walk(kid)
            else:
                refs.append(kid.reference if hasattr(kid, "reference") else kid)

    walk(reader.root.raw_get("/Pages"))
    return refs


def sign_pdf(
    data: bytes,
    signer: Any,
    *,
    field: SignatureField | None,
    appearance: Appearance,
    timestamper: Any = None,
    reason: str = "",
) -> bytes:
    """`data` with one more signature by `signer` (a pyHanko Signer) in `field` (None: a new
    invisible field); `timestamper` (a pyHanko TimeStamper) makes it PAdES B-T."""
    from pyhanko.pdf_utils.content import RawContent
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as error:
        raise PdfUnreadable(str(error)) from error
    name = field.name if field is not None else _free_name(data)
    meta = signers.PdfSignatureMetadata(
        field_name=name, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=reason or None, name=appearance.full_name or None,
    )  # fmt: skip
    style = None
    new_field = None
    if field is not None:
        x1, y1, x2, y2 = field.box
        width, height = abs(x2 - x1), abs(y2 - y1)
        layout = SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID,
                                     y_align=AxisAlignment.ALIGN_MID, margins=Margins())  # fmt: skip
        background = RawContent(appearance_stream(appearance, width, height),
                                box=BoxConstraints(width=width, height=height))  # fmt: skip
        # opaque: the appearance covers the printed block it signs
        style = StaticStampStyle(border_width=0, background_layout=layout, background=background,
                                 background_opacity=1.0)  # fmt: skip
    else:
        new_field = fields.SigFieldSpec(name)
    pdf_signer = signers.PdfSigner(meta, signer, timestamper=timestamper, stamp_style=style,
                                   new_field_spec=new_field)  # fmt: skip
    out = io.BytesIO()
    # without a timestamp the container's size is known: pyHanko would otherwise make a trial
    # signature to measure it; a timestamp server's answer varies, so then pyHanko measures
    reserve = None if timestamper is not None else _room_for(signer)
    pdf_signer.sign_pdf(writer, output=out, bytes_reserved=reserve)
    return out.getvalue()


def _room_for(signer: Any) -> int:
    """Bytes to reserve for the signature container (as hex: twice its size): the certificates
    it carries, and 8 KB for the signature value and the signed attributes."""
    certs = [signer.signing_cert, *signer.cert_registry]
    return 2 * (sum(len(cert.dump()) for cert in certs) + 8192)


def _free_name(data: bytes) -> str:
    taken = {f.name for f in signature_fields(data)}
    return next(
        f"signature-extra-{n}" for n in range(1, 1000) if f"signature-extra-{n}" not in taken
    )
