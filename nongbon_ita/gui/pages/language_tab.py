"""Settings › language: Thai or English, saved for this computer, applied at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget

from nongbon_ita.gui import messages, preferences
from nongbon_ita.i18n.translate import _, current_language

LANGUAGE_NAMES = {"th": "ภาษาไทย (Thai)", "en": "English (อังกฤษ)"}


class LanguageTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(_("The language of screens and messages on this computer. "
                         "Printed documents are always in Thai."), self)  # fmt: skip
        intro.setWordWrap(True)
        chosen = preferences.saved_language() or current_language()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for code, name in LANGUAGE_NAMES.items():
            button = QRadioButton(name, self)
            button.setChecked(code == chosen)
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        layout.addStretch(1)

    def chosen(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())

    def save(self) -> None:
        language = self.chosen()
        preferences.save_language(language)
        if language != current_language():
            messages.inform(self, _("The language is saved. Close the program and open it again "
                                    "to use it."))  # fmt: skip
        else:
            messages.inform(self, _("The language is saved."))
