"""Asset register timings on 100,000 assets against issue 4's targets (a script, not a test).

    /work/venv/bin/python benchmarks/bench_assets.py [--assets N]

Builds a migrated SQLite file (FTS5 trigram index and triggers included), bulk-inserts the assets
with SQLAlchemy Core (the triggers fill the search index), then times through the service:
the list's first screen (100 rows sorted; target ≤ 200 ms) and Thai substring, asset-number and
serial searches (first screen and count; target ≤ 100 ms). Median of 7 runs after one warm-up.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import AssetCategoryRow, AssetRow
from nongbon_ita.demo.assets import CATEGORIES, KINDS
from nongbon_ita.domain.assets.records import AssetFilters, AssetSort, AssetStatus
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services

LIST_TARGET, SEARCH_TARGET = 0.200, 0.100


def fill(services: Services, count: int) -> None:
    rng = random.Random(1)
    statuses = [s.value for s in AssetStatus]
    with services.ctx.database.engine.begin() as connection:
        ids = {}
        for name in CATEGORIES:
            ids[name] = connection.execute(
                insert(AssetCategoryRow).values(
                    name=name,
                    version=1,
                    created_at=services.ctx.now(),
                    updated_at=services.ctx.now(),
                )
            ).inserted_primary_key[0]
        batch: list[dict[str, object]] = []
        for n in range(count):
            kind = KINDS[n % len(KINDS)]
            batch.append(dict(
                asset_number=f"{n % 900 + 100}-{55 + n % 13}-{n:06d}", name=kind.name,
                category_id=ids[kind.category], brand_model=rng.choice(kind.brands),
                serial="".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(11)),
                unit=kind.unit, value=rng.randint(100, 50000), budget_source="", location=kind.location,
                status=rng.choice(statuses), lendable=kind.lendable, consumable=False, version=1,
                created_at=services.ctx.now(), updated_at=services.ctx.now(),
            ))  # fmt: skip
            if len(batch) == 5000:
                connection.execute(insert(AssetRow), batch)
                batch.clear()
        if batch:
            connection.execute(insert(AssetRow), batch)
        connection.exec_driver_sql("ANALYZE")


def timed(call: object, runs: int = 7) -> float:
    assert callable(call)
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(label: str, seconds: float, target: float) -> bool:
    ok = seconds <= target
    print(f"  {label:<48} {seconds * 1000:7.1f} ms  (target ≤ {target * 1000:.0f} ms) "
          f"{'ok' if ok else 'SLOW'}")  # fmt: skip
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assets", type=int, default=100_000)
    count = parser.parse_args().assets
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(DatabaseLocation.for_file(Path(folder) / "bench.sqlite3"))
        services = Services.over(ServiceContext(database, hashing=HashingCost.cheap()))
        start = time.perf_counter()
        fill(services, count)
        print(f"  bulk insert of {count:,} assets (with the FTS triggers): "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        assets = services.assets
        serial = assets.search(limit=1, offset=count // 2)[0].serial[3:8]
        ok = True
        ok &= report("list: first 100 by asset number",
                     timed(lambda: assets.search(limit=100)), LIST_TARGET)  # fmt: skip
        ok &= report("list: first 100 by name, descending", timed(
            lambda: assets.search(limit=100, sort=AssetSort.NAME, descending=True)), LIST_TARGET)  # fmt: skip
        ok &= report("list: lendable + available, first 100", timed(lambda: assets.search(
            limit=100, filters=AssetFilters(lendable=True, status=AssetStatus.AVAILABLE))),
            LIST_TARGET)  # fmt: skip
        ok &= report("list: count of all", timed(lambda: assets.count()), LIST_TARGET)
        for needle in ("เครื่อง", "สูบน้ำ", "เต็นท์", "-61-0123", serial, "ซุปเปอร์แวร์", "ตู้", "AC"):
            found = assets.count(needle)
            ok &= report(f"search “{needle}” first 100 ({found:,} found)",
                         timed(lambda n=needle: assets.search(n, limit=100)), SEARCH_TARGET)  # fmt: skip
            ok &= report(f"search “{needle}” count",
                         timed(lambda n=needle: assets.count(n)), SEARCH_TARGET)  # fmt: skip
        database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
