"""A dashboard section: a table of records, or a line saying there are none. The table is as tall
as its rows (up to MAX_ROWS, then it scrolls): no half-empty page under a short list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.record_table import make_table_view
from nongbon_ita.gui.widgets.rows_model import RowsTableModel

T = TypeVar("T")
MAX_ROWS = 12


class TableSection(QWidget, Generic[T]):
    """Subclasses call `build` once set up, and say in `load` which records to show."""

    def build(self, model: RowsTableModel[T], empty_text: str) -> None:
        self.model = model
        self.view = make_table_view(self)
        self.view.setModel(model)
        self.empty = QLabel(empty_text, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        self.refresh()

    def load(self) -> Sequence[T]:
        raise NotImplementedError

    def refresh(self) -> None:
        try:
            rows = self.load()
        except Exception as err:
            report_error(err, self)
            return
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        self._fit_rows(len(rows))

    def _fit_rows(self, count: int) -> None:
        shown = max(1, min(count, MAX_ROWS))
        rows = sum(self.view.rowHeight(r) for r in range(shown)) if count else 32
        bar = self.view.horizontalScrollBar().sizeHint().height()
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height() + rows + bar
                                 + frame)  # fmt: skip
