"""Asset categories: name and the longest loan allowed for their assets (days, optional)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.assets.records import AssetCategory
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.register import AssetService


class CategoriesDialog(QDialog):
    def __init__(
        self, assets: AssetService, user: CurrentUser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.assets, self.user = assets, user
        self.categories: list[AssetCategory] = []
        self.setWindowTitle(_("Asset categories"))
        self.resize(560, 420)
        self.list = QListWidget(self)
        self.name_edit = QLineEdit(self)
        self.days_spin = DigitSpinBox(self)
        self.days_spin.setRange(0, 3650)
        self.days_spin.setSpecialValueText(_("no limit"))
        self.days_spin.setSuffix(" " + _("days"))
        self.error_label = ErrorLabel(self)
        new, save, delete = (QPushButton(t, self) for t in (_("New"), _("Save"), _("Delete…")))
        close = QPushButton(_("Close"), self)
        new.clicked.connect(self.new)
        save.clicked.connect(self.save)
        delete.clicked.connect(self.delete)
        close.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(self._show)
        form = QFormLayout()
        form.addRow(_("Name") + " *", self.name_edit)
        form.addRow(_("Longest loan"), self.days_spin)
        buttons = QHBoxLayout()
        for button in (new, save, delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.categories = self.assets.categories.list()
        self.list.clear()
        for category in self.categories:
            days = (
                _("{n} days").format(n=on_screen(category.max_loan_days))
                if category.max_loan_days
                else ""
            )
            self.list.addItem(f"{category.name}    {days}".rstrip())
        ids = [c.id for c in self.categories]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else -1)

    def current(self) -> AssetCategory | None:
        row = self.list.currentRow()
        return self.categories[row] if 0 <= row < len(self.categories) else None

    def _show(self, _row: int) -> None:
        category = self.current()
        self.name_edit.setText(category.name if category else "")
        self.days_spin.setValue(category.max_loan_days or 0 if category else 0)
        self.error_label.clear_message()

    def new(self) -> None:
        self.list.setCurrentRow(-1)
        self.name_edit.clear()
        self.days_spin.setValue(0)
        self.name_edit.setFocus()

    def save(self) -> None:
        current = self.current()
        category = AssetCategory(current.id if current else 0, self.name_edit.text(),
                                 self.days_spin.value() or None,
                                 current.version if current else 0)  # fmt: skip
        try:
            saved = self.assets.categories.save(self.user, category)
        except DomainError as refused:
            self.error_label.show_message(domain_message(refused))
            return
        self.reload(saved.id)

    def delete(self) -> None:
        current = self.current()
        if current is None or not messages.confirm(
            self, _("Delete the category {name}?").format(name=current.name)
        ):
            return
        try:
            self.assets.categories.delete(self.user, current.id)
        except DomainError as refused:
            self.error_label.show_message(domain_message(refused))
            return
        self.reload()
