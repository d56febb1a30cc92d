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

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.i18n.translate import _
from nongbon_ita.services import maintenance, orphans
from nongbon_ita.services.context import ServiceContext


class CheckGroup(QGroupBox):
    checked = Signal(object)  # the maintenance.CheckResult

    def __init__(
        self, ctx: ServiceContext, user: CurrentUser, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Check the data"), parent)
        self.ctx, self.user = ctx, user
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
        # what `check --repair` does: files a killed save left without a record
        self.repair_button = QPushButton(_("Remove files without a record…"), self)
        self.repair_button.clicked.connect(self.repair)
        self.repair_button.hide()
        self.runner = BackgroundRunner(self)
        self.runner.busy.connect(self._busy)
        row = QHBoxLayout()
        row.addWidget(explain, 1)
        row.addWidget(self.progress)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        repair_row = QHBoxLayout()
        repair_row.addStretch(1)
        repair_row.addWidget(self.repair_button)
        layout.addLayout(repair_row)

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
        # a wrapped label does not ask for its height by itself: several lines were clipped
        self.result.setMinimumHeight(self.result.heightForWidth(max(self.result.width(), 400)))
        self.result.setStyleSheet("" if result.ok else "color: #b00020;")
        self.repair_button.setVisible(bool(result.orphans))
        if not result.ok:  # a problem must not pass unnoticed in a label
            messages.warn(self, "\n".join(lines))
        self.checked.emit(result)

    def repair(self) -> None:
        question = _("Remove the files that no record refers to? They were left by a save that "
                     "was interrupted and are not part of any complaint or measure.")  # fmt: skip
        if not messages.confirm(self, question, yes_text=_("Remove")):
            return
        try:
            removed = orphans.repair(self.ctx, self.user)
        except DomainError as error:
            report_error(error, self)
            return
        messages.inform(self, _("Removed {n} files that had no record.").format(n=removed))
        self.run_check()
