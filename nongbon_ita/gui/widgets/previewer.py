"""Render a document off the GUI thread, then open it in the preview dialog (print, save)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.gui.widgets.dialog_hooks import open_preview_dialog
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog

PreviewOpener = Callable[[DocumentPreviewDialog], None]


class Previewer(QObject):
    """`show(title, render, file_name)`: renders in the background, then opens the preview."""

    opened = Signal(object)  # the DocumentPreviewDialog
    busy = Signal(bool)

    def __init__(self, parent: QWidget, open_preview: PreviewOpener = open_preview_dialog) -> None:
        super().__init__(parent)
        self._parent = parent
        self._open = open_preview
        self.runner = BackgroundRunner(parent)
        self.runner.busy.connect(self.busy)
        self.dialog: DocumentPreviewDialog | None = None

    def show(self, title: str, render: Callable[[], bytes], file_name: str) -> None:
        self.runner.run(render, lambda pdf: self._done(title, pdf, file_name))

    def _done(self, title: str, pdf: bytes, file_name: str) -> None:
        self.dialog = DocumentPreviewDialog(self._parent, title, pdf, file_name)
        self._open(self.dialog)
        self.opened.emit(self.dialog)
