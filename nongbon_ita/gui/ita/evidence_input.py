"""Evidence being gathered in a dialog: files to copy into the app and web links to keep."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.measure import EvidenceLink, check_link
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.saving import in_documents
from nongbon_ita.i18n.translate import _

FileChooser = Callable[[QWidget], list[str]]


def choose_files(parent: QWidget) -> list[str]:
    files, _filter = QFileDialog.getOpenFileNames(parent, _("Evidence files"), in_documents(""))
    return list(files)


class EvidenceInput(QWidget):
    """`files` and `links` hold what was added; a bad link is shown on `error`."""

    def __init__(
        self, error: ErrorLabel, parent: QWidget | None = None, choose: FileChooser = choose_files
    ) -> None:
        super().__init__(parent)
        self._choose, self._error = choose, error
        self.files: list[str] = []
        self.links: list[EvidenceLink] = []
        self.evidence = QListWidget(self)
        self.add_file_button = QPushButton(_("Add files…"), self)
        self.add_file_button.clicked.connect(self.add_files)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://")
        self.url_label = QLineEdit(self)
        self.url_label.setPlaceholderText(_("What the link shows"))
        self.add_link_button = QPushButton(_("Add link"), self)
        self.add_link_button.clicked.connect(self.add_link)
        link_row = QHBoxLayout()
        link_row.addWidget(self.url, 2)
        link_row.addWidget(self.url_label, 1)
        link_row.addWidget(self.add_link_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(_("Evidence (files are copied into the app, links are kept)"), self)
        )
        layout.addWidget(self.evidence)
        layout.addWidget(self.add_file_button)
        layout.addLayout(link_row)

    def add_files(self) -> None:
        for path in self._choose(self):
            self.files.append(path)
            self.evidence.addItem(_("File: {name}").format(name=path))

    def add_link(self) -> bool:
        """Add the typed link; False (and the reason shown) when it is refused."""
        try:
            link = check_link(EvidenceLink(self.url.text(), self.url_label.text()))
        except DomainError as err:
            self._error.show_message(domain_message(err))
            return False
        self.links.append(link)
        self.evidence.addItem(_("Link: {url}").format(url=link.url))
        self.url.clear()
        self.url_label.clear()
        self._error.show_message("")
        return True

    def take_pending(self) -> bool:
        """A link typed but not added yet is added now; False when it is refused."""
        return not self.url.text().strip() or self.add_link()

    def is_empty(self) -> bool:
        return not self.files and not self.links
