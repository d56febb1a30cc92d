from dataclasses import replace

import pytest

from nongbon_ita.domain.errors import StaleEditError, ValidationError
from nongbon_ita.domain.office import Official, SignatureRole
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services


def test_profile_is_stored_without_district_and_province_words(
    services: Services, admin: CurrentUser
) -> None:
    profile = services.office.profile()
    saved = services.office.update_profile(
        admin,
        replace(profile, district="อำเภอโกสุมพิสัย", province="จังหวัดมหาสารคาม", phone="043-000000"),
    )
    assert (saved.district, saved.province, saved.phone) == ("โกสุมพิสัย", "มหาสารคาม", "043-000000")
    assert saved.district_line == "อำเภอโกสุมพิสัย จังหวัดมหาสารคาม"


def test_a_stale_profile_edit_is_refused_not_lost(services: Services, admin: CurrentUser) -> None:
    first_read = services.office.profile()
    services.office.update_profile(admin, replace(first_read, phone="111"))
    with pytest.raises(StaleEditError):
        services.office.update_profile(admin, replace(first_read, phone="222"))
    assert services.office.profile().phone == "111"


def test_empty_required_field_is_refused(services: Services, admin: CurrentUser) -> None:
    with pytest.raises(ValidationError) as error:
        services.office.update_profile(admin, replace(services.office.profile(), name="  "))
    assert error.value.field == "name"


def test_officials_and_signers(services: Services, admin: CurrentUser) -> None:
    mayor = services.office.save_official(
        admin,
        Official(0, "นายบุญมี ศรีหนองบอน", "นายกองค์การบริหารส่วนตำบลหนองบอน", SignatureRole.EXECUTIVE),
    )
    assert services.office.signer(SignatureRole.EXECUTIVE) == mayor
    moved = services.office.save_official(admin, replace(mayor, position="นายก อบต."))
    with pytest.raises(StaleEditError):
        services.office.save_official(admin, replace(mayor, position="อื่น"))
    assert services.office.signer(SignatureRole.EXECUTIVE) == moved
    with pytest.raises(ValidationError):
        services.office.save_official(admin, Official(0, "", "ตำแหน่ง"))
