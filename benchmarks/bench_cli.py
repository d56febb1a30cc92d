"""Whole-process timings of the command line on the demo database.

Targets (issue 3): `print o43` at most half of LibreOffice's time converting the same table to PDF,
measured side by side here when `soffice` is installed.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "o43-report-2566-nongbon.json"


def timed(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    """Median wall time of `runs` runs after one untimed warm-up run (bytecode, caches, the
    LibreOffice profile: what an office PC has after the first use)."""
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def seed_as_html(path: Path) -> None:
    report = json.loads(SEED.read_text(encoding="utf-8"))
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(r[k]).replace(chr(10), '<br>')}</td>"
                         for k in ("form", "indicator", "issue", "result")) + "</tr>"
        for r in report["rows"]
    )  # fmt: skip
    path.write_text(
        '<html><body style="font-family:Laksaman;font-size:16pt">'
        + "".join(f"<p>{html.escape(t)}</p>" for t in report["title"])
        + f"<p>{html.escape(report['intro'])}</p><table border=1>{rows}</table></body></html>",
        encoding="utf-8",
    )


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="nongbon-bench-"))
    env = {
        **os.environ,
        "NONGBON_ITA_PASSWORD": "nongbon-demo",
        "XDG_CACHE_HOME": str(work / "cache"),
    }
    # an installed app has its bytecode compiled (pip, the PyInstaller bundle); this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which would recompile every module of every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cli = [sys.executable, "-m", "nongbon_ita"]
    db = work / "demo.sqlite3"
    subprocess.run([*cli, "--db", str(db), "demo"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "--db", str(db), "measures", "import", str(SEED), "--year", "2566",
                    "--user", "ita_coordinator", "--replace"], env=env, check=True, capture_output=True)  # fmt: skip
    print(f"--version process:         {timed([*cli, '--version'], env):.3f} s")
    print(f"check process:             {timed([*cli, '--db', str(db), 'check'], env):.3f} s")
    ours = timed(
        [*cli, "--db", str(db), "print", "o43", "--year", "2566", "--out", str(work / "o43.pdf")],
        env,
    )
    print(f"print o43 process:         {ours:.3f} s")
    soffice = shutil.which("soffice")
    if soffice:
        page = work / "o43.html"
        seed_as_html(page)
        lo = timed([soffice, "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir",
                    str(work), str(page)], env, runs=3)  # fmt: skip
        verdict = "met" if ours <= lo / 2 else "NOT met"
        print(f"LibreOffice same table:    {lo:.3f} s  → target ≤ {lo / 2:.3f} s: {verdict}")
    else:
        print(
            "LibreOffice: soffice not installed; target (≤ half of LibreOffice, 1.13 s seen) not compared"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
