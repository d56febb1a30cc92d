"""Issue 11's "done when", in the GUI: the coordinator runs fiscal year 2570 — starts it from
2569 (unconfirmed), imports the corrected table, confirms it, records 2569's form scores and sees
the level, gets draft measures, carries last year's OIT evidence after reviewing the mapping,
keeps an item's evidence, exports the ITAS list and previews the plan and the report with the
year's codes (O25/O26 from the 2569 framework)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QDialog

from nongbon_ita.domain.ita.measure import MeasureDraft
from nongbon_ita.domain.ita.oit import OitStatus
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.carry_dialog import CarryDialog
from nongbon_ita.gui.ita.catalogue_import_dialog import CatalogueImportDialog
from nongbon_ita.gui.ita.oit_dialog import OitEntryDialog
from nongbon_ita.gui.ita.page import ItaPage
from nongbon_ita.i18n.translate import set_language
from nongbon_ita.services.ita.catalogue_years import COLUMNS
from nongbon_ita.services.registry import Services
from tests.gui.ita.test_ita_page import make_user, pdf_text

TODAY = date(2026, 12, 3)  # fiscal year 2570
SCORES_2569 = {1: "91", 2: "88", 3: "90", 4: "72.40", 5: "87", 6: "86", 7: "80.10", 8: "93",
               9: "90", 10: "83"}  # fmt: skip


def _last_year(services: Services, coordinator: CurrentUser) -> None:
    """2569 as the office left it: its shipped list confirmed, a measure, a published O26."""
    ita = services.ita
    ita.years.start_year(coordinator, 2569)
    ita.years.confirm(coordinator, 2569)
    ita.plan.create(coordinator, 2569, MeasureDraft(10, "ประเด็น", oit_items=("O26",)))
    ita.oit.save(coordinator, 2569, "O26", urls=["https://www.nongbon.go.th/ita/2569/o26"],
                 status=OitStatus.PUBLISHED)  # fmt: skip


def test_the_coordinator_runs_fiscal_year_2570(
    qtbot, services: Services, admin: CurrentUser, message_log, tmp_path: Path, shot
) -> None:
    coordinator = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    _last_year(services, coordinator)
    set_language("th")
    opened: list[object] = []
    page = ItaPage(services, coordinator, today=lambda: TODAY, open_preview=opened.append)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    assert page.fiscal_year() == 2570

    # start the year from 2569: unconfirmed, said on screen
    catalogue = page.catalogue
    page.tabs.setCurrentWidget(catalogue)
    catalogue.start_year()
    assert catalogue.items.rowCount() == 26
    assert "ยังไม่ยืนยัน — ตรวจกับคู่มือของ ป.ป.ช." in catalogue.status.label.text()
    shot(page, "ita-2570-started")

    # import the corrected table (O2's name found) through the dialog
    table = tmp_path / "nacc-2570.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in services.ita.years.rows(2570):
        writer.writerow(("O2", "ข้อมูลผู้บริหาร", *row[2:]) if row[0] == "O2" else row)
    table.write_text(buffer.getvalue(), encoding="utf-8")

    def run_import(dialog: QDialog) -> bool:
        assert isinstance(dialog, CatalogueImportDialog)
        dialog.load(str(table))
        dialog.import_button.click()
        return dialog.imported

    catalogue._ask = run_import
    catalogue.import_table()
    assert catalogue.items.item(1, 1).text() == "ข้อมูลผู้บริหาร"
    catalogue.confirm_year()  # the message box is answered "yes"
    assert services.ita.catalogue.catalogue(2570).provenance.confirmed
    assert "ยืนยันแล้วโดย" in catalogue.status.label.text()
    shot(page, "ita-2570-confirmed")

    # 2569's form scores: the total with the weights and the level in words; draft measures
    scores = page.scores
    page.tabs.setCurrentWidget(scores)
    for form, value in zip(scores.forms.values(), ("88.50", "86.20", "84.10"), strict=True):
        form.setText(value)
    for row in range(scores.table.rowCount()):
        scores.table.item(row, 3).setText(SCORES_2569[row + 1])
    assert scores.flagged_numbers() == [4, 7, 10]
    assert scores.save()
    assert scores.overall.text() == "86.05" and scores.level.text() == "ผ่าน"
    shot(page, "ita-2570-scores")
    scores.create_button.click()
    assert len(services.ita.plan.measures(2570)) == 3

    # last year's OIT evidence, carried by role after the review (the measures exist already)
    def carry(dialog: CarryDialog) -> None:
        assert not dialog.measures.isChecked()
        row = next(i for i, m in enumerate(dialog.table.mapping) if m.old_code == "O26")
        assert dialog.table.combos[row].currentData() == "O26"
        shot(dialog, "ita-2570-carry")
        dialog.carry_button.click()

    page.measures.open_carry = carry
    page.measures.copy_last_year()
    assert services.ita.oit.entry(2570, "O26").status is OitStatus.IN_PROGRESS

    # keep O26's evidence for this year and export the ITAS list
    oit = page.oit
    page.tabs.setCurrentWidget(oit)
    oit.load(2570)
    oit.table.selectRow(25)

    def keep(dialog: QDialog) -> int:
        assert isinstance(dialog, OitEntryDialog)
        dialog.urls.setPlainText("https://www.nongbon.go.th/ita/2570/o26")
        dialog.status.setCurrentIndex(dialog.status.findData(OitStatus.PUBLISHED.value))
        dialog.due.setText("31/03/2570")
        dialog.accept()
        return dialog.result()

    oit._ask = keep
    oit.edit()
    shot(page, "ita-2570-oit")
    out = tmp_path / "itas-2570.xlsx"
    oit._choose = lambda _p, _s: str(out)
    oit.export()
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet["A27"].value == "O26"
    assert sheet["C27"].value == "https://www.nongbon.go.th/ita/2570/o26"

    # the plan and the report print the year's codes (their buttons show them too)
    page.reload()
    assert page.preview_buttons["report"].text().endswith("O26")
    for key, code in (("plan", "O25"), ("report", "O26")):
        with qtbot.waitSignal(page.previewer.opened, timeout=20000) as blocker:
            page.preview_buttons[key].click()
        preview = blocker.args[0]
        qtbot.addWidget(preview)
        text = pdf_text(preview.pdf_bytes, tmp_path)
        assert f"{code}ปีงบประมาณ๒๕๗๐" in text, key
