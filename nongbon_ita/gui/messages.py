"""Message boxes in one place, so tests can replace `present` and never block on a dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from nongbon_ita.i18n.translate import _

StandardButton = QMessageBox.StandardButton


def _exec(box: QMessageBox) -> int:
    return box.exec()


# Replaced by tests: takes the prepared box, returns the StandardButton the user "clicked".
present: Callable[[QMessageBox], int] = _exec


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if detail:
        box.setInformativeText(detail)
    return box


def inform(parent: QWidget | None, text: str, title: str = "", detail: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Information, title or _("Information"), text, detail)
    box.setStandardButtons(StandardButton.Ok)
    present(box)


def warn(parent: QWidget | None, text: str, title: str = "", detail: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title or _("Cannot do that"), text, detail)
    box.setStandardButtons(StandardButton.Ok)
    present(box)


def error(parent: QWidget | None, text: str, title: str = "", detail: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Critical, title or _("Error"), text, detail)
    box.setStandardButtons(StandardButton.Ok)
    present(box)


def confirm(parent: QWidget | None, text: str, title: str = "", yes_text: str = "") -> bool:
    """Ask before an action; the safe answer (No) is the default."""
    box = _box(parent, QMessageBox.Icon.Question, title or _("Please confirm"), text)
    box.setStandardButtons(StandardButton.Yes | StandardButton.No)
    box.setDefaultButton(StandardButton.No)
    box.button(StandardButton.Yes).setText(yes_text or _("Yes"))
    box.button(StandardButton.No).setText(_("No"))
    return present(box) == StandardButton.Yes
