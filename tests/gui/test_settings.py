"""Settings: office profile (admin edits, others read), stale edits, officials, language, password."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QMessageBox

from nongbon_ita.domain.office import SignatureRole
from nongbon_ita.gui import preferences
from nongbon_ita.gui.pages.settings_page import SettingsPage


def make_page(qtbot, services, user, **kwargs):
    page = SettingsPage(services, user, **kwargs)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def test_admin_edits_office_profile_and_saves(qtbot, services, admin, message_log, shot, tmp_path):
    logo = tmp_path / "logo.png"
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(logo))
    page = make_page(qtbot, services, admin, choose_logo=lambda _parent: str(logo))
    tab = page.office_tab
    assert tab.editable and tab.save_button.isVisible() and not tab.notice.isVisible()
    tab.edits["address"].setText("๙๙ หมู่ ๑ ตำบลหนองบอน")
    tab.edits["phone"].setText("043-123456")
    tab.edits["province"].setText("จังหวัดมหาสารคาม")
    tab.choose_logo_button.click()
    assert tab.save()
    saved = services.office.profile()
    assert saved.address == "๙๙ หมู่ ๑ ตำบลหนองบอน" and saved.phone == "043-123456"
    assert saved.province == "มหาสารคาม"
    assert tab.edits["province"].text() == "มหาสารคาม"
    assert saved.logo_png and saved.logo_png.startswith(b"\x89PNG")
    assert QImage.fromData(saved.logo_png).width() == 600  # shrunk to LOGO_MAX_PIXELS
    assert message_log.last() == "The office profile was saved."
    shot(page, "settings-1-office-admin")
    # a second save works because the tab keeps the version it saved
    tab.edits["website"].setText("https://nongbon.go.th")
    assert tab.save()
    # a required field left empty: refused inline, nothing saved
    tab.edits["name"].setText("")
    assert not tab.save()
    assert tab.error_label.text() == "Enter the office's name."
    assert services.office.profile().name == "องค์การบริหารส่วนตำบลหนองบอน"


def test_non_admin_sees_read_only_profile(qtbot, services, staff, shot):
    page = make_page(qtbot, services, staff)
    tab = page.office_tab
    assert not tab.editable
    assert tab.notice.isVisible()
    assert not tab.save_button.isVisible() and not tab.choose_logo_button.isVisible()
    assert all(edit.isReadOnly() for edit in tab.edits.values())
    assert tab.edits["name"].text() == "องค์การบริหารส่วนตำบลหนองบอน"
    assert page.users_tab is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Office profile",
        "Divisions and officials",
        "Electronic signatures",  # read-only for staff, but anyone may check a signed PDF
        "Language",
        "My password",
    ]
    assert not page.officials_tab.add_button.isVisible()
    shot(page, "settings-1-office-readonly")


def test_stale_edit_is_refused_with_a_clear_message(qtbot, services, admin, message_log):
    page = make_page(qtbot, services, admin)
    tab = page.office_tab
    # someone else saves after this tab read the profile
    other = services.office.profile()
    services.office.update_profile(admin, replace(other, phone="043-999999"))
    tab.edits["phone"].setText("043-111111")
    message_log.answer = QMessageBox.StandardButton.Yes  # "Reload"
    assert not tab.save()
    assert "Someone else saved this record" in message_log.last()
    assert services.office.profile().phone == "043-999999"
    assert tab.edits["phone"].text() == "043-999999"  # reloaded
    tab.edits["phone"].setText("043-111111")
    assert tab.save()


def test_divisions_and_officials(qtbot, services, admin, shot):
    page = make_page(qtbot, services, admin)
    tab = page.officials_tab
    seen = []

    def run_dialog(dialog):
        seen.append(dialog)
        dialog.full_name_edit.setText("นายสมชาย ใจดี")
        dialog.position_edit.setText("นายกองค์การบริหารส่วนตำบลหนองบอน")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(SignatureRole.EXECUTIVE.value))
        dialog.division_combo.setCurrentIndex(1)
        shot(dialog, "dialog-official")
        dialog.save()
        return dialog.result()

    tab._run_dialog = run_dialog
    tab.division_edit.setText("สำนักปลัด")
    tab.add_division_button.click()
    assert [d.name for d in services.office.divisions()] == ["สำนักปลัด"]
    assert tab.division_list.count() == 1
    tab.add_official()
    assert seen[0].result() == QDialog.DialogCode.Accepted
    signer = services.office.signer(SignatureRole.EXECUTIVE)
    assert signer is not None and signer.full_name == "นายสมชาย ใจดี"
    assert signer.division_id == services.office.divisions()[0].id
    assert tab.model.rowCount() == 1
    page.show_tab(tab)
    shot(page, "settings-2-officials")
    # edit: the dialog opens on the selected official
    tab.table.selectRow(0)

    def rename(dialog):
        assert dialog.full_name_edit.text() == "นายสมชาย ใจดี"
        dialog.position_edit.setText("นายก อบต.หนองบอน")
        dialog.save()
        return dialog.result()

    tab._run_dialog = rename
    tab.edit_official()
    assert services.office.signer(SignatureRole.EXECUTIVE).position == "นายก อบต.หนองบอน"


def test_official_dialog_refuses_missing_position(qtbot, services, admin):
    page = make_page(qtbot, services, admin)

    def run_dialog(dialog):
        dialog.full_name_edit.setText("นางสาวสมศรี")
        dialog.save()
        assert dialog.error_label.text() == "Enter the official's position."
        return dialog.result()

    page.officials_tab._run_dialog = run_dialog
    page.officials_tab.add_official()
    assert services.office.officials() == []


def test_language_choice_is_saved(qtbot, services, admin, message_log, shot):
    page = make_page(qtbot, services, admin)
    tab = page.language_tab
    page.show_tab(tab)
    shot(page, "settings-4-language")
    tab.buttons["th"].setChecked(True)
    tab.save_button.click()
    assert preferences.saved_language() == "th"
    assert "open it again" in message_log.last()
    tab.buttons["en"].setChecked(True)
    tab.save()
    assert preferences.saved_language() == "en"


def test_change_my_password(qtbot, services, staff, message_log, shot):
    page = make_page(qtbot, services, staff)
    form = page.password_form
    page.show_tab(form)
    form.old_edit.setText("password-1234")
    form.new_edit.setText("short")
    form.repeat_edit.setText("short")
    assert not form.submit()
    assert "at least 8 characters" in form.error_label.text()
    form.new_edit.setText("a-new-password")
    form.repeat_edit.setText("a-new-pasX")
    assert form.error_label.text() == "The two new passwords are not the same."
    shot(page, "settings-5-password")
    form.repeat_edit.setText("a-new-password")
    form.save_button.click()
    assert message_log.last() == "Your password was changed."
    assert services.auth.login("somchai", "a-new-password").username == "somchai"
