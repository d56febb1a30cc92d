"""Import the NACC's table of a year: headers in Thai or English, all or nothing, and a re-import
that keeps the measures and moves what hung on the old items by role, then by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.measure import MeasureDraft
from nongbon_ita.domain.ita.oit import OitStatus
from tests.integration.ita.conftest import Office

THAI = (
    "รหัส,ชื่อรายการ,หมวด,ตัวชี้วัดย่อย,ตัวชี้วัด,บทบาท\n"
    "O1,โครงสร้าง หน้าที่และอำนาจ,ข้อมูลพื้นฐาน,9.1 ข้อมูลพื้นฐาน,9,\n"
    "O2,ข้อมูลผู้บริหาร,ข้อมูลพื้นฐาน,9.1,9,\n"
    "O3,ข้อมูลสถิติเรื่องร้องเรียนการทุจริตฯ,,10.1 การป้องกัน,10,complaint-stats\n"
    "O4,รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน,,,10,measures-report\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "table.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_new_year_comes_from_a_cp874_table_with_thai_headers(
    office: Office, tmp_path: Path
) -> None:
    services = office.services
    services.ita.catalogue_import.import_file(
        office.coordinator, write(tmp_path, THAI, "cp874"), 2571
    )
    rows = services.ita.years.rows(2571)
    assert rows[0] == ("O1", "โครงสร้าง หน้าที่และอำนาจ", "ข้อมูลพื้นฐาน", "9.1", "9", "")
    assert rows[3][0::5] == ("O4", "measures-report") and rows[3][4] == "10"
    catalogue = services.ita.catalogue.catalogue(2571)
    assert [s.name for s in catalogue.sub_indicators] == ["ข้อมูลพื้นฐาน", "การป้องกัน"]
    assert not catalogue.provenance.confirmed and "table.csv" in catalogue.provenance.source
    assert len(catalogue.indicators) == 10  # from the latest list


@pytest.mark.parametrize(("text", "column"), [
    ("code,name\nO1,ก\nX9,ข\n", "code"),
    ("code,name,sub_indicator\nO1,ก,9-1\n", "sub_indicator"),
    ("code,name,role\nO1,ก,boss\n", "role"),
    ("code,name,sub_indicator,indicator\nO1,ก,9.1,10\n", "indicator"),
])  # fmt: skip
def test_a_bad_row_refuses_the_whole_file(
    office: Office, tmp_path: Path, text: str, column: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        office.services.ita.catalogue_import.import_file(
            office.coordinator, write(tmp_path, text), 2571)  # fmt: skip
    assert refused.value.params["column"] == column
    assert office.services.ita.catalogue.catalogue(2571).items == ()


def test_reimport_with_measures_maps_by_role_then_name_after_approval(
    office: Office, tmp_path: Path
) -> None:
    services, coordinator = office.services, office.coordinator
    services.ita.years.start_year(coordinator, 2569)
    services.ita.plan.create(
        coordinator, 2569, MeasureDraft(10, "ประเด็น", oit_items=("O26", "O18"))
    )
    services.ita.oit.save(coordinator, 2569, "O26", urls=["https://nongbon.go.th/o26"],
                          status=OitStatus.PUBLISHED)  # fmt: skip
    table = write(tmp_path, THAI)
    preview = services.ita.catalogue_import.preview(table, 2569)
    moves = {m.old_code: (m.new_code, m.how) for m in preview.mapping}
    assert moves["O26"] == ("O4", "role") and moves["O18"] == ("O3", "role")
    assert moves["O1"] == ("O1", "name") and moves["O2"] == ("", "")
    with pytest.raises(ValidationError):
        services.ita.catalogue_import.import_file(coordinator, table, 2569)
    assert len(services.ita.catalogue.catalogue(2569).items) == 26  # nothing changed
    services.ita.catalogue_import.import_file(coordinator, table, 2569, approve=True)
    assert services.ita.oit.entry(2569, "O4").urls == ("https://nongbon.go.th/o26",)
    measure = services.ita.plan.measures(2569)[0]
    assert measure.oit_items == ("O4", "O3")
    assert services.ita.years.role_item(2569, ItemRole.MEASURES_REPORT).code == "O4"  # type: ignore[union-attr]
