"""The dashboard's signing section, for those who set certificates (admin): officials whose
certificate expires within 30 days or has expired, so a new one is asked for in time (the
settings page says so too, but nobody visits it every month)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.permissions import Operation, is_allowed
from nongbon_ita.domain.signing import CertificateBinding
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.pages.dashboard_page import DashboardPage
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.table_section import TableSection
from nongbon_ita.i18n.digits import on_screen, screen_thai
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class ExpiringCertificatesWidget(TableSection[CertificateBinding]):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        today = services.ctx.today

        def left(b: CertificateBinding) -> str:
            days = (b.info.not_after - today()).days
            return _("expired") if days < 0 else on_screen(_("{n} days").format(n=days))

        model: RowsTableModel[CertificateBinding] = RowsTableModel([
            (_("Official"), lambda b: b.official_name),
            (_("Position"), lambda b: b.position),
            (_("Certificate holder"), lambda b: b.info.subject),
            (_("Valid until"), lambda b: format_date_short(b.info.not_after,
                                                           thai=screen_thai())),
            (_("Left"), left),
        ], self)  # fmt: skip
        self.build(model, on_screen(_("No certificate expires within 30 days.")))

    def load(self) -> list[CertificateBinding]:
        return self.services.signing.certificates.expiring()


def add_signing_section(dashboard: DashboardPage, services: Services, user: CurrentUser) -> None:
    """Certificates near their end, for whoever sets them (Settings → Electronic signatures)."""
    if is_allowed(user, Operation.EDIT_OFFICIALS):
        dashboard.add_section("certificates", on_screen(_("Certificates expiring within 30 days")),
                              ExpiringCertificatesWidget(services))  # fmt: skip
