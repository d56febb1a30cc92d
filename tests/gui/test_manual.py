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


def test_the_frozen_app_finds_the_manual_in_its_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build.spec puts docs/manual at the bundle's top (_internal, sys._MEIPASS)."""
    import sys

    index = tmp_path / "_internal" / "docs" / "manual" / "README.md"
    index.parent.mkdir(parents=True)
    index.write_text("# คู่มือการใช้งาน\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert manual.manual_index() == index


def test_the_bundle_carries_the_manual_and_the_qt_catalog() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    import build_support

    destinations = {dest for _src, dest in build_support.manual_datas()}
    assert {"docs/manual", "docs/manual/images"} <= destinations
    assert any(src.endswith("README.md") for src, _dest in build_support.manual_datas())
