"""Receiving a complaint: the general form, and the corruption channel's own form, which
files on the confidential track and says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import OFFICE_ZONE
from nongbon_ita.domain.complaints.channels import ChannelInfo
from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import (
    ComplaintIdentity,
    ComplaintSummary,
    NewComplaint,
    Referral,
)
from nongbon_ita.domain.errors import N_, DomainError, ValidationError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.common import enum_combo
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.saving import in_documents
from nongbon_ita.gui.widgets.scroll_body import ScrollBody
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


def _choose_files(parent: QWidget) -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(parent, _("Attach files"), in_documents(""))
    return list(paths)


choose_files: Callable[[QWidget], list[str]] = _choose_files  # replaced by tests


def _text_box(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(28 * lines)
    return box


class IntakeDialog(QDialog):
    def __init__(self, services: Services, user: CurrentUser, corruption: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.corruption = services, user, corruption
        self.saved: ComplaintSummary | None = None
        self.setWindowTitle(_("New corruption or misconduct complaint") if corruption
                            else _("New complaint"))  # fmt: skip
        now = datetime.now(OFFICE_ZONE)
        self.received_on = BeDateEdit(self, now.date())
        self.received_time = QTimeEdit(QTime(now.hour, now.minute), self)
        self.received_time.setDisplayFormat("HH:mm")
        self.channels: list[ChannelInfo] = services.complaints.channels.channels(True)
        self.channel = QComboBox(self)
        for channel in self.channels:
            self.channel.addItem(channel.name, channel.code)
        self.channel.setCurrentIndex(max(self.channel.findData(Channel.WALK_IN.value), 0))
        self.referral = self._referral_group()
        self.category = enum_combo([c for c in Category if not corruption or c is
                                    Category.CORRUPTION], self)  # fmt: skip
        if not corruption:
            self.category.setCurrentIndex(list(Category).index(Category.GENERAL))
        self.subject = QLineEdit(self)
        self.details = _text_box(self, 4)
        self.place = QLineEdit(self)
        self.accused = _text_box(self, 2)
        self.anonymous = QCheckBox(_("The complainant does not give their name"), self)
        self.name, self.phone, self.email = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.id_number.setPlaceholderText(_("13 digits (optional)"))
        self.address = _text_box(self, 2)
        self.files = QListWidget(self)
        self.files.setFixedHeight(60)
        add_file = QPushButton(_("Attach files…"), self)
        add_file.clicked.connect(self.add_files)
        self.error = ErrorLabel(self)
        self.anonymous.toggled.connect(self._anonymous_changed)
        form = QFormLayout()
        when = QHBoxLayout()
        when.addWidget(self.received_on)
        when.addWidget(self.received_time)
        when.addStretch(1)
        form.addRow(_("Received on *"), when)
        form.addRow(_("Channel *"), self.channel)
        form.addRow(self.referral)
        form.addRow(_("Category *"), self.category)
        form.addRow(_("Subject *"), self.subject)
        form.addRow(_("Details"), self.details)
        form.addRow(_("Place"), self.place)
        form.addRow(_("People or units complained about"), self.accused)
        person = QGroupBox(_("Complainant"), self)
        person_form = QFormLayout(person)
        person_form.addRow(self.anonymous)
        person_form.addRow(_("Name *"), self.name)
        person_form.addRow(_("Address"), self.address)
        person_form.addRow(_("Phone"), self.phone)
        person_form.addRow(_("E-mail"), self.email)
        person_form.addRow(_("ID number"), self.id_number)
        attachments = QHBoxLayout()
        attachments.addWidget(self.files, 1)
        attachments.addWidget(add_file)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # the form scrolls, the error and the buttons stay below it: fits a 1366×768 screen
        body = ScrollBody(self)
        layout = body.box
        if corruption:
            notice = QLabel(
                _(
                    "Confidential track: the complainant's identity and the people "
                    "complained about are shown to complaint officers only."
                ),
                self,
            )
            notice.setWordWrap(True)
            notice.setStyleSheet("background: #fff4e5; padding: 6px; border-radius: 4px;")
            layout.addWidget(notice)
        layout.addLayout(form)
        layout.addWidget(person)
        layout.addWidget(QLabel(_("Attachments"), self))
        layout.addLayout(attachments)
        outer = QVBoxLayout(self)
        outer.addWidget(body, 1)
        outer.addWidget(self.error)
        outer.addWidget(buttons)
        self.channel.currentIndexChanged.connect(lambda _i: self._channel_changed())
        self._channel_changed()
        self.resize(self.sizeHint().expandedTo(QSize(640, 0)))

    def _referral_group(self) -> QGroupBox:
        """What a referring body gives: shown for referred channels only."""
        group = QGroupBox(_("Referred by another body"), self)
        self.reference = QLineEdit(group)
        self.reference.setPlaceholderText(_("e.g. มค 0017.3/1234 or 2026-KX7P2Q"))
        self.referral_dated = BeDateEdit(group)
        self.referral_due_on = BeDateEdit(group)
        self.report_to = QLineEdit(group)
        self.report_to.setPlaceholderText(_("The referring body (default: the channel's name)"))
        form = QFormLayout(group)
        form.addRow(_("Its reference *"), self.reference)
        dates = QHBoxLayout()  # one row: the dialog stays within a 768-pixel screen
        dates.addWidget(self.referral_dated)
        dates.addWidget(QLabel(_("Its own deadline"), group))
        dates.addWidget(self.referral_due_on)
        form.addRow(_("Dated"), dates)
        form.addRow(_("Report the outcome to"), self.report_to)
        return group

    def chosen_channel(self) -> ChannelInfo | None:
        code = self.channel.currentData()
        return next((c for c in self.channels if c.code == code), None)

    def _channel_changed(self) -> None:
        channel = self.chosen_channel()
        self.referral.setVisible(channel is not None and channel.referred)

    def _anonymous_changed(self, anonymous: bool) -> None:
        for widget in (self.name, self.address, self.phone, self.email, self.id_number):
            widget.setEnabled(not anonymous)

    def add_files(self) -> None:
        for path in choose_files(self):
            self.files.addItem(path)

    def attachments(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def new_complaint(self) -> NewComplaint:
        day = self.received_on.date()
        if day is None:
            raise ValidationError(N_("Enter the date the complaint was received (e.g. 15/01/2567)."),
                                  field="received_on")  # fmt: skip
        moment = self.received_time.time()
        received = datetime(day.year, day.month, day.day, moment.hour(), moment.minute(),
                            tzinfo=OFFICE_ZONE)  # fmt: skip
        identity = ComplaintIdentity(
            name=self.name.text(), address=self.address.toPlainText(), phone=self.phone.text(),
            email=self.email.text(), id_number=self.id_number.text(),
            accused=self.accused.toPlainText(),
        )  # fmt: skip
        channel = self.chosen_channel()
        referral = Referral()
        if channel is not None and channel.referred:
            referral = Referral(self.reference.text(), self.referral_dated.date(),
                                self.referral_due_on.date(), self.report_to.text())  # fmt: skip
        return NewComplaint(received_at=received, channel=str(self.channel.currentData() or ""),
                            category=Category(self.category.currentData()), subject=self.subject.text(),
                            details=self.details.toPlainText(), place=self.place.text(),
                            anonymous=self.anonymous.isChecked(), identity=identity,
                            referral=referral)  # fmt: skip

    def save(self) -> None:
        try:
            self.saved = self.services.complaints.intake.receive(
                self.user, self.new_complaint(), self.attachments()
            )
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return
        except Exception as err:
            report_error(err, self)
            return
        self.accept()
