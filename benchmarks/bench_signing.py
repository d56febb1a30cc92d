"""Signing and publishing against their targets (a script, not a test).

    .venv/bin/python benchmarks/bench_signing.py

Prints:
- `print o43 --sign --user …` minus `print o43` for the demo's 2566 report (11 pages), whole
  processes, best of 3 (target: signing adds ≤ 0.5 s);
- where a signing process spends that time, step by step in a fresh process (best of 3): the
  imports of pyHanko and of the services, the login, the certificate, the signature and its
  audit event — what the plain print does not pay;
- the signature alone in a warm process (what the GUI pays);
- `export oit-site` in-process for a year of 26 items with 60 kept files (target ≤ 3 s).
Certificates are throwaway ones made here (tests/signing/certs.py). The machine's load is
printed first: on a busy machine every figure grows.
"""

from __future__ import annotations

import json
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
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    plain = best(3, "--db", str(db), "print", "o43", "--year", "2566", "--out", out)
    signed = best(3, "--db", str(db), "print", "o43", "--year", "2566", "--out",
                  str(work / "o43-signed.pdf"), "--sign", "--user", "ita_coordinator")  # fmt: skip
    print(f"print o43: {plain:.2f} s; print o43 --sign: {signed:.2f} s; "
          f"signing adds {signed - plain:.2f} s (target ≤ 0.5 s)")  # fmt: skip
    steps = [step_times(db) for _ in range(3)]
    for name in steps[0]:
        print(f"  {name}: {min(s[name] for s in steps):.3f} s")
    extra = sum(min(s[name] for s in steps) for name in list(steps[0])[1:])
    print(f"  the signing steps together: {extra:.3f} s")
    warm = warm_signature(db, p12, P12_PASSWORD, Path(out).read_bytes())
    print(f"one signature in a warm process: {warm:.3f} s")
    site = site_time(db, work)
    print(f"export oit-site, 26 items and 60 kept files: {site:.2f} s (target ≤ 3 s)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


STEPS = """
import json, sys, time
from pathlib import Path
marks, t = {}, time.perf_counter()
def mark(name):
    global t
    marks[name] = time.perf_counter() - t
    t = time.perf_counter()
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.services.quick_print import measures_report_pdf_quick
pdf = measures_report_pdf_quick(DatabaseLocation.for_file(Path(sys.argv[1])), 2566)
mark("print the report (the plain print's own work, not counted)")
import nongbon_ita.reports.pades.sign, nongbon_ita.services.signing.keys, pyhanko.sign.signers
mark("import pyHanko's signing part")
from nongbon_ita.app import open_services
mark("import the services (SQLAlchemy, models)")
services = open_services(DatabaseLocation.for_file(Path(sys.argv[1])), must_exist=True)
mark("open the services")
actor = services.auth.login("ita_coordinator", "nongbon-demo", channel="cli", read_only=True)
mark("log in (argon2) and record it")
key = services.signing.key_for_document(pdf, None, sys.argv[2])
mark("find and open the certificate")
services.signing.sign(actor, pdf, key)
mark("sign and record the audit event")
services.ctx.database.dispose()
print(json.dumps(marks))
"""


def step_times(db: Path) -> dict[str, float]:
    """One signing process's steps after the PDF is printed (STEPS), in seconds."""
    from tests.signing.certs import P12_PASSWORD

    done = subprocess.run([sys.executable, "-c", STEPS, str(db), P12_PASSWORD],
                          check=True, capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    return dict(json.loads(done.stdout))


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
