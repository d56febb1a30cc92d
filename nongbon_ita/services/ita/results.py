"""Results of a measure: entries as typed, each with a date, evidence files and web links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import EvidenceRow, MeasureResultRow, MeasureRowDb
from nongbon_ita.domain.ita.measure import (
    Evidence,
    EvidenceKind,
    EvidenceLink,
    Measure,
    MeasureStatus,
    ResultEntry,
    check_link,
    check_result_text,
)
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.access import require_recorder
from nongbon_ita.services.ita.evidence_store import (
    StoredFile,
    evidence_root,
    remove_stored,
    store_file,
)
from nongbon_ita.services.ita.records import evidence_of, get_or_gone, load_measure, measure_row
from nongbon_ita.services.kept_files import file_sha256


class ResultService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def root(self) -> Path:
        """The folder that keeps evidence files."""
        return evidence_root(self.ctx.database)

    def evidence_path(self, evidence: Evidence) -> Path:
        """Where a kept file is on disk (links have no file)."""
        return self.root / evidence.stored_path

    def check_file(self, evidence: Evidence) -> bool:
        """The kept file is there and still has the SHA-256 it had when added."""
        path = self.evidence_path(evidence)
        return path.is_file() and file_sha256(path) == evidence.sha256

    def add_result(self, actor: CurrentUser, measure_id: int, entry: ResultEntry) -> Measure:
        """Add an entry with its evidence, all or nothing; a planned measure becomes in progress.

        Files are copied first; if anything is refused, the files this call added are removed.
        """
        text = check_result_text(entry.text)
        links = [check_link(link) for link in entry.links]
        stored: list[StoredFile] = []
        try:
            with self.ctx.transaction() as session:
                measure = measure_row(session, measure_id)
                require_recorder(actor, measure)
                last = session.scalar(select(func.max(MeasureResultRow.position))
                                      .where(MeasureResultRow.measure_id == measure.id))  # fmt: skip
                row = MeasureResultRow(measure_id=measure.id, position=(last or 0) + 1,
                                       done_on=entry.done_on, text=text,
                                       recorded_by_user_id=actor.id, recorded_at=self.ctx.now())  # fmt: skip
                session.add(row)
                session.flush()
                if measure.status == MeasureStatus.PLANNED.value:
                    measure.status = MeasureStatus.IN_PROGRESS.value
                for link in links:
                    self._add_link(session, actor, row, link)
                self._store_files(session, actor, measure, row, entry.files, stored)
                record_event(self.ctx, session, actor.username, "ita.result_added",
                             "ita_measure", measure.id,
                             after={"result_id": row.id, "links": len(links),
                                    "files": len(entry.files)})  # fmt: skip
                return load_measure(session, measure.id)
        except BaseException:
            self._forget(stored)
            raise

    def update_result(
        self, actor: CurrentUser, result_id: int, text: str, done_on: date | None, version: int
    ) -> Measure:
        text = check_result_text(text)
        with self.ctx.transaction() as session:
            row = get_or_gone(session, MeasureResultRow, result_id)
            measure = measure_row(session, row.measure_id)
            require_recorder(actor, measure)
            check_version(row.version, version)
            row.text, row.done_on = text, done_on
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.result_updated", "ita_measure",
                         measure.id, after={"result_id": row.id})  # fmt: skip
            return load_measure(session, measure.id)

    def delete_result(self, actor: CurrentUser, result_id: int, version: int) -> Measure:
        with self.ctx.transaction() as session:
            row = get_or_gone(session, MeasureResultRow, result_id)
            measure = measure_row(session, row.measure_id)
            require_recorder(actor, measure)
            check_version(row.version, version)
            paths = [e.stored_path for e in session.scalars(
                select(EvidenceRow).where(EvidenceRow.result_id == row.id)) if e.stored_path]  # fmt: skip
            session.delete(row)
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.result_deleted", "ita_measure",
                         measure.id, before={"result_id": result_id})  # fmt: skip
            updated = load_measure(session, measure.id)
        self._remove_unused(paths)
        return updated

    def add_evidence(
        self, actor: CurrentUser, result_id: int, files: tuple[str, ...] = (),
        links: tuple[EvidenceLink, ...] = (),
    ) -> Measure:  # fmt: skip
        """More files or links for an existing entry."""
        checked = [check_link(link) for link in links]
        stored: list[StoredFile] = []
        try:
            with self.ctx.transaction() as session:
                row = get_or_gone(session, MeasureResultRow, result_id)
                measure = measure_row(session, row.measure_id)
                require_recorder(actor, measure)
                for link in checked:
                    self._add_link(session, actor, row, link)
                self._store_files(session, actor, measure, row, files, stored)
                record_event(self.ctx, session, actor.username, "ita.evidence_added",
                             "ita_measure", measure.id,
                             after={"result_id": row.id, "links": len(checked),
                                    "files": len(files)})  # fmt: skip
                return load_measure(session, measure.id)
        except BaseException:
            self._forget(stored)
            raise

    def remove_evidence(self, actor: CurrentUser, evidence_id: int) -> Measure:
        with self.ctx.transaction() as session:
            evidence = get_or_gone(session, EvidenceRow, evidence_id)
            result = get_or_gone(session, MeasureResultRow, evidence.result_id)
            measure = measure_row(session, result.measure_id)
            require_recorder(actor, measure)
            kept = evidence_of(evidence)
            session.delete(evidence)
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.evidence_removed",
                         "ita_measure", measure.id,
                         before={"evidence_id": evidence_id, "kind": kept.kind.value,
                                 "sha256": kept.sha256})  # fmt: skip
            updated = load_measure(session, measure.id)
        self._remove_unused([kept.stored_path] if kept.stored_path else [])
        return updated

    # helpers ------------------------------------------------------------------------------
    def _add_link(
        self, session: Session, actor: CurrentUser, row: MeasureResultRow, link: EvidenceLink
    ) -> None:
        session.add(EvidenceRow(result_id=row.id, kind=EvidenceKind.LINK.value, label=link.label,
                                url=link.url, added_by_user_id=actor.id,
                                added_at=self.ctx.now()))  # fmt: skip

    def _store_files(
        self, session: Session, actor: CurrentUser, measure: MeasureRowDb,
        row: MeasureResultRow, files: tuple[str, ...], stored: list[StoredFile],
    ) -> None:  # fmt: skip
        """Copy each file in and add its evidence row; `stored` collects what was copied."""
        for name in files:
            kept = store_file(self.root, measure.fiscal_year, Path(name))
            stored.append(kept)
            session.add(EvidenceRow(
                result_id=row.id, kind=EvidenceKind.FILE.value, label=kept.file_name,
                file_name=kept.file_name, size=kept.size, sha256=kept.sha256,
                stored_path=kept.relative, added_by_user_id=actor.id, added_at=self.ctx.now(),
            ))  # fmt: skip
        session.flush()

    def _forget(self, stored: list[StoredFile]) -> None:
        for kept in stored:
            if kept.created:
                remove_stored(self.root, kept.relative)

    def _remove_unused(self, paths: list[str]) -> None:
        """Delete kept files no evidence refers to any more (once the deletion is committed)."""
        with self.ctx.reading() as session:
            for path in paths:
                still = session.scalar(select(func.count()).select_from(EvidenceRow)
                                       .where(EvidenceRow.stored_path == path))  # fmt: skip
                if not still:
                    remove_stored(self.root, path)
