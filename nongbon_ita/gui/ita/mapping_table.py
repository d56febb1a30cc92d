"""The item mapping for the coordinator to review: each old item, the new item it goes to (a
choice per row), how that was found (role / name / chosen / no match) and what it carries.

Shared by carrying a year into the next one and by re-importing a year's table over items that
already hold evidence or are named by measures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.ita.catalogue_data import MISSING_NAME
from nongbon_ita.domain.ita.item_mapping import MATCH_NAMES, ItemKey, ItemMapping, MatchKind
from nongbon_ita.i18n.translate import _

HEADERS = (N_("Old item"), N_("Name"), N_("Goes to"), N_("Matched"), N_("Carries"))
_UNMATCHED = QColor("#fdecea")  # a row that carries something but goes nowhere


class MappingTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping: list[ItemMapping] = []
        self.combos: list[QComboBox] = []

    def show_mapping(
        self, mapping: Sequence[ItemMapping], targets: Sequence[ItemKey],
        notes: Mapping[str, str] | None = None,
    ) -> None:  # fmt: skip
        """The proposed mapping; `notes` says what each old item carries ("" = nothing)."""
        self.mapping, self.combos = list(mapping), []
        notes = notes or {}
        self.setRowCount(len(self.mapping))
        for row, m in enumerate(self.mapping):
            combo = QComboBox(self)
            combo.addItem(_("(carry nothing)"), "")
            for target in targets:
                combo.addItem(f"{target.code} {target.name or MISSING_NAME}", target.code)
            combo.setCurrentIndex(max(0, combo.findData(m.new_code)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._chosen(r))
            self.combos.append(combo)
            self.setCellWidget(row, 2, combo)
            cells = {0: m.old_code, 1: m.old_name or MISSING_NAME, 3: _(MATCH_NAMES[m.how]),
                     4: notes.get(m.old_code, "")}  # fmt: skip
            for column, text in cells.items():
                self.setItem(row, column, QTableWidgetItem(text))
            self._colour(row, not m.new_code and bool(notes.get(m.old_code)))
        for column in (0, 3, 4):
            self.resizeColumnToContents(column)

    def only_loaded(self, only: bool) -> None:
        """Hide (or show again) the rows that carry nothing: what matters is on one screen."""
        for row in range(self.rowCount()):
            self.setRowHidden(row, only and not self.item(row, 4).text())

    def _chosen(self, row: int) -> None:
        proposed = self.mapping[row]
        chosen = self.combos[row].currentData()
        how = proposed.how if chosen == proposed.new_code else (
            MatchKind.CHOSEN if chosen else MatchKind.NONE)  # fmt: skip
        self.item(row, 3).setText(_(MATCH_NAMES[how]))
        self._colour(row, not chosen and bool(self.item(row, 4).text()))

    def _colour(self, row: int, warn: bool) -> None:
        for column in (0, 1, 3, 4):
            cell = self.item(row, column)
            if cell is not None:
                cell.setBackground(_UNMATCHED if warn else QColor(0, 0, 0, 0))

    def choose(self, old_code: str, new_code: str) -> None:
        """Pick a row's target (what the coordinator does with the row's list)."""
        row = next(i for i, m in enumerate(self.mapping) if m.old_code == old_code)
        self.combos[row].setCurrentIndex(self.combos[row].findData(new_code))

    def changes(self) -> dict[str, str]:
        """The rows the coordinator changed: old code → new code ("" = carry nothing)."""
        return {m.old_code: combo.currentData() for m, combo in zip(self.mapping, self.combos,
                                                                      strict=True)
                if combo.currentData() != m.new_code}  # fmt: skip
