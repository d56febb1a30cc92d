"""Opening a PKCS#12 file: its certificate's facts and a pyHanko signer (password never kept)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.signing import CertificateInfo

MAX_P12 = 1024 * 1024  # a PKCS#12 file is a few KB; anything larger is not one


def read_p12(path: Path) -> bytes:
    path = path.expanduser()
    if not path.is_file():
        raise NotFoundError(N_("The certificate file {path} does not exist."), path=str(path))
    if path.stat().st_size > MAX_P12:
        raise ValidationError(N_("{path} is not a certificate file (.p12/.pfx)."), field="cert",
                              path=str(path))  # fmt: skip
    return path.read_bytes()


def _open(data: bytes, password: str, path: Path) -> tuple[Any, Any, list[Any]]:
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError:
        raise ValidationError(
            N_("The certificate {path} could not be opened: wrong password, or not a .p12/.pfx "
               "file."), field="password", path=path.name,
        ) from None  # fmt: skip
    if key is None or cert is None:
        raise ValidationError(N_("{path} holds no private key and certificate to sign with."),
                              field="cert", path=path.name)  # fmt: skip
    return key, cert, list(others)


def _common_name(name: Any) -> str:
    from cryptography.x509.oid import NameOID

    found = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else name.rfc4514_string()


def certificate_info(path: Path, password: str) -> CertificateInfo:
    """Holder, issuer and dates of the certificate in a PKCS#12 file."""
    _, cert, _ = _open(read_p12(path), password, path)
    return CertificateInfo(_common_name(cert.subject), _common_name(cert.issuer),
                           cert.not_valid_before_utc.date(), cert.not_valid_after_utc.date())  # fmt: skip


def p12_signer(path: Path, password: str) -> tuple[Any, CertificateInfo]:
    """A pyHanko signer for the file's key and its certificate's facts (the file is decrypted
    once: PKCS#12 key derivation is deliberately slow)."""
    from nongbon_ita.reports.pades.lean import defer_http_clients

    defer_http_clients()  # this may be the process's first import of pyHanko
    from pyhanko.sign.signers import SimpleSigner

    try:
        signer = SimpleSigner.load_pkcs12_data(read_p12(path), [], password.encode("utf-8"))
    except (ValueError, TypeError, AttributeError):  # a file without a key fails inside too
        raise ValidationError(
            N_("The certificate {path} could not be opened: wrong password, or not a .p12/.pfx "
               "file."), field="password", path=path.name,
        ) from None  # fmt: skip
    cert = signer.signing_cert
    if cert is None or signer.signing_key is None:
        raise ValidationError(N_("{path} holds no private key and certificate to sign with."),
                              field="cert", path=path.name)  # fmt: skip
    return signer, info_of(cert)


def info_of(cert: Any) -> CertificateInfo:
    """Holder, issuer and dates of an asn1crypto certificate (what pyHanko's signers hold)."""
    subject, issuer = cert.subject.native, cert.issuer.native
    return CertificateInfo(str(subject.get("common_name", cert.subject.human_friendly)),
                           str(issuer.get("common_name", cert.issuer.human_friendly)),
                           cert.not_valid_before.date(), cert.not_valid_after.date())  # fmt: skip
