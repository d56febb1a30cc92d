"""The fit check behind scripts/screenshots.py says which window is too large and why; tall
dialogs keep their buttons on screen by scrolling their body."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

from nongbon_ita.gui.complaints.intake_dialog import IntakeDialog
from nongbon_ita.gui.screenshots import MINIMUM_LIMIT, OPEN_LIMIT, Camera, problems
from nongbon_ita.gui.widgets.scroll_body import ScrollBody


def test_a_window_that_cannot_shrink_or_opens_too_tall_is_named(qtbot) -> None:
    assert problems("ok", QSize(600, 400), QSize(900, 650)) == []
    too_tall = problems("intake", QSize(500, 834), QSize(640, 834))
    assert len(too_tall) == 2 and all(line.startswith("intake: ") for line in too_tall)
    assert "834" in too_tall[0] and "1024×505" in too_tall[0]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setMinimumSize(700, 800)
    camera = Camera(None)
    camera.take(dialog, "tall")
    assert camera.sizes["tall"]["minimum"] == [700, 800]
    assert camera.too_large and camera.too_large[0].startswith("tall: cannot shrink")


def test_a_scroll_body_lets_a_long_form_shrink_with_its_buttons_below(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    body = ScrollBody(dialog)
    for _n in range(40):
        body.box.addWidget(QLineEdit(dialog))
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    layout.addWidget(QPushButton("Save", dialog))
    assert body.content.minimumSizeHint().height() > OPEN_LIMIT.height()
    assert dialog.minimumSizeHint().height() <= MINIMUM_LIMIT.height()


def test_complaint_intake_fits_a_small_screen(qtbot, services, admin) -> None:
    for corruption in (False, True):
        dialog = IntakeDialog(services, admin, corruption)
        qtbot.addWidget(dialog)
        dialog.show()
        smallest = dialog.minimumSizeHint()
        assert smallest.height() <= MINIMUM_LIMIT.height()
        assert smallest.width() <= MINIMUM_LIMIT.width()
        assert dialog.height() <= OPEN_LIMIT.height()
