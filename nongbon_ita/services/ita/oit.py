"""The OIT checklist of a year: read it in ITAS's order, record an item's evidence — addresses,
status, the person preparing it, the due date and files kept beside the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_core import UserRow
from nongbon_ita.db.models_ita import OitEvidenceRow, OitItemRow
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.catalogue import normalise_oit_code, oit_sort_key
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.ita.oit import KEPT_PREFIX, OitEntry, OitStatus, check_url
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.evidence_store import evidence_root, store_file


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.splitlines() if line.strip())


def kept_oit_files(session: Session) -> set[str]:
    """Every file the OIT checklists keep (paths under the evidence folder): not orphans."""
    return {line for text in session.scalars(select(OitEvidenceRow.files))
            for line in _lines(text)}  # fmt: skip


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

    def responsible_id(self, username: str) -> int:
        """The id of the active user `username` (the CLI names the responsible person so)."""
        with self.ctx.reading() as session:
            found = session.scalar(select(UserRow.id).where(
                UserRow.username == username.strip(), UserRow.active.is_(True)))  # fmt: skip
        if found is None:
            raise ValidationError(N_("There is no active user {name}."), field="responsible",
                                  name=username)  # fmt: skip
        return found

    def file_path(self, stored: str) -> Path:
        """Where a kept file of the checklist lies (under the evidence folder)."""
        return evidence_root(self.ctx.database) / stored

    def add_file(
        self, actor: CurrentUser, fiscal_year: int, code: str, source: Path | str
    ) -> OitEntry:
        """Keep a copy of `source` (with its SHA-256 in its folder name) for the item; the copy is
        written before the record, so a crash leaves at most a file `check --repair` removes."""
        require(actor, ItaOperation.KEEP_OIT)
        current = self.entry(fiscal_year, code)
        stored = store_file(evidence_root(self.ctx.database), fiscal_year, Path(source))
        files = tuple(dict.fromkeys((*current.files, stored.relative)))
        return self._write(actor, fiscal_year, current, files=files, action="ita.oit_file_added",
                           detail={"file": stored.file_name, "sha256": stored.sha256})  # fmt: skip

    def remove_file(self, actor: CurrentUser, fiscal_year: int, code: str, stored: str) -> OitEntry:
        """Drop a kept file from the item (and any kept: link to it); the copy stays until
        `check --repair` finds no record naming it."""
        require(actor, ItaOperation.KEEP_OIT)
        current = self.entry(fiscal_year, code)
        if stored not in current.files:
            raise NotFoundError(N_("Item {code} keeps no file {name}."), code=current.code,
                                name=stored)  # fmt: skip
        urls = tuple(u for u in current.urls if u != KEPT_PREFIX + stored)
        return self._write(actor, fiscal_year, current,
                           files=tuple(f for f in current.files if f != stored), urls=urls,
                           action="ita.oit_file_removed", detail={"file": stored})  # fmt: skip

    def _write(
        self, actor: CurrentUser, fiscal_year: int, current: OitEntry, *, files: tuple[str, ...],
        action: str, detail: dict[str, str], urls: tuple[str, ...] | None = None,
    ) -> OitEntry:  # fmt: skip
        with self.ctx.transaction() as session:
            row = self._row(session, current.item_id)
            row.files = "\n".join(files)
            if urls is not None:
                row.urls = "\n".join(urls)
            session.flush()
            record_event(self.ctx, session, actor.username, action, "ita_oit_item",
                         current.item_id, after=detail)  # fmt: skip
        return self.entry(fiscal_year, current.code)

    @staticmethod
    def _row(session: Session, item_id: int, version: int | None = None) -> OitEvidenceRow:
        row = session.scalar(select(OitEvidenceRow).where(OitEvidenceRow.item_id == item_id))
        if row is None:
            row = OitEvidenceRow(item_id=item_id, urls="", files="",
                                 status=OitStatus.NOT_STARTED.value)  # fmt: skip
            session.add(row)
        else:
            check_version(row.version, version)
        return row

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
            row = self._row(session, current.item_id, version)
            if responsible_user_id:
                user = session.get(UserRow, responsible_user_id)
                if user is None or not user.active:
                    raise ValidationError(N_("Choose an active user as the responsible person."),
                                          field="responsible_user")  # fmt: skip
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
                         after={"urls": row.urls, "status": row.status,
                                "responsible_user_id": row.responsible_user_id,
                                "due_on": row.due_on.isoformat() if row.due_on else None})  # fmt: skip
        return self.entry(fiscal_year, code)
