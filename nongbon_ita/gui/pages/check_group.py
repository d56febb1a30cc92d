"""Settings → Backups → "Check the data": what `nongbon-ita check` does, for an admin who never
opens a terminal — the database file, the audit trail, every kept evidence file and attachment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.gui import messages
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.i18n.translate import _
from nongbon_ita.services import maintenance
from nongbon_ita.services.context import ServiceContext


class CheckGroup(QGroupBox):
    checked = Signal(object)  # the maintenance.CheckResult

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Check the data"), parent)
        self.ctx = ctx
        # never squeezed below its text: the backups list above gives up the room instead
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        explain = QLabel(_("Reads the database file, verifies the audit trail and every kept "
                           "evidence file and attachment. Takes a few seconds."), self)  # fmt: skip
        explain.setWordWrap(True)
        self.button = QPushButton(_("Check now"), self)
        self.button.clicked.connect(self.run_check)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.runner = BackgroundRunner(self)
        self.runner.busy.connect(self._busy)
        row = QHBoxLayout()
        row.addWidget(explain, 1)
        row.addWidget(self.progress)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def run_check(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: maintenance.run_check(ctx), self._show)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.button.setEnabled(not busy)
        if busy:
            self.result.setStyleSheet("")
            self.result.setText(_("Checking…"))

    def _show(self, result: maintenance.CheckResult) -> None:
        lines = maintenance.check_report(result)
        self.result.setText("\n".join(lines))
        self.result.setStyleSheet("" if result.ok else "color: #b00020;")
        if not result.ok:  # a problem must not pass unnoticed in a label
            messages.warn(self, "\n".join(lines))
        self.checked.emit(result)
