"""Helpers the loan screens share; `exec_dialog`, `open_preview` and `choose_xlsx_path` are
replaced by tests so that nothing blocks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.gui.complaints.common import chosen, enum_combo, short_date
from nongbon_ita.gui.widgets import dialog_hooks
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog

__all__ = ["chosen", "enum_combo", "fiscal_years", "short_date", "show_pdf"]


exec_dialog: Callable[[QDialog], int] = dialog_hooks.run_dialog
open_preview: Callable[[DocumentPreviewDialog], None] = dialog_hooks.open_preview_dialog
choose_xlsx_path: Callable[[QWidget, str], str | None] = dialog_hooks.ask_xlsx_path


def show_pdf(parent: QWidget, title: str, pdf: bytes, file_name: str) -> DocumentPreviewDialog:
    preview = DocumentPreviewDialog(parent, title, pdf, file_name)
    open_preview(preview)
    return preview


def fiscal_years(today: date, back: int = 4) -> list[int]:
    """Fiscal years (B.E.) to choose from: next year's, this one and a few before."""
    current = fiscal_year(today)
    return list(range(current + 1, current - back - 1, -1))
