"""All services over one context: what the CLI and the GUI are handed."""

from __future__ import annotations

from dataclasses import dataclass

from nongbon_ita.services.auth import AuthService
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.documents import DocumentService
from nongbon_ita.services.measures import MeasureService
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.setup import SetupService
from nongbon_ita.services.users import UserService


@dataclass
class Services:
    ctx: ServiceContext
    auth: AuthService
    users: UserService
    office: OfficeService
    setup: SetupService
    measures: MeasureService
    documents: DocumentService

    @classmethod
    def over(cls, ctx: ServiceContext) -> Services:
        office = OfficeService(ctx)
        measures = MeasureService(ctx)
        return cls(
            ctx=ctx,
            auth=AuthService(ctx),
            users=UserService(ctx),
            office=office,
            setup=SetupService(ctx),
            measures=measures,
            documents=DocumentService(ctx, office, measures),
        )
