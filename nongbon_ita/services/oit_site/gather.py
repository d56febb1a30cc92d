"""What the OIT site of a year holds, read from the checklist, the catalogue's roles and the
kept files. Only what the office publishes anyway: item names, statuses, the addresses and files
it chose for each item, and the app's documents that carry no personal data (the measures plan
and report, the complaint statistics) — never the person responsible, nor any register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sqlalchemy import select

from nongbon_ita.db.models_ita import OitEvidenceRow
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.oit import KEPT_PREFIX, OitEntry

if TYPE_CHECKING:
    from nongbon_ita.services.registry import Services

# the app's documents per role: file name stem and title (the year is added)
ROLE_DOCUMENTS: dict[ItemRole, tuple[str, str]] = {
    ItemRole.MEASURES_PLAN: ("measures-plan", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
    ItemRole.MEASURES_REPORT: ("measures-report",
                               "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
    ItemRole.COMPLAINT_STATS: ("complaint-stats", "สถิติเรื่องร้องเรียน"),
}  # fmt: skip


@dataclass(frozen=True)
class GatheredItem:
    entry: OitEntry
    updated: date | None
    documents: tuple[tuple[str, str, Callable[[], bytes]], ...]  # (file name, title, make PDF)
    kept: tuple[tuple[str, Path], ...]  # (shown name, file on this PC)
    links: tuple[str, ...]


def _maker(services: Services, role: ItemRole, year: int) -> Callable[[], bytes]:
    if role is ItemRole.MEASURES_PLAN:
        return lambda: services.ita.documents.measures_plan_pdf(year)
    if role is ItemRole.MEASURES_REPORT:
        return lambda: services.documents.measures_report_pdf(year)
    return lambda: services.complaints.stats.pdf(None, year, None)


def _document_available(make: Callable[[], bytes]) -> bytes | None:
    """The document, or None when the year has nothing to print yet (no measures…)."""
    try:
        return make()
    except DomainError:
        return None


def kept_path(root: Path, stored: str) -> Path | None:
    """A kept file's place under the evidence folder; None for a name that would leave it."""
    relative = PurePosixPath(stored)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None
    path = root.joinpath(*relative.parts)
    return path if path.is_file() else None


def gather(services: Services, year: int) -> list[GatheredItem]:
    from nongbon_ita.services.ita.evidence_store import evidence_root

    entries = services.ita.oit.entries(year)
    with services.ctx.reading() as session:
        rows = session.execute(select(OitEvidenceRow.item_id, OitEvidenceRow.updated_at).where(
            OitEvidenceRow.item_id.in_([e.item_id for e in entries]))).all()  # fmt: skip
    updated = {item_id: office_date(at) for item_id, at in rows}
    roles: dict[str, ItemRole] = {}
    for each in ItemRole:
        found = services.ita.years.role_item(year, each)
        if found is not None:
            roles[found.code] = each
    root = evidence_root(services.ctx.database)
    has_measures = bool(services.ita.plan.measures(year))  # else no plan or report to print
    gathered = []
    for entry in entries:
        documents: tuple[tuple[str, str, Callable[[], bytes]], ...] = ()
        role = roles.get(entry.code)
        if role is not None and (role is ItemRole.COMPLAINT_STATS or has_measures):
            stem, title = ROLE_DOCUMENTS[role]
            documents = ((f"{stem}-{year}.pdf", f"{title} ปีงบประมาณ {year}",
                          _maker(services, role, year)),)  # fmt: skip
        kept = tuple((PurePosixPath(name).name, path) for name in entry.files
                     if (path := kept_path(root, name)) is not None)  # fmt: skip
        links = tuple(u for u in entry.urls if not u.startswith(KEPT_PREFIX))
        gathered.append(GatheredItem(entry, updated.get(entry.item_id), documents, kept, links))
    return gathered
