"""Qt's standard buttons speak the app's language (Qt ships no Thai of its own here)."""

from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from nongbon_ita.gui.qt_strings import install_qt_strings
from nongbon_ita.i18n import translate


def _dialog_with_buttons() -> tuple[QDialog, QDialogButtonBox]:
    dialog = QDialog()
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Ok
    )
    QVBoxLayout(dialog).addWidget(box)
    return dialog, box


def test_standard_buttons_follow_the_app_language(qapp: QApplication) -> None:
    install_qt_strings(qapp)
    translate.set_language("th")
    try:
        dialog, box = _dialog_with_buttons()
        dialog.show()
        texts = {b.text() for b in box.buttons()}
        assert texts == {translate._("Close"), translate._("OK")}
        assert translate._("Close") != "Close"
        dialog.close()
    finally:
        translate.set_language("en")
    dialog, box = _dialog_with_buttons()
    dialog.show()
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Close", "OK"}
    dialog.close()


def test_images_still_load_with_the_watcher_installed(qapp: QApplication) -> None:
    install_qt_strings(qapp)
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    assert QImage.fromData(bytes(data)).width() == 60


def test_the_right_click_menu_of_a_text_field_speaks_thai(qapp: QApplication) -> None:
    install_qt_strings(qapp)
    translate.set_language("th")
    try:
        field = QLineEdit("หนองบอน")
        field.selectAll()
        menu = field.createStandardContextMenu()
        menu.show()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        labels = [t.split("\t")[0] for t in texts]
        for msgid in ("Undo", "Cut", "Copy", "Paste", "Delete", "Select All"):
            assert translate._(msgid) in labels and translate._(msgid) != msgid
        assert texts[labels.index(translate._("Copy"))].endswith("\tCtrl+C")  # shortcut kept
        menu.close()
        translate.set_language("en")
        english_field = QLineEdit("Nong Bon")  # kept: the menu is its child
        english = english_field.createStandardContextMenu()
        english.show()
        assert "Copy" in [a.text().replace("&", "").split("\t")[0] for a in english.actions()]
        english.close()
    finally:
        translate.set_language("en")
