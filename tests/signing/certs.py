"""Throwaway certificates for the signing tests: a root CA and officials' PKCS#12 files, made
with `cryptography` in the test (nothing real, nothing read from disk)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

P12_PASSWORD = "ใบรับรอง-ทดสอบ-1234"


@dataclass(frozen=True)
class ThrowawayCa:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])  # fmt: skip


def make_ca(common: str = "CA ทดสอบ หนองบอน") -> ThrowawayCa:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=400)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))  # fmt: skip
    return ThrowawayCa(key, cert)


def make_p12(
    ca: ThrowawayCa, common: str, path: Path, *, days: int = 365, password: str = P12_PASSWORD
) -> Path:
    """A signer's PKCS#12 (key, certificate issued by `ca`, the CA) valid for `days` more."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = issue_cert(ca, common, key.public_key(), days=days)
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, [ca.cert],
        serialization.BestAvailableEncryption(password.encode()),
    ))  # fmt: skip
    return path


def issue_cert(
    ca: ThrowawayCa, common: str, public_key: ec.EllipticCurvePublicKey, *, days: int = 365
) -> x509.Certificate:
    """A signer's certificate for `public_key`, issued by `ca`, valid for `days` more."""
    now = datetime.now(UTC)
    return (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(ca.cert.subject)
            .public_key(public_key).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=days))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .sign(ca.key, hashes.SHA256()))  # fmt: skip


def make_tsa(ca: ThrowawayCa) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A timestamp authority's certificate (extended key usage: time stamping) and its RSA key
    (pyHanko's test timestamper signs with RSA only)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name("TSA ทดสอบ")).issuer_name(ca.cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=365))
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]),
                           critical=True)
            .sign(ca.key, hashes.SHA256()))  # fmt: skip
    return cert, key
