"""The integrity check: the database file's pages, the audit chain — inside the file and against
the heads recorded outside it (the head log, every backup in the backup folder, `--against`
files) — every kept file against its SHA-256, and kept files that no record refers to."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nongbon_ita.domain.audit import ChainCheck, Divergence
from nongbon_ita.domain.errors import N_, DatabaseRefused
from nongbon_ita.domain.kept_files import KeptFilesCheck, KeptKind
from nongbon_ita.i18n.translate import _
from nongbon_ita.services import auto_backup
from nongbon_ita.services.audit import check_chain, integrity_check
from nongbon_ita.services.audit_heads import (
    HeadRecords,
    backup_records,
    compare,
    live_links,
    read_head_log,
)
from nongbon_ita.services.backup_check import (
    inspect_backup,
    office_of,
    opened_backup,
    readonly_session,
    require_intact_chain,
    same_office,
)
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.kept_files import check_kept_files, kept_file_line
from nongbon_ita.services.orphans import OrphanFile, find_orphans
from nongbon_ita.services.row_check import RowChange, check_rows, row_lines


@dataclass(frozen=True)
class CheckResult:
    integrity: str  # "ok" or SQLite's report
    chain: ChainCheck
    files: KeptFilesCheck
    divergences: tuple[Divergence, ...] = ()
    compared_with: tuple[str, ...] = ()  # the records outside the file that were read
    orphans: tuple[OrphanFile, ...] = field(default=())
    head_hash: str = ""  # the last event's hash: noted on paper, it is a record no file holds
    rows: tuple[RowChange, ...] = ()  # rows edited, added or deleted outside the app

    @property
    def ok(self) -> bool:
        return (self.integrity == "ok" and self.chain.ok and self.files.ok
                and not self.divergences and not self.orphans and not self.rows)  # fmt: skip


def _folder_records(ctx: ServiceContext) -> list[HeadRecords]:
    """Every plain backup of this office in the backup folder (a sealed one needs its
    passphrase: skipped; another database's backups may share the folder: skipped)."""
    folder, file = auto_backup.backup_folder(ctx), ctx.database.location.file
    if folder is None or file is None:
        return []
    records, ours = [], office_of(file)
    for found in auto_backup.list_backups(folder):
        try:
            inspect_backup(found.path)
            if same_office(office_of(found.path), ours):
                records.append(backup_records(found.path))
        except (DatabaseRefused, sqlite3.Error, OSError):
            continue  # not readable as a backup: `restore` would refuse it too
    return records


def _against_records(
    paths: list[Path], passphrase: Callable[[], str], work: Path
) -> list[HeadRecords]:
    """The backups the user named: each must open and be intact, or the check is refused."""
    records = []
    for path in paths:
        with opened_backup(path, passphrase, work) as opened:
            inspect_backup(opened.database)
            with readonly_session(opened.database) as session:
                require_intact_chain(session)
            found = backup_records(opened.database)
            records.append(HeadRecords(path.name, found.known, found.tail))
    return records


def _no_passphrase() -> str:
    raise DatabaseRefused(N_("This backup is encrypted: a passphrase is needed."))


def run_check(
    ctx: ServiceContext, against: list[Path] | None = None,
    passphrase: Callable[[], str] = _no_passphrase,
) -> CheckResult:  # fmt: skip
    """The whole check; `against`: backups to compare the audit trail with, besides the head log
    and the backup folder."""
    file = ctx.database.location.file
    work = file.parent if file is not None else Path.cwd()
    named = _against_records(list(against or []), passphrase, work)
    with ctx.reading() as session:
        integrity, chain, links = (
            integrity_check(session),
            check_chain(session),
            live_links(session),
        )
        rows = tuple(check_rows(session))
    head_log = read_head_log(file)
    records = [*([head_log] if head_log else []), *_folder_records(ctx), *named]
    return CheckResult(
        integrity, chain, check_kept_files(ctx), tuple(compare(links, records)),
        tuple(r.source for r in records), tuple(find_orphans(ctx)),
        links[-1].hash if links else "", rows,
    )  # fmt: skip


def check_report(result: CheckResult) -> list[str]:
    """What the check found, one line each in the UI language (the CLI and the GUI say the same)."""
    lines = []
    if result.integrity != "ok":
        lines.append(_("Database file damaged: {report}").format(report=result.integrity))
    if not result.chain.ok:
        lines.append(_("Audit trail broken at event {seq} ({reason}).").format(
            seq=result.chain.first_broken_seq, reason=_(result.chain.reason)))  # fmt: skip
    lines += [_divergence_line(d) for d in result.divergences]
    lines += row_lines(result.rows)
    if result.integrity == "ok" and result.chain.ok and not result.divergences and not result.rows:
        lines.append(_("Database OK: integrity ok, audit trail intact ({n} events).").format(
            n=result.chain.events))  # fmt: skip
        if result.compared_with:
            named = ", ".join(result.compared_with[:3])
            more = len(result.compared_with) - 3
            lines.append(_("The audit trail agrees with the heads recorded outside the file: "
                           "{sources}.").format(sources=named + (f" (+{more})" if more > 0 else "")))  # fmt: skip
        if result.head_hash:
            lines.append(_("Last event {n}, hash {hash} (note it down: a record no file holds).")
                         .format(n=result.chain.events, hash=result.head_hash[:16]))  # fmt: skip
    lines += [kept_file_line(issue) for issue in result.files.issues]
    lines += [_orphan_line(orphan) for orphan in result.orphans]
    if result.files.ok:
        lines.append(_("Kept files OK: {n} evidence files and attachments unchanged.").format(
            n=result.files.checked))  # fmt: skip
    return lines


def _divergence_line(found: Divergence) -> str:
    if found.missing:
        return _("Audit trail cut short: event {seq} and later, recorded in {source}, are "
                 "missing.").format(seq=found.seq, source=found.source)  # fmt: skip
    return _("Audit trail rewritten: event {seq} differs from what {source} recorded; the history "
             "was changed after it was written.").format(seq=found.seq, source=found.source)  # fmt: skip


def _orphan_line(orphan: OrphanFile) -> str:
    if orphan.kind is KeptKind.EVIDENCE:
        return _("Evidence file {name} has no record (left by an interrupted save); "
                 "remove it with check --repair or \"Remove files without a record\".").format(
            name=orphan.label)  # fmt: skip
    return _("A file in the attachments folder {folder} has no record (left by an interrupted "
             "save); remove it with check --repair or \"Remove files without a record\".").format(
        folder=orphan.label)  # fmt: skip
