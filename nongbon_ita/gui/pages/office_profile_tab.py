"""Settings › office profile: admins edit it (version-checked), everyone else reads it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError, StaleEditError, ValidationError
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.permissions import Operation, is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.saving import in_documents
from nongbon_ita.i18n.digits import ARABIC, THAI, set_screen_digits
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.office import OfficeService

LogoChooser = Callable[[QWidget], str | None]
LOGO_MAX_PIXELS = 600
_REQUIRED = ("name", "short_name", "district", "province")


def choose_logo_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose the office logo"),
        in_documents(""),
        _("Images") + " (*.png *.jpg *.jpeg *.bmp)",
    )
    return path or None


def image_to_png(path: str) -> bytes | None:
    """Read an image file, shrink it to at most LOGO_MAX_PIXELS, return PNG bytes (None if unreadable)."""
    image = QImage(path)
    if image.isNull():
        return None
    if max(image.width(), image.height()) > LOGO_MAX_PIXELS:
        image = image.scaled(LOGO_MAX_PIXELS, LOGO_MAX_PIXELS, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class OfficeProfileTab(QWidget):
    def __init__(
        self, office: OfficeService, user: CurrentUser, parent: QWidget | None = None,
        choose_logo: LogoChooser = choose_logo_file,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.office, self.user, self._choose_logo = office, user, choose_logo
        self.editable = is_allowed(user, Operation.EDIT_OFFICE)
        self.loaded: OfficeProfile | None = None
        self._logo: bytes | None = None
        labels = {
            "name": _("Office name"), "short_name": _("Short name"), "district": _("District"),
            "province": _("Province"), "address": _("Address"), "phone": _("Phone"),
            "website": _("Website"), "letter_code": _("Letter code (ที่ …)"),
        }  # fmt: skip
        form = self.form = QFormLayout()  # Settings adds the numbering of letters under it
        self.edits: dict[str, QLineEdit] = {}
        for key, label in labels.items():
            edit = QLineEdit(self)
            edit.setReadOnly(not self.editable)
            form.addRow(label + (" *" if key in _REQUIRED and self.editable else ""), edit)
            self.edits[key] = edit
        self.logo_label = QLabel(self)
        self.logo_label.setFixedSize(110, 110)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("border: 1px solid #bbb; background: white;")
        self.choose_logo_button = QPushButton(_("Choose logo…"), self)
        self.remove_logo_button = QPushButton(_("Remove logo"), self)
        self.choose_logo_button.clicked.connect(self.pick_logo)
        self.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        form.addRow(_("Logo"), logo_row)
        self.digits_combo = QComboBox(self)  # one style on every screen of the office
        self.digits_combo.addItem(_("Arabic digits (0 1 2 3)"), ARABIC)
        self.digits_combo.addItem(_("Thai digits (๐ ๑ ๒ ๓)"), THAI)
        self.digits_combo.setEnabled(self.editable)
        self.digits_combo.setToolTip(_("Dates, numbers and amounts on every screen; printed "
                                       "documents keep Thai digits."))  # fmt: skip
        form.addRow(_("Digits on screens"), self.digits_combo)
        self.error_label = ErrorLabel(self)
        self.notice = QLabel(_("Only an administrator can change the office profile."), self)
        self.notice.setStyleSheet("color: #555;")
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.setDefault(True)
        self.reload_button = QPushButton(_("Reload"), self)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        self.setMaximumWidth(860)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.notice.setVisible(not self.editable)
        for widget in (self.save_button, self.choose_logo_button, self.remove_logo_button):
            widget.setVisible(self.editable)
        self.reload()

    def reload(self) -> None:
        self.loaded = self.office.profile()
        for key, edit in self.edits.items():
            edit.setText(getattr(self.loaded, key))
        self._set_logo(self.loaded.logo_png)
        self.digits_combo.setCurrentIndex(max(0, self.digits_combo.findData(
            self.office.digit_style())))  # fmt: skip
        self.error_label.clear_message()

    def _set_logo(self, png: bytes | None) -> None:
        self._logo = png
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            self.logo_label.setPixmap(pixmap.scaled(100, 100, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(_("No logo"))
        self.remove_logo_button.setEnabled(png is not None)

    def pick_logo(self) -> None:
        path = self._choose_logo(self)
        if not path:
            return
        png = image_to_png(path)
        if png is None:
            messages.warn(self, _("This file is not an image that can be read."))
            return
        self._set_logo(png)

    def current_profile(self) -> OfficeProfile:
        assert self.loaded is not None
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        return replace(self.loaded, **values, logo_png=self._logo)

    def save(self) -> bool:
        try:
            self.loaded = self.office.update_profile(self.user, self.current_profile())
            style = self.digits_combo.currentData()
            if style != self.office.digit_style():
                self.office.set_digit_style(self.user, style)
                set_screen_digits(style)  # what is shown from now on; all of it at the next log-in
        except StaleEditError as err:
            self.error_label.show_message(domain_message(err))
            if messages.confirm(self, domain_message(err) + "\n\n" + _("Load the saved version now? "
                                "Your changes on this page will be lost."), yes_text=_("Reload")):  # fmt: skip
                self.reload()
            return False
        except ValidationError as err:
            self.error_label.show_message(domain_message(err))
            if err.field in self.edits:
                self.edits[err.field].setFocus()
            return False
        except DomainError as err:
            self.error_label.show_message(domain_message(err))
            return False
        self.error_label.clear_message()
        for key, edit in self.edits.items():  # show what was stored (prefixes stripped)
            edit.setText(getattr(self.loaded, key))
        messages.inform(self, _("The office profile was saved."))
        return True
