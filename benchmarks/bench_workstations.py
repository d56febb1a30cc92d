"""Several workstations at once: N processes, each with its own connection as an office PC has,
doing the office's daily mix — search, open, request, approve, hand out, return, print — on one
database (a PostgreSQL server or one SQLite file) for S seconds; every database given is run
with every think time given, and the figures are printed side by side.

usage: python benchmarks/bench_workstations.py --db URL|FILE [--db URL|FILE …]
           [--clients 10] [--seconds 60] [--think-ms LO:HI …] [--cold-print]
       (each database is made afresh for each run: a file is replaced, a server's tables dropped)

The lead's quiet re-measurement (nothing else running; both backends, both think times):
    python benchmarks/bench_workstations.py \\
        --db postgresql://postgres@127.0.0.1:55432/nb_ws --db /tmp/nb_ws.sqlite3 \\
        --clients 10 --seconds 60
    (create the server database first: createdb -h 127.0.0.1 -p 55432 -U postgres nb_ws)

Think time (`--think-ms`, default both 1000:3000 and 0). An office is ten people, not ten
programs: between two operations a clerk reads the screen, picks a line, clicks a button. The
realistic setting, a pause drawn uniformly between 1 and 3 seconds before each operation, is the
quickest a practised clerk clicks through a screen they know; typing a request's borrower,
dates and purpose takes far longer, so it over-states the load an office makes. `--think-ms 0`
is the stress figure: ten processes hammering with no pause, on a 2-core machine five per core,
so much of its p95 is a wait for a CPU that an office's PCs (a CPU each) would not have.

Print (`--cold-print` turns it off): each client warms the print path at its start with the
same `warm_up()` the GUI runs in the background once its window is shown (reports/warm.py), so
"first print" is what a workstation's first print costs, not a fresh process's font loading.

Reports p50/p95 per operation and the p95 of its wait for a write lock ("wait": another
writer's turn; the rest is work and, with N clients on this machine, waiting for a CPU), errors
(anything but a rule's refusal), refusals by a rule (an asset already booked: expected, the
clients compete for 30 pumps on purpose), double bookings (two approvals of one asset for
overlapping days, neither returned before the other was approved), lost updates (a step
reported done but not in the database) and the audit chain. Target (issue 12): p95 ≤ 150 ms
per operation on PostgreSQL, 0 errors, 0 double bookings, 0 lost updates.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field

from workstation_client import (
    double_bookings,
    lost_updates,
    prepare,
    run_client,
    services_at,
)

from nongbon_ita.db.location import location_of_text
from nongbon_ita.services.audit import check_chain

OPERATIONS = ("log in", "search", "open", "request", "approve", "hand out", "return",
              "first print", "print")  # fmt: skip
REALISTIC_THINK = (1000.0, 3000.0)


@dataclass
class Run:
    """The figures of one database with one think time."""

    label: str
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    waits: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    refused: int = 0
    doubles: int = 0
    lost: int = 0
    chain: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.doubles and not self.lost and self.chain == "intact"


def think_range(value: str) -> tuple[float, float]:
    """'1000:3000' → (1000, 3000); '0' → no pause."""
    try:
        low, _, high = value.partition(":")
        pair = (float(low), float(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not LO:HI in ms: {value}") from None
    if pair[0] < 0 or pair[1] < pair[0]:
        raise argparse.ArgumentTypeError(f"not 0 ≤ LO ≤ HI: {value}")
    return pair


def think_text(think: tuple[float, float]) -> str:
    return "0" if think[1] == 0 else f"{think[0]:.0f}:{think[1]:.0f}"


def run_once(db: str, think: tuple[float, float], args: argparse.Namespace) -> Run:
    location = location_of_text(db)
    pumps = prepare(location)
    context = multiprocessing.get_context("spawn")
    out, start = context.Queue(), context.Barrier(args.clients)
    workers = [context.Process(target=run_client, args=(db, pumps, seed, args.seconds, think,
                                                        not args.cold_print, start, out))
               for seed in range(args.clients)]  # fmt: skip
    for worker in workers:
        worker.start()
    results = [out.get() for _ in workers]
    for worker in workers:
        worker.join()
    backend = "PostgreSQL" if location.is_server else "SQLite"
    run = Run(f"{backend} think {think_text(think)}")
    done: dict[int, str] = {}
    for part_times, part_waits, part_errors, part_refused, part_done in results:
        for name, values in part_times.items():
            run.times[name] += values
        for name, values in part_waits.items():
            run.waits[name] += values
        run.errors += part_errors
        run.refused += part_refused
        done.update(part_done)
    services = services_at(location)
    with services.ctx.reading() as session:
        chain = check_chain(session)
    run.doubles, run.lost = double_bookings(services), lost_updates(services, done)
    run.chain = f"{'intact' if chain.ok else 'BROKEN'}"
    services.ctx.database.dispose()
    return run


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cell(run: Run, name: str) -> str:
    values = run.times.get(name, [])
    if not values:
        return "-"
    return (f"{len(values)}× {statistics.median(values):.0f}/{percentile(values, 0.95):.0f}/"
            f"{percentile(run.waits[name], 0.95):.0f}")  # fmt: skip


def print_table(runs: list[Run], args: argparse.Namespace, load_before: str) -> None:
    thinks = " and ".join(think_text(t) for t in args.think_ms)
    print(f"{args.clients} clients × {args.seconds:.0f} s per run, think {thinks} ms, "
          f"{os.cpu_count()} cores, load {load_before} before, {load()} after"
          f"{', cold first print' if args.cold_print else ''}")  # fmt: skip
    print("cells: n× p50/p95/lock-wait p95 in ms (target p95 ≤ 150 ms on PostgreSQL)")
    width = max(22, *(len(r.label) + 2 for r in runs))
    print(f"{'':12}" + "".join(f"{r.label:>{width}}" for r in runs))
    for name in OPERATIONS:
        if any(name in r.times for r in runs):
            print(f"{name:12}" + "".join(f"{cell(r, name):>{width}}" for r in runs))
    for name, value in (("errors", lambda r: len(r.errors)), ("refused", lambda r: r.refused),
                        ("double book", lambda r: r.doubles), ("lost update", lambda r: r.lost),
                        ("audit chain", lambda r: r.chain)):  # fmt: skip
        print(f"{name:12}" + "".join(f"{value(r)!s:>{width}}" for r in runs))
    for run in runs:
        for line in sorted(set(run.errors))[:10]:
            print(f"  {run.label}: {line}")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--db", required=True, action="append", metavar="URL|FILE")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think-ms", type=think_range, action="append", metavar="LO:HI",
                        help="pause before each operation (default: 1000:3000 and 0)")  # fmt: skip
    parser.add_argument("--cold-print", action="store_true",
                        help="no print warm-up at client start (a fresh process's first print)")  # fmt: skip
    args = parser.parse_args()
    args.think_ms = args.think_ms or [REALISTIC_THINK, (0.0, 0.0)]
    load_before = load()
    runs: list[Run] = []
    for db in args.db:
        for think in args.think_ms:
            runs.append(run_once(db, think, args))
            print(f"  … {runs[-1].label} done", file=sys.stderr, flush=True)
    print_table(runs, args, load_before)
    return 0 if all(run.ok for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
