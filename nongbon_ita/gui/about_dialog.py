"""Help → About: the version (nongbon_ita.__version__), the bundled fonts' and libraries' licences."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita import __version__, resource_path
from nongbon_ita.i18n.translate import _

# What the app (and its Windows bundle) ships, with each licence: keep in step with pyproject.
LIBRARIES: tuple[tuple[str, str], ...] = (
    ("PySide6 (Qt for Python)", "LGPL-3.0"),
    ("ReportLab", "BSD"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("Babel", "BSD"),
    ("PyThaiNLP", "Apache-2.0"),
    ("platformdirs", "MIT"),
    ("argon2-cffi", "MIT"),
    ("openpyxl", "MIT"),
    ("uharfbuzz (HarfBuzz)", "Apache-2.0 (HarfBuzz: MIT)"),
    ("qrcode", "BSD"),
    ("tzdata", "Apache-2.0"),
    ("Python", "PSF License"),
)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "nongbon-ita.png")))


def about_html() -> str:
    libraries = " · ".join(f"{escape(name)} ({escape(licence)})" for name, licence in LIBRARIES)
    # the texts are looked up first: a _() call inside an f-string is never extracted into the
    # catalog, so it used to stay English in the Thai interface
    what = _("ITA work for a subdistrict administrative organization: asset loans, complaints, "
             "ITA measures and their Thai documents.")  # fmt: skip
    licence, fonts, libraries_title = _("Licence: GPL-3.0-or-later."), _("Fonts"), _("Libraries")
    fonts_licence = _("GPL-2.0-or-later with the font exception")
    return (
        f"<h2>nongbon-ita {escape(__version__)}</h2>"
        f"<p>{escape(what)}</p>"
        f"<p>{escape(licence)}</p>"
        f"<p><b>{escape(fonts)}</b>: Laksaman, Garuda (Thai Linux Working Group) — "
        f"{escape(fonts_licence)}</p>"
        f"<p><b>{escape(libraries_title)}</b>: {libraries}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About nongbon-ita"))
        self.setWindowIcon(app_icon())
        self.resize(620, 640)
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resource_path("icons", "nongbon-ita.png"))).scaled(72, 72))
        self.text = QLabel(about_html(), self)
        self.text.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.text, 1)
        self.licence = QPlainTextEdit(self)
        self.licence.setReadOnly(True)
        self.licence.setPlainText(
            resource_path("fonts", "LICENSE-tlwg.txt").read_text(encoding="utf-8")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(_("The fonts' licence:"), self))
        layout.addWidget(self.licence, 1)
        layout.addWidget(buttons)
