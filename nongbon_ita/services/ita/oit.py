"""The OIT checklist of a year: read it in ITAS's order, record an item's evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from nongbon_ita.db.models_core import UserRow
from nongbon_ita.db.models_ita import OitEvidenceRow, OitItemRow
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.domain.ita.catalogue import normalise_oit_code, oit_sort_key
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.ita.oit import OitEntry, OitStatus, check_url
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.splitlines() if line.strip())


class OitChecklistService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def entries(self, fiscal_year: int) -> list[OitEntry]:
        """Every OIT item of the year in code order (ITAS's order), with what is kept for it."""
        validate_fiscal_year(fiscal_year)
        with self.ctx.reading() as session:
            items = session.scalars(
                select(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year)).all()  # fmt: skip
            kept = {row.item_id: row for row in session.scalars(select(OitEvidenceRow).where(
                OitEvidenceRow.item_id.in_([i.id for i in items])))}  # fmt: skip
            wanted = {k.responsible_user_id for k in kept.values()}
            query = select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(wanted))
            names = {user_id: name for user_id, name in session.execute(query)}
            entries = []
            for item in sorted(items, key=lambda r: (oit_sort_key(r.code), r.position)):
                row = kept.get(item.id)
                if row is None:
                    entries.append(OitEntry(item.id, item.code, item.name))
                    continue
                entries.append(OitEntry(
                    item.id, item.code, item.name, _lines(row.urls), _lines(row.files),
                    OitStatus(row.status), row.responsible_user_id,
                    names.get(row.responsible_user_id or 0, ""), row.due_on, row.version,
                ))  # fmt: skip
            return entries

    def entry(self, fiscal_year: int, code: str) -> OitEntry:
        code = normalise_oit_code(code)
        found = next((e for e in self.entries(fiscal_year) if e.code == code), None)
        if found is None:
            raise NotFoundError(
                N_("Fiscal year {year} has no item {code}."), year=fiscal_year, code=code
            )
        return found

    def save(
        self, actor: CurrentUser, fiscal_year: int, code: str, *,
        urls: Sequence[str] | None = None, status: OitStatus | None = None,
        responsible_user_id: int | bool | None = False, due_on: date | bool | None = False,
        version: int | None = None,
    ) -> OitEntry:  # fmt: skip
        """Change what is given (None / False: keep); addresses are checked for form."""
        require(actor, ItaOperation.KEEP_OIT)
        current = self.entry(fiscal_year, code)
        checked = None if urls is None else tuple(dict.fromkeys(
            check_url(u, current.files) for u in urls if u.strip()))  # fmt: skip
        with self.ctx.transaction() as session:
            row = session.scalar(
                select(OitEvidenceRow).where(OitEvidenceRow.item_id == current.item_id)
            )
            if row is None:
                row = OitEvidenceRow(item_id=current.item_id, urls="", files="",
                                     status=OitStatus.NOT_STARTED.value)  # fmt: skip
                session.add(row)
            else:
                check_version(row.version, version)
            before = {"urls": row.urls, "status": row.status}
            if checked is not None:
                row.urls = "\n".join(checked)
            if status is not None:
                row.status = status.value
            if responsible_user_id is not False:
                row.responsible_user_id = responsible_user_id or None  # type: ignore[assignment]
            if due_on is not False:
                row.due_on = due_on or None  # type: ignore[assignment]
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.oit_saved", "ita_oit_item",
                         current.item_id, before=before,
                         after={"urls": row.urls, "status": row.status})  # fmt: skip
        return self.entry(fiscal_year, code)
