"""Who may change the asset register: the supply officer. Everyone may read and search it."""

from __future__ import annotations

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.permissions import Permission
from nongbon_ita.domain.roles import Role

MANAGE_ASSETS = Permission(
    "assets.manage", N_("manage the asset register"), frozenset({Role.SUPPLY_OFFICER})
)
