"""The complaints page: search, filters, the list (lazy pages), intake and the detail dialog."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.complaints.deadlines import DeadlineState
from nongbon_ita.domain.complaints.kinds import Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints import common
from nongbon_ita.gui.complaints.detail_dialog import ComplaintDetailDialog
from nongbon_ita.gui.complaints.intake_dialog import IntakeDialog
from nongbon_ita.gui.complaints.settings_dialog import ComplaintSettingsDialog
from nongbon_ita.gui.complaints.stats_dialog import StatisticsDialog
from nongbon_ita.gui.complaints.table_model import ComplaintTableModel
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.queries import ComplaintFilter
from nongbon_ita.services.registry import Services


class ComplaintsPage(QWidget):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        self.detail: ComplaintDetailDialog | None = None
        heading = QLabel(_("Complaints"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search number, subject or details…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = common.enum_combo(list(Status), self, _("All statuses"))
        self.track_filter = common.enum_combo(list(Track), self, _("Both tracks"))
        self.deadline_filter = common.enum_combo(list(DeadlineState), self, _("Any deadline"))
        self.count_label = QLabel(self)
        self.new_button = QPushButton(_("New complaint…"), self)
        self.corruption_button = QPushButton(_("New corruption complaint…"), self)
        self.open_button = QPushButton(_("Open…"), self)
        self.stats_button = QPushButton(_("Statistics…"), self)
        self.settings_button = QPushButton(_("Settings…"), self)
        self.settings_button.setVisible(is_allowed(user, ComplaintOperation.CONFIGURE))
        self.stats_button.setEnabled(is_allowed(user, ComplaintOperation.STATISTICS))
        may_receive = is_allowed(user, ComplaintOperation.RECEIVE)
        self.new_button.setEnabled(may_receive)
        self.corruption_button.setEnabled(may_receive)
        self.model = ComplaintTableModel(self)
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status_filter, self.track_filter, self.deadline_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.new_complaint(corruption=False))
        self.corruption_button.clicked.connect(lambda: self.new_complaint(corruption=True))
        self.open_button.clicked.connect(self.open_selected)
        self.stats_button.clicked.connect(self.open_statistics)
        self.settings_button.clicked.connect(self.open_settings)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.status_filter, self.track_filter, self.deadline_filter):
            filters.addWidget(widget)
        actions = QHBoxLayout()
        for widget in (self.new_button, self.corruption_button, self.open_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        actions.addWidget(self.stats_button)
        actions.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self.refresh()

    def current_filter(self) -> ComplaintFilter:
        return ComplaintFilter(
            text=self.search.text().strip(),
            status=common.chosen(self.status_filter, Status),
            track=common.chosen(self.track_filter, Track),
            deadline=common.chosen(self.deadline_filter, DeadlineState),
        )

    def refresh(self) -> None:
        wanted = self.current_filter()
        queries = self.services.complaints.queries
        try:
            self.model.reset(lambda offset: queries.page(self.user, wanted, offset))
        except Exception as err:
            report_error(err, self)
            return
        self.count_label.setText(_("{n} complaints").format(n=on_screen(self.model.total)))

    def new_complaint(self, corruption: bool) -> IntakeDialog:
        dialog = IntakeDialog(self.services, self.user, corruption, self)
        if common.exec_dialog(dialog) and dialog.saved is not None:
            self.refresh()
            self.open_complaint(dialog.saved.id)
        return dialog

    def open_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.open_complaint(self.model.row_at(row).id)

    def open_complaint(self, complaint_id: int) -> ComplaintDetailDialog | None:
        try:
            self.detail = ComplaintDetailDialog(self.services, self.user, complaint_id, self)
        except Exception as err:
            report_error(err, self)
            return None
        self.detail.changed.connect(self.refresh)
        self.detail.show()
        return self.detail

    def open_statistics(self) -> StatisticsDialog:
        dialog = StatisticsDialog(self.services, self.user, self)
        common.exec_dialog(dialog)
        return dialog

    def open_settings(self) -> ComplaintSettingsDialog:
        dialog = ComplaintSettingsDialog(self.services, self.user, self)
        dialog.changed.connect(self.refresh)  # open deadlines may have moved
        common.exec_dialog(dialog)
        return dialog
