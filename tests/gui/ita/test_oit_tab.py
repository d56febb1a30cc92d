"""The OIT tab: what is missing at a glance, an item's addresses edited, the list exported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QPlainTextEdit

from nongbon_ita.domain.ita.oit import OitStatus
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.oit_tab import OitTab
from nongbon_ita.services.registry import Services
from tests.gui.ita.test_ita_page import make_user


def test_edit_filter_and_export_the_oit_list(
    qtbot, services: Services, admin: CurrentUser, message_log, tmp_path: Path
) -> None:
    coordinator = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    services.ita.years.start_year(coordinator, 2569)

    def fill(dialog: QDialog) -> int:
        dialog.findChild(QPlainTextEdit).setPlainText("https://www.nongbon.go.th/ita/o26\n")
        status = dialog.findChild(QComboBox)
        status.setCurrentIndex(status.findData(OitStatus.PUBLISHED.value))
        dialog.accept()  # the dialog saves on OK
        return dialog.result()

    out = tmp_path / "links.xlsx"
    tab = OitTab(services, coordinator, ask=fill, choose_xlsx=lambda _p, _s: str(out))
    qtbot.addWidget(tab)
    tab.load(2569)
    assert tab.table.rowCount() == 26 and "26" in tab.summary.text()
    tab.table.selectRow(25)
    tab.edit()
    entry = services.ita.oit.entry(2569, "O26")
    assert entry.urls == ("https://www.nongbon.go.th/ita/o26",) and not entry.missing
    tab.missing_only.setChecked(True)
    assert tab.table.rowCount() == 25 and tab.table.item(24, 0).text() == "O25"
    tab.export()
    assert out.is_file() and "links.xlsx" in message_log.last()
