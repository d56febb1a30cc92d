"""The results tab of the measure dialog: the entries with their evidence; add, edit, add
evidence to and delete an entry (each saved at once by the result service)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.ita.measure import Evidence, EvidenceKind, Measure, MeasureResult
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.ita.result_dialog import EvidenceDialog, ResultDialog
from nongbon_ita.gui.widgets.open_file import open_kept_file
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.i18n.translate import _, current_language
from nongbon_ita.services.registry import Services

ResultDialogOpener = Callable[[QDialog], bool]  # True when accepted
RESULT_ROLE, EVIDENCE_ROLE = 256, 257  # Qt.UserRole and the next one


def exec_result_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class ResultsPanel(QWidget):
    """`updated` carries the measure as saved after each change."""

    updated = Signal(object)

    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None,
        open_result: ResultDialogOpener = exec_result_dialog,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user = services, user
        self._open = open_result
        self.measure: Measure | None = None
        self.dialog: QDialog | None = None  # the last dialog opened (tests look at it)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(self._open_evidence)
        self.add_button = QPushButton(_("Add a result…"), self)
        self.add_button.clicked.connect(self.add_result)
        self.edit_button = QPushButton(_("Edit the result…"), self)
        self.edit_button.clicked.connect(self.edit_result)
        self.evidence_button = QPushButton(_("Add evidence…"), self)
        self.evidence_button.clicked.connect(self.add_evidence)
        self.delete_button = QPushButton(_("Delete the result"), self)
        self.delete_button.clicked.connect(self.delete_result)
        self.buttons = (self.add_button, self.edit_button, self.evidence_button,
                        self.delete_button)  # fmt: skip
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def show_measure(self, m: Measure | None, may_record: bool) -> None:
        self.measure = m
        for button in self.buttons:
            button.setEnabled(may_record and m is not None)
        self.list.clear()
        if m is None:
            return
        thai = current_language() == "th"
        if not m.results and m.result_text:
            self.list.addItem(_("Imported result (prints as is):") + "\n" + m.result_text)
        for result in m.results:
            when = format_date_short(result.done_on, thai) if result.done_on else "—"
            item = QListWidgetItem(f"{when}  {result.text}\n    "
                                   + _("recorded by {name}").format(name=result.recorded_by))  # fmt: skip
            item.setData(RESULT_ROLE, result.id)
            self.list.addItem(item)
            for ev in result.evidence:
                label = _("Link: {url}") if ev.kind is EvidenceKind.LINK else _("File: {name}")
                shown = QListWidgetItem("    " + label.format(url=ev.shown, name=ev.shown))
                shown.setData(RESULT_ROLE, result.id)  # evidence lines select their entry too
                shown.setData(EVIDENCE_ROLE, ev)
                self.list.addItem(shown)

    def select_result(self, result_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(RESULT_ROLE) == result_id:
                self.list.setCurrentRow(row)
                return

    def _selected(self) -> MeasureResult | None:
        item = self.list.currentItem()
        result_id = item.data(RESULT_ROLE) if item is not None else None
        if self.measure is None or result_id is None:
            messages.inform(self, _("Choose a result first."))
            return None
        return next((r for r in self.measure.results if r.id == result_id), None)

    def _save(self, action: Callable[[], Measure]) -> None:
        """Run a service call; show a refusal (permission, stale edit) or pass the measure on."""
        try:
            updated = action()
        except Exception as err:
            report_error(err, self)
            return
        self.updated.emit(updated)

    def add_result(self) -> None:
        if self.measure is None:
            return
        measure_id = self.measure.id
        dialog = ResultDialog(self, self.services.ctx.today())
        self.dialog = dialog
        if self._open(dialog) and dialog.entry is not None:
            entry = dialog.entry
            self._save(lambda: self.services.ita.results.add_result(self.user, measure_id, entry))

    def edit_result(self) -> None:
        result = self._selected()
        if result is None:
            return
        dialog = ResultDialog(self, result=result)
        self.dialog = dialog
        if not self._open(dialog) or dialog.entry is None:
            return
        entry = dialog.entry
        if (entry.text, entry.done_on) == (result.text, result.done_on):
            return
        self._save(lambda: self.services.ita.results.update_result(
            self.user, result.id, entry.text, entry.done_on, result.version))  # fmt: skip

    def add_evidence(self) -> None:
        result = self._selected()
        if result is None:
            return
        dialog = EvidenceDialog(result, self)
        self.dialog = dialog
        if not self._open(dialog):
            return
        files, links = tuple(dialog.input.files), tuple(dialog.input.links)
        self._save(lambda: self.services.ita.results.add_evidence(
            self.user, result.id, files, links))  # fmt: skip

    def delete_result(self) -> None:
        result = self._selected()
        if result is None:
            return
        if not messages.confirm(self, _("Delete this result and its evidence?")):
            return
        self._save(lambda: self.services.ita.results.delete_result(
            self.user, result.id, result.version))  # fmt: skip

    def _open_evidence(self, item: QListWidgetItem) -> None:
        evidence = item.data(EVIDENCE_ROLE)
        if not isinstance(evidence, Evidence):
            return
        if evidence.kind is EvidenceKind.LINK:
            QDesktopServices.openUrl(QUrl(evidence.url))
        else:
            open_kept_file(self, self.services.ita.results.evidence_path(evidence))
