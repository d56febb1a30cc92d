"""Settings → ลายมือชื่ออิเล็กทรอนิกส์: which official signs with which certificate (.p12 on this
PC), when each expires (red, with a warning, from 30 days before), the roots the office trusts,
the timestamp server — and "ตรวจลายมือชื่อใน PDF…" for anyone.

The file choosers and the password question are module-level so tests replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.permissions import Operation, is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

HEADERS = ("Official", "Position", "Certificate", "Holder", "Valid until")


def choose_file(parent: QWidget, title: str, pattern: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return path or None


def ask_password(parent: QWidget, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, _("Certificate password"), label,
                                    QLineEdit.EchoMode.Password)  # fmt: skip
    return text if ok else None


class SignaturesTab(QWidget):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        editing = is_allowed(user, Operation.EDIT_OFFICIALS)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.set_button = QPushButton(_("Set certificate…"), self)
        self.set_button.clicked.connect(self.set_certificate)
        self.trust_button = QPushButton(_("Import a trusted root…"), self)
        self.trust_button.clicked.connect(self.import_root)
        self.verify_button = QPushButton(_("Check the signatures of a PDF…"), self)
        self.verify_button.clicked.connect(self.verify_pdf)
        self.timestamp = QLineEdit(self)
        self.timestamp.setPlaceholderText(_("none: signatures without a timestamp (PAdES B-B)"))
        self.timestamp_button = QPushButton(_("Save"), self)
        self.timestamp_button.clicked.connect(self.save_timestamp)
        for widget in (self.set_button, self.trust_button, self.timestamp, self.timestamp_button):
            widget.setEnabled(editing)
        buttons, stamp = QHBoxLayout(), QHBoxLayout()
        for button in (self.set_button, self.trust_button, self.verify_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        stamp.addWidget(QLabel(_("Timestamp server (RFC 3161)"), self))
        stamp.addWidget(self.timestamp, 1)
        stamp.addWidget(self.timestamp_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(stamp)
        self.load()

    def load(self) -> None:
        certificates = self.services.signing.certificates
        bound = {b.official_id: b for b in certificates.bindings()}
        self.officials = self.services.office.officials()
        today = self.services.ctx.today()
        self.table.setRowCount(len(self.officials))
        for row, official in enumerate(self.officials):
            b = bound.get(official.id)
            cells = (official.full_name, official.position, b.path if b else _("(none)"),
                     b.info.subject if b else "",
                     format_date_short(b.info.not_after, thai=True) if b else "")  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if b is not None and b.info.expires_soon(today):
                    item.setForeground(QColor("#b91c1c"))
                self.table.setItem(row, column, item)
        expiring = certificates.expiring()
        self.warning.setVisible(bool(expiring))
        self.warning.setText(_("Certificates expiring within 30 days or expired: {names}. Ask "
                               "the certificate authority for a new one in time.").format(
            names=", ".join(f"{b.official_name} ({format_date_short(b.info.not_after, thai=True)})"
                            for b in expiring)))  # fmt: skip
        self.timestamp.setText(certificates.timestamp_url())

    def set_certificate(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            messages.inform(self, _("Select the official first."))
            return
        official = self.officials[rows[0].row()]
        path = choose_file(self, _("Certificate of {name}").format(name=official.full_name),
                           _("Certificates") + " (*.p12 *.pfx)")  # fmt: skip
        if not path:
            return
        password = ask_password(self, _("Password of {file} (not kept)").format(
            file=Path(path).name))  # fmt: skip
        if password is None:
            return
        from nongbon_ita.services.signing.keys import certificate_info

        try:
            info = certificate_info(Path(path), password)
            self.services.signing.certificates.bind(self.user, official.id, Path(path), info)
        except Exception as err:
            report_error(err, self)
            return
        self.load()

    def import_root(self) -> None:
        path = choose_file(self, _("Root certificate of a certificate authority"),
                           _("Certificates") + " (*.pem *.crt *.cer *.der)")  # fmt: skip
        if not path:
            return
        try:
            names = self.services.signing.certificates.add_trust_root(self.user, Path(path))
        except Exception as err:
            report_error(err, self)
            return
        messages.inform(self, _("Trusted root imported: {name}").format(name=", ".join(names)))

    def save_timestamp(self) -> None:
        try:
            self.services.signing.certificates.set_timestamp_url(self.user, self.timestamp.text())
        except Exception as err:
            report_error(err, self)
            return
        messages.inform(self, _("Timestamp server: {url}").format(url=self.timestamp.text() or "-"))

    def verify_pdf(self) -> None:
        path = choose_file(self, _("Check the signatures of a PDF"), "PDF (*.pdf)")
        if not path:
            return
        from nongbon_ita.services.signing.report import report_lines

        try:
            checks = self.services.signing.verify(Path(path).read_bytes())
        except Exception as err:
            report_error(err, self)
            return
        if not checks:
            messages.warn(self, _("{name} has no digital signature.").format(name=Path(path).name))
            return
        text = "\n".join(report_lines(checks))
        if all(c.valid for c in checks):
            messages.inform(self, _("All {n} signatures are valid.").format(n=len(checks)),
                            detail=text)  # fmt: skip
        else:
            messages.warn(self, _("A signature of {name} is not valid.").format(
                name=Path(path).name), detail=text)  # fmt: skip
