"""A year's ITA result as the assessment gives it: the three form scores, their weighted total and
the level in words (since 2566; the AA–F grades before were dropped).

| level | rule |
| ผ่านดีเยี่ยม | total ≥ 95 and IIT, EIT, OIT each ≥ 95 |
| ผ่านดี | total ≥ 85 and each form ≥ 85 |
| ผ่าน | total ≥ 85 |
| ต้องปรับปรุง | 70 – 84.99 |
| ต้องปรับปรุงโดยด่วน | < 70 |
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from nongbon_ita.domain.ita.report import AssessmentForm

EXCELLENT = Decimal(95)
PASS = Decimal(85)
IMPROVE = Decimal(70)


class Level(StrEnum):
    EXCELLENT = "ผ่านดีเยี่ยม"
    GOOD = "ผ่านดี"
    PASSED = "ผ่าน"
    IMPROVE = "ต้องปรับปรุง"
    URGENT = "ต้องปรับปรุงโดยด่วน"


def weighted_total(
    forms: Mapping[AssessmentForm, Decimal | None], weights: Mapping[AssessmentForm, int]
) -> Decimal | None:
    """Σ score × weight / 100, to two decimals; None until all three forms are scored."""
    scored = {form: score for form, score in forms.items() if score is not None}
    if len(scored) < len(AssessmentForm):
        return None
    total = sum((scored[form] * weights[form] for form in AssessmentForm), Decimal(0))
    return (total / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def level_of(total: Decimal | None, forms: Mapping[AssessmentForm, Decimal]) -> Level | None:
    """The level for a total and its form scores (None: nothing to judge yet)."""
    if total is None:
        return None
    scores = [forms[f] for f in AssessmentForm if forms.get(f) is not None]
    every = len(scores) == len(AssessmentForm)
    if total >= EXCELLENT and every and min(scores) >= EXCELLENT:
        return Level.EXCELLENT
    if total >= PASS and every and min(scores) >= PASS:
        return Level.GOOD
    if total >= PASS:
        return Level.PASSED
    if total >= IMPROVE:
        return Level.IMPROVE
    return Level.URGENT
