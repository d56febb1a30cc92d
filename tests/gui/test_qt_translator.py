"""Qt's own dialogs in the Thai UI: Qt's file dialog, print dialog, message box buttons and About
Qt read Thai from our compiled catalog (translations/qt/qt_th.ts), not English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton

from nongbon_ita.gui.qt_translator import install_qt_translator, qt_catalog


@pytest.fixture
def thai_qt(qapp: QApplication) -> Iterator[QApplication]:
    assert install_qt_translator(qapp, "th")
    yield qapp
    install_qt_translator(qapp, "en")


def test_the_catalog_is_compiled_and_translates_qt_contexts(thai_qt: QApplication) -> None:
    catalog = qt_catalog("th")
    assert catalog is not None and catalog.suffix == ".qm" and catalog.stat().st_size > 1000
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ยกเลิก"
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "ชื่อไฟล์:"


def test_a_message_box_shows_thai_buttons(thai_qt: QApplication, qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(box)
    assert {button.text() for button in box.buttons()} == {"ใช่", "ไม่ใช่"}


def test_qts_file_dialog_is_thai(thai_qt: QApplication, qtbot, tmp_path) -> None:
    dialog = QFileDialog(None, "บันทึก", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {w.text() for w in dialog.findChildren(QPushButton)} | {
        w.text() for w in dialog.findChildren(QLabel)}  # fmt: skip
    assert {"บันทึก", "ยกเลิก", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= {t.replace("&", "") for t in texts}
    assert not {"Save", "Cancel", "File name:"} & {t.replace("&", "") for t in texts}
    dialog.reject()


def test_qts_print_dialog_is_thai(thai_qt: QApplication, qtbot) -> None:
    printer = QPrinter()  # kept: the dialog does not own it
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {w.text().replace("&", "") for w in dialog.findChildren(QPushButton)}
    assert "พิมพ์" in texts and "ยกเลิก" in texts and "Print" not in texts
    dialog.reject()


def test_about_qt_is_thai(thai_qt: QApplication) -> None:
    assert QCoreApplication.translate("QMessageBox", "About Qt") == "เกี่ยวกับ Qt"


def test_images_still_load_with_the_translator(thai_qt: QApplication) -> None:
    """A Python QTranslator broke QImage.fromData; a .qm-loaded one must not."""
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    assert not QImage.fromData(bytes(data)).isNull()
