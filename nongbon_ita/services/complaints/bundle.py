"""Every complaint service over one context: `Services.complaints`.

Each service is built, and its module imported, on first use: the dashboard asks only for the
queries at start-up, and the purge or the letters import half the program (issue 14)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService

if TYPE_CHECKING:
    from nongbon_ita.services.complaints.attachments import AttachmentService
    from nongbon_ita.services.complaints.channels import ChannelService
    from nongbon_ita.services.complaints.importer import ComplaintImportService
    from nongbon_ita.services.complaints.intake import IntakeService
    from nongbon_ita.services.complaints.letters import LetterService
    from nongbon_ita.services.complaints.purge import PurgeService
    from nongbon_ita.services.complaints.queries import QueryService
    from nongbon_ita.services.complaints.settings import ComplaintSettingsService
    from nongbon_ita.services.complaints.stats import StatsService
    from nongbon_ita.services.complaints.workflow import WorkflowService


class ComplaintServices:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self._ctx, self._office = ctx, office

    @cached_property
    def intake(self) -> IntakeService:
        from nongbon_ita.services.complaints.intake import IntakeService

        return IntakeService(self._ctx)

    @cached_property
    def workflow(self) -> WorkflowService:
        from nongbon_ita.services.complaints.workflow import WorkflowService

        return WorkflowService(self._ctx)

    @cached_property
    def queries(self) -> QueryService:
        from nongbon_ita.services.complaints.queries import QueryService

        return QueryService(self._ctx)

    @cached_property
    def attachments(self) -> AttachmentService:
        from nongbon_ita.services.complaints.attachments import AttachmentService

        return AttachmentService(self._ctx)

    @cached_property
    def letters(self) -> LetterService:
        from nongbon_ita.services.complaints.letters import LetterService

        return LetterService(self._ctx, self._office)

    @cached_property
    def stats(self) -> StatsService:
        from nongbon_ita.services.complaints.stats import StatsService

        return StatsService(self._ctx, self._office)

    @cached_property
    def settings(self) -> ComplaintSettingsService:
        from nongbon_ita.services.complaints.settings import ComplaintSettingsService

        return ComplaintSettingsService(self._ctx)

    @cached_property
    def purge(self) -> PurgeService:
        from nongbon_ita.services.complaints.purge import PurgeService

        return PurgeService(self._ctx)

    @cached_property
    def channels(self) -> ChannelService:
        from nongbon_ita.services.complaints.channels import ChannelService

        return ChannelService(self._ctx)

    @cached_property
    def imports(self) -> ComplaintImportService:
        """Importing a channel's export (loads the file readers only when used)."""
        from nongbon_ita.services.complaints.importer import ComplaintImportService

        return ComplaintImportService(self._ctx, self.intake)
