"""Helpers the complaint dialogs share; `exec_dialog`, `open_preview` and `choose_xlsx_path` are
replaced by tests so that nothing blocks."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from nongbon_ita.domain.complaints.deadlines import DeadlineState
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.widgets import dialog_hooks
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.digits import short_date as short_date  # tables and details share it
from nongbon_ita.i18n.translate import _

E = TypeVar("E", bound=Enum)

DEADLINE_COLOURS = {
    DeadlineState.OVERDUE: "#b3261e",
    DeadlineState.DUE_SOON: "#a15c00",
    DeadlineState.PAUSED: "#555555",
}


exec_dialog: Callable[[QDialog], int] = dialog_hooks.run_dialog
open_preview: Callable[[DocumentPreviewDialog], None] = dialog_hooks.open_preview_dialog
choose_xlsx_path: Callable[[QWidget, str], str | None] = dialog_hooks.ask_xlsx_path


def enum_combo(members: list[E], parent: QWidget, blank: str = "") -> QComboBox:
    """A combo box of enum members (their label ids translated); `blank` adds an 'any' row."""
    combo = QComboBox(parent)
    if blank:
        combo.addItem(blank, None)
    for member in members:
        combo.addItem(_(member.label_id), member.value)  # type: ignore[attr-defined]
    return combo


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The member a combo box shows (Qt hands string enums back as plain strings)."""
    value = combo.currentData()
    return None if value is None else kind(value)


def show_pdf(parent: QWidget, title: str, pdf: bytes, file_name: str) -> DocumentPreviewDialog:
    preview = DocumentPreviewDialog(parent, title, pdf, file_name)
    open_preview(preview)
    return preview


def run_inline(parent: QWidget, error: ErrorLabel, action: Callable[[], object]) -> bool:
    """Run a service call from a form: a refusal is shown inline in `error`, anything else
    goes to the one error handler. True when it was done."""
    error.clear_message()
    try:
        action()
    except DomainError as err:
        error.show_message(domain_message(err))
        return False
    except Exception as err:
        report_error(err, parent)
        return False
    return True
