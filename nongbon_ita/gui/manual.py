"""Help › User manual: the Thai manual (docs/manual/, one chapter per role, its pictures made by
scripts/screenshots.py) opened with the system's viewer. It is looked for beside the program
(the bundle's folder) and in a source checkout."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from nongbon_ita.gui import messages
from nongbon_ita.i18n.translate import _

INDEX = Path("docs") / "manual" / "README.md"


def manual_index() -> Path | None:
    places = [Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None,
              Path(sys.executable).parent, Path(__file__).resolve().parents[2]]  # fmt: skip
    for place in places:
        if place is not None and (place / INDEX).is_file():
            return place / INDEX
    return None


def open_manual(parent: QWidget | None) -> bool:
    index = manual_index()
    if index is None:
        messages.inform(parent, _("The user manual is not installed with this copy of the "
                                  "program (docs/manual in the project)."))  # fmt: skip
        return False
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(index)))
    return True
