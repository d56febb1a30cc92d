"""The blocking parts of a screen — running a dialog, opening a preview, asking for a file name.

Area modules bind these to module-level names (`exec_dialog`, `open_preview`,
`choose_xlsx_path`) that tests replace, so no test ever waits on a window nobody answers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.gui.widgets.saving import in_documents
from nongbon_ita.i18n.translate import _


def run_dialog(dialog: QDialog) -> int:
    return dialog.exec()


def open_preview_dialog(preview: DocumentPreviewDialog) -> None:
    preview.open()


def ask_xlsx_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Export to Excel"), in_documents(suggested), _("Excel workbooks") + " (*.xlsx)"
    )
    return path or None


def ask_measures_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Import measures"), "",
        _("Measures (JSON, CSV, Excel)") + " (*.json *.csv *.xlsx);;" + _("All files") + " (*)",
    )  # fmt: skip
    return path or None
