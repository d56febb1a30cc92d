"""Every complaint service over one context: `Services.complaints`."""

from __future__ import annotations

from nongbon_ita.services.complaints.attachments import AttachmentService
from nongbon_ita.services.complaints.intake import IntakeService
from nongbon_ita.services.complaints.letters import LetterService
from nongbon_ita.services.complaints.purge import PurgeService
from nongbon_ita.services.complaints.queries import QueryService
from nongbon_ita.services.complaints.settings import ComplaintSettingsService
from nongbon_ita.services.complaints.stats import StatsService
from nongbon_ita.services.complaints.workflow import WorkflowService
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService


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
