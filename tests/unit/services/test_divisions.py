"""Divisions: rename (stale edits refused) and remove (refused while anything refers to it)."""

import json

import pytest
from sqlalchemy import select

from nongbon_ita.db.models import AssetRow, AuditEventRow
from nongbon_ita.domain.errors import NotFoundError, StaleEditError, ValidationError
from nongbon_ita.domain.office import Official
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services


def _events(services: Services, action: str) -> list[AuditEventRow]:
    with services.ctx.reading() as session:
        query = select(AuditEventRow).where(AuditEventRow.action == action)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def test_rename_keeps_the_id_and_is_audited(services: Services, admin: CurrentUser) -> None:
    division = services.office.add_division(admin, "กองคลัง")
    official = services.office.save_official(
        admin, Official(0, "นางสาวมาลี", "ผู้อำนวยการกองคลัง", division_id=division.id)
    )
    renamed = services.office.rename_division(admin, division.id, "  กองการคลัง ", division.version)
    assert (renamed.id, renamed.name) == (division.id, "กองการคลัง")
    assert renamed.version > division.version
    assert services.office.divisions() == [renamed]
    assert services.office.officials()[0].division_id == official.division_id == division.id
    [event] = _events(services, "division.renamed")
    assert event.entity_id == str(division.id)
    payload = json.loads(event.payload)
    assert (payload["before"], payload["after"]) == ({"name": "กองคลัง"}, {"name": "กองการคลัง"})


def test_rename_refuses_stale_empty_and_duplicate_names(
    services: Services, admin: CurrentUser
) -> None:
    finance = services.office.add_division(admin, "กองคลัง")
    services.office.add_division(admin, "กองช่าง")
    services.office.rename_division(admin, finance.id, "กองการคลัง", finance.version)
    with pytest.raises(StaleEditError):
        services.office.rename_division(admin, finance.id, "กองอื่น", finance.version)
    current = next(d for d in services.office.divisions() if d.id == finance.id)
    with pytest.raises(ValidationError) as empty:
        services.office.rename_division(admin, finance.id, "  ", current.version)
    assert empty.value.field == "name"
    with pytest.raises(ValidationError) as taken:
        services.office.rename_division(admin, finance.id, "กองช่าง", current.version)
    assert taken.value.message_id == "This division already exists."
    # renaming to its own name (e.g. only spaces changed) is not a duplicate
    services.office.rename_division(admin, finance.id, "กองการคลัง ", current.version)
    with pytest.raises(NotFoundError):
        services.office.rename_division(admin, 999, "กองใหม่", None)
    assert sorted(d.name for d in services.office.divisions()) == ["กองการคลัง", "กองช่าง"]


def test_unused_division_is_removed_and_audited(services: Services, admin: CurrentUser) -> None:
    division = services.office.add_division(admin, "กองช่าง")
    services.office.delete_division(admin, division.id)
    assert services.office.divisions() == []
    assert len(_events(services, "division.deleted")) == 1
    with pytest.raises(NotFoundError):
        services.office.delete_division(admin, division.id)


def test_division_in_use_is_not_removed(services: Services, admin: CurrentUser) -> None:
    division = services.office.add_division(admin, "สำนักปลัด")
    official = services.office.save_official(
        admin, Official(0, "นายสมชาย", "ปลัด อบต.", division_id=division.id)
    )
    with pytest.raises(ValidationError) as refused:
        services.office.delete_division(admin, division.id)
    assert refused.value.params["name"] == "สำนักปลัด"
    assert refused.value.params["officials"] == 1 and refused.value.params["users"] == 0
    assert refused.value.params["count"] == 1
    # an asset alone also keeps it
    services.office.save_official(admin, Official(official.id, "นายสมชาย", "ปลัด อบต.",
                                                  version=official.version))  # fmt: skip
    with services.ctx.transaction() as session:
        session.add(AssetRow(asset_number="ค.001", name="โต๊ะ", division_id=division.id))
    with pytest.raises(ValidationError) as by_asset:
        services.office.delete_division(admin, division.id)
    assert (by_asset.value.params["assets"], by_asset.value.params["officials"]) == (1, 0)
    assert [d.name for d in services.office.divisions()] == ["สำนักปลัด"]
    assert _events(services, "division.deleted") == []


def test_users_referring_to_a_division_keep_it(services: Services, admin: CurrentUser) -> None:
    division = services.office.add_division(admin, "กองคลัง")
    services.users.update_details(admin, admin.id, "ผู้ดูแลระบบ", "", division.id, "", None)
    with pytest.raises(ValidationError) as refused:
        services.office.delete_division(admin, division.id)
    assert refused.value.params["users"] == 1
