"""Read what a printed document needs straight from an up-to-date SQLite file, without SQLAlchemy.

Why: importing SQLAlchemy and mapping the models costs ~0.3 s, more than rendering the measures report
itself, and `nongbon-ita print o43` must finish in half the time LibreOffice needs. Printing the
measures report reads four small things (office profile, one signer per role, the year's intro, the
year's measures with their result entries), so the command line reads them here and falls back
to the full service path whenever this path does not apply: a server URL, an in-memory
database, a new file, or a schema that needs Alembic (older or newer than this app's).

The queries mirror the services' (OfficeService.profile/signer, MeasureService.measures_report); a test
compares both on the same databases, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import fields

from nongbon_ita.db.location import BUSY_TIMEOUT_MS, DatabaseLocation, check_file
from nongbon_ita.db.schema_state import SchemaState, state_without_alembic
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.domain.ita.report import (
    AssessmentForm,
    ItemRole,
    MeasureRow,
    MeasuresReport,
    result_cell_of,
)
from nongbon_ita.domain.office import OfficeProfile, Official, SignatureRole

# OfficeProfile's and Official's fields are the columns of office_profile and official
_PROFILE_COLUMNS = ", ".join(f.name for f in fields(OfficeProfile))
_OFFICIAL_COLUMNS = ", ".join(f.name for f in fields(Official))


def open_current(location: DatabaseLocation) -> sqlite3.Connection | None:
    """A query-only connection to an existing, up-to-date SQLite file; None if the full path must
    open it. Refuses (DatabaseRefused) exactly what the full path refuses: a missing, foreign or
    network-share file."""
    if location.file is None or not location.url.startswith("sqlite"):
        return None
    check_file(location, must_exist=True)
    connection = sqlite3.connect(location.file, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        connection.execute("PRAGMA query_only = ON")
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )}  # fmt: skip
        revision = (
            connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if "alembic_version" in tables
            else None
        )
        state = state_without_alembic(tables, revision[0] if revision else None)
    except BaseException:
        connection.close()
        raise
    if state is not SchemaState.CURRENT:
        connection.close()
        return None
    return connection


class PlainDocumentSource:
    """The measures report's inputs, read with plain SQL (same answers as the services give)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def profile(self) -> OfficeProfile:
        cursor = self.connection.execute(
            f"SELECT {_PROFILE_COLUMNS} FROM office_profile WHERE id = 1"  # columns are constants
        )
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(N_("The office profile has not been set up yet."))
        return OfficeProfile(*row)

    def signer(self, role: SignatureRole) -> Official | None:
        """The first active official (by id) who signs as `role`."""
        row = self.connection.execute(
            f"SELECT {_OFFICIAL_COLUMNS} FROM official "  # columns are constants
            "WHERE active AND signature_role = ? ORDER BY id LIMIT 1",
            (role.value,),
        ).fetchone()
        if row is None:
            return None
        (official_id, full_name, position, signature_role, division_id, active, version) = row
        return Official(official_id, full_name, position, SignatureRole(signature_role),
                        division_id, bool(active), version)  # fmt: skip

    def measures_report(self, fiscal_year: int) -> MeasuresReport:
        """The year's measures by position, each with its result cell; intro "" = default."""
        intro_row = self.connection.execute(
            "SELECT intro FROM ita_year WHERE fiscal_year = ?", (fiscal_year,)
        ).fetchone()
        measures = self.connection.execute(
            "SELECT m.id, i.form, i.number, m.indicator_text, m.sub_indicator, m.issue,"
            " m.result_text FROM ita_measure m JOIN ita_indicator i ON i.id = m.indicator_id"
            " WHERE m.fiscal_year = ? ORDER BY m.position, m.id",
            (fiscal_year,),
        ).fetchall()
        entries: dict[int, list[str]] = {}
        for measure_id, text in self.connection.execute(
            "SELECT r.measure_id, r.text FROM ita_measure_result r"
            " JOIN ita_measure m ON m.id = r.measure_id WHERE m.fiscal_year = ?"
            " ORDER BY r.position, r.id",
            (fiscal_year,),
        ):
            entries.setdefault(measure_id, []).append(text)
        rows = tuple(
            MeasureRow(form=AssessmentForm(form), indicator_number=number, indicator=indicator,
                       sub_indicator=sub_indicator, issue=issue,
                       result=result_cell_of(entries.get(measure_id, []), imported))
            for measure_id, form, number, indicator, sub_indicator, issue, imported in measures
        )  # fmt: skip
        # the year's measures-report item (its role in the catalogue) names the report
        item = self.connection.execute(
            "SELECT code, document_title, name FROM ita_oit_item"
            " WHERE fiscal_year = ? AND role = ? LIMIT 1",
            (fiscal_year, ItemRole.MEASURES_REPORT.value),
        ).fetchone()
        code, title = (item[0], item[1] or item[2]) if item else ("", "")
        return MeasuresReport(fiscal_year, intro_row[0] if intro_row else "", rows, code, title)
