"""Demo ITA years: the full 2566 catalogue, then every fiscal year from 2567 to the current one
with the scores of the year before, measures for the weak indicators, results with evidence
(web links and small generated files) and progress marks. Deterministic: seeded by the year.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from nongbon_ita.demo.data_ita import ITEMS_BY_FRAMEWORK, MEASURES, RESPONSIBLE, SITE
from nongbon_ita.domain.calendar import fiscal_year, fiscal_year_range
from nongbon_ita.domain.ita.catalogue import parse_oit_codes
from nongbon_ita.domain.ita.measure import EvidenceLink, Measure, MeasureStatus, ResultEntry
from nongbon_ita.domain.ita.oit import OitStatus
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.ita.shipped import nearest_shipped, shipped_years
from nongbon_ita.services.registry import Services

FIRST_YEAR = 2567


@dataclass(frozen=True)
class _Cast:
    """The demo users by user name (the demo acts for them without logging each one in)."""

    users: dict[str, CurrentUser]
    divisions: dict[int, int | None]  # user id → division id

    @property
    def coordinator(self) -> CurrentUser:
        return self.users["ita_coordinator"]


def demo_scores(year: int) -> tuple[Decimal, dict[int, Decimal]]:
    """The assessment results of `year`: three or four indicators under 85, the rest above."""
    rng = random.Random(year)
    weak = set(rng.sample(range(1, 11), rng.choice((3, 4))))
    scores = {
        n: Decimal(str(round(rng.uniform(62, 84.5) if n in weak else rng.uniform(86, 98.5), 2)))
        for n in range(1, 11)
    }
    overall = (sum(scores.values(), Decimal(0)) / len(scores)).quantize(Decimal("0.01"))
    return overall, scores


def demo_forms(scores: dict[int, Decimal]) -> dict[AssessmentForm, Decimal]:
    """Form scores as the mean of their indicators (IIT 1–5, EIT 6–8, OIT 9–10)."""
    parts = {AssessmentForm.IIT: range(1, 6), AssessmentForm.EIT: range(6, 9),
             AssessmentForm.OIT: range(9, 11)}  # fmt: skip
    return {form: (sum((scores[n] for n in numbers), Decimal(0)) / len(numbers))
            .quantize(Decimal("0.01")) for form, numbers in parts.items()}  # fmt: skip


def _cast(services: Services) -> _Cast:
    from nongbon_ita.demo.build import DEMO_PASSWORD

    admin = services.auth.login("admin", DEMO_PASSWORD, channel="demo")
    found = services.users.list_users(admin)
    return _Cast(
        {u.username: CurrentUser(u.id, u.username, u.full_name, u.roles) for u in found},
        {u.id: u.division_id for u in found},
    )


def _evidence_file(folder: Path, year: int, number: int, text: str) -> Path:
    """A small text file standing for a scanned document (the demo's evidence file)."""
    path = folder / f"หลักฐาน-{year}-ตัวชี้วัด{number}.txt"
    path.write_text(f"องค์การบริหารส่วนตำบลหนองบอน\nปีงบประมาณ {year}\n{text}\n", encoding="utf-8")
    return path


def add_demo_ita(services: Services, today: date | None = None) -> None:
    """Fill the demo database's ITA years; does nothing if 2567 already has measures."""
    today = today or date.today()
    ita = services.ita
    if ita.plan.measures(FIRST_YEAR):
        return
    cast = _cast(services)
    if not ita.catalogue.catalogue(2566).sub_indicators:
        ita.catalogue.install_defaults(cast.coordinator, 2566)
    ita.years.confirm(cast.coordinator, 2566)  # the demo coordinator checked 2566 and 2569
    with tempfile.TemporaryDirectory(prefix="nongbon-demo-evidence-") as temp:
        for year in range(FIRST_YEAR, fiscal_year(today) + 1):
            _demo_year(services, cast, year, today, Path(temp))
    _demo_oit(services, cast, fiscal_year(today))


def _demo_oit(services: Services, cast: _Cast, year: int) -> None:
    """The current year's OIT checklist half done: the first items published, some under way."""
    oit = services.ita.oit
    for index, entry in enumerate(oit.entries(year)):
        if index % 3 == 2 or not entry.name:
            continue  # left to do (and the items still without a name)
        status = OitStatus.PUBLISHED if index < 12 else OitStatus.IN_PROGRESS
        urls = [f"{SITE}/{year}/{entry.code.lower()}"] if status is OitStatus.PUBLISHED else []
        oit.save(cast.coordinator, year, entry.code, urls=urls, status=status,
                 responsible_user_id=cast.coordinator.id,
                 due_on=date(year - 543, 3, 31))  # fmt: skip


def _demo_year(services: Services, cast: _Cast, year: int, today: date, folder: Path) -> None:
    ita = services.ita
    overall, scores = demo_scores(year - 1)
    ita.scores.set_scores(cast.coordinator, year - 1, overall, scores, forms=demo_forms(scores))
    ita.years.start_year(cast.coordinator, year)  # 2569 from its shipped list, others copied
    if year in shipped_years():
        ita.years.confirm(cast.coordinator, year)
    for measure in ita.plan.create_for_flagged(cast.coordinator, year):
        measure = _fill(services, cast, measure)
        owner = cast.users[RESPONSIBLE[measure.indicator_number]]
        steps = _results(services, owner, measure, today, folder)
        _progress(services, cast, measure.id, owner, today, steps)


def _fill(services: Services, cast: _Cast, measure: Measure) -> Measure:
    sub, items, issue, plan, _results = MEASURES[measure.indicator_number]
    framework = ITEMS_BY_FRAMEWORK.get(nearest_shipped(measure.fiscal_year), {})
    items = framework.get(measure.indicator_number, items)
    owner = cast.users[RESPONSIBLE[measure.indicator_number]]
    draft = replace(measure.draft(), sub_indicator=sub, oit_items=parse_oit_codes(items),
                    issue=issue, plan=plan, responsible_user_id=owner.id,
                    responsible_division_id=cast.divisions.get(owner.id))  # fmt: skip
    return services.ita.plan.update(cast.coordinator, measure.id, draft, measure.version)


def _results(
    services: Services, owner: CurrentUser, measure: Measure, today: date, folder: Path
) -> int:
    """The measure's results done by `today`, one quarter apart; returns how many it plans."""
    planned = MEASURES[measure.indicator_number][4]
    span = fiscal_year_range(measure.fiscal_year)
    rng = random.Random(measure.fiscal_year * 100 + measure.indicator_number)
    for index, (text, slug) in enumerate(planned):
        done_on = span.start + timedelta(days=40 + index * 90 + rng.randint(0, 30))
        if done_on > today:
            break
        files: tuple[str, ...] = ()
        if index == 0:
            files = (str(_evidence_file(folder, measure.fiscal_year, measure.indicator_number,
                                        text)),)  # fmt: skip
        link = EvidenceLink(f"{SITE}/{measure.fiscal_year}/{slug}", "ประกาศบนเว็บไซต์ อบต.")
        entry = ResultEntry(text, done_on, (link,), files)
        services.ita.results.add_result(owner, measure.id, entry)
    return len(planned)


def _progress(
    services: Services, cast: _Cast, measure_id: int, owner: CurrentUser, today: date, steps: int
) -> None:
    """Marks at 6 and 12 months once those dates have passed; a past year's measure is done."""
    plan = services.ita.plan
    year = plan.measure(measure_id).fiscal_year
    span = fiscal_year_range(year)
    half = date(span.end.year, 3, 31)
    if today > half:
        done = max(1, steps // 2)
        plan.mark_progress(owner, measure_id, 6, round(100 * done / steps),
                           "ดำเนินการตามแผนแล้วบางส่วน", half)  # fmt: skip
    if today > span.end:
        plan.mark_progress(owner, measure_id, 12, 100, "ดำเนินการครบตามแผน", span.end)
        measure = plan.measure(measure_id)
        done_draft = replace(measure.draft(), status=MeasureStatus.DONE)
        plan.update(cast.coordinator, measure_id, done_draft, measure.version)
