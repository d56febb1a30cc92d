"""An office with the 2566 catalogue, last year's scores and users for the ITA tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

SCORES = {1: "90", 2: "88", 3: "91", 4: "70.25", 5: "86", 6: "86", 7: "79", 8: "95", 9: "95",
          10: "60"}  # fmt: skip


@dataclass
class Office:
    services: Services
    coordinator: CurrentUser
    staff: CurrentUser
    other: CurrentUser


@pytest.fixture
def office(services: Services, user_with: Callable[..., CurrentUser]) -> Office:
    coordinator = user_with(Role.ITA_COORDINATOR)
    staff = user_with(Role.STAFF)
    other = user_with(Role.STAFF, Role.SUPPLY_OFFICER)
    services.ita.catalogue.install_defaults(coordinator, 2566)
    services.ita.scores.set_scores(coordinator, 2566, "82.50", SCORES)
    return Office(services, coordinator, staff, other)
