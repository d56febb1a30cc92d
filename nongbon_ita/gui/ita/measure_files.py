"""The measures tab's Import… and Export to Excel… (the coordinator's): what `measures import`
and `export measures` do, for the year on screen. Importing adds to the year (a file's rows after
the measures already there); replacing a year stays a deliberate command-line act."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.gui.widgets.dialog_hooks import ask_measures_file, ask_xlsx_path
from nongbon_ita.gui.widgets.saving import with_suffix
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

FileChooser = Callable[[QWidget], str | None]
XlsxChooser = Callable[[QWidget, str], str | None]


class MeasureFiles(QObject):
    imported = Signal(int)  # rows imported into the year on screen
    exported = Signal(object)  # the path written

    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget,
        year: Callable[[], int], count: Callable[[], int],
        choose_file: FileChooser = ask_measures_file, choose_xlsx: XlsxChooser = ask_xlsx_path,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self._parent = services, user, parent
        self._year, self._count = year, count
        self._choose_file, self._choose_xlsx = choose_file, choose_xlsx
        self.import_button = QPushButton(_("Import…"), parent)
        self.import_button.setToolTip(_("Add measures from a JSON, CSV or Excel file"))
        self.import_button.clicked.connect(self.import_file)
        self.import_button.setVisible(is_allowed(user, ItaOperation.EDIT_MEASURES))
        self.export_button = QPushButton(_("Export to Excel…"), parent)
        self.export_button.clicked.connect(self.export_xlsx)
        self.runner = BackgroundRunner(parent)
        self.runner.busy.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def import_file(self) -> None:
        chosen = self._choose_file(self._parent)
        if not chosen:
            return
        year, already = self._year(), self._count()
        if already and not messages.confirm(self._parent, _(
            "Fiscal year {year} already has {n} measures. Add the measures of {file} after "
            "them?").format(year=year, n=already, file=Path(chosen).name)):  # fmt: skip
            return
        measures, user = self.services.measures, self.user
        self.runner.run(lambda: measures.import_file(user, Path(chosen), year), self._imported)

    def _imported(self, count: int) -> None:
        messages.inform(self._parent, _("Imported {n} measures into fiscal year {year}.").format(
            n=count, year=self._year()))  # fmt: skip
        self.imported.emit(count)

    def export_xlsx(self) -> None:
        year = self._year()
        chosen = self._choose_xlsx(self._parent, f"measures-{year}.xlsx")
        if not chosen:
            return
        path, ita = with_suffix(chosen, ".xlsx"), self.services.ita
        self.runner.run(lambda: ita.export_measures(year, path), self._exported)

    def _exported(self, path: Path) -> None:
        messages.inform(self._parent, _("Written: {path}").format(path=path))
        self.exported.emit(path)
