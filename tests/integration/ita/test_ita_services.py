"""The ITA services end to end on an in-memory database: catalogue, scores, measures, results."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.errors import (
    NotFoundError,
    PermissionDenied,
    StaleEditError,
    ValidationError,
)
from nongbon_ita.domain.ita.measure import (
    EvidenceKind,
    EvidenceLink,
    MeasureDraft,
    MeasureStatus,
    ResultEntry,
)
from nongbon_ita.services.kept_files import file_sha256
from tests.integration.ita.conftest import Office


def test_the_shipped_2566_catalogue_has_ten_indicators_and_o1_to_o43(office: Office) -> None:
    cat = office.services.ita.catalogue.catalogue(2566)
    assert [i.number for i in cat.indicators] == list(range(1, 11))
    assert cat.indicator(8) is not None and cat.indicator(8).name == "การปรับปรุงระบบการทำงาน"
    assert [i.code for i in cat.items] == [f"O{n}" for n in range(1, 44)]
    ten = cat.indicator(10)
    assert ten is not None
    assert [s.name for s in cat.subs_of(ten.id)] == [
        "การดำเนินการเพื่อป้องกันการทุจริต", "มาตรการภายในเพื่อป้องกันการทุจริต"]  # fmt: skip


def test_copying_a_catalogue_starts_the_next_year_and_edits_stay_in_their_year(
    office: Office,
) -> None:
    catalogue = office.services.ita.catalogue
    counts = catalogue.copy(office.coordinator, 2566, 2567)
    assert counts == {"indicators": 10, "sub_indicators": 7, "items": 43}
    item = catalogue.catalogue(2567).items[41]
    catalogue.save_item(office.coordinator, 2567, "O42", "มาตรการ (แก้ไข)", item.group_name,
                        item.sub_indicator_id, item.id, item.version)  # fmt: skip
    assert catalogue.catalogue(2567).items[41].name == "มาตรการ (แก้ไข)"
    assert catalogue.catalogue(2566).items[41].name.startswith("มาตรการส่งเสริม")
    with pytest.raises(ValidationError):
        catalogue.copy(office.coordinator, 2566, 2567)  # already has one
    with pytest.raises(PermissionDenied):
        catalogue.copy(office.staff, 2566, 2568)


def test_scores_flag_indicators_and_the_plan_starts_from_them(office: Office) -> None:
    ita = office.services.ita
    scores = ita.scores.scores(2566)
    assert scores.overall_score == Decimal("82.50")
    assert [i.number for i in scores.flagged] == [4, 7, 10]
    made = ita.plan.create_for_flagged(office.coordinator, 2567)
    assert [m.indicator_number for m in made] == [4, 7, 10]
    assert made[0].indicator == "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"
    assert "๘๕" in made[0].issue and made[0].due_on == date(2024, 9, 30)
    assert ita.plan.create_for_flagged(office.coordinator, 2567) == []  # not twice
    with pytest.raises(ValidationError):
        ita.plan.create_for_flagged(office.coordinator, 2599)  # 2598 has no scores


def test_a_bad_score_changes_nothing(office: Office) -> None:
    scores = office.services.ita.scores
    with pytest.raises(ValidationError):
        scores.set_scores(office.coordinator, 2566, "82", {4: "170"})
    with pytest.raises(ValidationError):
        scores.set_scores(office.coordinator, 2566, "82", {11: "70"})
    assert scores.scores(2566).indicators[3].score == Decimal("70.25")


def _planned(office: Office) -> int:
    plan = office.services.ita.plan
    measure = plan.create_for_flagged(office.coordinator, 2567)[0]
    draft = replace(measure.draft(), plan="๑.จัดทำคู่มือ", responsible_user_id=office.staff.id,
                    oit_items=("O42",))  # fmt: skip
    return plan.update(office.coordinator, measure.id, draft, measure.version).id


def test_staff_add_results_to_their_measures_only(office: Office, tmp_path: Path) -> None:
    ita = office.services.ita
    measure_id = _planned(office)
    scan = tmp_path / "คำสั่งแต่งตั้ง.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    entry = ResultEntry("๑.จัดทำคู่มือการยืมแล้ว", date(2023, 12, 1),
                        (EvidenceLink("https://nongbon.go.th/borrow", "แบบฟอร์ม"),), (str(scan),))  # fmt: skip
    measure = ita.results.add_result(office.staff, measure_id, entry)
    assert measure.status is MeasureStatus.IN_PROGRESS
    (result,) = measure.results
    assert result.recorded_by == "ผู้ใช้ทดสอบ" and result.done_on == date(2023, 12, 1)
    link, kept = result.evidence
    assert link.kind is EvidenceKind.LINK and kept.kind is EvidenceKind.FILE
    assert kept.sha256 == file_sha256(scan) and ita.results.check_file(kept)
    assert ita.results.evidence_path(kept).read_bytes() == b"%PDF-1.4 scan"
    with pytest.raises(PermissionDenied):
        ita.results.add_result(office.other, measure_id, ResultEntry("ไม่ใช่ของฉัน"))
    with pytest.raises(PermissionDenied):
        ita.plan.update(office.staff, measure_id, measure.draft(), measure.version)
    marked = ita.plan.mark_progress(office.staff, measure_id, 6, 50, "ครึ่งทาง")
    assert marked.progress_at(6) is not None and marked.progress_at(6).percent == 50
    assert [m.id for m in ita.plan.assigned_to(office.staff.id)] == [measure_id]


def test_a_refused_result_keeps_no_file(office: Office, tmp_path: Path) -> None:
    ita = office.services.ita
    measure_id = _planned(office)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"one")
    missing = tmp_path / "missing.pdf"
    with pytest.raises(NotFoundError):
        ita.results.add_result(office.staff, measure_id,
                               ResultEntry("ผล", files=(str(scan), str(missing))))  # fmt: skip
    assert ita.plan.measure(measure_id).results == ()
    assert not any(p.is_file() for p in ita.results.root.rglob("scan.pdf"))


def test_deleting_a_result_removes_its_kept_file(office: Office, tmp_path: Path) -> None:
    ita = office.services.ita
    measure_id = _planned(office)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"two")
    measure = ita.results.add_result(
        office.staff, measure_id, ResultEntry("ผล", files=(str(scan),))
    )
    kept = measure.results[0].evidence[0]
    path = ita.results.evidence_path(kept)
    assert path.is_file()
    ita.results.delete_result(office.staff, measure.results[0].id, measure.results[0].version)
    assert not path.exists()


def test_o43_prints_entries_as_typed_or_the_imported_cell(office: Office) -> None:
    services = office.services
    measure_id = _planned(office)
    report = services.measures.measures_report(2567)
    assert report.rows[0].result == ""
    for text in ("๑.จัดทำคู่มือ", "-ประชาสัมพันธ์แบบฟอร์ม"):
        services.ita.results.add_result(office.coordinator, measure_id, ResultEntry(text))
    assert services.measures.measures_report(2567).rows[0].result == "๑.จัดทำคู่มือ\n-ประชาสัมพันธ์แบบฟอร์ม"


def test_a_stale_edit_is_refused_and_an_unknown_oit_item_too(office: Office) -> None:
    plan = office.services.ita.plan
    measure = plan.create(office.coordinator, 2567, MeasureDraft(9, "ประเด็น"))
    plan.update(office.coordinator, measure.id, replace(measure.draft(), plan="ใหม่"),
                measure.version)  # fmt: skip
    with pytest.raises(StaleEditError):
        plan.update(office.coordinator, measure.id, measure.draft(), measure.version)
    fresh = plan.measure(measure.id)
    with pytest.raises(ValidationError):
        plan.update(office.coordinator, measure.id,
                    replace(fresh.draft(), oit_items=("O99",)), fresh.version)  # fmt: skip


def test_copying_measures_into_the_next_year(office: Office) -> None:
    plan = office.services.ita.plan
    _planned(office)
    carry = office.services.ita.carry
    office.services.ita.years.start_year(office.coordinator, 2568)
    assert carry.apply(office.coordinator, 2567, 2568, evidence=False).measures == 3
    copied = plan.measures(2568)
    assert [m.indicator_number for m in copied] == [4, 7, 10]
    assert copied[0].plan == "๑.จัดทำคู่มือ" and copied[0].results == ()
    assert copied[0].due_on == date(2025, 9, 30)
    with pytest.raises(ValidationError):
        carry.apply(office.coordinator, 2567, 2568, evidence=False)


def test_every_change_is_audited(office: Office) -> None:
    _planned(office)
    with office.services.ctx.reading() as session:
        actions = set(session.scalars(select(AuditEventRow.action)))
    assert {"ita.catalogue_defaults", "ita.scores_saved", "ita.measures_from_scores",
            "ita.measure_updated"} <= actions  # fmt: skip


def test_export_is_an_xlsx_the_import_reads_back(office: Office, tmp_path: Path) -> None:
    from nongbon_ita.services.ita.measure_files import read_measures_file

    _planned(office)
    out = office.services.ita.export_measures(2567, tmp_path / "m.xlsx")
    imported = read_measures_file(out)
    assert [r.indicator_number for r in imported.rows] == [4, 7, 10]
    assert imported.rows[0].indicator == "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"
