"""Edit a year's ITA catalogue: indicators, their sub-indicators, the OIT items and their roles;
start a year from the latest list (the office's or a shipped one) and confirm it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.ita.catalogue import Catalogue, Indicator, OitItem
from nongbon_ita.domain.ita.catalogue_data import MISSING_NAME, ROLE_NAMES, ItemRole
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.ita.catalogue_import_dialog import CatalogueImportDialog
from nongbon_ita.gui.ita.catalogue_status import CatalogueStatus
from nongbon_ita.gui.ita.small_forms import (
    Ask,
    FieldsDialog,
    buttons_row,
    exec_ask,
    read_only_table,
)
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.scroll_body import ScrollBody
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class CatalogueTab(QWidget):
    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None,
        ask: Ask = exec_ask,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self._ask = services, user, ask
        self.fiscal_year = 0
        self.import_dialog: CatalogueImportDialog | None = None
        self.catalogue = Catalogue(0, (), (), ())
        self.summary = QLabel(self)
        self.indicators = read_only_table(self, [_("Form"), _("No."), _("Indicator")], 2)
        self.indicators.itemSelectionChanged.connect(self._show_subs)
        self.subs = QListWidget(self)
        self.items = read_only_table(self, [_("Code"), _("Item"), _("Group"), _("Sub-indicator"),
                                   _("Role")], 1)  # fmt: skip
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Indicators"), self), 0, 0)
        grid.addWidget(QLabel(_("Sub-indicators of the chosen indicator"), self), 0, 1)
        grid.addWidget(self.indicators, 1, 0)
        grid.addWidget(self.subs, 1, 1)
        grid.addLayout(buttons_row(self, (_("Add…"), self.add_indicator),
                                (_("Edit…"), self.edit_indicator)), 2, 0)  # fmt: skip
        grid.addLayout(buttons_row(self, (_("Add…"), self.add_sub), (_("Rename…"), self.rename_sub),
                                (_("Delete"), self.delete_sub)), 2, 1)  # fmt: skip
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.editable = is_allowed(user, ItaOperation.EDIT_CATALOGUE)
        body = ScrollBody(self)  # scrolls on a 1280×720 screen at 125 %
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(body)
        layout = body.box
        top = buttons_row(self, (_("Start from the latest list"), self.start_year),
                          (_("Import the NACC's table…"), self.import_table),
                       (_("Copy last year's catalogue"), self.copy_last_year),
                       (_("Fill with the shipped list"), self.install_defaults))  # fmt: skip
        top.insertWidget(0, self.summary)  # one row: the tab fits a 1280×720 screen at 125 %
        self.summary.setWordWrap(True)
        for table in (self.indicators, self.subs, self.items):
            table.setMinimumHeight(130)  # a few rows at least, also inside the scroll area
        top.insertSpacing(1, 12)
        layout.addLayout(top)
        self.status = CatalogueStatus(self.confirm_year, self.editable, self)
        layout.addWidget(self.status)
        layout.addLayout(grid, 3)
        layout.addWidget(QLabel(_("OIT items"), self))
        layout.addWidget(self.items, 2)
        layout.addLayout(buttons_row(self, (_("Add…"), self.add_item), (_("Edit…"), self.edit_item),
                                  (_("Delete"), self.delete_item)))  # fmt: skip
        for button in self.findChildren(QPushButton):
            button.setEnabled(self.editable)

    def load(self, fiscal_year: int) -> None:
        self.fiscal_year = fiscal_year
        self.catalogue = cat = self.services.ita.catalogue.catalogue(fiscal_year)
        self.summary.setText(on_screen(_("Fiscal year {year}: {i} indicators, {s} sub-indicators, "
                                         "{o} OIT items.").format(
            year=fiscal_year, i=len(cat.indicators), s=len(cat.sub_indicators),
            o=len(cat.items))))  # fmt: skip
        self.indicators.setRowCount(len(cat.indicators))
        for row, ind in enumerate(cat.indicators):
            for column, text in enumerate((ind.form.value, on_screen(ind.number), ind.name)):
                self.indicators.setItem(row, column, QTableWidgetItem(text))
        self.status.show_status(cat.provenance)
        subs = {s.id: s.name for s in cat.sub_indicators}
        self.items.setRowCount(len(cat.items))
        for row, item in enumerate(cat.items):
            sub = (
                f"{cat.sub_label(item.sub_indicator_id)} {subs.get(item.sub_indicator_id or 0, '')}"
            )
            cells = (
                item.code,
                item.name or MISSING_NAME,
                item.group_name,
                sub.strip(),
                _(ROLE_NAMES[item.role]) if item.role else "",
            )
            for column, text in enumerate(cells):
                self.items.setItem(row, column, QTableWidgetItem(text))
        self._show_subs()

    # selection ----------------------------------------------------------------------------
    def _indicator(self) -> Indicator | None:
        rows = self.indicators.selectionModel().selectedRows()
        return self.catalogue.indicators[rows[0].row()] if rows else None

    def _item(self) -> OitItem | None:
        rows = self.items.selectionModel().selectedRows()
        return self.catalogue.items[rows[0].row()] if rows else None

    def _show_subs(self) -> None:
        self.subs.clear()
        indicator = self._indicator()
        if indicator is not None:
            self.subs.addItems([s.name for s in self.catalogue.subs_of(indicator.id)])

    def _do(self, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception as err:
            report_error(err, self)
        self.load(self.fiscal_year)

    # whole year ---------------------------------------------------------------------------
    def copy_last_year(self) -> None:
        previous = self.fiscal_year - 1
        if messages.confirm(self, _("Start fiscal year {year} with the catalogue of {previous}?")
                            .format(year=self.fiscal_year, previous=previous)):  # fmt: skip
            self._do(lambda: self.services.ita.catalogue.copy(self.user, previous,
                                                              self.fiscal_year))  # fmt: skip

    def start_year(self) -> None:
        self._do(lambda: self.services.ita.years.start_year(self.user, self.fiscal_year))

    def confirm_year(self) -> None:
        question = _("Confirm the list of fiscal year {year}: checked against the NACC's manual?")
        if messages.confirm(self, question.format(year=self.fiscal_year)):
            self._do(lambda: self.services.ita.years.confirm(self.user, self.fiscal_year))

    def import_table(self) -> None:
        """The NACC's table from a file, with the mapping review when items carry something."""
        self.import_dialog = CatalogueImportDialog(self.services, self.user, self.fiscal_year, self)
        self._ask(self.import_dialog)
        self.load(self.fiscal_year)

    def install_defaults(self) -> None:
        self._do(lambda: self.services.ita.catalogue.install_defaults(self.user, self.fiscal_year))

    # indicators ---------------------------------------------------------------------------
    def _indicator_dialog(self, current: Indicator | None) -> None:
        form, number, name = QComboBox(), DigitSpinBox(), QLineEdit()
        for choice in AssessmentForm:
            form.addItem(choice.value)
        number.setRange(1, 99)
        if current is not None:
            form.setCurrentText(current.form.value)
            number.setValue(current.number)
            name.setText(current.name)
        dialog = FieldsDialog(self, _("Indicator"),
                              [(_("Form"), form), (_("No."), number), (_("Name"), name)])  # fmt: skip
        if not self._ask(dialog):
            return
        self._do(lambda: self.services.ita.catalogue.save_indicator(
            self.user, self.fiscal_year, AssessmentForm(form.currentText()), number.value(),
            name.text(), current.id if current else None, current.version if current else None,
        ))  # fmt: skip

    def add_indicator(self) -> None:
        self._indicator_dialog(None)

    def edit_indicator(self) -> None:
        if (indicator := self._indicator()) is not None:
            self._indicator_dialog(indicator)

    # sub-indicators -----------------------------------------------------------------------
    def _sub_name(self, title: str, value: str = "") -> str | None:
        name = QLineEdit()
        name.setText(value)
        dialog = FieldsDialog(self, title, [(_("Name"), name)])
        return name.text() if self._ask(dialog) else None

    def add_sub(self) -> None:
        indicator = self._indicator()
        if indicator is not None and (name := self._sub_name(_("Sub-indicator"))) is not None:
            self._do(lambda: self.services.ita.catalogue.save_sub_indicator(
                self.user, indicator.id, name))  # fmt: skip

    def _sub(self) -> tuple[Indicator, int] | None:
        indicator, row = self._indicator(), self.subs.currentRow()
        return (indicator, row) if indicator is not None and row >= 0 else None

    def rename_sub(self) -> None:
        if (chosen := self._sub()) is None:
            return
        sub = self.catalogue.subs_of(chosen[0].id)[chosen[1]]
        if (name := self._sub_name(_("Sub-indicator"), sub.name)) is not None:
            self._do(lambda: self.services.ita.catalogue.save_sub_indicator(
                self.user, sub.indicator_id, name, sub.id, sub.version))  # fmt: skip

    def delete_sub(self) -> None:
        if (chosen := self._sub()) is None:
            return
        sub = self.catalogue.subs_of(chosen[0].id)[chosen[1]]
        if messages.confirm(self, _("Delete the sub-indicator “{name}”?").format(name=sub.name)):
            self._do(lambda: self.services.ita.catalogue.delete_sub_indicator(
                self.user, sub.id, sub.version))  # fmt: skip

    # OIT items ----------------------------------------------------------------------------
    def _item_dialog(self, current: OitItem | None) -> None:
        code, name, group, sub = QLineEdit(), QLineEdit(), QLineEdit(), QComboBox()
        role, title = QComboBox(), QLineEdit()
        sub.addItem(_("(none)"), None)
        for s in self.catalogue.sub_indicators:
            sub.addItem(f"{self.catalogue.sub_label(s.id)} {s.name}", s.id)
        role.addItem(_("(none)"), None)
        for choice in ItemRole:
            role.addItem(_(ROLE_NAMES[choice]), choice.value)
        if current is not None:
            code.setText(current.code)
            name.setText(current.name)
            group.setText(current.group_name)
            sub.setCurrentIndex(max(0, sub.findData(current.sub_indicator_id)))
            role.setCurrentIndex(
                max(0, role.findData(current.role.value if current.role else None))
            )
            title.setText(current.document_title)
        title.setPlaceholderText(_("(the item's name)"))
        dialog = FieldsDialog(self, _("OIT item"), [
            (_("Code"), code), (_("Item"), name), (_("Group"), group), (_("Sub-indicator"), sub),
            (_("Role"), role), (_("Document title"), title)])  # fmt: skip
        if not self._ask(dialog):
            return
        self._do(lambda: self.services.ita.catalogue.save_item(
            self.user, self.fiscal_year, code.text(), name.text(), group.text(), sub.currentData(),
            current.id if current else None, current.version if current else None,
            ItemRole(role.currentData()) if role.currentData() else None, title.text(),
        ))  # fmt: skip

    def add_item(self) -> None:
        self._item_dialog(None)

    def edit_item(self) -> None:
        if (item := self._item()) is not None:
            self._item_dialog(item)

    def delete_item(self) -> None:
        item = self._item()
        if item is not None and messages.confirm(
            self, _("Delete item {code}?").format(code=item.code)
        ):
            self._do(lambda: self.services.ita.catalogue.delete_item(self.user, item.id,
                                                                     item.version))  # fmt: skip
