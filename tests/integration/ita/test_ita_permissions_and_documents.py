"""Who may do what in the ITA area, and the ITA documents read back with pdftotext."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from nongbon_ita.domain.errors import PermissionDenied
from nongbon_ita.domain.ita.measure import EvidenceLink, MeasureDraft, ResultEntry
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import ALL_PERMISSIONS, Permission
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services
from tests.integration.ita.conftest import Office

Call = Callable[[Services, CurrentUser, Path], object]
CALLS: dict[str, tuple[Permission, Call]] = {
    "catalogue": (ItaOperation.EDIT_CATALOGUE,
                  lambda s, u, _t: s.ita.catalogue.save_sub_indicator(u, 1, "ย่อย")),
    "oit": (ItaOperation.KEEP_OIT,
            lambda s, u, _t: s.ita.oit.save(u, 2566, "O1", urls=["https://nongbon.go.th/o1"])),
    "scores": (ItaOperation.EDIT_SCORES,
               lambda s, u, _t: s.ita.scores.set_scores(u, 2566, "80", {})),
    "measures": (ItaOperation.EDIT_MEASURES,
                 lambda s, u, _t: s.ita.plan.create(u, 2567, MeasureDraft(4, "ประเด็น"))),
    "measures.set_intro": (ItaOperation.EDIT_MEASURES,
                           lambda s, u, _t: s.measures.set_intro(u, 2566, "บทนำ")),
    "measures.import": (ItaOperation.EDIT_MEASURES,
                        lambda s, u, t: s.measures.import_file(u, t, 2566)),
    "results": (ItaOperation.RECORD_RESULTS,
                lambda s, u, _t: s.ita.results.add_result(u, 1, ResultEntry("ผล"))),
}  # fmt: skip

MEASURE_FILE = (
    '{"rows": [{"form": "IIT", "indicator": "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ",'
    ' "sub_indicator": "", "issue": "ประเด็น", "result": "ผล"}]}'
)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", list(CALLS))
def test_each_ita_operation_is_allowed_exactly_for_its_roles(
    office: Office, user_with: Callable[..., CurrentUser], tmp_path: Path, role: Role, name: str
) -> None:
    services = office.services
    services.ita.plan.create(office.coordinator, 2567, MeasureDraft(4, "ประเด็นแรก"))
    measure_file = tmp_path / "measures.json"
    measure_file.write_text(MEASURE_FILE, encoding="utf-8")
    permission, call = CALLS[name]
    user = user_with(role)
    if role in permission.roles:
        call(services, user, measure_file)
    else:
        with pytest.raises(PermissionDenied) as refused:
            call(services, user, measure_file)
        assert refused.value.message_id == "You are not allowed to {operation}."


def test_every_ita_permission_is_walked() -> None:
    walked = {permission for permission, _call in CALLS.values()}
    assert walked == {p for p in ALL_PERMISSIONS.values() if p.code.split(".")[0] == "ita"}


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


@pytest.fixture
def year_2567(office: Office) -> Office:
    ita = office.services.ita
    measure = ita.plan.create_for_flagged(office.coordinator, 2567)[0]
    from dataclasses import replace

    draft = replace(measure.draft(), issue="การยืมทรัพย์สินไม่มีขั้นตอนชัดเจน",
                    plan="๑.จัดทำคู่มือการยืม\n๒.ประชาสัมพันธ์แบบฟอร์ม",
                    responsible_user_id=office.staff.id)  # fmt: skip
    ita.plan.update(office.coordinator, measure.id, draft, measure.version)
    link = EvidenceLink("https://nongbon.go.th/borrow", "แบบฟอร์มการยืม")
    ita.results.add_result(office.staff, measure.id,
                           ResultEntry("๑.จัดทำคู่มือการยืมแล้ว", date(2023, 12, 1), (link,)))  # fmt: skip
    ita.results.add_result(office.staff, measure.id,
                           ResultEntry("-ติดประกาศที่บอร์ด", date(2024, 5, 2)))  # fmt: skip
    ita.plan.mark_progress(office.staff, measure.id, 6, 60, "ตามแผน")
    return office


def test_o42_has_title_columns_scores_and_signatures(year_2567: Office, tmp_path: Path) -> None:
    text = pdf_text(year_2567.services.ita.documents.measures_plan_pdf(2567), tmp_path)
    flat = "".join(text.split())
    for words in ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ประจำปีงบประมาณพ.ศ.๒๕๖๗",
                  "ประเด็นที่ต้องปรับปรุง", "มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา",
                  "ได้คะแนน๘๒.๕๐คะแนน", "๗๐.๒๕คะแนน", "๑.จัดทำคู่มือการยืม", "ผู้ใช้ทดสอบ",
                  "ผู้รายงาน", "ผู้อนุมัติ"):  # fmt: skip
        assert words in flat, words


def test_the_6_month_report_stops_at_31_march(year_2567: Office, tmp_path: Path) -> None:
    flat = "".join(
        pdf_text(year_2567.services.ita.documents.progress_pdf(2567, 1), tmp_path).split()
    )
    assert "รอบ๖เดือน" in flat and "๑ตุลาคม๒๕๖๖ถึง๓๑มีนาคม๒๕๖๗" in flat
    assert "จัดทำคู่มือการยืมแล้ว(๑ธ.ค.๖๖)" in flat and "ร้อยละ๖๐" in flat
    assert "ติดประกาศที่บอร์ด" not in flat  # done in May: the 12-month report's
    yearly = "".join(pdf_text(year_2567.services.ita.documents.progress_pdf(2567, 2),
                              tmp_path).split())  # fmt: skip
    assert "ติดประกาศที่บอร์ด" in yearly and "ยังไม่รายงาน" in yearly


def test_the_evidence_appendix_lists_links_per_measure(year_2567: Office, tmp_path: Path) -> None:
    flat = "".join(pdf_text(year_2567.services.ita.documents.evidence_pdf(2567), tmp_path).split())
    assert "ภาคผนวก" in flat and "แบบฟอร์มการยืม" in flat
    assert "https://nongbon.go.th/borrow" in flat and "ยังไม่มีหลักฐาน" in flat


def test_a_year_without_measures_prints_nothing(office: Office) -> None:
    from nongbon_ita.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        office.services.ita.documents.measures_plan_pdf(2580)
