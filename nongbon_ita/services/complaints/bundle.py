"""Every complaint service over one context: `Services.complaints`."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from nongbon_ita.services.complaints.attachments import AttachmentService
from nongbon_ita.services.complaints.channels import ChannelService
from nongbon_ita.services.complaints.intake import IntakeService
from nongbon_ita.services.complaints.letters import LetterService
from nongbon_ita.services.complaints.purge import PurgeService
from nongbon_ita.services.complaints.queries import QueryService
from nongbon_ita.services.complaints.settings import ComplaintSettingsService
from nongbon_ita.services.complaints.stats import StatsService
from nongbon_ita.services.complaints.workflow import WorkflowService
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService

if TYPE_CHECKING:
    from nongbon_ita.services.complaints.importer import ComplaintImportService


class ComplaintServices:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self.intake = IntakeService(ctx)
        self.workflow = WorkflowService(ctx)
        self.queries = QueryService(ctx)
        self.attachments = AttachmentService(ctx)
        self.letters = LetterService(ctx, office)
        self.stats = StatsService(ctx, office)
        self.settings = ComplaintSettingsService(ctx)
        self.purge = PurgeService(ctx)
        self.channels = ChannelService(ctx)
        self._ctx = ctx

    @cached_property
    def imports(self) -> ComplaintImportService:
        """Importing a channel's export (loads the file readers only when used)."""
        from nongbon_ita.services.complaints.importer import ComplaintImportService

        return ComplaintImportService(self._ctx, self.intake)
