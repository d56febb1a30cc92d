"""What the ITA documents print besides the office profile and the signature blocks."""

from __future__ import annotations

from dataclasses import dataclass

from nongbon_ita.domain.ita.catalogue import YearScores
from nongbon_ita.domain.ita.measure import Measure


@dataclass(frozen=True)
class MeasuresPlan:
    """The measures plan of a fiscal year, answering the previous year's assessment (`scores`)."""

    fiscal_year: int
    intro: str  # "" = the default text
    scores: YearScores | None
    measures: tuple[Measure, ...]
    code: str = ""  # the year's code of the measures plan (its catalogue's role); "" = none
    title: str = ""  # the title the year's catalogue gives it; "" = the standard title


@dataclass(frozen=True)
class ProgressReport:
    """Progress of a year's measures at the 6-month (half 1) or 12-month (half 2) mark."""

    fiscal_year: int
    months: int  # 6 or 12
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class EvidenceAppendix:
    fiscal_year: int
    measures: tuple[Measure, ...]
