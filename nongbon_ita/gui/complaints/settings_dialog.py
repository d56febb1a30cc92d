"""Complaint settings: the deadlines (the outcome's in working or calendar days), identity
retention (and erasing what is past it), the holiday list and the channel list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.complaints.deadlines import DeadlinePolicy, DeadlineUnit
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.complaints.channels_tab import ChannelsTab
from nongbon_ita.gui.complaints.common import chosen, enum_combo
from nongbon_ita.gui.complaints.holidays_tab import HolidaysTab
from nongbon_ita.gui.complaints.purge_group import PurgeGroup
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


def _spin(parent: QWidget, suffix: str) -> QSpinBox:
    """Wider than the policy allows on purpose: the service's check (and message) decides."""
    spin = DigitSpinBox(parent)
    spin.setRange(0, 999)
    spin.setSuffix(suffix)
    spin.setFixedWidth(160)
    return spin


class DeadlinesTab(QWidget):
    """`saved(DeadlinePolicy)` after the office's policy was changed."""

    saved = Signal(object)

    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings, self.user = services.complaints.settings, user
        days, years = " " + _("working days"), " " + _("years")
        self.receipt = _spin(self, days)
        self.outcome = _spin(self, "")
        self.unit = enum_combo(list(DeadlineUnit), self)
        self.retention = _spin(self, years)
        self.save_button = QPushButton(_("Save deadlines"), self)
        self.save_button.clicked.connect(self.save)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(_("Acknowledge receipt within"), self.receipt)
        outcome = QHBoxLayout()
        outcome.addWidget(self.outcome)
        outcome.addWidget(self.unit)
        outcome.addStretch(1)
        form.addRow(_("Tell the complainant the outcome within"), outcome)
        form.addRow(_("Keep complainants' identities for"), self.retention)
        hint = QLabel(_("0 working days means the same day. Working days leave out weekends and "
                        "the holiday list; a deadline in calendar days that falls on a day off "
                        "moves to the next working day. A change moves the deadlines of "
                        "complaints still open; identities older than the retention period "
                        "can be purged."), self)  # fmt: skip
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.purge: PurgeGroup | None = None
        if is_allowed(user, ComplaintOperation.PURGE):
            self.purge = PurgeGroup(services.complaints.purge, user, self)
            layout.addWidget(self.purge)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        try:
            policy = self.settings.policy()
        except Exception as err:
            report_error(err, self)
            return
        self.receipt.setValue(policy.receipt_working_days)
        self.outcome.setValue(policy.outcome_working_days)
        self.unit.setCurrentIndex(self.unit.findData(policy.outcome_unit.value))
        self.retention.setValue(policy.identity_retention_years)

    def save(self) -> DeadlinePolicy | None:
        self.error.clear_message()
        wanted = DeadlinePolicy(self.receipt.value(), self.outcome.value(), self.retention.value(),
                                chosen(self.unit, DeadlineUnit) or DeadlineUnit.WORKING)  # fmt: skip
        try:
            policy = self.settings.set_policy(self.user, wanted)
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return None
        except Exception as err:
            report_error(err, self)
            return None
        messages.inform(self, _("The deadline settings were saved."))
        self.saved.emit(policy)
        return policy


class ComplaintSettingsDialog(QDialog):
    """`changed` is emitted whenever deadlines of open complaints may have moved."""

    changed = Signal()

    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Complaint settings"))
        today = services.complaints.queries.today()
        self.deadlines = DeadlinesTab(services, user, self)
        self.holidays = HolidaysTab(services.complaints.settings, user, today.year, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.holidays, _("Holidays"))
        self.tabs.addTab(self.deadlines, _("Deadlines and retention"))
        self.channels = ChannelsTab(services.complaints.channels, user, self)
        self.tabs.addTab(self.channels, _("Channels"))
        self.deadlines.saved.connect(lambda _policy: self.changed.emit())
        self.holidays.changed.connect(self.changed.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)
