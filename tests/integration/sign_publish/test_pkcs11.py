"""Signing with a USB token (PKCS#11), with SoftHSM2 standing in for a Thai CA's token: a token
made here with softhsm2-util, a key imported onto it and its certificate (issued by a throwaway
CA) stored beside it; `sign --pkcs11-lib … --token … --key-label …` signs into the holder's block,
pyHanko's validator and `verify` accept it, a wrong PIN is refused with nothing written."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from nongbon_ita.cli import main
from nongbon_ita.reports.pades.sign import signature_fields
from tests.conftest import PASSWORD
from tests.signing.certs import issue_cert, make_ca

SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")  # Debian's softhsm2 (.ci/run installs it)
TOKEN, LABEL, PIN = "nongbon-token", "coordinator", "246810"
COORDINATOR = "นายสมศักดิ์ โปร่งใส"


def _token(root: Path, monkeypatch: pytest.MonkeyPatch) -> x509.Certificate:
    """A SoftHSM token holding the coordinator's key and certificate; returns the CA's cert."""
    (root / "tokens").mkdir()
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))  # read when the library is first loaded
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin",
                    "13579", "--pin", PIN], check=True, capture_output=True)  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    pem = root / "key.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))  # fmt: skip
    subprocess.run(["softhsm2-util", "--import", str(pem), "--token", TOKEN, "--label", LABEL,
                    "--id", "01", "--pin", PIN], check=True, capture_output=True)  # fmt: skip
    pem.unlink()  # the key lives on the token only, as on a CA's token
    ca = make_ca()
    cert = issue_cert(ca, COORDINATOR, key.public_key())
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    token = pkcs11.lib(str(SOFTHSM)).get_token(token_label=TOKEN)
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.TOKEN: True,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.LABEL: LABEL,
            Attribute.ID: b"\x01", Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        })  # fmt: skip
    return ca.cert


def test_sign_with_a_token_then_verify(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    ca_cert = _token(tmp_path, monkeypatch)
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    db = ["--db", str(demo_db)]
    plain, signed = tmp_path / "o43.pdf", tmp_path / "o43-signed.pdf"
    assert main([*db, "print", "o43", "--year", "2566", "--out", str(plain)]) == 0
    token = ["--pkcs11-lib", str(SOFTHSM), "--token", TOKEN, "--key-label", LABEL]
    monkeypatch.setenv("NONGBON_ITA_SIGN_PIN", "000000")
    assert main([*db, "sign", str(plain), "--out", str(signed), *token, "--user", "admin"]) == 2
    assert not signed.exists() and "PIN" in capsys.readouterr().err
    monkeypatch.setenv("NONGBON_ITA_SIGN_PIN", PIN)
    assert main([*db, "sign", str(plain), "--out", str(signed), *token, "--user", "admin"]) == 0
    data = signed.read_bytes()
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(ca_pem))])
    (sig,) = PdfFileReader(io.BytesIO(data)).embedded_signatures
    status = validate_pdf_signature(sig, context)
    assert status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == COORDINATOR
    first = signature_fields(data)[0]  # the holder's own block: ผู้รายงาน
    assert first.signed and first.full_name == COORDINATOR
    capsys.readouterr()
    assert main([*db, "verify", str(signed), "--trust", str(ca_pem)]) == 0
    assert "ผล: ใช้ได้" in capsys.readouterr().out
