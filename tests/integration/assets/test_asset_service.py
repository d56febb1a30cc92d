"""The register's service on an in-memory database: writes, permissions, search, loans' helpers."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from nongbon_ita.domain.assets.records import (
    AssetCategory,
    AssetDraft,
    AssetFilters,
    AssetSort,
    AssetStatus,
)
from nongbon_ita.domain.errors import (
    NotFoundError,
    PermissionDenied,
    StaleEditError,
    ValidationError,
)
from nongbon_ita.domain.roles import Role


@pytest.fixture
def officer(user_with):
    return user_with(Role.SUPPLY_OFFICER)


@pytest.fixture
def pump(services, officer):
    category = services.assets.categories.save(officer, AssetCategory(0, "ครุภัณฑ์การเกษตร", 15))
    return services.assets.create(officer, AssetDraft(
        "420-60-0001", "เครื่องสูบน้ำ แบบหอยโข่ง", category.id, brand_model="Kubota RT140",
        serial="WP12345", value=Decimal("15000.00")))  # fmt: skip


def audit_actions(services):
    with services.ctx.reading() as session:
        return [r[0] for r in session.execute(text("SELECT action FROM audit_event ORDER BY seq"))]


def test_create_reads_back_with_names_and_is_audited(services, pump):
    assert pump.category_name == "ครุภัณฑ์การเกษตร" and pump.status is AssetStatus.AVAILABLE
    assert services.assets.by_number("420-60-0001") == pump
    assert services.assets.get(pump.id).value == Decimal("15000.00")
    assert audit_actions(services)[-2:] == ["asset_category.created", "asset.created"]


def test_only_the_supply_officer_changes_the_register(services, user_with, pump):
    staff = user_with(Role.STAFF)
    with pytest.raises(PermissionDenied):
        services.assets.create(staff, AssetDraft("1", "โต๊ะ"))
    with pytest.raises(PermissionDenied):
        services.assets.retire(staff, pump.id, AssetStatus.LOST, pump.version)
    assert services.assets.search() == [pump]  # but everyone may read


def test_a_duplicate_number_is_refused(services, officer, pump):
    with pytest.raises(ValidationError) as refused:
        services.assets.create(officer, AssetDraft("420-60-0001", "อีกเครื่อง"))
    assert refused.value.field == "asset_number"
    assert services.assets.count() == 1


def test_a_stale_edit_is_refused_and_changes_nothing(services, officer, pump):
    saved = services.assets.update(officer, pump.id, replace(pump.draft(), location="กองช่าง"),
                                   pump.version)  # fmt: skip
    assert saved.version == pump.version + 1 and saved.location == "กองช่าง"
    with pytest.raises(StaleEditError):
        services.assets.update(officer, pump.id, replace(pump.draft(), name="อื่น"), pump.version)
    assert services.assets.get(pump.id).name == pump.name


def test_retire_keeps_the_asset_and_edits_cannot_retire(services, officer, pump):
    with pytest.raises(ValidationError):
        services.assets.update(officer, pump.id,
                               replace(pump.draft(), status=AssetStatus.DISPOSED), pump.version)  # fmt: skip
    retired = services.assets.retire(officer, pump.id, AssetStatus.LOST, pump.version, "หาย")
    assert retired.status is AssetStatus.LOST
    assert services.assets.count(filters=AssetFilters(status=AssetStatus.LOST)) == 1
    with pytest.raises(ValidationError):
        services.assets.retire(officer, pump.id, AssetStatus.DISPOSED, retired.version)


def test_search_by_thai_substring_number_serial_and_brand(services, officer, pump):
    services.assets.create(officer, AssetDraft("401-55-0001", "เต็นท์ผ้าใบ ขนาด 4 x 8 เมตร"))
    for needle in ("สูบน้ำ", "หอยโข่ง", "60-00", "wp123", "kubota", "น้ำ", "RT"):
        assert [a.asset_number for a in services.assets.search(needle)] == ["420-60-0001"], needle
    assert services.assets.count("เต็นท์") == 1
    assert services.assets.search("100%") == []  # LIKE wildcards are literal


def test_the_search_index_follows_edits(services, officer, pump):
    services.assets.update(officer, pump.id, replace(pump.draft(), name="ปั๊มน้ำ"), pump.version)
    assert services.assets.search("สูบน้ำ") == []
    assert services.assets.count("ปั๊มน้ำ") == 1


def test_filters_sorting_and_paging(services, officer, pump):
    services.assets.create(officer, AssetDraft("401-55-0001", "โต๊ะพับ", lendable=False,
                                               value=Decimal("2500"))),  # fmt: skip
    services.assets.create(officer, AssetDraft("401-55-0002", "กระดาษ A4", consumable=True,
                                               stock_quantity=50))  # fmt: skip
    assert [a.asset_number for a in services.assets.search(limit=2)] == [
        "401-55-0001", "401-55-0002"]  # fmt: skip
    assert [a.asset_number for a in services.assets.search(limit=2, offset=2)] == ["420-60-0001"]
    by_value = services.assets.search(sort=AssetSort.VALUE, descending=True)
    assert by_value[0].asset_number == "420-60-0001"
    assert services.assets.count(filters=AssetFilters(lendable=False)) == 1
    assert services.assets.count(filters=AssetFilters(consumable=True)) == 1
    assert services.assets.count(filters=AssetFilters(category_id=pump.category_id)) == 1


def test_set_status_and_adjust_stock_work_inside_a_callers_transaction(services, officer, pump):
    paper = services.assets.create(officer, AssetDraft("ว-67-0001", "กระดาษ A4", unit="รีม",
                                                       consumable=True, stock_quantity=10))  # fmt: skip
    with services.ctx.transaction() as session:
        assert (
            services.assets.set_status(session, pump.id, AssetStatus.ON_LOAN)
            is AssetStatus.AVAILABLE
        )
        assert services.assets.adjust_stock(session, paper.id, -4) == 6
        assert services.assets.asset_in(session, pump.id).status is AssetStatus.ON_LOAN
    assert services.assets.get(pump.id).status is AssetStatus.ON_LOAN
    with pytest.raises(ValidationError) as refused, services.ctx.transaction() as session:
        services.assets.adjust_stock(session, paper.id, -7)
    assert refused.value.params["count"] == 6
    with pytest.raises(ValidationError), services.ctx.transaction() as session:
        services.assets.adjust_stock(session, pump.id, 1)  # not a consumable
    with pytest.raises(NotFoundError), services.ctx.transaction() as session:
        services.assets.set_status(session, 999, AssetStatus.AVAILABLE)


def test_categories_are_unique_and_deleted_only_when_unused(services, officer, pump):
    with pytest.raises(ValidationError):
        services.assets.categories.save(officer, AssetCategory(0, "ครุภัณฑ์การเกษตร"))
    with pytest.raises(ValidationError):
        services.assets.categories.delete(officer, pump.category_id)
    spare = services.assets.categories.save(officer, AssetCategory(0, "อื่น ๆ", 3))
    renamed = services.assets.categories.save(
        officer, replace(spare, name="อื่นๆ", max_loan_days=None)
    )
    assert renamed.max_loan_days is None and renamed.version == spare.version + 1
    services.assets.categories.delete(officer, spare.id)
    assert [c.name for c in services.assets.categories.list()] == ["ครุภัณฑ์การเกษตร"]


def test_the_number_pattern_setting(services, officer):
    services.assets.set_number_pattern(officer, r"\d{3}-\d{2}-\d{4}")
    with pytest.raises(ValidationError):
        services.assets.create(officer, AssetDraft("ABC", "โต๊ะ"))
    assert services.assets.create(officer, AssetDraft("401-67-0001", "โต๊ะ")).id
