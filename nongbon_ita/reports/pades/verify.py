"""Check every signature of a PDF with pyHanko's validator: intact, nothing but signatures added
since, certificate within its dates at the signing time, chain to one of the given roots."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from nongbon_ita.domain.signing import SignatureCheck
from nongbon_ita.reports.pades.sign import PdfUnreadable


def load_certificates(data: bytes) -> list[Any]:
    """asn1crypto certificates from PEM (one or several) or DER bytes."""
    from asn1crypto import pem, x509

    try:
        if pem.detect(data):
            return [x509.Certificate.load(der) for kind, _, der in
                    pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]  # fmt: skip
        cert = x509.Certificate.load(data)
        cert.native  # parses it whole: asn1crypto loads lazily  # noqa: B018
        return [cert]
    except (ValueError, TypeError, OSError) as error:
        raise ValueError(str(error)) from error


def verify_pdf(data: bytes, roots: Sequence[Any]) -> list[SignatureCheck]:
    """One check per signature, in signing order; [] for a PDF without signatures."""
    import logging

    from pyhanko.pdf_utils.reader import PdfFileReader

    # pyHanko logs each failed path with a traceback; the outcome is in the checks we return
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception as error:  # pyHanko raises many kinds on a damaged file
        raise PdfUnreadable(str(error)) from error
    return [_check(sig, roots) for sig in signatures]


def _check(sig: Any, roots: Sequence[Any]) -> SignatureCheck:
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    cert = sig.signer_cert
    signer = cert.subject.native.get("common_name", cert.subject.human_friendly)
    claimed: datetime | None = sig.self_reported_timestamp
    # the chain is judged at the signing time: a certificate that expired since still signed
    context = ValidationContext(trust_roots=list(roots), allow_fetching=False,
                                revocation_mode="soft-fail", moment=claimed)  # fmt: skip
    try:
        status = validate_pdf_signature(sig, context, ts_validation_context=context)
    except (SignatureValidationError, ValueError):  # the signed data cannot even be parsed
        return SignatureCheck(sig.field_name, signer, claimed, False, False, False,
                              False, False)  # fmt: skip
    stamp = status.timestamp_validity
    when = stamp.timestamp if stamp is not None else claimed
    level = status.modification_level
    unchanged = (level is None or level <= ModificationLevel.FORM_FILLING) and status.docmdp_ok
    valid_then = when is not None and cert.not_valid_before <= when <= cert.not_valid_after
    return SignatureCheck(sig.field_name, signer, when, stamp is not None,
                          bool(status.intact and status.valid), bool(unchanged), valid_then,
                          bool(status.trusted))  # fmt: skip


def to_pem(cert: Any) -> str:
    from asn1crypto import pem

    return str(pem.armor("CERTIFICATE", cert.dump()).decode("ascii"))
