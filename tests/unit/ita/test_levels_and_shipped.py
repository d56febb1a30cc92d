"""The level rules of ITA-YEARS and the shipped catalogues read as data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nongbon_ita.domain.ita.catalogue_data import CatalogueStatus, ItemRole, parse_sub_number
from nongbon_ita.domain.ita.levels import Level, level_of, weighted_total
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.services.ita.shipped import nearest_shipped, shipped_catalogue, shipped_years

IIT, EIT, OIT = AssessmentForm.IIT, AssessmentForm.EIT, AssessmentForm.OIT
WEIGHTS = {IIT: 30, EIT: 30, OIT: 40}


def forms(iit: str, eit: str, oit: str) -> dict[AssessmentForm, Decimal]:
    return {IIT: Decimal(iit), EIT: Decimal(eit), OIT: Decimal(oit)}


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        (("96", "95", "99"), Level.EXCELLENT),
        (("99", "99", "94"), Level.GOOD),  # total ≥ 95 but OIT under 95
        (("86", "85", "90"), Level.GOOD),
        (("99", "99", "70"), Level.PASSED),  # total 87.4, OIT under 85
        (("80", "80", "85"), Level.IMPROVE),  # 82.00
        (("70", "70", "70"), Level.IMPROVE),
        (("69.99", "69.99", "69.99"), Level.URGENT),
    ],
)
def test_level_follows_the_total_and_each_form(scores: tuple[str, str, str], level: Level) -> None:
    given = forms(*scores)
    assert level_of(weighted_total(given, WEIGHTS), given) is level


def test_total_uses_the_year_weights_and_waits_for_all_three_forms() -> None:
    assert weighted_total(forms("80", "90", "100"), WEIGHTS) == Decimal("91.00")
    assert weighted_total(forms("80", "90", "100"), {IIT: 20, EIT: 20, OIT: 60}) == Decimal("94.00")
    assert weighted_total({IIT: Decimal(80), EIT: None, OIT: Decimal(90)}, WEIGHTS) is None
    assert level_of(Decimal("86"), {}) is Level.PASSED  # only a total: never ผ่านดี


def test_sub_indicator_numbers_with_or_without_names() -> None:
    assert parse_sub_number("9.1") == (9, 1, "")
    assert parse_sub_number("๙.๓ การบริหารเงินงบประมาณ") == (9, 3, "การบริหารเงินงบประมาณ")
    assert parse_sub_number("9") is None


def test_2566_ships_the_corrected_43_items_with_their_roles() -> None:
    data = shipped_catalogue(2566)
    names = {item.code: item.name for item in data.items}
    assert len(data.items) == 43 and data.status is CatalogueStatus.UNCONFIRMED
    assert names["O23"] == "นโยบายหรือแผนการบริหารทรัพยากรบุคคล"
    assert names["O31"] == "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"
    assert {s.label: s.name for s in data.sub_indicators}["9.3"] == "การบริหารเงินงบประมาณ"
    roles = {item.role: item.code for item in data.items if item.role}
    assert roles == {ItemRole.COMPLAINT_STATS: "O29", ItemRole.MEASURES_PLAN: "O42",
                     ItemRole.MEASURES_REPORT: "O43"}  # fmt: skip
    assert data.source and data.checked_on


def test_2569_ships_26_items_and_leaves_unknown_names_as_gaps() -> None:
    data = shipped_catalogue(2569)
    assert [item.code for item in data.items] == [f"O{n}" for n in range(1, 27)]
    gaps = [item.code for item in data.items if not item.name]
    assert gaps == ["O2", "O4", "O5", "O6", "O7", "O8", "O9"]
    report = data.role_item(ItemRole.MEASURES_REPORT)
    assert report is not None and report.code == "O26"
    assert report.name == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert data.role_item(ItemRole.COMPLAINT_STATS).code == "O18"  # type: ignore[union-attr]


def test_a_new_year_starts_from_the_latest_shipped_year_before_it() -> None:
    assert {2566, 2569} <= set(shipped_years())
    assert (nearest_shipped(2568), nearest_shipped(2570), nearest_shipped(2560)) == (
        2566, 2569, 2566)  # fmt: skip
