"""Carrying measures and OIT evidence into a new year: items map by role, then by name — never by
code alone — and nothing is copied before the coordinator applies the (possibly changed) mapping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.domain.errors import PermissionDenied, ValidationError
from nongbon_ita.domain.ita.item_mapping import MatchKind, parse_changes, same_name
from nongbon_ita.domain.ita.measure import MeasureDraft
from nongbon_ita.domain.ita.oit import OitStatus
from tests.conftest import PASSWORD
from tests.integration.ita.conftest import Office


@pytest.fixture
def year_2566(office: Office) -> Office:
    """2566 with a measure naming O42, O43, O36 and O1, and evidence on O43, O29 and O1."""
    ita, coordinator = office.services.ita, office.coordinator
    ita.plan.create(coordinator, 2566, MeasureDraft(10, "ประเด็น",
                    oit_items=("O42", "O43", "O36", "O1"), due_on=date(2023, 9, 30)))  # fmt: skip
    for code in ("O43", "O29", "O1"):
        ita.oit.save(coordinator, 2566, code, urls=[f"https://nongbon.go.th/2566/{code}"],
                     status=OitStatus.PUBLISHED, responsible_user_id=office.staff.id,
                     due_on=date(2023, 6, 30))  # fmt: skip
    ita.catalogue.install_defaults(coordinator, 2569)  # the shipped 2569 list: O1–O26
    return office


def test_the_preview_maps_by_role_then_by_name_and_changes_nothing(year_2566: Office) -> None:
    carry = year_2566.services.ita.carry
    preview = carry.preview(2566, 2569)
    moves = {m.old_code: (m.new_code, m.how) for m in preview.mapping}
    assert moves["O42"] == ("O25", MatchKind.ROLE) and moves["O43"] == ("O26", MatchKind.ROLE)
    assert moves["O29"] == ("O18", MatchKind.ROLE)
    assert moves["O36"] == ("O23", MatchKind.NAME)  # แผนปฏิบัติการป้องกันการทุจริต in both
    assert moves["O1"] == ("", MatchKind.NONE)  # the same code, another item: never by code
    assert len(preview.mapping) == 43 and preview.measures == 1
    assert preview.load.with_evidence == {"O43", "O29", "O1"} and preview.load.named_by["O42"] == 1
    assert preview.left_behind == ("O1",)
    assert year_2566.services.ita.plan.measures(2569) == []  # nothing copied
    assert all(not e.urls for e in year_2566.services.ita.oit.entries(2569))


def test_apply_copies_measures_and_evidence_by_the_approved_mapping(year_2566: Office) -> None:
    ita, coordinator = year_2566.services.ita, year_2566.coordinator
    done = ita.carry.apply(coordinator, 2566, 2569, {"O1": "O1", "O36": ""})
    assert (done.measures, done.evidence, done.left_behind) == (1, 3, ("O36",))  # as chosen
    (measure,) = ita.plan.measures(2569)
    assert measure.oit_items == ("O25", "O26", "O1")  # O36 dropped by the coordinator
    assert measure.due_on == date(2024, 9, 30) and measure.results == ()
    report = ita.oit.entry(2569, "O26")
    assert report.urls == ("https://nongbon.go.th/2566/O43",)
    assert report.status is OitStatus.IN_PROGRESS  # last year's page: check it for this year
    assert report.responsible_user_id == year_2566.staff.id and report.due_on == date(2024, 6, 30)
    assert ita.oit.entry(2569, "O18").urls == ("https://nongbon.go.th/2566/O29",)
    with pytest.raises(ValidationError):  # the measures are there now: no second copy
        ita.carry.apply(coordinator, 2566, 2569, measures=True, evidence=False)


def test_carrying_needs_a_started_year_the_coordinator_and_known_codes(
    year_2566: Office,
) -> None:
    carry, coordinator = year_2566.services.ita.carry, year_2566.coordinator
    with pytest.raises(ValidationError) as refused:
        carry.preview(2566, 2571)
    assert refused.value.params["year"] == 2571  # "start it first"
    with pytest.raises(PermissionDenied):
        carry.apply(year_2566.staff, 2566, 2569)
    for changes in ({"O99": "O1"}, {"O1": "O27"}):
        with pytest.raises(ValidationError):
            carry.apply(coordinator, 2566, 2569, changes)
    assert year_2566.services.ita.plan.measures(2569) == []


def test_names_match_without_spaces_and_by_their_thai_abbreviation() -> None:
    assert same_name("โครงสร้าง หน้าที่และอำนาจ", "โครงสร้างหน้าที่และอำนาจ")
    assert same_name("ข้อมูลสถิติเรื่องร้องเรียนการทุจริตฯ",
                     "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")  # fmt: skip
    assert not same_name("โครงสร้าง", "โครงสร้าง หน้าที่และอำนาจ") and not same_name("", "")
    assert parse_changes(["o43 = O26", "O2="]) == {"O43": "O26", "O2": ""}
    with pytest.raises(ValidationError):
        parse_changes(["O43"])


def test_cli_shows_the_mapping_then_applies_it(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    words = ["--db", str(demo_db), "ita", "carry", "--from", "2569", "--to", "2570"]
    assert main(words) == 0
    shown = capsys.readouterr().out
    assert "O26" in shown and "→ O26" in shown and "--apply" in shown
    assert main([*words, "--map", "O26=O99", "--apply", "--user", "ita_coordinator"]) == 2
    assert main([*words, "--evidence-only", "--apply", "--user", "ita_coordinator"]) == 0
    assert "O26" in capsys.readouterr().out
