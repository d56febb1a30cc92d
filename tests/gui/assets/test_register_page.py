"""The asset register page: add, search, a stale edit refused, import with a row error, retire."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from nongbon_ita.domain.assets.records import AssetCategory, AssetDraft, AssetStatus
from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.assets.register_page import AssetRegisterPage

PASSWORD = "password-1234"


@pytest.fixture
def officer(services, admin):
    services.users.create_user(admin, "wira", "นายวีระ พัสดุดี", frozenset({Role.SUPPLY_OFFICER}),
                               PASSWORD)  # fmt: skip
    return services.auth.login("wira", PASSWORD)


@pytest.fixture
def stocked(services, officer):
    """Three assets in two categories."""
    pumps = services.assets.categories.save(officer, AssetCategory(0, "ครุภัณฑ์การเกษตร", 15))
    office = services.assets.categories.save(officer, AssetCategory(0, "ครุภัณฑ์สำนักงาน"))
    services.assets.create(officer, AssetDraft("420-60-0001", "เครื่องสูบน้ำ แบบหอยโข่ง",
                                               pumps.id, serial="WP12345"))  # fmt: skip
    services.assets.create(officer, AssetDraft("401-55-0001", "เก้าอี้พลาสติก", office.id))
    services.assets.create(officer, AssetDraft("401-55-0002", "เต็นท์ผ้าใบ", office.id))
    return services


@pytest.fixture
def page(qtbot, services, officer):
    built = AssetRegisterPage(services, officer)
    qtbot.addWidget(built)
    built.resize(1200, 600)
    built.show()
    return built


def numbers(page):
    return [page.model.asset_at(r).asset_number for r in range(page.model.rowCount())]


def test_add_asset(page, services, shot):
    def fill(dialog):
        dialog.number_edit.setText("416-67-0001")
        dialog.name_edit.setText("เครื่องคอมพิวเตอร์โน้ตบุ๊ก")
        dialog.serial_edit.setText("NB-001")
        dialog.acquired_edit.setText("15/01/2567")
        dialog.value_edit.setText("23,500.00")
        shot(dialog, "assets-dialog-new")
        dialog.save()
        assert dialog.error_label.text() == ""
        return dialog.result()

    page.run_dialog = fill
    page.new_button.click()
    asset = services.assets.by_number("416-67-0001")
    assert asset.value == Decimal("23500.00")
    assert asset.acquired_on is not None and asset.acquired_on.year == 2024
    assert page.selected_asset().asset_number == "416-67-0001"


def test_search_as_you_type_and_filters(stocked, page, qtbot, shot):
    page.refresh()
    assert page.model.total() == 3
    page.search_edit.setText("สูบน้ำ")
    qtbot.waitUntil(lambda: numbers(page) == ["420-60-0001"], timeout=2000)
    assert "1" in page.count_label.text()
    page.search_edit.setText("WP123")  # a serial fragment
    qtbot.waitUntil(lambda: numbers(page) == ["420-60-0001"], timeout=2000)
    page.search_edit.setText("")
    page.category_combo.setCurrentIndex(page.category_combo.findText("ครุภัณฑ์สำนักงาน"))
    assert numbers(page) == ["401-55-0001", "401-55-0002"]
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert numbers(page) == ["401-55-0002", "401-55-0001"]
    shot(page, "assets-register-page")


def test_stale_edit_is_refused_in_the_dialog(stocked, page, officer):
    page.refresh()
    asset = page.selected_asset()
    stocked.assets.update(officer, asset.id, replace(asset.draft(), location="ห้องประชุม"),
                          asset.version)  # fmt: skip
    seen = []

    def edit(dialog):
        dialog.name_edit.setText("ชื่อใหม่")
        dialog.save()
        seen.append(dialog.error_label.text())
        return dialog.result()

    page.run_dialog = edit
    page.open_selected()
    assert "Someone else saved this record" in seen[0]
    assert stocked.assets.get(asset.id).name == asset.name


def test_import_with_mapping_and_a_row_error(qtbot, page, services, tmp_path, shot, message_log):
    path = tmp_path / "register.csv"
    path.write_text("เลขที่,รายการ,ราคา,วันที่ได้มา\n"
                    "401-60-0001,โต๊ะพับ,\"2,500\",15/01/2567\n"
                    "401-60-0002,เก้าอี้,abc,15/01/2567\n", encoding="cp874")  # fmt: skip
    results = []

    def drive(wizard):
        wizard.path_edit.setText(str(path))
        wizard.next()
        assert wizard.combos["รายการ"].currentData() == "name"  # recognised
        assert wizard.combos["เลขที่"].currentData() == ""  # not recognised: map by hand
        wizard.combos["เลขที่"].setCurrentIndex(wizard.combos["เลขที่"].findData("asset_number"))
        shot(wizard, "assets-import-mapping")
        wizard.next()
        results.append(
            [wizard.errors_list.item(i).text() for i in range(wizard.errors_list.count())]
        )
        assert not wizard.import_button.isEnabled()
        shot(wizard, "assets-import-preview-error")
        path.write_text("เลขที่,รายการ,ราคา,วันที่ได้มา\n401-60-0001,โต๊ะพับ,2500,15/01/2567\n",
                        encoding="utf-8-sig")  # fmt: skip
        wizard.back()
        wizard.back()
        wizard.next()
        assert wizard.combos["เลขที่"].currentData() == "asset_number"  # kept for the same file
        wizard.next()
        with qtbot.waitSignal(wizard.accepted, timeout=15000):
            wizard.run_import()  # off the GUI thread
        return wizard.result()

    page.run_dialog = drive
    page.import_button.click()
    assert results[0] == ["Row 3, column “ราคา”: “abc” is not an amount."]
    assert services.assets.by_number("401-60-0001").value == Decimal("2500")
    assert services.assets.count() == 1
    assert numbers(page) == ["401-60-0001"]
    assert message_log.texts() == ["Imported 1 assets."]


def test_retire_after_confirmation(stocked, page, message_log):
    page.refresh()
    asset = page.selected_asset()
    page.ask_retirement = lambda _parent, _asset: (AssetStatus.DISPOSED, "ชำรุด")
    message_log.answer = message_log.answer.No
    page.retire_button.click()
    assert stocked.assets.get(asset.id).status is AssetStatus.AVAILABLE
    message_log.answer = message_log.answer.Yes
    page.retire_button.click()
    assert stocked.assets.get(asset.id).status is AssetStatus.DISPOSED
    assert page.model.total() == 3  # never deleted
    assert "Record" in message_log.texts()[-1]


def test_read_only_user_sees_no_edit_buttons(qtbot, stocked, staff):
    built = AssetRegisterPage(stocked, staff)
    qtbot.addWidget(built)
    assert not built.new_button.isVisibleTo(built) and not built.retire_button.isVisibleTo(built)
    assert built.model.total() == 3
    dialogs = []
    built.run_dialog = lambda d: dialogs.append(d) or QDialog.DialogCode.Rejected
    built.open_selected()
    assert dialogs[0].number_edit.isReadOnly()


def test_print_labels_opens_the_preview(stocked, page, qtbot):
    page.refresh()
    opened = []
    page.open_preview = opened.append
    page.labels_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].page_count() == 1


def test_an_import_refused_at_the_last_step_says_why_in_the_wizard(
    qtbot, services, officer, tmp_path
):
    from nongbon_ita.gui.assets.import_wizard import ImportWizard

    path = tmp_path / "register.csv"
    path.write_text("เลขที่,รายการ\n401-60-0009,โต๊ะพับ\n", encoding="utf-8")
    wizard = ImportWizard(services.assets, officer)
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(path))
    wizard.next()
    wizard.combos["เลขที่"].setCurrentIndex(wizard.combos["เลขที่"].findData("asset_number"))
    wizard.next()
    assert wizard.import_button.isEnabled()  # the preview found nothing wrong
    services.assets.create(officer, AssetDraft("401-60-0009", "โต๊ะตัวเดิม"))  # someone else, now
    with qtbot.waitSignal(wizard.runner.busy, timeout=15000,
                          check_params_cb=lambda busy: busy is False):  # fmt: skip
        wizard.run_import()
    assert "Nothing was imported" in wizard.error_label.text()
    assert wizard.result() != QDialog.DialogCode.Accepted and wizard.imported == 0
    assert services.assets.by_number("401-60-0009").name == "โต๊ะตัวเดิม"


@pytest.mark.parametrize("confirmed", [False, True])
def test_a_first_import_lists_new_divisions_and_creates_them_after_one_confirmation(
    qtbot, services, officer, tmp_path, confirmed: bool
):
    from nongbon_ita.gui.assets.import_wizard import ImportWizard

    path = tmp_path / "register.csv"
    path.write_bytes("หมายเลขครุภัณฑ์,รายการ,ประเภท,ราคา (บาท),สถานที่ใช้งาน,ส่วนราชการ\r\n"
                     "035-65-0001,เครื่องสูบน้ำ,ครุภัณฑ์การเกษตร,\"18,900\",โรงเก็บพัสดุ,กองช่าง\r\n"
                     .encode("cp874"))  # fmt: skip
    asked: list[str] = []

    def confirm(_parent, missing: str) -> bool:
        asked.append(missing)
        return confirmed

    wizard = ImportWizard(services.assets, officer, confirm=confirm)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.next()
    wizard.next()  # every column placed by itself: straight to the preview
    assert wizard.new_names_label.isVisible()
    assert "กองช่าง" in wizard.new_names_label.text()
    assert "ครุภัณฑ์การเกษตร" in wizard.new_names_label.text()
    assert wizard.import_button.isEnabled()
    if not confirmed:
        wizard.run_import()
        assert len(asked) == 1 and services.assets.count() == 0
        assert services.office.divisions() == []
        return
    with qtbot.waitSignal(wizard.runner.busy, timeout=15000,
                          check_params_cb=lambda busy: busy is False):  # fmt: skip
        wizard.run_import()
    assert len(asked) == 1 and "กองช่าง" in asked[0]
    assert wizard.imported == 1
    pump = services.assets.by_number("035-65-0001")
    assert pump.location == "โรงเก็บพัสดุ" and pump.value == Decimal("18900")
    assert [d.name for d in services.office.divisions()] == ["กองช่าง"]
    assert pump.division_id == services.office.divisions()[0].id
