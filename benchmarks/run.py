"""Run every benchmark and print its figures against the issues' targets.

usage: python benchmarks/run.py [NAME ...]   (a NAME is bench_NAME.py in this folder)
Benchmarks measure; they never decide pass or fail of the test suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = {path.stem.removeprefix("bench_"): path.name for path in sorted(HERE.glob("bench_*.py"))}


def main(names: list[str]) -> int:
    failed = 0
    for name in names or list(BENCHES):
        script = HERE / BENCHES[name]
        print(f"== {name} ({script.name})", flush=True)
        failed += subprocess.run([sys.executable, str(script)], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
