"""The OIT checklist's "เผยแพร่…": choose a folder (and the site's address), see every file that
will be written, write the year's OIT site, then open its index in the browser.

`choose_folder` and `open_in_browser` are module-level so tests replace them: no test waits on a
folder dialog or starts a browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.dialog_hooks import run_dialog
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.oit_site.publish import OitSitePublisher, SitePlan
from nongbon_ita.services.registry import Services


def choose_folder(parent: QWidget, start: str) -> str | None:
    path = QFileDialog.getExistingDirectory(parent, _("Folder for the OIT site"), start)
    return path or None


def open_in_browser(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PublishDialog(QDialog):
    """The folder and address, then the list of what will be written (refreshed on change)."""

    def __init__(self, services: Services, fiscal_year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Publish the OIT pages of {year}").format(
            year=thai_digits(fiscal_year)))  # fmt: skip
        self.publisher, self.fiscal_year = OitSitePublisher(services), fiscal_year
        self.plan: SitePlan | None = None
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(_("Choose a new or empty folder"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.base_url = QLineEdit(self)
        self.base_url.setPlaceholderText("https://www.example.go.th/oit")
        self.files = QPlainTextEdit(self)
        self.files.setReadOnly(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        for edit in (self.folder, self.base_url):
            edit.editingFinished.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.publish_button = self.buttons.addButton(_("Publish"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.publish_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Folder"), row)
        form.addRow(_("Address of the site (optional)"), self.base_url)
        form.addRow(self.summary)
        form.addRow(_("Files to be written"), self.files)
        form.addRow(self.buttons)
        self.resize(720, 520)

    def _browse(self) -> None:
        chosen = choose_folder(self, self.folder.text() or str(Path.home()))
        if chosen:
            self.folder.setText(chosen)
            self.refresh()

    def refresh(self) -> None:
        """Plan the site for the folder and address as they are now; show what it writes."""
        self.plan = None
        self.publish_button.setEnabled(False)
        if not self.folder.text().strip():
            return
        try:
            self.plan = self.publisher.plan(self.fiscal_year, Path(self.folder.text().strip()),
                                            self.base_url.text())  # fmt: skip
        except Exception as err:
            self.files.setPlainText("")
            report_error(err, self)
            return
        paths = self.plan.paths()
        self.summary.setText(_("{n} files will be written into {path}.").format(
            n=len(paths), path=self.plan.out))  # fmt: skip
        self.files.setPlainText("\n".join(paths))
        self.publish_button.setEnabled(True)


def publish_site(
    parent: QWidget, services: Services, user: CurrentUser, fiscal_year: int,
    ask: Callable[[QDialog], int] = run_dialog,
) -> Path | None:  # fmt: skip
    """Run the dialog; write the planned site and open its index. The index, or None."""
    dialog = PublishDialog(services, fiscal_year, parent)
    if not ask(dialog) or dialog.plan is None:
        return None
    try:
        written = dialog.publisher.write(user, dialog.plan)
    except Exception as err:
        report_error(err, parent)
        return None
    messages.inform(parent, _("The OIT site was written: {n} files in {path}.").format(
        n=len(written.files), path=written.index.parent))  # fmt: skip
    open_in_browser(written.index)
    return written.index
