"""Help → About: version from one place, the fonts' and libraries' licences, reachable by F1."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from nongbon_ita import __version__
from nongbon_ita.gui import about_dialog
from nongbon_ita.gui.about_dialog import AboutDialog
from nongbon_ita.gui.main_window import MainWindow


def test_about_lists_version_fonts_and_libraries(qtbot, shot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert f"nongbon-ita {__version__}" in text
    for name in ("PySide6", "LGPL-3.0", "ReportLab", "PyThaiNLP", "Apache-2.0", "tzdata"):
        assert name in text, name
    assert "font exception" in text
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence.toPlainText().upper()
    shot(dialog, "about-dialog")


def test_the_main_window_opens_it(qtbot, admin, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        about_dialog.AboutDialog, "exec",
        lambda self: shown.append(self.windowTitle()) or QDialog.DialogCode.Accepted,
    )  # fmt: skip
    window = MainWindow(admin, "อบต.หนองบอน")
    qtbot.addWidget(window)
    window.about_button.click()
    assert shown == ["About nongbon-ita"]
