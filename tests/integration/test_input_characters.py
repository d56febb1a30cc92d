"""Control, zero-width and direction-changing characters are refused at input with the field
named (issue 13 findings 7 and 9), whichever way the text comes in: a form's draft, an import,
or any other service (the flush-time gate); dates far outside the B.E. range are refused too."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from nongbon_ita.db.models import AssetRow, OfficeProfileRow
from nongbon_ita.domain.assets.import_mapping import parse_import_date
from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.domain.calendar import parse_be_date
from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.text import check_text, printable
from nongbon_ita.i18n.translate import set_language, translate_message

SNEAKY = {
    "NUL": "\x00",
    "bell": "\x07",
    "escape": "\x1b",
    "C1": "\x85",
    "zero-width space": "\u200b",
    "right-to-left mark": "\u200f",
    "RTL override": "\u202e",
    "RTL isolate": "\u2067",
    "byte-order mark": "\ufeff",
    "lone surrogate": "\ud800",
}


@pytest.fixture
def officer(user_with):
    return user_with(Role.SUPPLY_OFFICER)


@pytest.mark.parametrize("char", SNEAKY.values(), ids=SNEAKY.keys())
def test_every_sneaky_character_is_refused_and_named(char: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_text(f"ABC{char}001", "asset_number", "Asset number")
    assert refused.value.field == "asset_number"
    assert refused.value.params["code"] == f"{ord(char):04X}"
    set_language("th")
    text = translate_message(refused.value.message_id, refused.value.params)
    assert "“หมายเลขทรัพย์สิน”" in text and f"U+{ord(char):04X}" in text
    assert "\ufffd" in printable(f"ABC{char}001")


def test_tab_and_line_breaks_only_in_multi_line_fields() -> None:
    assert check_text("บรรทัด ๑\nบรรทัด ๒\tต่อ\r\n", "details", multiline=True)
    for char in "\t\n\r":
        with pytest.raises(ValidationError):
            check_text(f"416{char}001", "asset_number")


@pytest.mark.parametrize("field", ["asset_number", "name", "serial", "location"])
@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\x00"])
def test_an_asset_with_a_sneaky_character_is_refused_naming_the_field(
    services, officer, field: str, char: str
) -> None:
    draft = AssetDraft(asset_number="416-59-0001", name="เครื่องพิมพ์")
    bad = replace(draft, **{field: f"{getattr(draft, field) or 'x'}{char}ก"})
    with pytest.raises(ValidationError) as refused:
        services.assets.create(officer, bad)
    assert refused.value.field == field
    with services.ctx.reading() as session:
        assert session.scalars(select(AssetRow)).first() is None


def test_an_import_lists_each_bad_cell_by_row_and_column(services, officer, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("หมายเลขครุภัณฑ์,รายการ,วันที่ได้มา\n"
                    "416-59-0001,\u202eเครื่องพิมพ์,\n"
                    "416\u200b-59-0002,จอภาพ,\n"
                    "416-59-0003,โต๊ะ,01/01/2700\n"
                    "416-59-0004,เก้าอี้,2700-01-01\n", encoding="utf-8")  # fmt: skip
    files = services.assets.files
    from nongbon_ita.services.assets.files import read_table

    table = read_table(path)
    preview = files.preview(table, files.suggest_mapping(table.headers))
    assert [(e.row, e.column) for e in preview.errors] == [
        (2, "รายการ"), (3, "หมายเลขครุภัณฑ์"), (4, "วันที่ได้มา"), (5, "วันที่ได้มา")
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        files.import_file(officer, path)
    assert services.assets.count() == 0


def test_any_other_service_is_stopped_at_the_database_with_the_field_named(services, admin) -> None:
    profile = services.office.profile()
    with pytest.raises(ValidationError) as refused:
        services.office.update_profile(admin, replace(profile, name="อบต.\u202eหนองบอน"))
    assert refused.value.field == "name"
    with pytest.raises(ValidationError) as refused:
        services.office.add_division(admin, "กอง\x00คลัง")
    assert refused.value.field == "name"
    with pytest.raises(ValidationError) as refused:
        services.users.create_user(admin, "somchai", "สมชาย\u200bใจดี",
                                   frozenset({Role.STAFF}), "long-enough-1")  # fmt: skip
    assert refused.value.field == "full_name"
    with services.ctx.reading() as session:
        assert session.scalars(select(OfficeProfileRow)).one().name == profile.name
    assert services.office.divisions() == []


@pytest.mark.parametrize("text", ["01/01/2700", "๐๑/๐๑/๒๗๐๐", "31/12/2601", "01/01/2399"])
def test_dates_outside_the_be_range_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_be_date(text)
    with pytest.raises(ValueError):
        parse_import_date(text)


def test_odd_digits_in_dates_are_refused_not_crashed_on() -> None:
    for text in ("¹⁵/01/2567", "15/01/²⁵⁶⁷", "٢٠٢٤-01-15"):
        with pytest.raises(ValueError):
            parse_import_date(text)
    assert parse_be_date("15/01/2600").year == 2057
