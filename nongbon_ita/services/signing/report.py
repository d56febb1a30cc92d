"""The words of a signature check, for `verify` and the GUI's "check a PDF": who, when, changed
since, certificate valid then, trusted root, and the result with its reason."""

from __future__ import annotations

from nongbon_ita.domain.calendar import office_time
from nongbon_ita.domain.signing import SignatureCheck
from nongbon_ita.i18n.thaiformat import format_datetime_short
from nongbon_ita.i18n.translate import _


def _when(check: SignatureCheck) -> str:
    if check.signed_at is None:
        return _("unknown")
    text = format_datetime_short(office_time(check.signed_at), thai=True)
    source = _("timestamp server") if check.timestamped else _("as the signer's PC claims")
    return f"{text} ({source})"


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def report_lines(checks: list[SignatureCheck]) -> list[str]:
    """One block of lines per signature, in signing order."""
    lines = []
    for n, check in enumerate(checks, 1):
        lines += [
            _("Signature {n}: {signer}").format(n=n, signer=check.signer),
            "  " + _("Signed at: {when}").format(when=_when(check)),
            "  " + _("Changed since signing: {answer}").format(
                answer=_yes(not (check.intact and check.unchanged))),
            "  " + _("Certificate valid then: {answer}").format(answer=_yes(check.cert_valid_then)),
            "  " + _("Chains to a trusted root: {answer}").format(answer=_yes(check.trusted)),
            "  " + (_("Result: valid") if check.valid else
                    _("Result: NOT valid — {reason}").format(reason=_(check.problem))),
        ]  # fmt: skip
    return lines
