"""The loan request form: who borrows (a staff member, an agency, a villager or group), what for,
where, when, and which items. The rules that need no database are checked as you type; the
service checks the rest when you save (its refusal is shown under the form)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    Loan,
    LoanRequest,
    PurposeType,
    UseScope,
)
from nongbon_ita.domain.loans.rules import check_request
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.loans.common import chosen, enum_combo
from nongbon_ita.gui.loans.item_picker import ItemPicker
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.scan_field import no_enter_default
from nongbon_ita.gui.widgets.scroll_body import ScrollBody
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class RequestDialog(QDialog):
    """New request, or a draft to edit (`loan`). `saved` is the loan after Save or Submit."""

    def __init__(self, services: Services, user: CurrentUser, loan: Loan | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.loan = services, user, loan
        self.saved: Loan | None = None
        self.policy = services.loans.policy()
        self.setWindowTitle(_("Edit the draft request") if loan else _("New loan request"))
        self.kind = enum_combo(list(BorrowerKind), self)
        self.staff = QComboBox(self)
        accounts = services.loans.staff_accounts(user)
        if not user.has(Role.SUPPLY_OFFICER):  # others may only borrow for themselves
            accounts = [a for a in accounts if a.id == user.id]
        for account in accounts:
            self.staff.addItem(f"{account.full_name} — {account.position}".rstrip(" —"), account.id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(user.id)))
        self.name, self.position, self.organization, self.phone = (
            QLineEdit(self) for _i in range(4)
        )
        self.purpose_type = enum_combo(list(PurposeType), self)
        self.purpose = QLineEdit(self)
        self.place = QLineEdit(self)
        self.scope = enum_combo(list(UseScope), self)
        today = services.loans.today()
        self.start = BeDateEdit(self, today)
        self.due = BeDateEdit(self, today + timedelta(days=2))
        self.picker = ItemPicker(services.assets, self)
        self.error = ErrorLabel(self)
        self._build_layout()
        for edit in (self.name, self.position, self.organization, self.phone, self.purpose,
                     self.place):  # fmt: skip
            edit.textChanged.connect(self.validate)
        for combo in (self.kind, self.staff, self.purpose_type, self.scope):
            combo.currentIndexChanged.connect(self.validate)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.start, self.due):
            edit.dateChanged.connect(self.validate)
        self.picker.changed.connect(self.validate)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.reject)
        # Enter belongs to the item search (a scanner ends every label with it): the request is
        # submitted only by its button or Ctrl+Enter, saved as a draft by Ctrl+S
        no_enter_default(self)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.save(submit=True))
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save(submit=False))
        if loan is not None:
            self._load(loan)
        self._kind_changed()
        self.resize(self.sizeHint().expandedTo(QSize(760, 0)))

    def _build_layout(self) -> None:
        who = QGroupBox(_("Borrower"), self)
        self.who_form = form = QFormLayout(who)
        form.addRow(_("Borrower is"), self.kind)
        form.addRow(_("Staff member *"), self.staff)
        form.addRow(_("Name *"), self.name)
        form.addRow(_("Position or role"), self.position)
        form.addRow(_("Agency, village or group"), self.organization)
        form.addRow(_("Phone"), self.phone)
        use = QGroupBox(_("Use"), self)
        use_form = QFormLayout(use)
        use_form.addRow(_("Purpose type"), self.purpose_type)
        use_form.addRow(_("Purpose *"), self.purpose)
        use_form.addRow(_("Place of use"), self.place)
        use_form.addRow(_("Where"), self.scope)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(self.due)
        use_form.addRow(_("From – due back *"), dates)
        items = QGroupBox(_("Items"), self)
        QVBoxLayout(items).addWidget(self.picker)
        self.save_button = QPushButton(_("Save draft"), self)
        self.submit_button = QPushButton(_("Submit for approval"), self)
        self.submit_button.setToolTip(_("Submit for approval (Ctrl+Enter)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        body = ScrollBody(self)  # fits a 1366×768 screen; the buttons stay below, on screen
        top = QHBoxLayout()
        top.addWidget(who, 1)
        top.addWidget(use, 1)
        body.box.addLayout(top)
        body.box.addWidget(items, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setTabOrder(self.kind, self.staff)

    def _load(self, loan: Loan) -> None:
        b = loan.borrower
        self.kind.setCurrentIndex(self.kind.findData(b.kind.value))
        if b.user_id is not None:
            self.staff.setCurrentIndex(max(0, self.staff.findData(b.user_id)))
        for edit, text in ((self.name, b.name), (self.position, b.position),
                           (self.organization, b.organization), (self.phone, b.phone),
                           (self.purpose, loan.purpose), (self.place, loan.place_of_use)):  # fmt: skip
            edit.setText(text)
        self.purpose_type.setCurrentIndex(self.purpose_type.findData(loan.purpose_type.value))
        self.scope.setCurrentIndex(self.scope.findData(loan.use_scope.value))
        self.start.setDate(loan.start_date)
        self.due.setDate(loan.due_date)
        for item in loan.items:
            self.picker.add_asset(self.services.assets.get(item.asset_id), item.quantity)

    def _kind_changed(self) -> None:
        staff = chosen(self.kind, BorrowerKind) is BorrowerKind.STAFF
        self.who_form.setRowVisible(self.staff, staff)
        for edit in (self.name, self.position, self.organization, self.phone):
            self.who_form.setRowVisible(edit, not staff)
        self.validate()

    def request(self) -> LoanRequest:
        kind = chosen(self.kind, BorrowerKind) or BorrowerKind.STAFF
        if kind is BorrowerKind.STAFF:
            user_id = self.staff.currentData()
            name = self.staff.currentText().split(" — ")[0] if user_id is not None else ""
            borrower = Borrower(kind, name, user_id=user_id)
        else:
            borrower = Borrower(kind, self.name.text().strip(), self.position.text().strip(),
                                self.organization.text().strip(), self.phone.text().strip())  # fmt: skip
        today = self.services.loans.today()
        return LoanRequest(
            borrower, chosen(self.purpose_type, PurposeType) or PurposeType.OFFICIAL,
            self.purpose.text().strip(), self.place.text().strip(),
            chosen(self.scope, UseScope) or UseScope.PREMISES,
            self.start.date() or today, self.due.date() or today, self.picker.items(),
        )  # fmt: skip

    def problem(self) -> str:
        """The first rule the form breaks now, in the user's language ('' when none)."""
        if self.start.date() is None or self.due.date() is None:
            return _("Enter the start and due dates.")
        try:
            check_request(self.request(), self.policy)
        except DomainError as err:
            return domain_message(err)
        return ""

    def validate(self) -> bool:
        text = self.problem()
        self.error.show_message(text)
        return not text

    def save(self, submit: bool) -> Loan | None:
        if not self.validate():
            return None
        loans = self.services.loans
        try:
            if self.loan is None:
                self.saved = loans.create_request(self.user, self.request(), submit=submit)
            else:
                saved = loans.update_draft(self.user, self.loan.id, self.request(),
                                           self.loan.version)  # fmt: skip
                self.saved = loans.submit(self.user, saved.id, saved.version) if submit else saved
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return None
        self.accept()
        return self.saved
