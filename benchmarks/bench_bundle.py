"""The frozen bundle (issue 7): its size and its cold start to a shown main window; and, for
the record, the frozen `print o43` process (issue 3's target is measured on the installed app by
bench_cli.py; an office PC runs this one).

Targets: bundle ≤ 250 MB (`du -sm dist/nongbon-ita`); frozen start to a shown main window ≤ 1.5 s
(a probe of the same stack: 2.6 s). Start-up is measured from outside: the windowed executable
runs offscreen with NONGBON_ITA_BENCH_AUTOLOGIN (see nongbon_ita/gui/bench_autologin.py), logs the
demo admin in without the dialog, prints a line once the main window is on screen and quits; the
time is from process start to that line. Password hashing is cheap in the benchmark database
(NONGBON_ITA_CHEAP_HASHING=1 when it is built), so the figure is start-up, not argon2.

usage: python benchmarks/bench_bundle.py [--build]   (builds dist/ first when missing or asked)
Uses NONGBON_ITA_BUNDLE (a bundle folder) when set.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_cli import timed  # this folder is on sys.path when run as a script
from bench_startup import time_to_shown

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB, START_TARGET_S = 250, 1.5


def bundle_dir(build: bool) -> Path:
    folder = Path(os.environ.get("NONGBON_ITA_BUNDLE", ROOT / "dist" / "nongbon-ita"))
    if build or (not (folder / "nongbon-ita-cli").exists() and not (
        folder / "nongbon-ita-cli.exe").exists()):  # fmt: skip
        pyinstaller = Path(sys.executable).with_name("pyinstaller")
        start = time.perf_counter()
        subprocess.run([str(pyinstaller), "--noconfirm", "build.spec"], cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip
        print(f"build: {time.perf_counter() - start:.0f} s")
        folder = ROOT / "dist" / "nongbon-ita"
    return folder


def size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_048_576


def time_to_window(exe: Path, db: Path, env: dict[str, str]) -> float:
    return time_to_shown([str(exe), f"--db={db}"], base=env)


def main() -> int:
    folder = bundle_dir("--build" in sys.argv)
    suffix = ".exe" if sys.platform == "win32" else ""
    cli, gui = folder / f"nongbon-ita-cli{suffix}", folder / f"nongbon-ita{suffix}"
    size = size_mb(folder)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NONGBON_ITA_CHEAP_HASHING": "1",
               "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/config",
               "XDG_CACHE_HOME": f"{tmp}/cache", "XDG_STATE_HOME": f"{tmp}/state"}  # fmt: skip
        db = Path(tmp) / "bench.sqlite3"
        subprocess.run([str(cli), "--db", str(db), "demo"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        out = Path(tmp) / "o43.pdf"
        print_o43 = timed([str(cli), "--db", str(db), "print", "o43", "--year", "2566",
                           "--out", str(out)], env)  # fmt: skip
        env["NONGBON_ITA_BENCH_AUTOLOGIN"] = "admin:nongbon-demo"
        first = time_to_window(gui, db, env)  # also takes the day's automatic backup
        warm = [time_to_window(gui, db, env) for _ in range(5)]
    median = statistics.median(warm)
    print(f"bundle size: {size:.0f} MB (target ≤ {SIZE_TARGET_MB} MB) "
          f"{'OK' if size <= SIZE_TARGET_MB else 'OVER'}")  # fmt: skip
    print(f"start to shown main window: first {first:.2f} s, median of 5 {median:.2f} s "
          f"(target ≤ {START_TARGET_S} s) {'OK' if median <= START_TARGET_S else 'OVER'}")  # fmt: skip
    print(f"frozen print o43 process: {print_o43:.3f} s (median of 5 after a warm-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
