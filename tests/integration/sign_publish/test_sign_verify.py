"""Sign the app's PDFs with throwaway certificates, in the documents' signature blocks, and
check them with pyHanko's validator and with `verify`: several signatures in order stay valid,
a changed byte or an unknown root makes `verify` exit 2 with the reason."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from nongbon_ita.cli import main
from nongbon_ita.reports.pades.sign import signature_fields
from tests.conftest import PASSWORD
from tests.signing.certs import P12_PASSWORD, ThrowawayCa, make_ca, make_p12

COORDINATOR, EXECUTIVE = "นายสมศักดิ์ โปร่งใส", "นายบุญมี ศรีหนองบอน"  # the demo's officials


@pytest.fixture
def signing_office(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, ThrowawayCa, Path]:
    """The demo with certificates for the ITA coordinator and the executive; the CA's PEM."""
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_SIGN_PASSWORD", P12_PASSWORD)
    ca = make_ca()
    for role, name in (("ita_coordinator", COORDINATOR), ("executive", EXECUTIVE)):
        p12 = make_p12(ca, name, tmp_path / f"{role}.p12")
        assert main(["--db", str(demo_db), "certificate", "set", "--official", role,
                     "--cert", str(p12), "--user", "admin"]) == 0  # fmt: skip
    return demo_db, ca, ca.pem(tmp_path / "ca.pem")


def _text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_print_signed_then_countersigned_both_valid_in_their_blocks(
    signing_office: tuple[Path, ThrowawayCa, Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db, _ca, ca_pem = signing_office
    plain, once, twice = tmp_path / "o43.pdf", tmp_path / "o43-s1.pdf", tmp_path / "o43-s2.pdf"
    assert main(["--db", str(db), "print", "o43", "--year", "2566", "--out", str(plain)]) == 0
    blocks = signature_fields(plain.read_bytes())
    assert [(f.caption, f.full_name) for f in blocks] == [("ผู้รายงาน", COORDINATOR),
                                                          ("ผู้รับรอง", EXECUTIVE)]  # fmt: skip
    assert main(["--db", str(db), "print", "o43", "--year", "2566", "--out", str(once),
                 "--sign", "--user", "ita_coordinator"]) == 0  # fmt: skip
    assert main(["--db", str(db), "sign", str(once), "--out", str(twice),
                 "--official", "executive", "--user", "admin"]) == 0  # fmt: skip
    data = twice.read_bytes()
    assert data.startswith(once.read_bytes())  # an incremental update: the first one untouched
    # pyHanko's own validator: both intact, trusted, and only a signature was added after the first
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(ca_pem))])
    reader = PdfFileReader(io.BytesIO(data))
    statuses = [validate_pdf_signature(s, context) for s in reader.embedded_signatures]
    assert [s.bottom_line for s in statuses] == [True, True]
    signers = [s.signing_cert.subject.native["common_name"] for s in statuses]
    assert signers == [COORDINATOR, EXECUTIVE]
    # each signature sits in its block: the widget's box is the empty field's box as printed
    signed = {f.name: f for f in signature_fields(data)}
    assert all(signed[f.name].signed and signed[f.name].box == f.box for f in blocks)
    assert _text(data) == _text(plain.read_bytes())[:-1] + _text(data)[-1:]  # body unchanged
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(twice), "--trust", str(ca_pem)]) == 0
    out = capsys.readouterr().out
    assert COORDINATOR in out and EXECUTIVE in out and out.count("ผล: ใช้ได้") == 2


def test_a_changed_byte_or_an_unknown_root_fails_verify(
    signing_office: tuple[Path, ThrowawayCa, Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db, _ca, ca_pem = signing_office
    signed = tmp_path / "plan.pdf"
    assert main(["--db", str(db), "print", "measures-plan", "--year", "2569", "--out",
                 str(signed), "--sign", "ita_coordinator", "--user", "ita_coordinator"]) == 0  # fmt: skip
    assert main(["--db", str(db), "verify", str(signed), "--trust", str(ca_pem)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(signed)]) == 2  # the office trusts no root yet
    assert "ใบรับรองหลัก" in capsys.readouterr().err
    data = bytearray(signed.read_bytes())
    at = data.index(b"stream", len(data) // 4) + 20  # a byte inside a signed content stream
    data[at] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    assert main(["--db", str(db), "verify", str(changed), "--trust", str(ca_pem)]) == 2
    err = capsys.readouterr().err
    assert "แก้ไข" in err and "Traceback" not in err
    # a root imported by the office counts as --trust does
    assert main(["--db", str(db), "certificate", "trust", str(ca_pem), "--user", "admin"]) == 0
    assert main(["--db", str(db), "verify", str(signed)]) == 0


def test_refusals_leave_nothing_written(
    signing_office: tuple[Path, ThrowawayCa, Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db, ca, _pem = signing_office
    out = tmp_path / "o43.pdf"
    monkeypatch.setenv("NONGBON_ITA_SIGN_PASSWORD", "wrong password")
    assert main(["--db", str(db), "print", "o43", "--year", "2566", "--out", str(out),
                 "--sign", "--user", "ita_coordinator"]) == 2  # fmt: skip
    assert not out.exists() and "รหัสผ่าน" in capsys.readouterr().err
    monkeypatch.setenv("NONGBON_ITA_SIGN_PASSWORD", P12_PASSWORD)
    # a certificate whose holder has no block in the document: refused, nothing written
    assert main(["--db", str(db), "print", "o43", "--year", "2566", "--out", str(out)]) == 0
    stranger = make_p12(ca, "นายคนอื่น ไม่เกี่ยว", tmp_path / "other.p12")
    assert main(["--db", str(db), "print", "asset-labels", "--out", str(tmp_path / "l.pdf"),
                 "--sign", "--user", "admin"]) == 2  # no signature block at all  # fmt: skip
    assert not (tmp_path / "l.pdf").exists()
    expired = make_p12(ca, COORDINATOR, tmp_path / "old.p12", days=-1)
    assert main(["--db", str(db), "sign", str(out), "--out", str(tmp_path / "x.pdf"),
                 "--cert", str(expired), "--user", "admin"]) == 2  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    # --cert with a holder not named in any block takes the first unsigned block
    assert main(["--db", str(db), "sign", str(out), "--out", str(tmp_path / "y.pdf"),
                 "--cert", str(stranger), "--user", "admin"]) == 0  # fmt: skip
    first = signature_fields((tmp_path / "y.pdf").read_bytes())[0]
    assert first.signed and first.caption == "ผู้รายงาน"
    not_pdf = tmp_path / "n.pdf"
    not_pdf.write_bytes(b"hello")
    assert main(["--db", str(db), "verify", str(not_pdf)]) == 2
    assert "Traceback" not in capsys.readouterr().err
