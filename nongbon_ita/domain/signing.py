"""Digital signatures as the office sees them: who holds which certificate, and what a check of
a signed PDF found (pure data; pyHanko works in reports/pades, settings in services/signing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nongbon_ita.domain.errors import N_

WARN_DAYS = 30  # a certificate about to expire is announced this many days before


@dataclass(frozen=True)
class CertificateInfo:
    """What the office keeps about a certificate file (never its password)."""

    subject: str  # the holder's name as the CA wrote it
    issuer: str
    not_before: date
    not_after: date

    def expires_soon(self, today: date, days: int = WARN_DAYS) -> bool:
        return today + timedelta(days=days) >= self.not_after

    def expired(self, today: date) -> bool:
        return today > self.not_after


@dataclass(frozen=True)
class CertificateBinding:
    """An official's certificate: a PKCS#12 file on this PC (or a token, later)."""

    official_id: int
    official_name: str
    position: str
    role: str  # the official's signature role (SignatureRole value)
    path: str
    info: CertificateInfo


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of a PDF as `verify` reports it."""

    field: str
    signer: str  # the certificate's holder
    signed_at: datetime | None  # the timestamp's time (B-T) or the time the signer claims
    timestamped: bool
    intact: bool  # the signed bytes are as signed
    unchanged: bool  # since this signature nothing was added but further signatures
    cert_valid_then: bool  # the certificate was within its dates when it signed
    trusted: bool  # it chains to a root the office imported (or given with --trust)

    @property
    def valid(self) -> bool:
        return self.intact and self.unchanged and self.cert_valid_then and self.trusted

    @property
    def problem(self) -> str:
        """The first reason it is not valid (a message id), or ""."""
        if not self.intact:
            return N_("the document was changed after it was signed (the signature no longer "
                      "matches its content)")  # fmt: skip
        if not self.unchanged:
            return N_("content other than signatures was added after this signature")
        if not self.cert_valid_then:
            return N_("the certificate was not valid (expired or not yet valid) when it signed")
        if not self.trusted:
            return N_("the certificate does not chain to a root certificate the office has "
                      "imported")  # fmt: skip
        return ""
