"""`print KIND --sign` for the forms and letters: the loan form's grid and a complaint letter
carry signature fields, each official signs their own box (checked with pyHanko's validator and
`verify`); documents without a signature block, a print without --user, are refused with
nothing written; a certificate near its end is announced; the trail names user and holder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.reports.pades.sign import signature_fields
from nongbon_ita.services.audit import recent_events
from tests.conftest import PASSWORD
from tests.signing.certs import P12_PASSWORD, ThrowawayCa, make_ca, make_p12

SUPPLY, APPROVER, EXECUTIVE = "นายวีระ พัสดุดี", "นายประเสริฐ ใจธรรม", "นายบุญมี ศรีหนองบอน"


@pytest.fixture
def office(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, ThrowawayCa, Path]:
    """The demo with certificates for the supply officer, the approver and the executive."""
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_SIGN_PASSWORD", P12_PASSWORD)
    ca = make_ca()
    for role, name in (("supply_officer", SUPPLY), ("approver", APPROVER),
                       ("executive", EXECUTIVE)):  # fmt: skip
        p12 = make_p12(ca, name, tmp_path / f"{role}.p12")
        assert main(["--db", str(demo_db), "certificate", "set", "--official", role,
                     "--cert", str(p12), "--user", "admin"]) == 0  # fmt: skip
    return demo_db, ca, ca.pem(tmp_path / "ca.pem")


def _validated(data: bytes, ca_pem: Path) -> list[str]:
    """The signers' names, each signature checked by pyHanko's own validator."""
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(ca_pem))])
    statuses = [validate_pdf_signature(s, context)
                for s in PdfFileReader(io.BytesIO(data)).embedded_signatures]  # fmt: skip
    assert all(s.bottom_line for s in statuses)
    return [s.signing_cert.subject.native["common_name"] for s in statuses]


def _text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_loan_form_boxes_signed_by_their_officials(
    office: tuple[Path, ThrowawayCa, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ca, ca_pem = office
    plain, checked = tmp_path / "form.pdf", tmp_path / "form-1.pdf"
    assert main(["--db", str(db), "print", "loan-form", "--loan", "1/2566", "--out", str(plain),
                 "--user", "admin"]) == 0  # fmt: skip
    boxes = [(f.caption, f.full_name) for f in signature_fields(plain.read_bytes())]
    assert boxes[2:4] == [("เจ้าหน้าที่พัสดุ", SUPPLY), ("ผู้อนุมัติ", APPROVER)]
    assert boxes[5] == ("ผู้จ่ายพัสดุ", SUPPLY) and len(boxes) == 8
    # the supply officer checks the request (the first box with a certificate's holder)
    assert main(["--db", str(db), "sign", str(plain), "--out", str(checked), "--official",
                 "supply_officer", "--user", "supply_officer"]) == 0  # fmt: skip
    assert _text(checked.read_bytes()) == _text(plain.read_bytes())  # the text layer stays exact
    approved, handed = tmp_path / "form-2.pdf", tmp_path / "form-3.pdf"
    assert main(["--db", str(db), "sign", str(checked), "--out", str(approved), "--official",
                 "approver", "--user", "approver"]) == 0  # fmt: skip
    assert main(["--db", str(db), "sign", str(approved), "--out", str(handed), "--official",
                 "supply_officer", "--user", "supply_officer"]) == 0  # fmt: skip
    data = handed.read_bytes()
    assert _validated(data, ca_pem) == [SUPPLY, APPROVER, SUPPLY]
    signed = [f.caption for f in signature_fields(data) if f.signed]
    assert signed == ["เจ้าหน้าที่พัสดุ", "ผู้อนุมัติ", "ผู้จ่ายพัสดุ"]
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(handed), "--trust", str(ca_pem)]) == 0
    assert capsys.readouterr().out.count("ผล: ใช้ได้") == 3
    # print … --sign: the form's first box of an official with a certificate
    once = tmp_path / "printed-signed.pdf"
    assert main(["--db", str(db), "print", "loan-form", "--loan", "1/2566", "--out", str(once),
                 "--user", "admin", "--sign"]) == 0  # fmt: skip
    assert [f.caption for f in signature_fields(once.read_bytes()) if f.signed] == [
        "เจ้าหน้าที่พัสดุ"]  # fmt: skip


def test_complaint_letter_signed_by_the_executive(
    office: tuple[Path, ThrowawayCa, Path], tmp_path: Path
) -> None:
    db, _ca, ca_pem = office
    out = tmp_path / "outcome.pdf"
    assert main(["--db", str(db), "print", "complaint-outcome", "--complaint", "2/2566",
                 "--out", str(out), "--user", "complaint_officer", "--sign"]) == 0  # fmt: skip
    assert _validated(out.read_bytes(), ca_pem) == [EXECUTIVE]
    (field,) = signature_fields(out.read_bytes())
    assert field.signed and field.full_name == EXECUTIVE


@pytest.mark.parametrize("kind", [["asset-labels"], ["letters-register", "--year", "2566"],
                                  ["complaint-stats", "--year", "2566"],
                                  ["measures-evidence", "--year", "2567"]])  # fmt: skip
def test_documents_without_a_signature_block_are_refused(
    office: tuple[Path, ThrowawayCa, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], kind: list[str],
) -> None:  # fmt: skip
    db = office[0]
    monkeypatch.delenv("NONGBON_ITA_SIGN_PASSWORD")  # refused before any password is asked
    out = tmp_path / "x.pdf"
    assert main(["--db", str(db), "print", *kind, "--out", str(out), "--user", "admin",
                 "--sign"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "ไม่มีช่องลงนาม" in err and "Traceback" not in err and not out.exists()


def test_print_sign_needs_a_login_and_the_trail_names_both(
    office: tuple[Path, ThrowawayCa, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = office[0]
    out = tmp_path / "plan.pdf"
    plan = ["--db", str(db), "print", "measures-plan", "--year", "2569", "--out", str(out),
            "--sign", "executive"]  # fmt: skip
    assert main(plan) == 2
    assert "--user" in capsys.readouterr().err and not out.exists()
    assert main([*plan, "--user", "ita_coordinator"]) == 0
    services = open_services(DatabaseLocation.for_file(db), must_exist=True)
    try:
        with services.ctx.reading() as session:
            event = next(e for e in recent_events(session) if e.action == "document.signed")
    finally:
        services.ctx.database.dispose()
    assert event.actor == "ita_coordinator"
    assert json.loads(event.payload)["after"]["signer"] == EXECUTIVE


def test_a_certificate_near_its_end_is_announced_when_it_signs(
    office: tuple[Path, ThrowawayCa, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, ca, _pem = office
    plain = tmp_path / "o43.pdf"
    assert main(["--db", str(db), "print", "o43", "--year", "2566", "--out", str(plain)]) == 0
    capsys.readouterr()
    for days, warned in ((365, False), (12, True)):
        p12 = make_p12(ca, "นายสมศักดิ์ โปร่งใส", tmp_path / f"c{days}.p12", days=days)
        assert main(["--db", str(db), "sign", str(plain), "--out", str(tmp_path / f"{days}.pdf"),
                     "--cert", str(p12), "--user", "admin"]) == 0  # fmt: skip
        err = capsys.readouterr().err
        assert ("หมดอายุ" in err) is warned, err
