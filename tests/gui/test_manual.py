"""Help › User manual opens docs/manual's index; F1 stays the About box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

from nongbon_ita.gui import manual
from nongbon_ita.gui.main_window import MainWindow


def test_the_manual_button_opens_the_thai_manual(
    qtbot, admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(manual.QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)  # fmt: skip
    window = MainWindow(admin, "อบต.หนองบอน")
    qtbot.addWidget(window)
    window.manual_button.click()
    assert opened and opened[0].endswith("docs/manual/README.md")
    assert "คู่มือการใช้งาน" in Path(opened[0]).read_text(encoding="utf-8")
    assert window.about_button.shortcut() == QKeySequence("F1")
