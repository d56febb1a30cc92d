"""Import the office's register: choose a file → map its columns → preview with row errors → import.

The mapping comes pre-set from the last import of a file with the same headers, else from the
headers the app recognises (หมายเลขครุภัณฑ์, รายการ, …). Nothing is written until the preview
is clean, and then all rows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.assets.import_mapping import IMPORT_FIELDS, ImportPreview, ImportTable
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.record_table import make_table_view
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.saving import in_documents
from nongbon_ita.i18n.thaiformat import format_date_numeric, format_money
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.files import read_table, row_error_text
from nongbon_ita.services.assets.import_missing import missing_text
from nongbon_ita.services.assets.register import AssetService

OpenPathChooser = Callable[[QWidget], str | None]
Confirm = Callable[[QWidget, str], bool]
PREVIEW_ROWS = 500


def confirm_creating(parent: QWidget, missing: str) -> bool:
    """The one confirmation of a first import: create what the file names and the office lacks."""
    answer = QMessageBox.question(
        parent, _("Import the asset register"),
        _("The file names what does not exist yet: {missing}.\n\nCreate them and import?")
        .format(missing=missing),
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def choose_register_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose the register file"),
        in_documents(""),
        _("Register files") + " (*.csv *.xlsx)",
    )
    return path or None


class ImportWizard(QDialog):
    def __init__(
        self, assets: AssetService, user: CurrentUser, parent: QWidget | None = None,
        choose_path: OpenPathChooser = choose_register_file, confirm: Confirm = confirm_creating,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.assets, self.user, self._choose_path = assets, user, choose_path
        self._confirm = confirm
        self.table: ImportTable | None = None
        self.preview: ImportPreview | None = None
        self.imported = 0
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(_("Import the asset register"))
        self.resize(900, 640)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.mapping_page = QWidget(self)
        self.pages.addWidget(self.mapping_page)
        self.pages.addWidget(self._preview_page())
        self.error_label = ErrorLabel(self)
        self.back_button = QPushButton(_("‹ Back"), self)
        self.next_button = QPushButton(_("Next ›"), self)
        self.import_button = QPushButton(_("Import"), self)
        cancel = QPushButton(_("Cancel"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.run_import)
        self.runner = BackgroundRunner(self)
        self.runner.busy.connect(self._busy)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._show_page(0)

    # pages --------------------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget(self)
        self.path_edit = QLineEdit(page)
        self.path_edit.setPlaceholderText(_("A .csv (UTF-8 or TIS-620) or .xlsx file"))
        browse = QPushButton(_("Browse…"), page)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        intro = QLabel(_("Choose the file of the office's register. The first row must hold the "
                         "column headers; dates may be B.E. (15/01/2567)."), page)  # fmt: skip
        intro.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_mapping_page(self, table: ImportTable) -> None:
        suggested = self.assets.files.suggest_mapping(table.headers)
        if set(self.combos) == set(table.headers):  # the same file read again: keep the choices
            suggested = {h: combo.currentData() for h, combo in self.combos.items()}
        form = QFormLayout()
        self.combos = {}
        first = table.rows[0] if table.rows else {}
        for header in table.headers:
            combo = QComboBox(self.mapping_page)
            combo.addItem(_("(do not import)"), "")
            for name, label in IMPORT_FIELDS.items():
                combo.addItem(_(label), name)
            combo.setCurrentIndex(max(0, combo.findData(suggested.get(header, ""))))
            sample = (first.get(header) or "")[:40]
            combo.setToolTip(_("First row: {value}").format(value=sample))
            self.combos[header] = combo
            form.addRow(header, combo)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea(self.mapping_page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        old = self.mapping_page.layout()
        if old is not None:
            QWidget().setLayout(old)  # re-parent the old layout away so a new one can be set
        layout = QVBoxLayout(self.mapping_page)
        heading = QLabel(_("Which field does each column of {file} hold?").format(file=table.name))
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.summary_label = QLabel(page)
        self.summary_label.setWordWrap(True)
        self.preview_model: RowsTableModel[object] = RowsTableModel([
            (_("Row"), lambda i: str(i.row)),
            (_("Asset number"), lambda i: i.values.get("asset_number", "")),
            (_("Name"), lambda i: i.values.get("name", "")),
            (_("Category"), lambda i: i.values.get("category", "")),
            (_("Acquisition date"),
             lambda i: format_date_numeric(i.acquired_on) if i.acquired_on else ""),
            (_("Value (baht)"), lambda i: format_money(i.value) if i.value is not None else ""),
            (_("Custodian division"), lambda i: i.values.get("division", "")),
        ], page)  # fmt: skip
        self.preview_view = make_table_view(page)
        self.preview_view.setModel(self.preview_model)
        self.new_names_label = QLabel(page)  # what a first import creates, named before it does
        self.new_names_label.setWordWrap(True)
        self.new_names_label.setStyleSheet("color: #8a5a00;")
        self.errors_list = QListWidget(page)
        self.errors_list.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.new_names_label)
        layout.addWidget(self.preview_view, 3)
        layout.addWidget(QLabel(_("Errors (fix the file or the mapping):"), page))
        layout.addWidget(self.errors_list, 1)
        return page

    # navigation ---------------------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < 2)
        self.import_button.setVisible(index == 2)
        self.import_button.setEnabled(index == 2 and self.preview is not None and self.preview.ok
                                      and bool(self.preview.assets))  # fmt: skip
        self.error_label.clear_message()

    def browse(self) -> None:
        path = self._choose_path(self)
        if path:
            self.path_edit.setText(path)

    def back(self) -> None:
        self._show_page(max(0, self.pages.currentIndex() - 1))

    def next(self) -> None:
        try:
            if self.pages.currentIndex() == 0:
                self.table = read_table(Path(self.path_edit.text().strip()))
                self._build_mapping_page(self.table)
                self._show_page(1)
            elif self.pages.currentIndex() == 1:
                self.show_preview()
        except DomainError as refused:
            self.error_label.show_message(domain_message(refused))

    def mapping(self) -> dict[str, str]:
        return {h: combo.currentData() for h, combo in self.combos.items() if combo.currentData()}

    def show_preview(self) -> None:
        assert self.table is not None
        self.preview = self.assets.files.preview(self.table, self.mapping())
        self.preview_model.set_rows(self.preview.assets[:PREVIEW_ROWS])
        self.errors_list.clear()
        self.errors_list.addItems([row_error_text(e) for e in self.preview.errors])
        self.errors_list.setVisible(bool(self.preview.errors))
        self.new_names_label.setText(
            _("Not in the database yet, created when you import: {missing}.")
            .format(missing=missing_text(self.preview)) if self.preview.creates else "")  # fmt: skip
        self.new_names_label.setVisible(self.preview.creates)
        self.summary_label.setText(
            _("{ok} rows ready, {bad} errors. Nothing is imported while there are errors.")
            .format(ok=len(self.preview.assets), bad=len(self.preview.errors))
            if self.preview.errors else
            _("{ok} rows ready to import.").format(ok=len(self.preview.assets))
        )  # fmt: skip
        self._show_page(2)

    def run_import(self) -> None:
        """Off the GUI thread (thousands of rows take seconds); a refusal is shown in the
        wizard, under its pages, like the other steps' refusals."""
        assert self.table is not None and self.preview is not None
        files, user, table, mapping = self.assets.files, self.user, self.table, self.mapping()
        create = self.preview.creates
        if create and not self._confirm(self, missing_text(self.preview)):
            return

        def attempt() -> int | DomainError:
            try:
                return files.import_table(user, table, mapping, create_missing=create)
            except DomainError as refused:
                return refused

        self.error_label.clear_message()
        self.runner.run(attempt, self._imported)

    def _busy(self, busy: bool) -> None:
        for button in (self.back_button, self.import_button):
            button.setEnabled(not busy)
        if busy:
            self.summary_label.setText(_("Importing…"))

    def _imported(self, outcome: int | DomainError) -> None:
        if isinstance(outcome, DomainError):
            self.error_label.show_message(domain_message(outcome))
            return
        self.imported = outcome
        self.accept()
