"""Photograph every window and dialog (gui/screens.py) and measure them against the office's
small screens. Used by scripts/screenshots.py (the manual's pictures) and by the fit test."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

# 1366×768 at 100 %: less a 40 px taskbar and a 31 px title bar
OPEN_LIMIT = QSize(1366, 768 - 40 - 31)
# 1280×720 at 125 % is 1024×576 logical pixels: less the taskbar and the title bar again
MINIMUM_LIMIT = QSize(1024, 576 - 40 - 31)
MAIN_WINDOW_SIZE = QSize(1366, 768 - 40 - 31)  # maximised on the small laptop

Sizes = dict[str, dict[str, list[int]]]


def measure(widget: QWidget) -> tuple[QSize, QSize]:
    """(the smallest the window can be, the size it opens at)."""
    smallest = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if widget.layout() is not None:
        smallest = smallest.expandedTo(widget.layout().totalMinimumSize())
    return smallest, widget.size()


def problems(name: str, smallest: QSize, opened: QSize) -> list[str]:
    found = []
    if smallest.width() > MINIMUM_LIMIT.width() or smallest.height() > MINIMUM_LIMIT.height():
        found.append(f"{name}: cannot shrink below {smallest.width()}×{smallest.height()} "
                     f"(1280×720 at 125 % leaves {MINIMUM_LIMIT.width()}×"
                     f"{MINIMUM_LIMIT.height()})")  # fmt: skip
    if opened.width() > OPEN_LIMIT.width() or opened.height() > OPEN_LIMIT.height():
        found.append(f"{name}: opens at {opened.width()}×{opened.height()} (1366×768 leaves "
                     f"{OPEN_LIMIT.width()}×{OPEN_LIMIT.height()})")  # fmt: skip
    return found


class Camera:
    def __init__(self, out: Path | None) -> None:
        self.out = out
        self.sizes: Sizes = {}
        self.too_large: list[str] = []

    def take(self, widget: QWidget, name: str) -> None:
        if not widget.isVisible():
            widget.show()
        for _round in range(3):  # layouts settle over a few passes of the event loop
            QApplication.processEvents()
        smallest, opened = measure(widget)
        self.sizes[name] = {"minimum": [smallest.width(), smallest.height()],
                            "opened": [opened.width(), opened.height()]}  # fmt: skip
        self.too_large += problems(name, smallest, opened)
        if self.out is not None:
            widget.grab().save(str(self.out / f"{name}.png"))


def photograph(services: Services, users: dict[Role, CurrentUser], camera: Camera) -> None:
    from nongbon_ita.gui.run import build_main_window
    from nongbon_ita.gui.screens import dialogs, page_views

    for role, user in users.items():
        window = build_main_window(services, user)
        window.resize(MAIN_WINDOW_SIZE)
        window.show()
        for name, show in page_views(window):
            show()
            camera.take(window, f"{role.value}-{name}")
        window.close()
        window.deleteLater()
    for screen in dialogs():
        widget = screen.build(services, users[screen.role])
        camera.take(widget, screen.name)
        widget.close()
        widget.deleteLater()


def take_screenshots(services: Services, password: str,
                     out: Path | None) -> tuple[Sizes, list[str]]:  # fmt: skip
    """Log every demo user in (username = role code) and photograph what they see."""
    from nongbon_ita.gui.fonts import load_screen_font
    from nongbon_ita.gui.qt_strings import install_qt_strings

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    load_screen_font(app)
    install_qt_strings(app)
    users = {role: services.auth.login(role.value, password) for role in Role}
    camera = Camera(out)
    photograph(services, users, camera)
    return camera.sizes, camera.too_large
