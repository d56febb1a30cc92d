"""First run: office profile, first admin, one-time recovery code."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from nongbon_ita.gui.first_run_wizard import FirstRunWizard


def fill_office(wizard: FirstRunWizard) -> None:
    edits = wizard.office_page.edits
    edits["name"].setText("องค์การบริหารส่วนตำบลหนองบอน")
    edits["short_name"].setText("อบต.หนองบอน")
    edits["district"].setText("อำเภอโกสุมพิสัย")
    edits["province"].setText("มหาสารคาม")
    edits["address"].setText("๙๙ หมู่ ๑ ตำบลหนองบอน")
    edits["phone"].setText("043-000000")


def fill_admin(wizard: FirstRunWizard, repeat: str = "nongbon-demo") -> None:
    page = wizard.admin_page
    page.username_edit.setText("admin")
    page.full_name_edit.setText("นางสาวใจดี มีสุข")
    page.password_edit.setText("nongbon-demo")
    page.repeat_edit.setText(repeat)


def test_wizard_creates_office_and_admin_and_shows_code(qtbot, blank_services, shot):
    wizard = FirstRunWizard(blank_services.setup)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.office_page.isComplete()  # required fields are empty
    fill_office(wizard)
    assert wizard.office_page.isComplete()
    shot(wizard, "wizard-1-office")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN_PAGE
    fill_admin(wizard, repeat="something-else")
    wizard.next()  # mismatched passwords: refused inline, nothing created
    assert wizard.currentId() == FirstRunWizard.ADMIN_PAGE
    assert wizard.admin_page.error_label.isVisible()
    assert not blank_services.setup.is_initialised()
    fill_admin(wizard)
    shot(wizard, "wizard-2-admin")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.RECOVERY_PAGE
    assert blank_services.setup.is_initialised()
    profile = blank_services.office.profile()
    assert profile.name == "องค์การบริหารส่วนตำบลหนองบอน"
    assert profile.district == "โกสุมพิสัย"  # the อำเภอ prefix is stripped by the service
    assert profile.phone == "043-000000"
    code = wizard.recovery_code
    assert code and len(code.replace("-", "")) == 20
    assert wizard.recovery_page.code_label.text() == code
    shot(wizard, "wizard-3-recovery")
    # Finish only after confirming the code is written down; cancel is refused meanwhile.
    assert not wizard.recovery_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    wizard.reject()
    assert wizard.isVisible()
    wizard.recovery_page.confirm_box.setChecked(True)
    assert wizard.recovery_page.isComplete()
    with qtbot.waitSignal(wizard.accepted, timeout=1000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    user = blank_services.auth.login("admin", "nongbon-demo")
    assert user.full_name == "นางสาวใจดี มีสุข"


def test_wizard_shows_service_refusal_inline(qtbot, blank_services):
    wizard = FirstRunWizard(blank_services.setup)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_office(wizard)
    wizard.next()
    fill_admin(wizard)
    wizard.admin_page.username_edit.setText("ผู้ดูแล")  # not a Latin user name
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN_PAGE
    assert "user name" in wizard.admin_page.error_label.text()
    assert not blank_services.setup.is_initialised()
