"""Pure rules of the register: drafts, the number pattern, status changes, the label grid."""

from decimal import Decimal

import pytest

from nongbon_ita.domain.assets.labels import LabelGrid
from nongbon_ita.domain.assets.records import AssetDraft, AssetStatus
from nongbon_ita.domain.assets.rules import (
    check_number_pattern,
    check_status_change,
    normalise_draft,
)
from nongbon_ita.domain.errors import ValidationError


def test_a_draft_is_trimmed_and_a_durable_item_keeps_no_stock() -> None:
    draft = normalise_draft(AssetDraft(" 416-59-0001 ", " เครื่อง  สูบน้ำ ", stock_quantity=5))
    assert draft.asset_number == "416-59-0001"
    assert draft.name == "เครื่อง สูบน้ำ"
    assert draft.stock_quantity is None


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (AssetDraft("", "โต๊ะ"), "asset_number"),
        (AssetDraft("1", "  "), "name"),
        (AssetDraft("1", "โต๊ะ", value=Decimal("-1")), "value"),
        (AssetDraft("1", "กระดาษ", consumable=True), "stock_quantity"),
    ],
)
def test_bad_drafts_name_their_field(draft: AssetDraft, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normalise_draft(draft)
    assert refused.value.field == field


def test_the_number_pattern_is_optional_and_checked_whole() -> None:
    pattern = check_number_pattern(r"\d{3}-\d{2}-\d{4}")
    assert normalise_draft(AssetDraft("416-59-0001", "x"), pattern).asset_number == "416-59-0001"
    with pytest.raises(ValidationError) as refused:
        normalise_draft(AssetDraft("416-59-0001x", "x"), pattern)
    assert "pattern" in refused.value.message_id
    assert normalise_draft(AssetDraft("anything at all", "x"), "").asset_number
    with pytest.raises(ValidationError):
        check_number_pattern("([")


@pytest.mark.parametrize(
    ("current", "wanted", "allowed"),
    [
        (AssetStatus.AVAILABLE, AssetStatus.IN_REPAIR, True),
        (AssetStatus.IN_REPAIR, AssetStatus.AVAILABLE, True),
        (AssetStatus.ON_LOAN, AssetStatus.AVAILABLE, False),
        (AssetStatus.AVAILABLE, AssetStatus.ON_LOAN, False),
        (AssetStatus.AVAILABLE, AssetStatus.DISPOSED, False),
        (AssetStatus.LOST, AssetStatus.AVAILABLE, False),
    ],
)
def test_edits_move_only_between_available_and_in_repair(
    current: AssetStatus, wanted: AssetStatus, allowed: bool
) -> None:
    if allowed:
        check_status_change(current, wanted)
    else:
        with pytest.raises(ValidationError):
            check_status_change(current, wanted)


def test_label_grid_defaults_parse_and_must_fit_a4() -> None:
    assert LabelGrid() == LabelGrid.parse("3x8", "70x37")
    assert LabelGrid().per_page == 24
    assert LabelGrid.parse("2x5").columns == 2
    with pytest.raises(ValidationError):
        LabelGrid.parse("4x8", "70x37")  # 280 mm wide
    with pytest.raises(ValidationError):
        LabelGrid.parse("three by eight")
