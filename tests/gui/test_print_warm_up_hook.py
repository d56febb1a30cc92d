"""Once the main window is on screen, the print path is warmed in the background (issue 12: a
program's first print cost 1.6–2.8 s); never before the window shows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from nongbon_ita.gui.run import GuiSession
from nongbon_ita.reports import warm


def test_the_window_shows_first_then_the_warm_up_starts(
    qtbot, services, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []  # whether the window was visible when the warm-up started
    session = GuiSession(services)
    monkeypatch.setattr(warm, "warm_up_in_background",
                        lambda: started.append(session.window is not None
                                               and session.window.isVisible()))  # fmt: skip
    dialog = session.show_login()
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("nongbon-demo")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert session.window is not None
    qtbot.addWidget(session.window)
    assert started == []  # not while the window is being built: after, from the event loop
    qtbot.waitUntil(lambda: started == [True], timeout=5000)
