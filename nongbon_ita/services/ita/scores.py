"""A year's ITA results: the overall score, the score per indicator, the threshold."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import IndicatorRow, ItaYearRow
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue import DEFAULT_THRESHOLD, YearScores, parse_score
from nongbon_ita.domain.ita.levels import weighted_total
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.catalogue_store import ensure_catalogue
from nongbon_ita.services.ita.records import indicator_of
from nongbon_ita.services.ita.years import year_row

Score = Decimal | str | None


def read_scores(session: Session, fiscal_year: int) -> YearScores:
    year = session.get(ItaYearRow, fiscal_year)
    rows = session.scalars(
        select(IndicatorRow).where(IndicatorRow.fiscal_year == fiscal_year)
        .order_by(IndicatorRow.number)
    ).all()  # fmt: skip
    if year is None:
        return YearScores(
            fiscal_year, None, DEFAULT_THRESHOLD, tuple(indicator_of(r) for r in rows)
        )
    return YearScores(
        fiscal_year,
        year.overall_score,
        year.threshold,
        tuple(indicator_of(r) for r in rows),
        year.version,
        _forms(year),
        _weights(year),
    )


def _forms(year: ItaYearRow) -> dict[AssessmentForm, Decimal | None]:
    return {AssessmentForm.IIT: year.iit_score, AssessmentForm.EIT: year.eit_score,
            AssessmentForm.OIT: year.oit_score}  # fmt: skip


def _weights(year: ItaYearRow) -> dict[AssessmentForm, int]:
    return {AssessmentForm.IIT: year.weight_iit, AssessmentForm.EIT: year.weight_eit,
            AssessmentForm.OIT: year.weight_oit}  # fmt: skip


class ScoreService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def scores(self, fiscal_year: int) -> YearScores:
        """The results of `fiscal_year`'s assessment (no indicators: nothing entered yet)."""
        validate_fiscal_year(fiscal_year)
        with self.ctx.reading() as session:
            return read_scores(session, fiscal_year)

    def set_scores(
        self, actor: CurrentUser, fiscal_year: int, overall: Score,
        by_indicator: Mapping[int, Score], threshold: Score = None,
        version: int | None = None, forms: Mapping[AssessmentForm, Score] | None = None,
    ) -> YearScores:  # fmt: skip
        """Store the year's results; a year without a catalogue gets one first.

        `by_indicator` maps indicator numbers to scores ("" or None clears one); numbers the
        year's catalogue lacks are refused. `threshold` None keeps the year's (default 85).
        `forms` (IIT, EIT, OIT) given: the total is their sum with the year's weights, and
        `overall` is used only while a form is missing.
        """
        require(actor, ItaOperation.EDIT_SCORES)
        validate_fiscal_year(fiscal_year)
        overall_score = parse_score(overall, "overall")
        new_threshold = parse_score(threshold, "threshold")
        scores = {n: parse_score(v, f"indicator_{n}") for n, v in by_indicator.items()}
        form_scores = {f: parse_score(v, f.value.lower()) for f, v in (forms or {}).items()}
        with self.ctx.transaction() as session:
            existing = session.get(ItaYearRow, fiscal_year)
            if existing is not None:  # a year read before it existed has version 0
                check_version(existing.version, version or None)
            year = year_row(session, fiscal_year)
            ensure_catalogue(session, fiscal_year)
            rows = {r.number: r for r in session.scalars(
                select(IndicatorRow).where(IndicatorRow.fiscal_year == fiscal_year))}  # fmt: skip
            unknown = sorted(set(scores) - set(rows))
            if unknown:
                raise ValidationError(
                    N_("Fiscal year {year} has no indicator {number}."),
                    field=f"indicator_{unknown[0]}", year=fiscal_year, number=unknown[0],
                )  # fmt: skip
            before = {"overall": _text(year.overall_score), "threshold": _text(year.threshold),
                      **{str(n): _text(rows[n].score) for n in scores}}  # fmt: skip
            if form_scores:
                before.update({f.value: _text(s) for f, s in _forms(year).items()})
                year.iit_score, year.eit_score, year.oit_score = (
                    form_scores.get(f, s) for f, s in _forms(year).items()
                )
                total = weighted_total(_forms(year), _weights(year))
                overall_score = overall_score if total is None else total
            year.overall_score = overall_score
            if new_threshold is not None:
                year.threshold = new_threshold
            for number, score in scores.items():
                rows[number].score = score
            session.flush()
            after = {"overall": _text(overall_score), "threshold": _text(year.threshold),
                     **{str(n): _text(s) for n, s in scores.items()},
                     **{f.value: _text(s) for f, s in form_scores.items()}}  # fmt: skip
            record_event(self.ctx, session, actor.username, "ita.scores_saved", "ita_year",
                         fiscal_year, before=before, after=after)  # fmt: skip
            return read_scores(session, fiscal_year)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
