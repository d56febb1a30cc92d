"""The measures tab's Import… and Export to Excel…: a file's rows added to the year on screen
(asked first when the year has measures), the year's measures written to a workbook."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from nongbon_ita.gui.ita.measures_tab import MeasuresTab

ROWS = [
    {"form": "IIT", "indicator": "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ", "sub_indicator": "",
     "issue": "ยังไม่มีคู่มือการยืมทรัพย์สิน", "result": "๑.จัดทำคู่มือการยืมพัสดุ"},
    {"form": "OIT", "indicator": "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", "sub_indicator": "",
     "issue": "ยังไม่มีช่องทางแจ้งเรื่องร้องเรียน", "result": "-เปิดช่องทางออนไลน์"},
]  # fmt: skip


def make_tab(qtbot, services, coordinator, tmp_path: Path, chosen: dict[str, str | None]):
    tab = MeasuresTab(services, coordinator,
                      choose_file=lambda _parent: chosen.get("file"),
                      choose_xlsx=lambda _parent, _name: chosen.get("xlsx"))  # fmt: skip
    qtbot.addWidget(tab)
    tab.resize(1100, 500)
    tab.show()
    tab.load(2567)
    return tab


def test_import_adds_to_the_year_and_export_writes_it(
    qtbot, services, user_with, tmp_path: Path, message_log
) -> None:
    from nongbon_ita.domain.roles import Role

    coordinator = user_with(Role.ITA_COORDINATOR)
    source = tmp_path / "มาตรการ-2567.json"
    source.write_text(json.dumps({"rows": ROWS}, ensure_ascii=False), encoding="utf-8")
    chosen: dict[str, str | None] = {"file": str(source), "xlsx": str(tmp_path / "out")}
    tab = make_tab(qtbot, services, coordinator, tmp_path, chosen)
    files = tab.files
    assert files is not None and files.import_button.isVisible()
    with qtbot.waitSignal(files.imported, timeout=15000):
        files.import_button.click()  # an empty year: nothing to ask
    assert tab.model.rowCount() == 2
    assert "Imported 2 measures into fiscal year 2567." in message_log.last()
    message_log.answer = QMessageBox.StandardButton.No
    files.import_button.click()  # the year has measures now: asked, and "No" adds nothing
    assert "already has 2 measures" in message_log.last() and tab.model.rowCount() == 2
    with qtbot.waitSignal(files.exported, timeout=15000) as done:
        files.export_button.click()
    assert done.args[0] == tmp_path / "out.xlsx"
    book = load_workbook(done.args[0])
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows()
                     for c in row if c.value)  # fmt: skip
    assert "ยังไม่มีคู่มือการยืมทรัพย์สิน" in cells


def test_a_bad_file_is_refused_whole_with_its_row(
    qtbot, services, user_with, tmp_path: Path, message_log
) -> None:
    from nongbon_ita.domain.roles import Role

    coordinator = user_with(Role.ITA_COORDINATOR)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"rows": [ROWS[0], {**ROWS[1], "form": "XYZ"}]}), encoding="utf-8")
    tab = make_tab(qtbot, services, coordinator, tmp_path, {"file": str(bad)})
    assert tab.files is not None
    with qtbot.waitSignal(tab.files.runner.busy, timeout=15000,
                          check_params_cb=lambda busy: busy is False):  # fmt: skip
        tab.files.import_button.click()
    assert tab.model.rowCount() == 0  # nothing of the file was kept
    assert "Row 2, column form" in message_log.last()  # where the file is wrong


def test_staff_export_but_do_not_import(qtbot, services, user_with, tmp_path: Path) -> None:
    from nongbon_ita.domain.roles import Role

    staff = user_with(Role.STAFF)
    tab = make_tab(qtbot, services, staff, tmp_path, {})
    assert tab.files is not None
    assert not tab.files.import_button.isVisible() and tab.files.export_button.isVisible()
