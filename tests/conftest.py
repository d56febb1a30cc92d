"""Shared fixtures: an initialised office on an in-memory database, users per role."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before anything imports Qt or writes caches: offscreen Qt, cheap hashes, private folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NONGBON_ITA_CHEAP_HASHING"] = "1"
_PRIVATE = Path(
    os.environ.setdefault("NONGBON_ITA_TEST_HOME", f"/tmp/nongbon-ita-tests-{os.getpid()}")
)
os.environ.setdefault("XDG_CACHE_HOME", str(_PRIVATE / "cache"))
os.environ.setdefault("XDG_DATA_HOME", str(_PRIVATE / "data"))
os.environ.setdefault("XDG_CONFIG_HOME", str(_PRIVATE / "config"))
os.environ.setdefault("XDG_STATE_HOME", str(_PRIVATE / "state"))

from nongbon_ita.db.engine import open_database  # noqa: E402
from nongbon_ita.db.location import DatabaseLocation  # noqa: E402
from nongbon_ita.domain.office import OfficeProfile  # noqa: E402
from nongbon_ita.domain.roles import Role  # noqa: E402
from nongbon_ita.domain.users import CurrentUser  # noqa: E402
from nongbon_ita.services.context import HashingCost, ServiceContext  # noqa: E402
from nongbon_ita.services.registry import Services  # noqa: E402
from tests.backends import PgTestDatabase, backends, pg_session_database  # noqa: E402

PASSWORD = "nongbon-demo"
OFFICE = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")


class Clock:
    """A clock tests can move."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2024, 1, 15, 9, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def pg_database() -> Iterator[PgTestDatabase]:
    """This test session's database on the PostgreSQL test server (made when first asked for)."""
    yield from pg_session_database()


@pytest.fixture(params=backends())
def db_location(request: pytest.FixtureRequest) -> DatabaseLocation:
    """A fresh, empty database on each backend: in-memory SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        return DatabaseLocation.in_memory()
    pg: PgTestDatabase = request.getfixturevalue("pg_database")
    pg.empty()
    # a fresh database has no kept files either: its own folder (the office's shared folder)
    monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
    tmp_path: Path = request.getfixturevalue("tmp_path")
    monkeypatch.setenv("NONGBON_ITA_FILES", str(tmp_path / "server-files"))
    return pg.location


@pytest.fixture
def services(clock: Clock, db_location: DatabaseLocation) -> Iterator[Services]:
    """An office with one admin (`admin` / PASSWORD) on a fresh database of each backend."""
    database = open_database(db_location)
    built = Services.over(ServiceContext(database, clock=clock, hashing=HashingCost.cheap()))
    built.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", PASSWORD)
    yield built
    database.dispose()


@pytest.fixture
def admin(services: Services) -> CurrentUser:
    return services.auth.login("admin", PASSWORD)


@pytest.fixture
def user_with(services: Services, admin: CurrentUser) -> Callable[..., CurrentUser]:
    """Create (once) and log in a user holding exactly the given roles."""

    def make(*roles: Role) -> CurrentUser:
        name = "u_" + "_".join(sorted(r.value for r in roles)).replace("_", "")[:28]
        existing = {u.username for u in services.users.list_users(admin)}
        if name not in existing:
            services.users.create_user(admin, name, "ผู้ใช้ทดสอบ", frozenset(roles), PASSWORD)
        return services.auth.login(name, PASSWORD)

    return make
