"""A small office in a real SQLite file, and a way to run service calls in several processes
at the same moment (a barrier releases them together, so the race is forced, not hoped for)."""

from __future__ import annotations

import multiprocessing
import shutil
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from nongbon_ita.app import open_services
from nongbon_ita.db.location import DatabaseLocation, location_of_text
from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    ItemRequest,
    LoanRequest,
    PurposeType,
    UseScope,
)
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.registry import Services
from tests.backends import PgTestDatabase, backends
from tests.conftest import OFFICE, PASSWORD

USERS = {
    "supply": (Role.SUPPLY_OFFICER, Role.STAFF),
    "supply2": (Role.SUPPLY_OFFICER,),
    "supply3": (Role.SUPPLY_OFFICER,),
    "approver1": (Role.APPROVER,),
    "approver2": (Role.APPROVER,),
    "clerk": (Role.COMPLAINT_OFFICER, Role.STAFF),
    "clerk2": (Role.COMPLAINT_OFFICER, Role.STAFF),
    "clerk3": (Role.COMPLAINT_OFFICER, Role.STAFF),
    "keeper": (Role.ADMIN,),
}
_FORK = multiprocessing.get_context(
    "fork"
)  # children share nothing open: the parent disposes first


def open_file(path: Path | str) -> Services:
    """A workstation's services on the office's database: a file, or a server's URL."""
    return open_services(location_of_text(str(path)), must_exist=True)


def today() -> date:
    from datetime import UTC, datetime

    return office_date(datetime.now(UTC))


def _office_in(location: DatabaseLocation) -> None:
    services = open_services(location)
    services.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    for name, roles in USERS.items():
        services.users.create_user(admin, name, f"นาย {name}", frozenset(roles), PASSWORD)
        # the first login's forced change (kept the same: the CLI reads PASSWORD)
        services.auth.change_own_password(services.auth.login(name, PASSWORD), PASSWORD, PASSWORD)
    services.ctx.database.dispose()


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "office.sqlite3"
    _office_in(DatabaseLocation.for_file(path))
    return path


@pytest.fixture
def office_file(office_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "office.sqlite3"
    shutil.copy2(office_template, copy)
    return copy


@pytest.fixture(params=backends())
def office_db(request: pytest.FixtureRequest) -> Path | str:
    """The office on each backend: a SQLite file, then a database on the PostgreSQL server
    (its URL): the races run against both."""
    if request.param == "sqlite":
        return request.getfixturevalue("office_file")  # type: ignore[no-any-return]
    pg: PgTestDatabase = request.getfixturevalue("pg_database")
    pg.empty()
    _office_in(pg.location)
    return pg.url


def new_asset(services: Services, number: str, consumable: bool = False) -> int:
    supply = services.auth.login("supply", PASSWORD)
    draft = AssetDraft(number, f"เต็นท์ผ้าใบ {number}", unit="หลัง", value=Decimal("12500"),
                       consumable=consumable, stock_quantity=1000 if consumable else 0)  # fmt: skip
    return services.assets.create(supply, draft).id


def request_of(asset_id: int, borrower: str, start: date, days: int = 3) -> LoanRequest:
    return LoanRequest(
        Borrower(BorrowerKind.VILLAGER, borrower, "", "บ้านหนองบอน หมู่ ๑", "081-234-5678"),
        PurposeType.OFFICIAL, "ประชุมประชาคมหมู่บ้าน", "ศาลากลางบ้าน", UseScope.OFF_SITE,
        start, start + timedelta(days=days - 1), (ItemRequest(asset_id, 1),),
    )  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """What one process's call gave: a value, a refusal (message id) or an unexpected error."""

    value: Any = None
    refused: str = ""
    error: str = ""


Job = Callable[[Services], Any]


def _child(path: Path | str, job: Job, barrier: Any, results: Any, index: int) -> None:
    try:
        services = open_file(path)
        prepared = job(services)  # a job returns the call to race (logged in beforehand)
        barrier.wait(timeout=30)
        try:
            results.put((index, Outcome(value=prepared())))
        except DomainError as refusal:
            results.put((index, Outcome(refused=refusal.message_id)))
    except BaseException as error:  # reported to the test, never lost in the child
        results.put((index, Outcome(error=f"{type(error).__name__}: {error}\n"
                                          f"{traceback.format_exc()}")))  # fmt: skip


def race(path: Path | str, jobs: Sequence[Job], timeout: float = 60) -> list[Outcome]:
    """Run each job in its own process; their prepared calls start together."""
    barrier = _FORK.Barrier(len(jobs))
    results = _FORK.Queue()
    children = [_FORK.Process(target=_child, args=(path, job, barrier, results, i))
                for i, job in enumerate(jobs)]  # fmt: skip
    for child in children:
        child.start()
    found = dict(results.get(timeout=timeout) for _ in children)
    for child in children:
        child.join(timeout=timeout)
    return [found[i] for i in range(len(jobs))]
