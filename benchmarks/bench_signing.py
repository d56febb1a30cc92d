"""Signing and publishing against their targets (a script, not a test).

    .venv/bin/python benchmarks/bench_signing.py

Prints:
- `print o43 --sign` minus `print o43` for the demo's 2566 report (11 pages), whole processes,
  best of 3 (target: signing adds ≤ 0.5 s), and the signature alone in a warm process;
- `export oit-site` in-process for a year of 26 items with 60 kept files (target ≤ 3 s).
Certificates are throwaway ones made here (tests/signing/certs.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLI = [sys.executable, "-m", "nongbon_ita"]


def run(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*CLI, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def best(n: int, *args: str) -> float:
    return min(run(*args) for _ in range(n))


def main() -> int:
    from tests.signing.certs import P12_PASSWORD, make_ca, make_p12

    work = Path(tempfile.mkdtemp(prefix="bench-signing-"))
    os.environ.update(NONGBON_ITA_PASSWORD="nongbon-demo", NONGBON_ITA_SIGN_PASSWORD=P12_PASSWORD)
    db = work / "demo.sqlite3"
    subprocess.run([*CLI, "--db", str(db), "demo"], check=True, capture_output=True)
    ca = make_ca()
    p12 = make_p12(ca, "นายสมศักดิ์ โปร่งใส", work / "coordinator.p12")
    run("--db", str(db), "certificate", "set", "--official", "ita_coordinator", "--cert",
        str(p12), "--user", "admin")  # fmt: skip
    out = str(work / "o43.pdf")
    plain = best(3, "--db", str(db), "print", "o43", "--year", "2566", "--out", out)
    signed = best(3, "--db", str(db), "print", "o43", "--year", "2566", "--out", out, "--sign")
    print(f"print o43: {plain:.2f} s; print o43 --sign: {signed:.2f} s; "
          f"signing adds {signed - plain:.2f} s (target ≤ 0.5 s)")  # fmt: skip
    warm = warm_signature(db, p12, P12_PASSWORD, Path(out).read_bytes())
    print(f"one signature in a warm process: {warm:.3f} s")
    site = site_time(db, work)
    print(f"export oit-site, 26 items and 60 kept files: {site:.2f} s (target ≤ 3 s)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def warm_signature(db: Path, p12: Path, password: str, pdf: bytes) -> float:
    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation

    services = open_services(DatabaseLocation.for_file(db), must_exist=True)
    actor = services.auth.login("ita_coordinator", "nongbon-demo")
    key = services.signing.key_of_file(p12, password)
    services.signing.sign(actor, pdf, key)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        services.signing.sign(actor, pdf, key)
        times.append(time.perf_counter() - start)
    services.ctx.database.dispose()
    return min(times)


def site_time(db: Path, work: Path) -> float:
    """The demo's year 2570 (26 items) with 60 kept files of 40 KB spread over its items."""
    from sqlalchemy import select

    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.db.models_ita import OitEvidenceRow, OitItemRow
    from nongbon_ita.services.ita.evidence_store import evidence_root, store_file
    from nongbon_ita.services.oit_site.publish import OitSitePublisher

    services = open_services(DatabaseLocation.for_file(db), must_exist=True)
    actor = services.auth.login("ita_coordinator", "nongbon-demo")
    root = evidence_root(services.ctx.database)
    with services.ctx.transaction() as session:
        items = session.scalars(select(OitItemRow).where(OitItemRow.fiscal_year == 2570)).all()
        assert len(items) == 26, len(items)
        for n in range(60):
            source = work / f"หลักฐาน-{n:02d}.pdf"
            source.write_bytes(b"%PDF-1.4\n" + os.urandom(40_000))
            stored = store_file(root, 2570, source)
            item = items[n % 26]
            row = session.scalar(select(OitEvidenceRow).where(OitEvidenceRow.item_id == item.id))
            if row is None:
                row = OitEvidenceRow(item_id=item.id, urls="", files="", status="in_progress")
                session.add(row)
                session.flush()
            row.files = "\n".join(filter(None, [row.files, stored.relative]))
    publisher = OitSitePublisher(services)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        plan = publisher.plan(2570, work / "site", "https://www.nongbon.go.th/oit")
        written = publisher.write(actor, plan)
        times.append(time.perf_counter() - start)
    assert sum(1 for p in written.files if "/files/" in str(p)) >= 60
    services.ctx.database.dispose()
    return min(times)


if __name__ == "__main__":
    raise SystemExit(main())
