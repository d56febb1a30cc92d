"""Sign a PDF as an official (or with a given .p12) into its signature block; check signatures.

Who signs is proven by the certificate's password; the app's login (--user) says who did it, and
the audit trail names both the user and the certificate's holder. The password is used once and
never stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nongbon_ita.domain.calendar import to_be
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.office import SignatureRole
from nongbon_ita.domain.signing import CertificateBinding, CertificateInfo, SignatureCheck
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import format_date_short, thai_digits
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.signing.certificates import CertificateSettings


@dataclass(frozen=True)
class SigningKey:
    """A certificate opened for one signature: the pyHanko signer and whose block it fills."""

    signer: Any
    info: CertificateInfo
    full_name: str  # as the block prints it ("" with --cert: the holder's name is used)
    position: str


def _no_blocks() -> ValidationError:
    return ValidationError(
        N_("This document has no signature block, so it is not signed: labels, registers, "
           "statistics and appendices are printed without one. Print it without --sign."),
        field="sign",
    )  # fmt: skip


def _unreadable() -> ValidationError:
    return ValidationError(N_("The file is not a PDF that can be signed or checked."),
                           field="file")  # fmt: skip


class SigningService:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self.ctx, self.office = ctx, office
        self.certificates = CertificateSettings(ctx, office)

    def key_of_official(self, role: SignatureRole, password: str) -> SigningKey:
        """The certificate of the official who signs as `role` (Settings), opened."""
        return self.key_for_document(None, role, password)

    def document_signer(self, data: bytes) -> SignatureRole:
        """The role of the first official, in the blocks' order, with an unsigned block in the
        PDF and a certificate set: who `print … --sign` signs as."""
        return self._chosen(data, self.certificates.bindings())

    def key_for_document(
        self, data: bytes | None, role: SignatureRole | None, password: str
    ) -> SigningKey:
        """The opened certificate of the official who signs as `role` — or, None, of the one
        who signs this document next (`document_signer`); the officials and their certificates
        are read once."""
        from nongbon_ita.services.signing.keys import p12_signer

        officials = self.office.officials()
        bindings = self.certificates.bindings(officials)
        if role is None:
            role = self._chosen(data or b"", bindings)
        official = next((o for o in officials if o.signature_role is role), None)
        if official is None:
            raise NotFoundError(N_("No official signs as {role}: set one in Settings → "
                                   "Officials."), role=role.value)  # fmt: skip
        binding = next((b for b in bindings if b.official_id == official.id), None)
        if binding is None:
            raise self.certificates.missing(official)
        signer, info = p12_signer(Path(binding.path), password)
        return SigningKey(signer, info, official.full_name, official.position)

    def _chosen(self, data: bytes, bindings: Sequence[CertificateBinding]) -> SignatureRole:
        from nongbon_ita.reports.pades.sign import PdfUnreadable, signature_fields

        try:
            fields = signature_fields(data)
        except PdfUnreadable:
            raise _unreadable() from None
        if not fields:
            raise _no_blocks()
        free = [f.full_name for f in fields if not f.signed]
        bound = {b.official_name: b.role for b in bindings}
        role = next((bound[name] for name in free if name in bound), None)
        if role is None:
            raise ValidationError(
                N_("No signature block of this document belongs to an official with a "
                   "certificate (Settings → Electronic signatures)."), field="sign",
            )  # fmt: skip
        return SignatureRole(role)

    def has_signature_blocks(self, data: bytes) -> bool:
        """Whether the PDF has signature blocks (signed or not): what `export oit-site --sign`
        signs; the rest is published as printed."""
        from nongbon_ita.reports.pades.sign import PdfUnreadable, signature_fields

        try:
            return bool(signature_fields(data))
        except PdfUnreadable:
            raise _unreadable() from None

    @contextmanager
    def key_of_token(
        self, library: Path, token: str, key_label: str, pin: str
    ) -> Iterator[SigningKey]:
        """The key `key_label` on a USB token (PKCS#11), for signing inside the block; like a
        file key it fills the block of its certificate's holder, else the first empty one."""
        from nongbon_ita.services.signing.token import token_signer

        with token_signer(library, token, key_label, pin) as (signer, info):
            yield SigningKey(signer, info, "", "")

    def key_of_file(self, path: Path, password: str) -> SigningKey:
        from nongbon_ita.services.signing.keys import p12_signer

        signer, info = p12_signer(path, password)
        return SigningKey(signer, info, "", "")

    def sign(self, actor: CurrentUser, data: bytes, key: SigningKey, source: str = "") -> bytes:
        """`data` with one more signature by `key`, in the first unsigned block that is the
        key's (by name) — or, for a file key, the first unsigned block — recorded in the trail
        as done by `actor` with the certificate's holder named."""
        from nongbon_ita.reports.pades.appearance import Appearance
        from nongbon_ita.reports.pades.sign import PdfUnreadable, sign_pdf, signature_fields

        today = self.ctx.today()
        if key.info.expired(today) or today < key.info.not_before:
            raise ValidationError(
                N_("The certificate of {name} is valid from {start} to {end}: it cannot sign "
                   "today."), field="cert", name=key.info.subject,
                start=format_date_short(key.info.not_before, thai=True),
                end=format_date_short(key.info.not_after, thai=True),
            )  # fmt: skip
        try:
            free = [f for f in signature_fields(data) if not f.signed]
        except PdfUnreadable:
            raise _unreadable() from None
        wanted = key.full_name or key.info.subject
        field = next((f for f in free if f.full_name == wanted), None)
        if field is None and key.full_name:
            raise ValidationError(
                N_("This document has no unsigned signature block for {name}."), field="file",
                name=key.full_name,
            )  # fmt: skip
        if field is None and free:
            field = free[0]
        caption = field.caption if field else ""
        full_name = key.full_name or (field.full_name if field and "…" not in field.full_name
                                      else key.info.subject)  # fmt: skip
        position = key.position or (field.tooltip[2] if field and len(field.tooltip) > 2 and
                                    "…" not in field.tooltip[2] else "")  # fmt: skip
        appearance = Appearance(caption, full_name, position, self._signed_on())
        from pyhanko.sign.timestamps.common_utils import TimestampRequestError

        try:
            signed = sign_pdf(data, key.signer, field=field, appearance=appearance,
                              timestamper=self._timestamper())  # fmt: skip
        except PdfUnreadable:
            raise _unreadable() from None
        except TimestampRequestError:
            raise ValidationError(
                N_("The timestamp server {url} did not answer: nothing was signed. Try again, or "
                   "clear the server in Settings → Electronic signatures."), field="sign",
                url=self.certificates.timestamp_url(),
            ) from None  # fmt: skip
        with self.ctx.transaction() as session:
            record_event(self.ctx, session, actor.username, "document.signed", "document",
                         source or hashlib.sha256(data).hexdigest()[:16],
                         after={"field": field.name if field else "", "signer": key.info.subject,
                                "sha256": hashlib.sha256(signed).hexdigest()})  # fmt: skip
        return signed

    def _signed_on(self) -> str:
        now = self.ctx.office_now()
        day = format_date_short(now.date(), thai=True).rsplit(" ", 1)[0]
        return f"{day} {thai_digits(to_be(now.year))} เวลา {thai_digits(now.strftime('%H:%M'))} น."

    def _timestamper(self) -> Any:
        url = self.certificates.timestamp_url()
        if not url:
            return None
        from nongbon_ita.services.signing.timestamp import UrllibTimeStamper

        return UrllibTimeStamper(url)

    def verify(self, data: bytes, extra_roots: Sequence[bytes] = ()) -> list[SignatureCheck]:
        """Every signature of the PDF checked against the office's roots and `extra_roots`."""
        from nongbon_ita.reports.pades.sign import PdfUnreadable
        from nongbon_ita.reports.pades.verify import load_certificates, verify_pdf

        roots = []
        for pem in (self.certificates.trust_roots_pem(), *extra_roots):
            if pem.strip():
                try:
                    roots.extend(load_certificates(pem))
                except ValueError:
                    raise ValidationError(N_("The trusted certificate is not a certificate "
                                             "(PEM or DER)."), field="trust") from None  # fmt: skip
        try:
            return verify_pdf(data, roots)
        except PdfUnreadable:
            raise _unreadable() from None
