"""The bundled Thai screen font, loaded at start and made the application font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from nongbon_ita import resource_path

SCREEN_FONT_FILES = ("Garuda.ttf", "Garuda-Bold.ttf")
SCREEN_FONT_POINT_SIZE = 10

log = logging.getLogger("nongbon_ita.gui")


def load_screen_font(app: QApplication) -> str | None:
    """Register Garuda and make it the app font; returns the family name (None if not found)."""
    family: str | None = None
    for name in SCREEN_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("could not load font %s", name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and family is None:
            family = families[0]
    if family:
        font = QFont(family)
        font.setPointSize(SCREEN_FONT_POINT_SIZE)
        app.setFont(font)
    return family
