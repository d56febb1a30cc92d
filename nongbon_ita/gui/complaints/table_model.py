"""The complaint list's model: pages of 200 rows fetched as the view scrolls (Qt's fetchMore)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor

from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.errors import N_
from nongbon_ita.gui.complaints.common import DEADLINE_COLOURS, short_date
from nongbon_ita.gui.widgets.paged_table_model import Column, PagedTableModel
from nongbon_ita.i18n.digits import screen_thai
from nongbon_ita.i18n.thaiformat import format_register_number
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.queries import ComplaintPage

Fetch = Callable[[int], ComplaintPage]  # offset → page

COLUMNS: tuple[Column[ComplaintSummary], ...] = (
    Column(
        N_("Number"), lambda c: format_register_number(c.number, c.fiscal_year, thai=screen_thai())
    ),
    Column(N_("Received"), lambda c: short_date(c.received_on)),
    Column(N_("Track"), lambda c: _(c.track.label_id)),
    Column(N_("Channel"), lambda c: c.channel_name),
    Column(N_("Status"), lambda c: _(c.status.label_id)),
    Column(N_("Due"), lambda c: short_date(c.due_on)),
    Column(N_("Deadline"), lambda c: _(c.deadline.label_id)),
    Column(N_("Subject"), lambda c: (_("(anonymous) ") if c.anonymous else "") + c.subject),
)


class ComplaintTableModel(PagedTableModel[ComplaintSummary]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self._fetch: Fetch | None = None

    def reset(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self.reload()

    def first_page(self) -> tuple[list[ComplaintSummary], int]:
        if self._fetch is None:
            return [], 0
        first = self._fetch(0)
        return list(first.rows), first.total

    def fetch_page(self, offset: int, limit: int) -> list[ComplaintSummary]:
        # the service sets the page size
        return [] if self._fetch is None else list(self._fetch(offset).rows)

    @property
    def total(self) -> int:
        return self._total

    def foreground(self, row: ComplaintSummary) -> QColor | None:
        colour = DEADLINE_COLOURS.get(row.deadline)
        return None if colour is None else QColor(colour)
