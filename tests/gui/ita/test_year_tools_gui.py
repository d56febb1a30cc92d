"""The coordinator's year tools in the GUI: carrying last year over after reviewing the item
mapping, importing the NACC's table (a bad row named, the mapping reviewed), and one OIT item's
person, due date and kept files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.ita.item_mapping import MatchKind
from nongbon_ita.domain.ita.measure import MeasureDraft
from nongbon_ita.domain.ita.oit import OitStatus
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.carry_dialog import CarryDialog
from nongbon_ita.gui.ita.catalogue_import_dialog import CatalogueImportDialog
from nongbon_ita.gui.ita.oit_dialog import OitEntryDialog
from nongbon_ita.i18n.translate import set_language
from nongbon_ita.services.registry import Services
from tests.gui.ita.test_ita_page import make_user

Snap = Callable[[QWidget, str], Path]
TABLE = (
    "รหัส,ชื่อรายการ,หมวด,ตัวชี้วัดย่อย,ตัวชี้วัด,บทบาท\n"
    "O1,โครงสร้าง หน้าที่และอำนาจ,ข้อมูลพื้นฐาน,9.1 ข้อมูลพื้นฐาน,9,\n"
    "O2,ข้อมูลสถิติเรื่องร้องเรียนการทุจริตฯ,,10.1 การป้องกัน,10,complaint-stats\n"
    "O3,รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส,,,10,measures-report\n"
)


@pytest.fixture
def coordinator(services: Services, admin: CurrentUser) -> CurrentUser:
    """The coordinator of an office with 2566 (a measure, evidence on O43) and 2569 started."""
    user = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    ita = services.ita
    ita.catalogue.install_defaults(user, 2566)
    ita.plan.create(user, 2566, MeasureDraft(10, "ประเด็น", oit_items=("O43", "O1")))
    ita.oit.save(user, 2566, "O43", urls=["https://nongbon.go.th/o43"],
                 status=OitStatus.PUBLISHED)  # fmt: skip
    ita.years.start_year(user, 2569)
    set_language("th")
    return user


def test_carry_shows_the_mapping_and_copies_what_the_coordinator_approved(
    qtbot, services: Services, coordinator: CurrentUser, message_log, shot: Snap
) -> None:
    dialog = CarryDialog(services, coordinator, 2569)
    qtbot.addWidget(dialog)
    dialog.from_spin.setValue(2566)
    assert dialog.table.rowCount() == 43
    row = next(i for i, m in enumerate(dialog.table.mapping) if m.old_code == "O43")
    assert dialog.table.combos[row].currentData() == "O26"
    assert dialog.table.item(row, 3).text() == "ตามบทบาท"
    assert services.ita.plan.measures(2569) == []  # nothing before the approval
    dialog.table.choose("O1", "O1")  # the coordinator maps 2566's O1 by hand
    assert dialog.table.changes() == {"O1": "O1"}
    shot(dialog, "ita-carry-dialog")
    dialog.carry_button.click()
    assert "ยกไปปี 2569 แล้ว" in message_log.last()
    (measure,) = services.ita.plan.measures(2569)
    assert measure.oit_items == ("O26", "O1")
    assert services.ita.oit.entry(2569, "O26").urls == ("https://nongbon.go.th/o43",)


def test_import_names_a_bad_row_then_reviews_the_mapping(
    qtbot, services: Services, coordinator: CurrentUser, message_log, tmp_path: Path, shot: Snap
) -> None:
    services.ita.oit.save(coordinator, 2569, "O26", urls=["https://nongbon.go.th/o26"])
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,role\nO1,ก,\nO2,ข,boss\n", encoding="utf-8")
    good = tmp_path / "nacc-2569.csv"
    good.write_bytes(TABLE.encode("cp874"))
    chosen = iter([str(bad), str(good)])
    dialog = CatalogueImportDialog(services, coordinator, 2569, choose=lambda _p: next(chosen))
    qtbot.addWidget(dialog)
    dialog.choose_file()
    assert "แถว 2 คอลัมน์ role" in dialog.error.text() and not dialog.import_button.isEnabled()
    shot(dialog, "ita-import-error")
    dialog.choose_file()
    assert dialog.items.rowCount() == 3 and dialog.mapping.isVisibleTo(dialog)
    row = next(i for i, m in enumerate(dialog.mapping.mapping) if m.old_code == "O26")
    assert dialog.mapping.mapping[row].how is MatchKind.ROLE
    assert dialog.mapping.combos[row].currentData() == "O3"
    shot(dialog, "ita-import-mapping")
    dialog.import_button.click()
    assert dialog.imported and "3" in message_log.last()
    assert services.ita.oit.entry(2569, "O3").urls == ("https://nongbon.go.th/o26",)
    assert not services.ita.catalogue.catalogue(2569).provenance.confirmed


def test_an_oit_item_keeps_its_person_due_date_and_files(
    qtbot, services: Services, coordinator: CurrentUser, admin: CurrentUser, message_log,
    tmp_path: Path, shot: Snap,
) -> None:  # fmt: skip
    staff = make_user(services, admin, "somchai", Role.STAFF)
    scan = tmp_path / "โครงสร้าง.pdf"
    scan.write_bytes(b"%PDF-1.4 org chart")
    entry = services.ita.oit.entry(2569, "O1")
    dialog = OitEntryDialog(services, coordinator, 2569, entry, choose=lambda _p: [str(scan)])
    qtbot.addWidget(dialog)
    dialog.responsible.setCurrentIndex(dialog.responsible.findData(staff.id))
    dialog.due.setText("31/03/2570")
    dialog.add_files()
    dialog.urls.setPlainText("https://www.nongbon.go.th/ita/o1")
    shot(dialog, "ita-oit-item-dialog")
    dialog.accept()
    saved = services.ita.oit.entry(2569, "O1")
    assert saved.responsible_user_id == staff.id and saved.due_on == date(2027, 3, 31)
    (stored,) = saved.files
    assert stored.endswith("/โครงสร้าง.pdf")
    assert services.ita.oit.file_path(stored).read_bytes() == b"%PDF-1.4 org chart"
    again = OitEntryDialog(services, coordinator, 2569, saved)
    qtbot.addWidget(again)
    again.files.setCurrentRow(0)
    again.link_selected()
    again.accept()
    assert services.ita.oit.entry(2569, "O1").urls[-1] == f"kept:{stored}"
    last = OitEntryDialog(services, coordinator, 2569, services.ita.oit.entry(2569, "O1"))
    qtbot.addWidget(last)
    last.files.setCurrentRow(0)
    last.remove_selected()  # the file and its kept: link go together
    last.accept()
    assert services.ita.oit.entry(2569, "O1").files == ()
    assert services.ita.oit.entry(2569, "O1").urls == ("https://www.nongbon.go.th/ita/o1",)
