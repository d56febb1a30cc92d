"""GUI tests: offscreen Qt, the bundled font, one fresh in-memory database per test."""

from __future__ import annotations

import os
import tempfile

# Both must be set before anything imports Qt (QSettings reads XDG_CONFIG_HOME).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="nongbon-gui-config-"))

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.fonts import load_screen_font
from nongbon_ita.i18n.translate import set_language
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services

SHOTS_DIR = Path("/tmp/gui-shots")
OFFICE = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")
ADMIN_PASSWORD = "nongbon-demo"
USER_PASSWORD = "password-1234"


@pytest.fixture(scope="session", autouse=True)
def gui_app(qapp: QApplication) -> QApplication:
    load_screen_font(qapp)
    return qapp


@pytest.fixture(autouse=True)
def english_ui() -> Iterator[None]:
    """GUI tests assert on the English message ids; a CLI test run earlier may have left Thai on
    (and a start-up test Qt's own Thai catalog: removed too)."""
    from nongbon_ita.gui.qt_translator import install_qt_translator

    set_language("en")
    install_qt_translator(QApplication.instance(), "en")  # type: ignore[arg-type]
    yield
    set_language("en")
    install_qt_translator(QApplication.instance(), "en")  # type: ignore[arg-type]


@pytest.fixture
def blank_services() -> Iterator[Services]:
    db = open_database(DatabaseLocation.in_memory())
    yield Services.over(ServiceContext(db, hashing=HashingCost.cheap()))
    db.dispose()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Services]:
    """An office in a database FILE (backups and restores need one), with its admin."""
    database = open_database(DatabaseLocation.for_file(tmp_path / "office.sqlite3"))
    built = Services.over(ServiceContext(database, hashing=HashingCost.cheap()))
    built.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", ADMIN_PASSWORD)
    yield built
    built.ctx.database.dispose()


@pytest.fixture
def services(blank_services: Services) -> Services:
    blank_services.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", ADMIN_PASSWORD)
    return blank_services


@pytest.fixture
def admin(services: Services) -> CurrentUser:
    return services.auth.login("admin", ADMIN_PASSWORD)


@pytest.fixture
def staff(services: Services, admin: CurrentUser) -> CurrentUser:
    """A staff member who already chose their own password."""
    services.users.create_user(
        admin, "somchai", "นายสมชาย ใจดี", frozenset({Role.STAFF}), "temporary-1"
    )
    user = services.auth.login("somchai", "temporary-1")
    services.auth.change_own_password(user, "temporary-1", USER_PASSWORD)
    return services.auth.login("somchai", USER_PASSWORD)


@dataclass
class MessageLog:
    """Every message box the code under test showed, answered without blocking."""

    boxes: list[tuple[QMessageBox.Icon, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    grab_to: Callable[[QWidget, str], None] | None = None

    def texts(self) -> list[str]:
        return [text for _icon, text, _detail in self.boxes]

    def last(self) -> str:
        return self.boxes[-1][1] if self.boxes else ""


@pytest.fixture
def message_log(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    log = MessageLog()

    def present(box: QMessageBox) -> int:
        log.boxes.append((box.icon(), box.text(), box.informativeText()))
        if log.grab_to is not None:
            box.adjustSize()
            log.grab_to(box, f"message-{len(log.boxes)}")
        return int(log.answer)

    monkeypatch.setattr(messages, "present", present)
    return log


@pytest.fixture
def shot(tmp_path: Path, qtbot) -> Callable[[QWidget, str], Path]:  # type: ignore[no-untyped-def]
    """Save a screenshot under tmp_path and /tmp/gui-shots (to look at after a GUI change)."""
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)

    def take(widget: QWidget, name: str) -> Path:
        if not widget.isVisible():
            widget.show()
        QApplication.processEvents()
        pixmap = widget.grab()
        path = tmp_path / f"{name}.png"
        assert pixmap.save(str(path))
        pixmap.save(str(SHOTS_DIR / f"{name}.png"))
        return path

    return take


def make_pdf(pages: int = 2, text: str = "O43 test") -> bytes:
    """A small A4 PDF with `pages` pages (reportlab, base-14 font)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 28)
        canvas.drawString(100, 700, f"{text} - page {number}")
        canvas.rect(80, 80, 435, 680)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture
def pdf_bytes() -> bytes:
    return make_pdf(3)


@pytest.fixture
def pdf_maker() -> Callable[..., bytes]:
    return make_pdf
