"""Importing measures files (JSON, CSV in three encodings, XLSX) into the database."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from nongbon_ita.demo.data_report_2566 import MEASURES as DEMO_MEASURES
from nongbon_ita.demo.measures import add_demo_measures
from nongbon_ita.domain.errors import NotFoundError, PermissionDenied, ValidationError
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import recent_events
from nongbon_ita.services.ita.measure_files import read_measures_file
from nongbon_ita.services.ita.measures import MeasureService
from nongbon_ita.services.registry import Services

SEED = Path(__file__).parents[2] / "fixtures" / "o43-report-2566-nongbon.json"
CELLS = ("form", "indicator", "sub_indicator", "issue", "result")
THAI = ("แบบ", "ตัวชี้วัด", "ตัวชี้วัดย่อย", "ประเด็นที่ต้องปรับปรุง", "ผลการดำเนินการ")


def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


def seed_table(headers: tuple[str, ...] = CELLS) -> list[list[str]]:
    return [list(headers)] + [[row[c] for c in CELLS] for row in seed()["rows"]]


def csv_bytes(table: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(table)
    return buffer.getvalue().encode(encoding)


def write_xlsx(path: Path, table: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for values in table:
        sheet.append(values)
    workbook.create_sheet("ignored").append(["form"])
    workbook.save(path)
    return path


@pytest.fixture
def measures(services: Services) -> MeasureService:
    return MeasureService(services.ctx)


@pytest.fixture
def coordinator(user_with: Callable[..., CurrentUser]) -> CurrentUser:
    return user_with(Role.ITA_COORDINATOR)


def assert_equals_seed(service: MeasureService, year: int) -> None:
    data = seed()
    report = service.measures_report(year)
    assert report.fiscal_year == year
    assert report.intro == data["intro"]
    cells = [
        {"form": m.form.value, "indicator": m.indicator, "sub_indicator": m.sub_indicator,
         "issue": m.issue, "result": m.result}
        for m in report.rows
    ]  # fmt: skip
    assert cells == data["rows"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_a_csv_file_in_each_encoding_reads_every_cell(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "measures.csv"
    path.write_bytes(csv_bytes(seed_table(THAI), encoding))

    imported = read_measures_file(path)

    expected = seed()["rows"]
    assert [m.indicator for m in imported.rows] == [r["indicator"] for r in expected]
    assert [m.result for m in imported.rows] == [r["result"] for r in expected]
    assert imported.intro is None


def test_a_cp874_file_is_not_utf8(tmp_path: Path) -> None:
    data = csv_bytes(seed_table(THAI), "cp874")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_an_xlsx_file_reads_its_first_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "measures.xlsx", seed_table())

    imported = read_measures_file(path)

    assert [(m.form, m.indicator_number) for m in imported.rows][:2] == [
        (AssessmentForm.IIT, 4),
        (AssessmentForm.EIT, 6),
    ]
    assert [m.issue for m in imported.rows] == [r["issue"] for r in seed()["rows"]]


def test_an_xlsx_number_cell_is_read_as_an_indicator_number(tmp_path: Path) -> None:
    path = tmp_path / "numbers.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(list(CELLS))
    workbook.active.append(["OIT", 10, None, "ประเด็น", None])
    workbook.save(path)

    (measure,) = read_measures_file(path).rows

    assert (measure.indicator_number, measure.indicator, measure.result) == (10, "10", "")


def test_an_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "measures.xls"
    path.write_bytes(b"whatever")
    with pytest.raises(ValidationError, match=r"measures\.xls"):
        read_measures_file(path)


def test_a_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        read_measures_file(tmp_path / "missing.csv")


def test_a_damaged_xlsx_or_json_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError):
        read_measures_file(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError):
        read_measures_file(tmp_path / "bad.json")


def test_importing_the_seed_json_gives_an_measures_report_equal_to_its_cells(
    measures: MeasureService, coordinator: CurrentUser
) -> None:
    assert measures.import_file(coordinator, SEED, 2566) == 8

    assert_equals_seed(measures, 2566)
    assert measures.fiscal_years() == [2566]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_importing_a_table_keeps_rows_in_order(
    measures: MeasureService, coordinator: CurrentUser, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"measures{suffix}"
    if suffix == ".csv":
        path.write_bytes(csv_bytes(seed_table(THAI), "cp874"))
    else:
        write_xlsx(path, seed_table())
    measures.set_intro(coordinator, 2566, seed()["intro"])

    assert measures.import_file(coordinator, path, 2566) == 8

    assert_equals_seed(measures, 2566)


def test_importing_again_adds_after_the_existing_rows(
    measures: MeasureService, coordinator: CurrentUser, tmp_path: Path
) -> None:
    measures.import_file(coordinator, SEED, 2566)
    extra = tmp_path / "extra.csv"
    extra.write_bytes(csv_bytes([list(CELLS), ["IIT", "4", "", "ประเด็นใหม่", ""]], "utf-8"))

    assert measures.import_file(coordinator, extra, 2566) == 1

    rows = measures.measures_report(2566).rows
    assert len(rows) == 9
    assert rows[-1].issue == "ประเด็นใหม่"
    assert rows[-1].indicator == "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"
    assert rows[0].issue == seed()["rows"][0]["issue"]


def test_replace_puts_the_file_in_place_of_the_years_measures(
    measures: MeasureService, coordinator: CurrentUser, tmp_path: Path
) -> None:
    measures.import_file(coordinator, SEED, 2566)
    other = tmp_path / "other.csv"
    other.write_bytes(csv_bytes([list(CELLS), ["EIT", "7", "", "สื่อสาร", "ทำแล้ว"]], "utf-8"))

    assert measures.import_file(coordinator, other, 2566, replace=True) == 1

    (only,) = measures.measures_report(2566).rows
    assert (only.form, only.indicator_number, only.issue) == (AssessmentForm.EIT, 7, "สื่อสาร")
    assert only.indicator == "ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"
    assert measures.measures_report(2566).intro == seed()["intro"]  # a file without intro keeps it


def test_staff_may_not_import(
    measures: MeasureService, user_with: Callable[..., CurrentUser]
) -> None:
    with pytest.raises(PermissionDenied):
        measures.import_file(user_with(Role.STAFF), SEED, 2566)
    assert measures.fiscal_years() == []


def test_staff_may_not_change_the_intro(
    measures: MeasureService, user_with: Callable[..., CurrentUser]
) -> None:
    with pytest.raises(PermissionDenied):
        measures.set_intro(user_with(Role.STAFF), 2566, "คำนำ")


def test_one_audit_event_with_counts_not_content(
    services: Services, measures: MeasureService, coordinator: CurrentUser
) -> None:
    measures.import_file(coordinator, SEED, 2566)

    with services.ctx.reading() as session:
        event = recent_events(session, limit=1)[0]
        imports = [e for e in recent_events(session) if e.action == "measures.imported"]
    assert len(imports) == 1
    assert (event.action, event.actor, event.entity_id) == (
        "measures.imported",
        coordinator.username,
        "2566",
    )
    payload = json.loads(event.payload)["after"]
    assert payload["rows"] == 8
    assert payload["indicators_created"] == 0  # the year started from the shipped catalogue
    assert payload["file"] == SEED.name
    assert seed()["rows"][0]["issue"] not in event.payload


def test_a_bad_file_writes_nothing(
    services: Services, measures: MeasureService, coordinator: CurrentUser, tmp_path: Path
) -> None:
    data = seed()
    data["rows"][7]["form"] = "XYZ"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with services.ctx.reading() as session:
        events_before = len(recent_events(session))

    with pytest.raises(ValidationError, match="Row 8, column form"):
        measures.import_file(coordinator, bad, 2566)

    assert measures.fiscal_years() == []
    assert measures.measures_report(2566).rows == ()
    with services.ctx.reading() as session:
        assert len(recent_events(session)) == events_before


def test_a_form_that_contradicts_the_years_catalogue_is_refused_whole(
    measures: MeasureService, coordinator: CurrentUser, tmp_path: Path
) -> None:
    measures.import_file(coordinator, SEED, 2566)
    wrong = tmp_path / "wrong.csv"
    rows = [list(CELLS), ["EIT", "6", "", "ก", ""], ["IIT", "9", "", "ข", ""]]
    wrong.write_bytes(csv_bytes(rows, "utf-8"))

    with pytest.raises(ValidationError, match="Row 2"):
        measures.import_file(coordinator, wrong, 2566)

    assert len(measures.measures_report(2566).rows) == 8


@pytest.mark.parametrize("year", [2023, 3000])
def test_an_implausible_year_is_refused(
    measures: MeasureService, coordinator: CurrentUser, year: int
) -> None:
    with pytest.raises(ValidationError, match="Buddhist Era"):
        measures.import_file(coordinator, SEED, year)


def test_set_intro_replaces_and_empty_means_default(
    services: Services, measures: MeasureService, coordinator: CurrentUser
) -> None:
    measures.import_file(coordinator, SEED, 2566)

    measures.set_intro(coordinator, 2566, "  คำนำใหม่ ")
    assert measures.measures_report(2566).intro == "คำนำใหม่"
    measures.set_intro(coordinator, 2566, "")
    assert measures.measures_report(2566).intro == ""
    with services.ctx.reading() as session:
        assert recent_events(session, limit=1)[0].action == "measures.intro_changed"


def test_the_demo_year_has_the_seed_measures_with_slips_fixed(
    services: Services, measures: MeasureService
) -> None:
    add_demo_measures(services.ctx, "admin")
    add_demo_measures(services.ctx, "admin")  # a second run adds nothing

    report = measures.measures_report(2566)
    assert report.rows == DEMO_MEASURES
    assert report.intro == seed()["intro"]
    text = json.dumps([m.__dict__ for m in report.rows], ensure_ascii=False)
    for slip in ("No Fift Policy", "อบรม.", "การคลุมนยืม"):
        assert slip not in text
    assert "No Gift Policy" in text and "การควบคุมการยืม" in text
    seed_rows = seed()["rows"]
    assert [m.issue for m in report.rows][:2] == [r["issue"] for r in seed_rows][:2]
    assert report.rows[7].result == seed_rows[7]["result"]  # untouched rows stay verbatim


def test_the_demo_year_has_all_ten_indicators(services: Services) -> None:
    from sqlalchemy import select

    from nongbon_ita.db.models_ita import IndicatorRow

    add_demo_measures(services.ctx, "admin")

    with services.ctx.reading() as session:
        rows = session.scalars(select(IndicatorRow).order_by(IndicatorRow.number)).all()
        found = [(r.form, r.number, r.name) for r in rows]
    assert [n for _f, n, _name in found] == list(range(1, 11))
    assert found[7] == ("EIT", 8, "การปรับปรุงระบบการทำงาน")
    assert {f for f, n, _name in found if n <= 5} == {"IIT"}
