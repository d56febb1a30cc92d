"""A year's catalogue by its own framework: start, confirm, roles in documents, form scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.domain.ita.catalogue_data import CatalogueStatus, ItemRole
from nongbon_ita.domain.ita.levels import Level
from nongbon_ita.domain.ita.measure import MeasureDraft
from nongbon_ita.domain.ita.report import AssessmentForm
from tests.conftest import PASSWORD
from tests.integration.ita.conftest import Office


def test_2570_starts_unconfirmed_from_the_2569_list_and_the_coordinator_confirms(
    office: Office,
) -> None:
    years = office.services.ita.years
    years.start_year(office.coordinator, 2569)
    provenance = years.start_year(office.coordinator, 2570)
    assert provenance.status is CatalogueStatus.UNCONFIRMED and "2569" in provenance.source
    assert len(office.services.ita.catalogue.catalogue(2570).items) == 26
    confirmed = years.confirm(office.coordinator, 2570)
    assert confirmed.confirmed and confirmed.confirmed_by == office.coordinator.full_name
    assert years.role_item(2570, ItemRole.MEASURES_REPORT).code == "O26"  # type: ignore[union-attr]


def test_the_measures_report_prints_the_code_and_title_of_its_year(office: Office) -> None:
    services = office.services
    services.ita.years.start_year(office.coordinator, 2569)
    services.ita.plan.create(office.coordinator, 2569, MeasureDraft(4, "ประเด็น"))
    report = services.measures.measures_report(2569)
    assert report.code == "O26"
    assert report.title == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    services.ita.plan.create(office.coordinator, 2566, MeasureDraft(4, "ประเด็น"))
    seed = services.measures.measures_report(2566)
    assert (seed.code, seed.title) == (
        "O43",
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    )
    assert services.ita.documents.measures_plan(2569).code == "O25"


def test_a_moved_role_leaves_its_former_item(office: Office) -> None:
    catalogue = office.services.ita.catalogue
    old = next(i for i in catalogue.catalogue(2566).items if i.code == "O43")
    new = next(i for i in catalogue.catalogue(2566).items if i.code == "O38")
    catalogue.save_item(office.coordinator, 2566, new.code, new.name, new.group_name,
                        new.sub_indicator_id, new.id, new.version, ItemRole.MEASURES_REPORT)  # fmt: skip
    roles = {i.code: i.role for i in catalogue.catalogue(2566).items if i.role}
    assert roles["O38"] is ItemRole.MEASURES_REPORT and old.code not in roles


def test_form_scores_give_the_total_with_the_year_weights_and_the_level(office: Office) -> None:
    scores = office.services.ita.scores
    forms = {AssessmentForm.IIT: "90", AssessmentForm.EIT: "80", AssessmentForm.OIT: "88.5"}
    result = scores.set_scores(office.coordinator, 2566, None, {9: "70"}, forms=forms)
    assert str(result.overall_score) == "86.40"  # 27 + 24 + 35.4
    assert result.level is Level.PASSED  # EIT under 85
    assert result.forms[AssessmentForm.OIT] is not None
    assert [i.number for i in result.flagged] == [4, 7, 9, 10]


def test_cli_catalogue_show_confirm_and_scores(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_LANG", "en")
    db = ["--db", str(demo_db)]
    assert main([*db, "catalogue", "show", "--year", "2570", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "not confirmed" in lines[0]
    assert lines[1] == "code,name,group,sub_indicator,indicator,role"
    assert lines[2].startswith("O1,") and lines[-1].startswith("O26,") and len(lines) == 28
    assert main([*db, "catalogue", "confirm", "--year", "2570", "--user", "ita_coordinator"]) == 0
    assert "confirmed by" in capsys.readouterr().out
    words = [*db, "ita", "scores", "set", "--year", "2569", "--iit", "96", "--eit", "95",
             "--oit", "97", "--indicator", "9=96", "--user", "ita_coordinator"]  # fmt: skip
    assert main(words) == 0
    assert "96.10" in capsys.readouterr().out
    assert main([*db, "ita", "scores", "show", "--year", "2569"]) == 0
    assert "ผ่านดีเยี่ยม" in capsys.readouterr().out
    bad = [*db, "ita", "scores", "set", "--year", "2569", "--indicator", "nine", "--user",
           "ita_coordinator"]  # fmt: skip
    assert main(bad) == 2
    assert "NUMBER=SCORE" in capsys.readouterr().err


def test_cli_prints_the_2569_report_as_o26(demo_db: Path, tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "r.pdf"
    words = ["--db", str(demo_db), "print", "measures-report", "--year", "2569", "--out", str(out)]
    assert main(words) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "รายงาน O26 ปีงบประมาณ ๒๕๖๙" in text
