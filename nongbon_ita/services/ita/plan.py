"""Measures of a fiscal year: plan them (from last year's flagged indicators), edit, copy, mark."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_core import DivisionRow, UserRow
from nongbon_ita.db.models_ita import (
    IndicatorRow,
    ItaYearRow,
    MeasureProgressRow,
    MeasureRowDb,
    OitItemRow,
)
from nongbon_ita.domain.calendar import fiscal_year as fiscal_year_of
from nongbon_ita.domain.calendar import fiscal_year_range
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.due import DueMeasure, measures_due
from nongbon_ita.domain.ita.measure import (
    Measure,
    MeasureDraft,
    MeasureStatus,
    check_draft,
    check_progress,
)
from nongbon_ita.domain.ita.measure_import import indicator_label, validate_fiscal_year
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.access import require_recorder
from nongbon_ita.services.ita.catalogue_store import ensure_catalogue
from nongbon_ita.services.ita.records import load_measure, load_measures, measure_row
from nongbon_ita.services.ita.scores import read_scores
from nongbon_ita.services.ita.years import indicators_of, year_row


def _audit_view(row: MeasureRowDb) -> dict[str, object]:
    """What the audit keeps of a measure: its shape, not its (long) texts."""
    return {"indicator_id": row.indicator_id, "status": row.status,
            "responsible_user_id": row.responsible_user_id,
            "due_on": row.due_on.isoformat() if row.due_on else None}  # fmt: skip


def _next_position(session: Session, fiscal_year: int) -> int:
    last = session.scalar(
        select(func.max(MeasureRowDb.position)).where(MeasureRowDb.fiscal_year == fiscal_year)
    )
    return 0 if last is None else last + 1


class MeasurePlanService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # reading ------------------------------------------------------------------------------
    def measures(self, fiscal_year: int) -> list[Measure]:
        validate_fiscal_year(fiscal_year)
        with self.ctx.reading() as session:
            return load_measures(session, MeasureRowDb.fiscal_year == fiscal_year)

    def measure(self, measure_id: int) -> Measure:
        with self.ctx.reading() as session:
            return load_measure(session, measure_id)

    def assigned_to(self, user_id: int, fiscal_year: int | None = None) -> list[Measure]:
        """The measures a staff member is responsible for (all years, or one)."""
        conditions = [MeasureRowDb.responsible_user_id == user_id]
        if fiscal_year is not None:
            conditions.append(MeasureRowDb.fiscal_year == fiscal_year)
        with self.ctx.reading() as session:
            return load_measures(session, *conditions)

    def due(self, today: date, user_id: int | None = None) -> list[DueMeasure]:
        """Open measures of this year and the last past or near their end, or missing a mark."""
        conditions = [MeasureRowDb.fiscal_year >= fiscal_year_of(today) - 1,
                      MeasureRowDb.status.notin_((MeasureStatus.DONE, MeasureStatus.CANCELLED))]  # fmt: skip
        if user_id is not None:
            conditions.append(MeasureRowDb.responsible_user_id == user_id)
        with self.ctx.reading() as session:
            return measures_due(load_measures(session, *conditions), today)

    def assignable_users(self) -> list[tuple[int, str]]:
        """Active users a measure may be given to: (id, full name), by name."""
        with self.ctx.reading() as session:
            query = select(UserRow.id, UserRow.full_name).where(UserRow.active.is_(True))
            return sorted(((r.id, r.full_name) for r in session.execute(query)),
                          key=lambda pair: pair[1])  # fmt: skip

    # writing ------------------------------------------------------------------------------
    def create(self, actor: CurrentUser, fiscal_year: int, draft: MeasureDraft) -> Measure:
        require(actor, ItaOperation.EDIT_MEASURES)
        validate_fiscal_year(fiscal_year)
        draft = check_draft(draft)
        with self.ctx.transaction() as session:
            year_row(session, fiscal_year)
            ensure_catalogue(session, fiscal_year)
            row = MeasureRowDb(fiscal_year=fiscal_year,
                               position=_next_position(session, fiscal_year))  # fmt: skip
            self._apply(session, row, draft)
            session.add(row)
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.measure_created", "ita_measure",
                         row.id, after=_audit_view(row))  # fmt: skip
            return load_measure(session, row.id)

    def update(
        self, actor: CurrentUser, measure_id: int, draft: MeasureDraft, version: int
    ) -> Measure:
        require(actor, ItaOperation.EDIT_MEASURES)
        draft = check_draft(draft)
        with self.ctx.transaction() as session:
            row = measure_row(session, measure_id)
            check_version(row.version, version)
            before = _audit_view(row)
            self._apply(session, row, draft)
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.measure_updated", "ita_measure",
                         row.id, before=before, after=_audit_view(row))  # fmt: skip
            return load_measure(session, row.id)

    def delete(self, actor: CurrentUser, measure_id: int, version: int) -> None:
        """Delete a measure with its results (evidence files stay in the evidence folder)."""
        require(actor, ItaOperation.EDIT_MEASURES)
        with self.ctx.transaction() as session:
            row = measure_row(session, measure_id)
            check_version(row.version, version)
            before = _audit_view(row)
            session.delete(row)
            record_event(self.ctx, session, actor.username, "ita.measure_deleted", "ita_measure",
                         measure_id, before=before)  # fmt: skip

    def _apply(self, session: Session, row: MeasureRowDb, draft: MeasureDraft) -> None:
        indicator = indicators_of(session, row.fiscal_year).get(draft.indicator_number)
        if indicator is None:
            raise ValidationError(
                N_("Fiscal year {year} has no indicator {number}."), field="indicator",
                year=row.fiscal_year, number=draft.indicator_number,
            )  # fmt: skip
        if row.indicator_id != indicator.id or not row.indicator_text:
            row.indicator_id = indicator.id  # a changed indicator is written as the catalogue's
            row.indicator_text = indicator_label(indicator.number, indicator.name)
        known = set(session.scalars(
            select(OitItemRow.code).where(OitItemRow.fiscal_year == row.fiscal_year)))  # fmt: skip
        unknown = [code for code in draft.oit_items if code not in known]
        if unknown:
            raise ValidationError(
                N_("Fiscal year {year} has no OIT item {code} in its catalogue."),
                field="oit_items", year=row.fiscal_year, code=unknown[0],
            )  # fmt: skip
        if draft.responsible_user_id is not None:
            user = session.get(UserRow, draft.responsible_user_id)
            if user is None or not user.active:
                raise ValidationError(N_("Choose an active user as the responsible person."),
                                      field="responsible_user")  # fmt: skip
        if (
            draft.responsible_division_id is not None
            and session.get(DivisionRow, draft.responsible_division_id) is None
        ):
            raise NotFoundError(N_("This division no longer exists."))
        row.sub_indicator, row.oit_items = draft.sub_indicator, ", ".join(draft.oit_items)
        row.issue, row.plan, row.time_frame = draft.issue, draft.plan, draft.time_frame
        row.responsible_user_id = draft.responsible_user_id
        row.responsible_division_id = draft.responsible_division_id
        row.start_on, row.due_on, row.status = draft.start_on, draft.due_on, draft.status.value

    def create_for_flagged(self, actor: CurrentUser, fiscal_year: int) -> list[Measure]:
        """Draft measures for the indicators last year's assessment scored under the threshold.

        Indicators that already have a measure this year are skipped; returns the new ones.
        """
        require(actor, ItaOperation.EDIT_MEASURES)
        validate_fiscal_year(fiscal_year)
        with self.ctx.transaction() as session:
            scores = read_scores(session, fiscal_year - 1)
            if all(i.score is None for i in scores.indicators):
                raise ValidationError(
                    N_("Enter the indicator scores of fiscal year {year} first."),
                    field="scores", year=fiscal_year - 1,
                )  # fmt: skip
            year_row(session, fiscal_year)
            ensure_catalogue(session, fiscal_year)
            targets = indicators_of(session, fiscal_year)
            planned = set(session.scalars(
                select(IndicatorRow.number).join(MeasureRowDb, MeasureRowDb.indicator_id
                                                 == IndicatorRow.id)
                .where(MeasureRowDb.fiscal_year == fiscal_year)))  # fmt: skip
            span = fiscal_year_range(fiscal_year)
            threshold = thai_digits(format(scores.threshold.normalize(), "f"))
            created: list[int] = []
            for flagged in scores.flagged:
                target = targets.get(flagged.number)
                if target is None or flagged.number in planned:
                    continue
                # no score in the text: "๗๐.๒๕" would read as an inline item "๗๐." in the report
                issue = (f"ตัวชี้วัดนี้ได้คะแนนต่ำกว่าเกณฑ์ {threshold} คะแนน "
                         f"ในการประเมิน ITA ปีงบประมาณ พ.ศ. {thai_digits(fiscal_year - 1)}")  # fmt: skip
                row = MeasureRowDb(
                    fiscal_year=fiscal_year, position=_next_position(session, fiscal_year),
                    indicator_id=target.id,
                    indicator_text=indicator_label(target.number, target.name), issue=issue,
                    start_on=span.start, due_on=span.end, status=MeasureStatus.PLANNED.value,
                )  # fmt: skip
                session.add(row)
                session.flush()
                created.append(row.id)
            record_event(self.ctx, session, actor.username, "ita.measures_from_scores",
                         "ita_year", fiscal_year,
                         after={"from_year": fiscal_year - 1, "created": len(created)})  # fmt: skip
            return load_measures(session, MeasureRowDb.id.in_(created)) if created else []

    def mark_progress(
        self, actor: CurrentUser, measure_id: int, months: int, percent: int, note: str = "",
        marked_on: date | None = None,
    ) -> Measure:  # fmt: skip
        """Progress at 6 or 12 months (marking again replaces the mark)."""
        check_progress(months, percent)
        with self.ctx.transaction() as session:
            row = measure_row(session, measure_id)
            require_recorder(actor, row)
            mark = session.scalar(select(MeasureProgressRow).where(
                MeasureProgressRow.measure_id == row.id, MeasureProgressRow.months == months))  # fmt: skip
            if mark is None:
                mark = MeasureProgressRow(measure_id=row.id, months=months)
                session.add(mark)
            mark.percent, mark.note = percent, note.strip()
            mark.marked_on = marked_on or self.ctx.today()  # the office's day, not the machine's
            mark.marked_by_user_id = actor.id
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.progress_marked", "ita_measure",
                         row.id, after={"months": months, "percent": percent})  # fmt: skip
            return load_measure(session, row.id)

    def set_plan_intro(self, actor: CurrentUser, fiscal_year: int, intro: str) -> None:
        """The measures plan's opening paragraph; "" goes back to the default text."""
        require(actor, ItaOperation.EDIT_MEASURES)
        validate_fiscal_year(fiscal_year)
        with self.ctx.transaction() as session:
            year = year_row(session, fiscal_year)
            year.plan_intro = intro.strip()
            record_event(self.ctx, session, actor.username, "ita.plan_intro_changed", "ita_year",
                         fiscal_year, after={"length": len(year.plan_intro)})  # fmt: skip

    def plan_intro(self, fiscal_year: int) -> str:
        with self.ctx.reading() as session:
            year = session.get(ItaYearRow, fiscal_year)
            return year.plan_intro if year else ""
