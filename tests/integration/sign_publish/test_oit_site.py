"""`export oit-site`: the year's OIT pages — ITAS order, every item's page, the app's documents,
kept files and links; HTML that parses, local links that resolve, no script and no external
resource; nothing personal (a planted complainant, borrower's phone and staff password); with
--base-url the ITAS link list points at the pages."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pdfplumber
import pytest
from sqlalchemy import select

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models_assets import AssetRow
from nongbon_ita.db.models_ita import OitEvidenceRow, OitItemRow
from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint
from nongbon_ita.domain.ita.catalogue import oit_sort_key
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.ita.evidence_store import evidence_root, store_file
from tests.conftest import PASSWORD

YEAR = 2570  # the demo's current year: its complaints, measures and the planted records
PLANTED = ComplaintIdentity(
    name="นายปลูกฝัง ลับสุดยอด", address="๙๙ หมู่ที่ ๗ บ้านซ่อนเร้น", phone="0899990001",
    email="secret.witness@example.com", id_number="1101700230708", accused="นายถูกร้อง ลับเฉพาะ",
)  # fmt: skip
BORROWER_PHONE = "0812345677"
STAFF_PASSWORD = "Planted-Secret-7391"
SECRETS = [PLANTED.name, PLANTED.address, PLANTED.phone, PLANTED.email, PLANTED.id_number,
           PLANTED.accused, "ปลูกฝัง", BORROWER_PHONE, "ยืมลับ", STAFF_PASSWORD]  # fmt: skip
_NS = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def office(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo with the planted records and one OIT item with a kept file and a link."""
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    admin = services.auth.login("admin", PASSWORD)
    staff = services.auth.login("staff", PASSWORD)
    services.complaints.intake.receive(staff, NewComplaint(
        datetime.now(UTC), Channel.WEBSITE, Category.CORRUPTION, "เรื่องทดสอบการเผยแพร่",
        "รายละเอียดไม่ระบุตัวบุคคล", identity=PLANTED))  # fmt: skip
    services.users.create_user(admin, "planted", "นายยืมลับ ทดสอบ", frozenset({Role.STAFF}),
                               STAFF_PASSWORD)  # fmt: skip
    kept = tmp_path / "คำสั่งแต่งตั้ง 2570.pdf"
    kept.write_bytes(b"%PDF-1.4 kept file of the office\n")
    stored = store_file(evidence_root(services.ctx.database), YEAR, kept)
    with services.ctx.transaction() as session:
        item = session.scalar(select(OitItemRow).where(OitItemRow.fiscal_year == YEAR,
                                                       OitItemRow.code == "O1"))  # fmt: skip
        assert item is not None
        row = session.scalar(select(OitEvidenceRow).where(OitEvidenceRow.item_id == item.id))
        if row is None:
            row = OitEvidenceRow(item_id=item.id)
            session.add(row)
        row.urls, row.files, row.status = ("https://nongbon.go.th/structure", stored.relative,
                                           "published")  # fmt: skip
        asset = session.scalar(select(AssetRow.asset_number).where(
            AssetRow.status == "available", AssetRow.lendable.is_(True),
            AssetRow.consumable.is_(False)).order_by(AssetRow.id.desc()))  # fmt: skip
    services.ctx.database.dispose()
    assert main(["--db", str(demo_db), "loans", "request", "--borrower-name", "นายยืมลับ ทดสอบ",
                 "--borrower-phone", BORROWER_PHONE, "--asset", str(asset), "--from",
                 "15/08/2570", "--to", "16/08/2570", "--purpose", "งานบุญประจำปี",
                 "--user", "supply_officer"]) == 0  # fmt: skip
    return demo_db


def _all_text(folder: Path) -> str:
    texts = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            texts.append(data.decode("utf-8", "replace"))
            if path.suffix == ".ttf":
                continue  # the bundled font: glyphs, no text of the office
            if data.startswith(b"%PDF") and len(data) > 1000:
                with pdfplumber.open(io.BytesIO(data)) as pdf:
                    texts += [page.extract_text() or "" for page in pdf.pages]
    return "\n".join(texts)


def test_site_of_a_year(office: Path, tmp_path: Path) -> None:
    site = tmp_path / "oit"
    assert main(["--db", str(office), "export", "oit-site", "--year", str(YEAR), "--out",
                 str(site), "--base-url", "https://nongbon.go.th/oit", "--user",
                 "ita_coordinator"]) == 0  # fmt: skip
    text = _all_text(site)
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} was published"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 27  # the index and the year's 26 items
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    for page in pages:
        source = page.read_text(encoding="utf-8")
        root = parser.parse(source)  # strict: any parse error raises
        assert root.get("lang") == "th"
        assert len(root.findall(f".//{_NS}h1")) == 1
        assert not root.findall(f".//{_NS}script") and not root.findall(f".//{_NS}img")
        # nothing is loaded from elsewhere: no src, no <link>, no @import; url() only for the
        # site's own font files; other addresses are the item's links, followed by choice
        assert not re.search(r"\bsrc=\"|<link|@import", source)
        for font in re.findall(r"url\(\"([^\"]+)\"\)", source):
            assert (page.parent / font).is_file() and not urlsplit(font).scheme
        for link in root.iter(f"{_NS}a"):
            href = link.get("href")
            if not urlsplit(href).scheme:
                assert (page.parent / unquote(href)).is_file(), f"{href} of {page.name}"
    index = parser.parse((site / "index.html").read_text(encoding="utf-8"))
    codes = [row.find(f"{_NS}td").text for row in index.iter(f"{_NS}tr") if row.find(f"{_NS}td")
             is not None]  # fmt: skip
    assert codes == sorted(codes, key=oit_sort_key) and codes[0] == "O1"
    o1 = (site / "items" / "o1.html").read_text(encoding="utf-8")
    assert "คำสั่งแต่งตั้ง 2570.pdf" in o1 and "เผยแพร่แล้ว" in o1
    assert (site / "files" / "o1" / "คำสั่งแต่งตั้ง 2570.pdf").read_bytes().startswith(b"%PDF")
    assert "มาตรการส่งเสริมคุณธรรม" in (site / "items" / "o26.html").read_text(encoding="utf-8")
    links = tmp_path / "links.csv"
    assert main(["--db", str(office), "export", "oit-links", "--year", str(YEAR),
                 "--out", str(links)]) == 0  # fmt: skip
    rows = list(csv.reader(links.read_text(encoding="utf-8-sig").splitlines()))[1:]
    assert rows[0][2] == "https://nongbon.go.th/oit/items/o1.html" and len(rows) == 26
    # published again into the same folder: replaced whole; a foreign folder is refused
    assert main(["--db", str(office), "export", "oit-site", "--year", str(YEAR), "--out",
                 str(site), "--user", "ita_coordinator"]) == 0  # fmt: skip
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "a.jpg").write_bytes(b"x")
    assert main(["--db", str(office), "export", "oit-site", "--year", str(YEAR), "--out",
                 str(foreign), "--user", "ita_coordinator"]) == 2  # fmt: skip
    assert [p.name for p in foreign.iterdir()] == ["a.jpg"]
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []


def test_only_who_keeps_the_oit_checklist_publishes(office: Path, tmp_path: Path) -> None:
    assert main(["--db", str(office), "export", "oit-site", "--year", str(YEAR), "--out",
                 str(tmp_path / "site"), "--user", "staff"]) == 2  # fmt: skip
    assert not (tmp_path / "site").exists()
