"""First run: the office profile, the first administrator, then the one-time recovery code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.errors import DomainError, ValidationError
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.password_form import password_edit
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.setup import SetupService

OFFICE_FIELDS = ("name", "short_name", "district", "province", "address", "phone")


class OfficePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Your office"))
        self.setSubTitle(
            _(
                "Documents print these details in their header. You can change them later in Settings."
            )
        )
        labels = {
            "name": (_("Office name"), "องค์การบริหารส่วนตำบลหนองบอน"),
            "short_name": (_("Short name"), "อบต.หนองบอน"),
            "district": (_("District"), "โกสุมพิสัย"),
            "province": (_("Province"), "มหาสารคาม"),
            "address": (_("Address"), ""),
            "phone": (_("Phone"), ""),
        }
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for key, (label, example) in labels.items():
            edit = QLineEdit(self)
            if example:
                edit.setPlaceholderText(_("e.g. {example}").format(example=example))
            required = key in ("name", "short_name", "district", "province")
            form.addRow(label + (" *" if required else ""), edit)
            self.registerField(f"office.{key}" + ("*" if required else ""), edit)
            self.edits[key] = edit
        self.error_label = ErrorLabel(self)
        form.addRow(self.error_label)
        # several workstations: the office is set up once, on the server (README)
        self.server_button = QPushButton(_("Use the office's server…"), self)
        self.server_button.setToolTip(
            _("This office already keeps its data on a PostgreSQL server: connect to it instead.")
        )
        form.addRow(self.server_button)

    def profile(self) -> OfficeProfile:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        return OfficeProfile(**values)


class AdminPage(QWizardPage):
    def __init__(self, setup: SetupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.recovery_code: str | None = None
        self.setTitle(_("The first administrator"))
        self.setSubTitle(_("This account manages users, the office profile and backups."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Create"))
        self.username_edit = QLineEdit(self)
        self.username_edit.setPlaceholderText("admin")
        self.full_name_edit = QLineEdit(self)
        self.password_edit, self.repeat_edit = password_edit(self), password_edit(self)
        form = QFormLayout(self)
        form.addRow(_("User name") + " *", self.username_edit)
        form.addRow(_("Full name") + " *", self.full_name_edit)
        form.addRow(_("Password") + " *", self.password_edit)
        form.addRow(_("Password again") + " *", self.repeat_edit)
        hint = QLabel(
            _("At least 8 characters. User names use small Latin letters and digits."), self
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.error_label = ErrorLabel(self)
        form.addRow(self.error_label)
        self.registerField("admin.username*", self.username_edit)
        self.registerField("admin.full_name*", self.full_name_edit)
        self.registerField("admin.password*", self.password_edit)
        self.registerField("admin.repeat*", self.repeat_edit)

    def validatePage(self) -> bool:
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.show_message(_("The two passwords are not the same."))
            self.repeat_edit.setFocus()
            return False
        wizard = self.wizard()
        office_page = wizard.page(FirstRunWizard.OFFICE_PAGE) if wizard else None
        assert isinstance(office_page, OfficePage)
        try:
            self.recovery_code = self.setup.initialise(
                office_page.profile(), self.username_edit.text().strip(),
                self.full_name_edit.text().strip(), self.password_edit.text(),
            )  # fmt: skip
        except ValidationError as err:
            if err.field in ("name", "short_name", "district", "province"):
                office_page.error_label.show_message(domain_message(err))
            self.error_label.show_message(domain_message(err))
            return False
        except DomainError as err:
            self.error_label.show_message(domain_message(err))
            return False
        self.error_label.clear_message()
        return True


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Your recovery code"))
        self.setSubTitle(
            _("If every administrator forgets their password, this code is the only way back in.")
        )
        warning = QLabel(
            _("Write this code down now and keep it in a safe place. It is shown only once."), self
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("font-weight: bold; color: #8a4b00;")
        self.code_label = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(18)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet(
            "border: 2px solid #b26a00; background: #fff8e1; padding: 14px; color: #000;"
        )
        self.confirm_box = QCheckBox(_("I have written the recovery code down"), self)
        self.confirm_box.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addSpacing(8)
        layout.addWidget(self.code_label)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_box)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        admin_page = wizard.page(FirstRunWizard.ADMIN_PAGE) if wizard else None
        code = admin_page.recovery_code if isinstance(admin_page, AdminPage) else None
        self.code_label.setText(code or "")
        if wizard:
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def isComplete(self) -> bool:
        return self.confirm_box.isChecked()


class FirstRunWizard(QWizard):
    """Accepted after the office and admin exist and the code was confirmed as written down."""

    OFFICE_PAGE, ADMIN_PAGE, RECOVERY_PAGE = 0, 1, 2
    SERVER_CHOSEN = 2  # exec()'s result when the user chose the office's server instead

    def __init__(self, setup: SetupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.setWindowTitle(_("Set up nongbon-ita"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(640, 480)
        self.office_page = OfficePage(self)
        self.admin_page = AdminPage(setup, self)
        self.recovery_page = RecoveryPage(self)
        self.setPage(self.OFFICE_PAGE, self.office_page)
        self.setPage(self.ADMIN_PAGE, self.admin_page)
        self.setPage(self.RECOVERY_PAGE, self.recovery_page)
        self.server_location: DatabaseLocation | None = None
        self.office_page.server_button.clicked.connect(self.choose_server)
        for button, text in (
            (QWizard.WizardButton.NextButton, _("Next")),
            (QWizard.WizardButton.BackButton, _("Back")),
            (QWizard.WizardButton.FinishButton, _("Finish")),
            (QWizard.WizardButton.CancelButton, _("Cancel")),
        ):
            self.setButtonText(button, text)

    def choose_server(self) -> None:
        """The server dialog; once it connected, the wizard ends with SERVER_CHOSEN (the program
        then goes on on the server and saves it for next time: server_dialog.first_run)."""
        from nongbon_ita.gui.server_dialog import ServerDialog

        dialog = ServerDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.location is not None:
            self.server_location = dialog.location
            self.done(self.SERVER_CHOSEN)

    @property
    def recovery_code(self) -> str | None:
        return self.admin_page.recovery_code

    def reject(self) -> None:
        # Once the database is set up, the code must be acknowledged: it is never shown again.
        if self.admin_page.recovery_code and not self.recovery_page.confirm_box.isChecked():
            return
        super().reject()
