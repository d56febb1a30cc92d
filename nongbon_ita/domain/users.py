"""Users as the services hand them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nongbon_ita.domain.roles import Role


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    position: str
    roles: frozenset[Role]
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    division_id: int | None = None
    phone: str = ""
    version: int = 0

    def has(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class CurrentUser:
    """Who is acting: passed to every service call that checks permissions."""

    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    must_change_password: bool = False

    def has(self, role: Role) -> bool:
        return role in self.roles
