"""Qt's own texts — standard buttons (Close, OK, Yes …) and the right-click menu of text fields
(Undo, Copy, Paste …) — in the app's language.

Qt ships no Thai translation of itself, so these would stay English in a Thai window. Their texts
are replaced from the app's gettext catalog when a dialog or a menu is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox, QWidget

from nongbon_ita.domain.errors import N_
from nongbon_ita.i18n.translate import _, current_language

# Qt's source text (accelerator marks dropped) → the app's message id
QT_TEXTS: dict[str, str] = {
    "OK": N_("OK"),
    "Cancel": N_("Cancel"),
    "Close": N_("Close"),
    "Yes": N_("Yes"),
    "No": N_("No"),
    "Yes to All": N_("Yes to All"),
    "No to All": N_("No to All"),
    "Save": N_("Save"),
    "Save All": N_("Save All"),
    "Open": N_("Open"),
    "Apply": N_("Apply"),
    "Reset": N_("Reset"),
    "Discard": N_("Discard"),
    "Don't Save": N_("Don't Save"),
    "Close without Saving": N_("Close without Saving"),
    "Abort": N_("Abort"),
    "Retry": N_("Retry"),
    "Ignore": N_("Ignore"),
    "Help": N_("Help"),
    "Restore Defaults": N_("Restore Defaults"),
    "< Back": N_("Back"),
    "Back": N_("Back"),
    "Next >": N_("Next"),
    "Next": N_("Next"),
    "Finish": N_("Finish"),
    "Show Details...": N_("Show details…"),
    "Hide Details...": N_("Hide details…"),
}


# the standard context menu of line edits, text edits and spin boxes; "\tCtrl+Z" is kept
QT_MENU_TEXTS: dict[str, str] = {
    "Undo": N_("Undo"),
    "Redo": N_("Redo"),
    "Cut": N_("Cut"),
    "Copy": N_("Copy"),
    "Copy Link Location": N_("Copy Link Location"),
    "Paste": N_("Paste"),
    "Delete": N_("Delete"),
    "Select All": N_("Select All"),
    "Step up": N_("Step up"),
    "Step down": N_("Step down"),
}


def translate_menu(menu: QMenu) -> None:
    """Qt's own entries of `menu` in the app's words, their shortcuts kept."""
    for action in menu.actions():
        label, tab, shortcut = action.text().partition("\t")
        msgid = QT_MENU_TEXTS.get(label.replace("&", ""))
        if msgid is not None:
            action.setText(_(msgid) + tab + shortcut)


def translate_buttons(root: QWidget) -> None:
    """Give the standard buttons under `root` the app's words (a button a screen named itself,
    e.g. "Create", is left alone)."""
    boxes: list[QDialogButtonBox | QMessageBox] = [*root.findChildren(QDialogButtonBox)]
    if isinstance(root, QMessageBox | QDialogButtonBox):
        boxes.append(root)
    for box in boxes:
        for button in box.buttons():
            msgid = QT_TEXTS.get(button.text().replace("&", ""))
            if msgid is not None:
                button.setText(_(msgid))


class _ShowWatcher(QObject):
    """Translates a dialog's standard buttons, or a menu's standard entries, as it is shown.

    (A Python QTranslator would be simpler, but PySide6 then breaks QImage.fromData: Qt calls
    the translator in the middle of reading an image. Watching Show events has no such reach.)
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            if isinstance(watched, QMenu):
                translate_menu(watched)
            elif isinstance(watched, QDialog | QMessageBox):
                translate_buttons(watched)
        return False


_installed: _ShowWatcher | None = None


def install_qt_strings(app: QCoreApplication) -> None:
    """Install once per application, with Qt's own catalog in the UI language (qt_translator)."""
    global _installed
    from nongbon_ita.gui.qt_translator import install_qt_translator

    install_qt_translator(app, current_language())
    if _installed is None:
        _installed = _ShowWatcher(app)
        app.installEventFilter(_installed)
