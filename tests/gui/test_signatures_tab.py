"""Settings → Electronic signatures: an official's certificate set from a .p12 (password asked,
not kept), its expiry shown and warned about 30 days ahead, a root imported, a PDF checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.domain.office import Official, SignatureRole
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.pages import signatures_tab
from nongbon_ita.gui.pages.dashboard_page import DashboardPage
from nongbon_ita.gui.pages.signatures_tab import SignaturesTab
from nongbon_ita.services.registry import Services
from tests.gui.conftest import SHOTS_DIR
from tests.signing.certs import P12_PASSWORD, make_ca, make_p12


def test_set_certificate_warn_expiry_and_check_a_pdf(
    qtbot, services: Services, admin: CurrentUser, message_log, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    name = "นายบุญมี ศรีหนองบอน"
    services.office.save_official(admin, Official(0, name, "นายก อบต.",
                                                  SignatureRole.EXECUTIVE))  # fmt: skip
    ca = make_ca()
    p12 = make_p12(ca, name, tmp_path / "executive.p12", days=20)  # expires within 30 days
    chosen = [str(p12)]
    monkeypatch.setattr(signatures_tab, "choose_file", lambda *_a: chosen.pop(0))
    monkeypatch.setattr(signatures_tab, "ask_password", lambda *_a: P12_PASSWORD)
    tab = SignaturesTab(services, admin)
    qtbot.addWidget(tab)
    assert tab.warning.isHidden()
    tab.table.selectRow(0)
    tab.set_certificate()
    assert tab.table.item(0, 2).text() == str(p12) and tab.table.item(0, 3).text() == name
    assert not tab.warning.isHidden() and name in tab.warning.text()
    assert tab.table.item(0, 4).foreground().color().name() == "#b91c1c"
    tab.resize(900, 400)
    SHOTS_DIR.mkdir(exist_ok=True)
    tab.grab().save(str(SHOTS_DIR / "signatures-tab.png"))
    # a signed PDF checked from the tab: not trusted until the CA's root is imported
    key = services.signing.key_of_official(SignatureRole.EXECUTIVE, P12_PASSWORD)
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(services.signing.sign(admin, _one_block_pdf(name), key))
    chosen.append(str(signed))
    tab.verify_pdf()
    assert "not valid" in message_log.last()
    chosen.append(str(ca.pem(tmp_path / "ca.pem")))
    tab.import_root()
    chosen.append(str(signed))
    tab.verify_pdf()
    assert "All 1 signatures are valid." in message_log.last()


def _one_block_pdf(full_name: str) -> bytes:
    from nongbon_ita.reports.thai import BODY, signature_block
    from nongbon_ita.reports.thai.template import build_pdf

    return build_pdf([signature_block("ผู้รับรอง", full_name, "นายก อบต.", BODY)])


def test_dashboard_of_admin_lists_certificates_near_their_end(
    qtbot, services: Services, admin: CurrentUser, staff: CurrentUser, tmp_path: Path
) -> None:  # fmt: skip
    from nongbon_ita.gui.run import build_main_window
    from nongbon_ita.services.signing.keys import certificate_info

    ca = make_ca()
    for name, role, days in (("นายบุญมี ศรีหนองบอน", SignatureRole.EXECUTIVE, 12),
                             ("นายวีระ พัสดุดี", SignatureRole.SUPPLY_OFFICER, 300)):  # fmt: skip
        official = services.office.save_official(admin, Official(0, name, "ตำแหน่ง", role))
        p12 = make_p12(ca, name, tmp_path / f"{role.value}.p12", days=days)
        services.signing.certificates.bind(admin, official.id, p12,
                                           certificate_info(p12, P12_PASSWORD))  # fmt: skip
    window = build_main_window(services, admin)
    qtbot.addWidget(window)
    section = window.findChild(DashboardPage).sections["certificates"]
    rows = section.model.rows()
    assert [b.official_name for b in rows] == ["นายบุญมี ศรีหนองบอน"]  # not the one valid 300 days
    assert section.model.data(section.model.index(0, 4)) in ("11 days", "12 days")
    section.resize(900, 200)
    section.grab().save(str(SHOTS_DIR / "dashboard-certificates.png"))
    other = build_main_window(services, staff)  # staff set no certificates: no such section
    qtbot.addWidget(other)
    assert "certificates" not in other.findChild(DashboardPage).sections
