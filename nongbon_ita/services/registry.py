"""All services over one context: what the CLI and the GUI are handed.

Each service is built on first use and its module imported only then, so a command that prints
one document does not pay for importing every area. To add an area's service, add one
cached property below (import inside it; name the type under TYPE_CHECKING).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from nongbon_ita.services.context import ServiceContext

if TYPE_CHECKING:
    from nongbon_ita.services.assets.register import AssetService
    from nongbon_ita.services.auth import AuthService
    from nongbon_ita.services.complaints.bundle import ComplaintServices
    from nongbon_ita.services.documents import DocumentService
    from nongbon_ita.services.ita.bundle import ItaServices
    from nongbon_ita.services.ita.measures import MeasureService
    from nongbon_ita.services.letters.register import OutgoingLetterService
    from nongbon_ita.services.loans.service import LoanService
    from nongbon_ita.services.office import OfficeService
    from nongbon_ita.services.setup import SetupService
    from nongbon_ita.services.signing.service import SigningService
    from nongbon_ita.services.users import UserService


class Services:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @classmethod
    def over(cls, ctx: ServiceContext) -> Services:
        return cls(ctx)

    @cached_property
    def auth(self) -> AuthService:
        from nongbon_ita.services.auth import AuthService

        return AuthService(self.ctx)

    @cached_property
    def users(self) -> UserService:
        from nongbon_ita.services.users import UserService

        return UserService(self.ctx)

    @cached_property
    def office(self) -> OfficeService:
        from nongbon_ita.services.office import OfficeService

        return OfficeService(self.ctx)

    @cached_property
    def setup(self) -> SetupService:
        from nongbon_ita.services.setup import SetupService

        return SetupService(self.ctx)

    @cached_property
    def measures(self) -> MeasureService:
        from nongbon_ita.services.ita.measures import MeasureService

        return MeasureService(self.ctx)

    @cached_property
    def documents(self) -> DocumentService:
        from nongbon_ita.services.documents import DocumentService

        return DocumentService(self.ctx, self.office, self.measures)

    @cached_property
    def signing(self) -> SigningService:
        from nongbon_ita.services.signing.service import SigningService

        return SigningService(self.ctx, self.office)

    # ---- areas: one cached property each (loans, assets, complaints, ITA) below this line ----

    @cached_property
    def complaints(self) -> ComplaintServices:
        from nongbon_ita.services.complaints.bundle import ComplaintServices

        return ComplaintServices(self.ctx, self.office)

    @cached_property
    def ita(self) -> ItaServices:
        from nongbon_ita.services.ita.bundle import ItaServices

        return ItaServices.over(self.ctx, self.office)

    @cached_property
    def assets(self) -> AssetService:
        from nongbon_ita.services.assets.register import AssetService

        return AssetService(self.ctx)

    @cached_property
    def loans(self) -> LoanService:
        from nongbon_ita.services.loans.service import LoanService

        return LoanService(self.ctx, self.assets, self.auth, self.office)

    @cached_property
    def letters(self) -> OutgoingLetterService:
        """The register of outgoing letters (letters are issued by each area's prints)."""
        from nongbon_ita.services.letters.register import OutgoingLetterService

        return OutgoingLetterService(self.ctx, self.office)
