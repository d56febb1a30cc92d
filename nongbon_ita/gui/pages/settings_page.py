"""Settings: office profile, divisions and officials, users (admins), language, my password."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from nongbon_ita.domain.permissions import Operation, is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.pages.language_tab import LanguageTab
from nongbon_ita.gui.pages.letter_numbering import LetterNumberingBox
from nongbon_ita.gui.pages.office_profile_tab import LogoChooser, OfficeProfileTab, choose_logo_file
from nongbon_ita.gui.pages.officials_tab import OfficialsTab
from nongbon_ita.gui.pages.users_tab import UsersTab
from nongbon_ita.gui.widgets.password_form import ChangePasswordForm
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class SettingsPage(QWidget):
    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None,
        choose_logo: LogoChooser = choose_logo_file,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        heading = QLabel(_("Settings"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.tabs = QTabWidget(self)
        self.office_tab = OfficeProfileTab(services.office, user, choose_logo=choose_logo)
        # how letters are numbered sits by the letter code (ที่ …) it numbers after
        self.numbering = LetterNumberingBox(services.letters, user)
        form = self.office_tab.form
        code_row, _role = form.getWidgetPosition(self.office_tab.edits["letter_code"])
        form.insertRow(code_row + 1, _("Numbering of outgoing letters"), self.numbering)
        self.officials_tab = OfficialsTab(services.office, user)
        self.users_tab: UsersTab | None = None
        self.tabs.addTab(_scrolling(self.office_tab), _("Office profile"))
        self.tabs.addTab(self.officials_tab, _("Divisions and officials"))
        if is_allowed(user, Operation.MANAGE_USERS):
            self.users_tab = UsersTab(services.users, user)
            self.tabs.addTab(self.users_tab, _("Users"))
        if is_allowed(user, Operation.BACKUP):  # the Backups tab: daily backup policy, restore
            from nongbon_ita.gui.pages.backups_tab import BackupsTab

            self.tabs.addTab(_scrolling(BackupsTab(services.ctx, user)), _("Backups"))
        from nongbon_ita.gui.pages.signatures_tab import SignaturesTab

        self.signatures_tab = SignaturesTab(services, user)  # certificates, roots, check a PDF
        self.tabs.addTab(self.signatures_tab, _("Electronic signatures"))
        self.language_tab = LanguageTab()
        self.tabs.addTab(self.language_tab, _("Language"))
        self.password_form = ChangePasswordForm(user, services.auth.change_own_password)
        self.password_form.changed.connect(
            lambda: messages.inform(self, _("Your password was changed."))
        )
        self.tabs.addTab(self.password_form, _("My password"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addWidget(self.tabs)

    def show_tab(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is widget or (isinstance(page, QScrollArea) and page.widget() is widget):
                self.tabs.setCurrentIndex(index)
                return
        raise ValueError("not a tab of this page")
