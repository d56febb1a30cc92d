"""One complaint: its facts, the protected identity (shown on request, audited), the timeline and
notes, attachments, the workflow steps allowed now, and the letters to the complainant."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import OFFICE_ZONE
from nongbon_ita.domain.complaints.kinds import FINISHED_STATUSES, Outcome, Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import HIDDEN, ComplaintDetail
from nongbon_ita.domain.complaints.workflow import allowed_next
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints import common
from nongbon_ita.gui.complaints.intake_dialog import choose_files
from nongbon_ita.gui.complaints.step_dialog import StepDialog
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.letters import issued_text
from nongbon_ita.gui.widgets.open_file import open_kept_file
from nongbon_ita.gui.widgets.record_table import make_table_view
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.scroll_body import ScrollBody
from nongbon_ita.i18n.digits import on_screen, screen_thai
from nongbon_ita.i18n.thaiformat import (
    format_datetime_short,
    format_register_number,
)
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.common import may_see_identity
from nongbon_ita.services.registry import Services

IDENTITY_LABELS = (("name", "Name"), ("address", "Address"), ("phone", "Phone"),
                   ("email", "E-mail"), ("id_number", "ID number"),
                   ("accused", "People or units complained about"))  # fmt: skip


def _open_file(path: Path) -> None:
    open_kept_file(None, path)  # an attachment from the public never runs as a program


open_file: Callable[[Path], None] = _open_file  # replaced by tests


class ComplaintDetailDialog(QDialog):
    changed = Signal()

    def __init__(self, services: Services, user: CurrentUser, complaint_id: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.complaint_id = services, user, complaint_id
        self.flow = services.complaints.workflow
        self.handles = is_allowed(user, ComplaintOperation.HANDLE)
        self.preview = None
        self.facts = QFormLayout()
        self.identity_box = QGroupBox(_("Complainant and people complained about"), self)
        identity_form = QFormLayout(self.identity_box)
        self.identity_labels: dict[str, QLabel] = {}
        for field, label in IDENTITY_LABELS:
            value = QLabel(HIDDEN, self)
            value.setWordWrap(True)
            self.identity_labels[field] = value
            identity_form.addRow(_(label), value)
        self.reveal_button = QPushButton(_("Show identity (recorded)"), self)
        self.reveal_button.clicked.connect(self.reveal)
        identity_form.addRow(self.reveal_button)
        self.timeline = RowsTableModel([
            (_("When"), lambda e: format_datetime_short(e.occurred_at.astimezone(OFFICE_ZONE),
                                                        screen_thai())),
            (_("Step"), lambda e: _(e.kind.label_id)),
            (_("By"), lambda e: e.actor),
            (_("Note"), lambda e: e.note),
        ], self)  # fmt: skip
        self.timeline_view = make_table_view(self)
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setMinimumHeight(200)
        self.attachments = QListWidget(self)
        self.attachments.setFixedHeight(54)
        self.attachments.itemDoubleClicked.connect(lambda _i: self.open_attachment())
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, (key, text, slot) in enumerate(self._actions()):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            grid.addWidget(button, i // 5, i % 5)
        facts_box = QGroupBox(_("Complaint"), self)
        facts_box.setLayout(self.facts)
        top = QHBoxLayout()
        top.addWidget(facts_box, 3)
        top.addWidget(self.identity_box, 2)
        # facts, timeline and attachments scroll; the workflow buttons stay below, on screen
        body = ScrollBody(self)
        layout = body.box
        layout.addLayout(top)
        layout.addWidget(QLabel(_("Timeline and internal notes"), self))
        layout.addWidget(self.timeline_view, 1)
        layout.addWidget(QLabel(_("Attachments (double-click to open)"), self))
        layout.addWidget(self.attachments)
        outer = QVBoxLayout(self)
        outer.addWidget(body, 1)
        outer.addLayout(grid)
        self.detail: ComplaintDetail = services.complaints.queries.detail(user, complaint_id)
        self.show_detail(self.detail)
        self.resize(self.sizeHint().expandedTo(QSize(1100, 0)))

    def _actions(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("accept", _("Accept"), lambda: self._step(self.flow.accept)),
            ("reject", _("Reject…"), lambda: self._with_note(self.flow.reject, _("Reject"),
                                                            _("Reason"), True)),
            ("assign", _("Assign…"), self.assign),
            ("investigate", _("Start investigation"),
             lambda: self._step(self.flow.start_investigation)),
            ("conclude", _("Conclude…"), self.conclude),
            ("inform", _("Complainant informed"), lambda: self._step(self.flow.inform)),
            ("close", _("Close"), lambda: self._step(self.flow.close)),
            ("pause", _("Pause clock…"), lambda: self._with_note(
                self.flow.pause, _("Pause the clock"), _("Waiting for"), True)),
            ("resume", _("Resume clock"), lambda: self._step(self.flow.resume)),
            ("acknowledge", _("Receipt given"), lambda: self._step(self.flow.acknowledge)),
            ("note", _("Add note…"), self.add_note),
            ("attach", _("Attach files…"), self.attach),
            ("receipt", _("Acknowledgement letter…"), lambda: self.letter(outcome=False)),
            ("outcome", _("Outcome letter…"), lambda: self.letter(outcome=True)),
        ]  # fmt: skip

    # showing -----------------------------------------------------------------------------
    def show_detail(self, detail: ComplaintDetail) -> None:
        self.detail = s = detail
        c = s.summary
        self.setWindowTitle(_("Complaint {number}").format(
            number=format_register_number(c.number, c.fiscal_year, thai=screen_thai())))  # fmt: skip
        while self.facts.rowCount():
            self.facts.removeRow(0)
        receipt, receipt_late = self._receipt_text()
        rows = [
            (_("Number"), format_register_number(c.number, c.fiscal_year, thai=screen_thai())),
            (_("Reference code"), c.public_code),
            (_("Received"), format_datetime_short(c.received_at.astimezone(OFFICE_ZONE),
                                                  screen_thai())),
            (_("Channel"), c.channel_name),
            (_("Referring body's reference"), s.referral.reference
             + (" " + _("of {date}").format(date=common.short_date(s.referral.dated))
                if s.referral.dated else "")),
            (_("Referring body's deadline"), common.short_date(s.referral.due_on)),
            (_("Report the outcome to"), s.referral.report_to),
            (_("Category"), _(c.category.label_id) + (" — " + _("confidential track")
                                                       if c.track is Track.CORRUPTION else "")),
            (_("Subject"), c.subject), (_("Details"), s.details), (_("Place"), s.place),
            (_("Status"), _(c.status.label_id)),
            (_("Outcome due"), f"{common.short_date(c.due_on)} ({_(c.deadline.label_id)}) — "
             + _("within {n} {unit}").format(
                 n=on_screen(s.outcome_days),
                 unit=_(s.outcome_unit.label_id))),
            (_("Complainant"), _("Anonymous: no name, nobody to write to") if c.anonymous
             and not s.referral.report_to else ""),
            (_("Receipt"), receipt),
            (_("Assigned to"), " / ".join(x for x in (s.division_name, s.officer_name) if x)),
            (_("Outcome"), (_(c.outcome.label_id) if c.outcome else "")
             + (f": {s.referred_to}" if s.referred_to else "")),
            (_("Reason for rejection"), s.rejection_reason),
        ]  # fmt: skip
        for label, value in rows:
            if value:
                text = QLabel(value, self)
                text.setWordWrap(True)
                if value == receipt and receipt_late:
                    text.setStyleSheet("color: #b3261e; font-weight: bold;")
                self.facts.addRow(label, text)
        for field, value_label in self.identity_labels.items():
            value_label.setText(s.shown(field) if s.identity is not None else HIDDEN)
        if s.identity_purged:
            self.identity_labels["name"].setText(_("(purged)"))
        allowed = may_see_identity(self.user, c.track)
        self.reveal_button.setVisible(allowed and s.identity is None)
        self.timeline.set_rows(list(s.timeline))
        self.attachments.clear()
        for attachment in s.attachments:
            self.attachments.addItem(attachment.file_name)
        self._enable_actions()

    def _receipt_text(self) -> tuple[str, bool]:
        """The receipt line, and whether it is overdue (shown in red)."""
        s = self.detail
        if s.acknowledged_on is not None:
            return common.short_date(s.acknowledged_on), False
        if s.summary.anonymous and not s.referral.report_to:
            return _("not given: the complainant is anonymous"), False
        due = common.short_date(s.receipt_due_on)
        today = self.services.complaints.queries.today()
        if s.receipt_due_on is not None and s.receipt_due_on < today:
            return _("overdue: not yet given (due {date})").format(date=due), True
        return _("not yet given (due {date})").format(date=due), False

    def _enable_actions(self) -> None:
        c = self.detail.summary
        nxt = allowed_next(c.status)
        # an anonymous complaint has nobody to write to, unless a referring body is answered
        nobody = c.anonymous and not self.detail.referral.report_to
        letters = is_allowed(self.user, ComplaintOperation.PRINT_LETTERS) and not nobody
        paused = self.detail.paused_since is not None
        enabled = {
            "accept": Status.ACCEPTED in nxt, "reject": Status.REJECTED in nxt,
            "assign": Status.ASSIGNED in nxt, "investigate": Status.INVESTIGATING in nxt,
            "conclude": Status.CONCLUDED in nxt,
            "inform": Status.INFORMED in nxt and not nobody,
            "close": Status.CLOSED in nxt, "pause": c.status.is_open and not paused,
            "resume": paused, "note": True, "attach": True,
            "acknowledge": self.detail.acknowledged_on is None and not nobody,
            "receipt": letters,
            "outcome": letters and c.status in FINISHED_STATUSES | {Status.REJECTED},
        }  # fmt: skip
        why_not = {  # a disabled button says why, instead of leaving the user guessing
            key: _("The complainant is anonymous: there is nobody to write to or inform.")
            for key in ("receipt", "outcome", "inform", "acknowledge")
            if nobody
        }
        if not is_allowed(self.user, ComplaintOperation.PRINT_LETTERS):
            for key in ("receipt", "outcome"):
                why_not.setdefault(key, _("Only complaint officers print the letters."))
        if not nobody and "outcome" not in why_not and not enabled["outcome"]:
            why_not["outcome"] = _("The outcome letter is printed once the complaint is "
                                   "concluded or rejected.")  # fmt: skip
        for key, button in self.buttons.items():
            button.setEnabled(self.handles and enabled[key])
            button.setToolTip("" if button.isEnabled() else why_not.get(key, ""))

    def reload(self) -> None:
        self.show_detail(self.services.complaints.queries.detail(self.user, self.complaint_id))
        self.changed.emit()

    # actions -----------------------------------------------------------------------------
    def reveal(self) -> None:
        try:
            self.show_detail(self.services.complaints.queries.reveal_identity(
                self.user, self.complaint_id))  # fmt: skip
        except Exception as err:
            report_error(err, self)

    def _run(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except Exception as err:
            report_error(err, self)
            return False
        self.reload()
        return True

    def _step(self, action: Callable[..., object], *args: object) -> bool:
        version = self.detail.summary.version
        return self._run(lambda: action(self.user, self.complaint_id, version, *args))

    def _with_note(self, action: Callable[..., object], title: str, label: str,
                   required: bool) -> bool:  # fmt: skip
        dialog = StepDialog(self, title, label, required=required)
        if not common.exec_dialog(dialog):
            return False
        return self._step(action, dialog.text())

    def assign(self) -> bool:
        divisions = [(d.id, d.name) for d in self.services.office.divisions()]
        users = self.services.complaints.queries.assignable_users(self.user)
        dialog = StepDialog(self, _("Assign"), _("Note"), divisions=divisions, users=users)
        if not common.exec_dialog(dialog):
            return False
        assert dialog.division is not None and dialog.officer is not None
        return self._step(self.flow.assign, dialog.division.currentData(),
                          dialog.officer.currentData(), dialog.text())  # fmt: skip

    def conclude(self) -> bool:
        dialog = StepDialog(self, _("Conclude"), _("Summary of the findings"), conclude=True)
        if not common.exec_dialog(dialog):
            return False
        assert dialog.outcome is not None and dialog.agency is not None
        return self._step(self.flow.conclude, Outcome(dialog.outcome.currentData()),
                          dialog.agency.text(), dialog.text())  # fmt: skip

    def add_note(self) -> bool:
        dialog = StepDialog(self, _("Internal note"), _("Note"), required=True)
        if not common.exec_dialog(dialog):
            return False
        return self._run(lambda: self.flow.add_note(self.user, self.complaint_id, dialog.text()))

    def attach(self) -> bool:
        paths = [Path(p) for p in choose_files(self)]
        if not paths:
            return False
        return self._run(lambda: self.services.complaints.attachments.add(
            self.user, self.complaint_id, paths))  # fmt: skip

    def open_attachment(self) -> None:
        row = self.attachments.currentRow()
        if row < 0:
            return
        attachment = self.detail.attachments[row]
        try:
            open_file(self.services.complaints.attachments.path_of(self.user, attachment.id))
        except Exception as err:
            report_error(err, self)

    def letter(self, outcome: bool) -> bool:
        register = self.detail.summary.register
        letters = self.services.complaints.letters
        try:
            printed = (letters.outcome if outcome else letters.receipt)(self.user, register)
        except Exception as err:
            report_error(err, self)
            return False
        title = _("Outcome letter") if outcome else _("Acknowledgement letter")
        stem = "outcome" if outcome else "receipt"
        self.preview = common.show_pdf(
            self, f"{title} — {register} — {issued_text(printed)}",
            printed.pdf, f"complaint-{register.number}-{register.fiscal_year}-{stem}.pdf")  # fmt: skip
        self.reload()
        return True
