"""The published statistics (the ITA complaint-stats item): counts per fiscal year or half,
general and corruption complaints apart. Built from anonymous facts only (no names, no subjects): nothing personal can
reach the printed report or the spreadsheet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from nongbon_ita.domain.calendar import (
    DateRange,
    fiscal_half_range,
    fiscal_quarter,
    fiscal_year_range,
)
from nongbon_ita.domain.complaints.channels import SHIPPED, ChannelInfo
from nongbon_ita.domain.complaints.kinds import (
    FINISHED_STATUSES,
    Category,
    Outcome,
    Status,
    Track,
)
from nongbon_ita.domain.complaints.working_days import WorkingCalendar

TRACKS = (Track.GENERAL, Track.CORRUPTION)


@dataclass(frozen=True)
class StatFact:
    """One complaint as the statistics see it."""

    received_on: date
    category: Category
    channel: str  # the code
    status: Status
    outcome: Outcome | None
    closed_on: date | None


@dataclass(frozen=True)
class TrackFigures:
    received: int = 0
    in_progress: int = 0
    finished: int = 0
    rejected: int = 0
    closed: int = 0  # complaints with a closing date (the base of the day figures)
    average_days_to_close: float | None = None
    longest_days_to_close: int | None = None


@dataclass(frozen=True)
class ComplaintStats:
    fiscal_year: int
    half: int | None  # None: the whole year
    period: DateRange
    figures: dict[Track | None, TrackFigures]  # None: both tracks together
    months: tuple[tuple[int, int], ...]  # (C.E. year, month) in fiscal order
    by_month: dict[tuple[int, int], Counter[Track]]
    quarters: tuple[int, ...]
    by_quarter: dict[int, Counter[Track]]
    by_channel: dict[str, Counter[Track]]  # code → counts, in the office's channel order
    by_category: dict[Category, int]
    by_outcome: dict[Outcome, Counter[Track]] = field(default_factory=dict)
    channel_names: dict[str, str] = field(default_factory=dict)  # code → the office's name

    def channel_name(self, code: str) -> str:
        return self.channel_names.get(code, code)

    @property
    def total(self) -> TrackFigures:
        return self.figures[None]


def stats_period(fiscal_year: int, half: int | None) -> DateRange:
    return fiscal_year_range(fiscal_year) if half is None else fiscal_half_range(fiscal_year, half)


def _months(period: DateRange) -> tuple[tuple[int, int], ...]:
    months: list[tuple[int, int]] = []
    year, month = period.start.year, period.start.month
    while date(year, month, 1) <= period.end:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _figures(facts: list[StatFact], calendar: WorkingCalendar) -> TrackFigures:
    statuses = Counter(f.status for f in facts)
    days = [
        calendar.between(f.received_on, f.closed_on)
        for f in facts
        if f.closed_on is not None and f.status is not Status.REJECTED
    ]
    return TrackFigures(
        received=len(facts),
        in_progress=sum(n for s, n in statuses.items() if s.is_open),
        finished=sum(statuses[s] for s in FINISHED_STATUSES),
        rejected=statuses[Status.REJECTED],
        closed=len(days),
        average_days_to_close=sum(days) / len(days) if days else None,
        longest_days_to_close=max(days) if days else None,
    )


def compute_stats(
    facts: Iterable[StatFact],
    fiscal_year: int,
    half: int | None,
    calendar: WorkingCalendar,
    channels: Sequence[ChannelInfo] = SHIPPED,
) -> ComplaintStats:
    """Statistics of the complaints received in the period (facts outside it are ignored).
    Every channel in use gets a row (zero included); a hidden one only when it has complaints."""
    period = stats_period(fiscal_year, half)
    chosen = [f for f in facts if f.received_on in period]
    months = _months(period)
    quarters = (1, 2) if half == 1 else (3, 4) if half == 2 else (1, 2, 3, 4)
    by_month: dict[tuple[int, int], Counter[Track]] = {m: Counter() for m in months}
    by_quarter: dict[int, Counter[Track]] = {q: Counter() for q in quarters}
    by_channel: dict[str, Counter[Track]] = {c.code: Counter() for c in channels}
    by_outcome: dict[Outcome, Counter[Track]] = {o: Counter() for o in Outcome}
    by_category: Counter[Category] = Counter()
    per_track: dict[Track, list[StatFact]] = {t: [] for t in TRACKS}
    for fact in chosen:
        track = fact.category.track
        per_track[track].append(fact)
        by_month[(fact.received_on.year, fact.received_on.month)][track] += 1
        by_quarter[fiscal_quarter(fact.received_on)][track] += 1
        by_channel.setdefault(fact.channel, Counter())[track] += 1
        by_category[fact.category] += 1
        if fact.outcome is not None and fact.status in FINISHED_STATUSES:
            by_outcome[fact.outcome][track] += 1
    figures: dict[Track | None, TrackFigures] = {
        t: _figures(per_track[t], calendar) for t in TRACKS
    }
    figures[None] = _figures(chosen, calendar)
    return ComplaintStats(
        fiscal_year=fiscal_year,
        half=half,
        period=period,
        figures=figures,
        months=months,
        by_month=by_month,
        quarters=quarters,
        by_quarter=by_quarter,
        by_channel={
            code: n
            for code, n in by_channel.items()
            if n or code in {c.code for c in channels if c.active}
        },
        channel_names={c.code: c.name for c in channels},
        by_category={c: by_category[c] for c in Category},
        by_outcome=by_outcome,
    )
