"""The pure parser of imported ITA measures: JSON and tabular rows, refusals naming row and column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.ita.measure_import import (
    ImportedMeasures,
    indicator_label,
    parse_json,
    parse_table,
    split_indicator,
    validate_fiscal_year,
)
from nongbon_ita.domain.ita.report import AssessmentForm

SEED = Path(__file__).parents[2] / "fixtures" / "o43-report-2566-nongbon.json"


def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


def table_row(**cells: str) -> dict[str, str | None]:
    row: dict[str, str | None] = {
        "form": "IIT",
        "indicator": "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ",
        "sub_indicator": "",
        "issue": "ประเด็น",
        "result": "ผล",
    }
    row.update(cells)
    return row


def test_the_seed_json_gives_eight_rows_with_their_forms_and_indicator_numbers() -> None:
    imported = parse_json(seed())

    assert [(m.form, m.indicator_number) for m in imported.rows] == [
        (AssessmentForm.IIT, 4),
        (AssessmentForm.EIT, 6),
        (AssessmentForm.EIT, 7),
        (AssessmentForm.EIT, 8),
        (AssessmentForm.OIT, 9),
        (AssessmentForm.OIT, 9),
        (AssessmentForm.OIT, 10),
        (AssessmentForm.OIT, 10),
    ]


def test_the_seed_json_cells_and_intro_are_kept_exactly() -> None:
    data = seed()
    imported = parse_json(data)

    assert imported.intro == data["intro"]
    for measure, cells in zip(imported.rows, data["rows"], strict=True):
        assert measure.indicator == cells["indicator"]
        assert measure.sub_indicator == cells["sub_indicator"]
        assert measure.issue == cells["issue"]
        assert measure.result == cells["result"]


def test_a_json_file_without_intro_gives_none_and_its_title_is_ignored() -> None:
    data = seed()
    del data["intro"]
    data["title"] = ["anything"]

    imported = parse_json(data)

    assert imported.intro is None
    assert len(imported.rows) == 8


def test_english_headers_are_read() -> None:
    imported = parse_table([table_row(form="eit", indicator="ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน")])

    assert imported == ImportedMeasures(intro=None, rows=imported.rows)
    (measure,) = imported.rows
    assert (measure.form, measure.indicator_number) == (AssessmentForm.EIT, 6)
    assert measure.indicator == "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"
    assert (measure.issue, measure.result) == ("ประเด็น", "ผล")


def test_thai_headers_with_bom_and_blanks_are_read() -> None:
    row: dict[str, str | None] = {
        "\ufeffแบบ": "OIT",
        " ตัวชี้วัด ": "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล",
        "ตัวชี้วัดย่อย": "การส่งเสริมความโปร่งใส",
        "ประเด็นที่ต้องปรับปรุง ": "จัดให้มีแนวทาง",
        "ผลการดำเนินการ": "-ดำเนินการแล้ว\r\n-เผยแพร่แล้ว",
    }

    (measure,) = parse_table([row]).rows

    assert measure.form is AssessmentForm.OIT
    assert measure.indicator_number == 9
    assert measure.sub_indicator == "การส่งเสริมความโปร่งใส"
    assert measure.issue == "จัดให้มีแนวทาง"
    assert measure.result == "-ดำเนินการแล้ว\n-เผยแพร่แล้ว"


@pytest.mark.parametrize(
    ("text", "number", "name"),
    [
        ("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", 10, "การป้องกันการทุจริต"),
        ("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", 4, "การใช้ทรัพย์สินของราชการ"),
        ("ตัวชี้วัดที่๔", 4, ""),
        ("4", 4, ""),
        ("๗", 7, ""),
    ],
)
def test_indicator_numbers_in_thai_or_arabic_digits(text: str, number: int, name: str) -> None:
    assert split_indicator(text) == (number, name)
    (measure,) = parse_table([table_row(indicator=text)]).rows
    assert measure.indicator_number == number
    assert measure.indicator == text


def test_indicator_label_writes_thai_digits() -> None:
    assert indicator_label(10, "การป้องกันการทุจริต") == "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"
    assert indicator_label(4, "") == "ตัวชี้วัดที่ ๔"


def test_blank_rows_are_skipped_but_still_counted_in_row_numbers() -> None:
    blank = dict.fromkeys(table_row(), "")
    with pytest.raises(ValidationError) as refused:
        parse_table([table_row(), blank, table_row(form="XIT")])
    assert refused.value.params["row"] == 3

    assert len(parse_table([table_row(), blank]).rows) == 1


@pytest.mark.parametrize(
    ("cells", "row", "column"),
    [
        ({"form": "ABC"}, 2, "form"),
        ({"issue": "  "}, 2, "issue"),
        ({"indicator": "ตัวชี้วัดการใช้ทรัพย์สิน"}, 2, "indicator"),
        ({"indicator": "ตัวชี้วัดที่ ๐"}, 2, "indicator"),
        ({"indicator": "ตัวชี้วัดที่ ๔ " + "ก" * 300}, 2, "indicator"),
    ],
)
def test_a_bad_row_refuses_the_whole_table_naming_row_and_column(
    cells: dict[str, str], row: int, column: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_table([table_row(), table_row(**cells), table_row()])

    error = refused.value
    assert (error.params["row"], error.params["column"], error.field) == (row, column, column)
    assert str(error).startswith(f"Row {row}, column {column}: ")


def test_a_refusal_names_the_column_as_the_file_writes_it() -> None:
    thai = {"แบบ": "IIT", "ตัวชี้วัด": "4", "ประเด็นที่ต้องปรับปรุง": ""}

    with pytest.raises(ValidationError) as refused:
        parse_table([thai])

    assert str(refused.value).startswith("Row 1, column ประเด็นที่ต้องปรับปรุง: ")


def test_a_bad_json_row_refuses_the_file_naming_row_and_key() -> None:
    data = seed()
    data["rows"][4]["form"] = "ITT"

    with pytest.raises(ValidationError) as refused:
        parse_json(data)

    assert (refused.value.params["row"], refused.value.params["column"]) == (5, "form")
    assert "ITT" in str(refused.value)


def test_a_json_row_missing_its_issue_is_refused() -> None:
    data = seed()
    del data["rows"][0]["issue"]

    with pytest.raises(ValidationError) as refused:
        parse_json(data)

    assert str(refused.value) == "Row 1, column issue: enter the issue to improve."


def test_one_indicator_number_under_two_forms_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_table([table_row(), table_row(form="OIT")])

    assert (refused.value.params["row"], refused.value.params["column"]) == (2, "form")


def test_a_missing_required_column_is_named() -> None:
    row = table_row()
    del row["issue"]

    with pytest.raises(ValidationError) as refused:
        parse_table([row])

    assert refused.value.params["column"] == "issue"


def test_the_result_may_be_empty_and_its_column_absent() -> None:
    row = table_row(result="")
    del row["sub_indicator"]

    (measure,) = parse_table([row]).rows

    assert (measure.sub_indicator, measure.result) == ("", "")


@pytest.mark.parametrize("document", [[], {"rows": []}, {"intro": "x"}, "rows"])
def test_an_empty_or_shapeless_file_is_refused(document: object) -> None:
    with pytest.raises(ValidationError):
        parse_json(document)


def test_an_empty_table_is_refused() -> None:
    with pytest.raises(ValidationError, match="no measures"):
        parse_table([])


@pytest.mark.parametrize("year", [2499, 2701, 2023])
def test_a_christian_era_or_implausible_year_is_refused(year: int) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_fiscal_year(year)
    assert refused.value.field == "fiscal_year"


def test_a_buddhist_era_year_is_accepted() -> None:
    assert validate_fiscal_year(2567) == 2567
