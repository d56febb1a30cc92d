"""Complaint settings → erase old identities: what `complaints purge-identities` does, for the
complaint officer or admin, with the count and the cut-off day shown before anything is erased."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.i18n.digits import screen_thai
from nongbon_ita.i18n.thaiformat import format_date_long
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.purge import PurgeOutcome, PurgeService


class PurgeGroup(QGroupBox):
    purged = Signal(object)  # the PurgeOutcome

    def __init__(
        self, purge: PurgeService, user: CurrentUser, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Erase identities past the retention period"), parent)
        self.service, self.user = purge, user
        explain = QLabel(_("Blanks the name, address, phone, e-mail, ID number and the people "
                           "complained about of complaints received before the retention "
                           "period; the complaints and their statistics stay. Cannot be "
                           "undone."), self)  # fmt: skip
        explain.setWordWrap(True)
        self.with_attachments = QCheckBox(_("Also remove those complaints' attached files"), self)
        self.button = QPushButton(_("Erase…"), self)
        self.button.clicked.connect(self.ask_and_purge)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.runner = BackgroundRunner(self)
        self.runner.busy.connect(self._busy)
        row = QHBoxLayout()
        row.addWidget(self.with_attachments, 1)
        row.addWidget(self.progress)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row)

    def ask_and_purge(self) -> None:
        """Show what would go (and since when), erase only after a yes."""
        attachments = self.with_attachments.isChecked()
        try:
            found = self.service.preview(self.user)
        except Exception as err:
            report_error(err, self)
            return
        before = format_date_long(found.cutoff, thai=screen_thai())  # screens use Arabic digits
        if not found.identities and not (attachments and found.attachments):
            messages.inform(self, _("Nothing to erase: no complaint received before {date} "
                                    "still holds an identity.").format(date=before))  # fmt: skip
            return
        text = _("Erase the identities of {n} complaints received before {date}?").format(
            n=found.identities, date=before)  # fmt: skip
        if attachments:
            text += " " + _("{m} attached files will be removed too.").format(m=found.attachments)
        if not messages.confirm(self, text + "\n\n" + _("This cannot be undone."),
                                yes_text=_("Erase")):  # fmt: skip
            return
        service, user = self.service, self.user
        self.runner.run(lambda: service.purge(user, None, attachments), self._done)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.button.setEnabled(not busy)

    def _done(self, done: PurgeOutcome) -> None:
        messages.inform(self, _("Erased the identities of {n} complaints; removed {m} attached "
                                "files.").format(n=done.identities, m=done.attachments))  # fmt: skip
        self.purged.emit(done)
