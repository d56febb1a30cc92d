"""ITA commands: print the measures plan, the progress report and the evidence appendix; export a
year's measures; copy a year's catalogue into another (carrying measures: cli/ita_carry.py).

(`measures import` and `print o43` live in cli/documents.py with the other documents.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nongbon_ita.cli import ita_carry, ita_years
from nongbon_ita.cli.documents import parse_year, write_and_report
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.translate import _


def cmd_print_measures_plan(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    return write_and_report(args.out, services.ita.documents.measures_plan_pdf(year))


def cmd_print_progress(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    if args.half not in ("1", "2"):
        raise ValidationError(N_("The half year is 1 or 2."), field="half")
    services = services_of(args)
    return write_and_report(args.out, services.ita.documents.progress_pdf(year, int(args.half)))


def cmd_print_evidence(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    return write_and_report(args.out, services.ita.documents.evidence_pdf(year))


def cmd_export_measures(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    path = services.ita.export_measures(year, Path(args.out))
    say(_("Written: {path}").format(path=path))
    return 0


def cmd_catalogue_copy(args: argparse.Namespace) -> int:
    source, target = parse_year(args.from_year), parse_year(args.to_year)
    services = services_of(args)
    actor = login(services, args.user)
    counts = services.ita.catalogue.copy(actor, source, target)
    say(_("Copied the catalogue of {source} into {target}: {indicators} indicators, "
          "{subs} sub-indicators, {items} OIT items.").format(
        source=source, target=target, indicators=counts["indicators"],
        subs=counts["sub_indicators"], items=counts["items"]))  # fmt: skip
    return 0


def _year_and_out(parser: argparse.ArgumentParser, out: str = "FILE.pdf") -> None:
    parser.add_argument("--year", required=True, metavar="YYYY")
    parser.add_argument("--out", required=True, metavar=out)


def _from_to(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_year", required=True, metavar="YYYY")
    parser.add_argument("--to", dest="to_year", required=True, metavar="YYYY")
    user_option(parser)


def register(tree: CommandTree) -> None:
    for name in ("measures-plan", "o42"):  # o42: the 2566 name offices know
        _year_and_out(
            tree.grouped("print", name, "the year's plan of ITA measures", cmd_print_measures_plan)
        )
    progress = tree.grouped("print", "measures-progress",
                            "progress of the year's measures at 6 (--half 1) or 12 months",
                            cmd_print_progress)  # fmt: skip
    _year_and_out(progress)
    progress.add_argument("--half", required=True, choices=("1", "2"))
    _year_and_out(tree.grouped("print", "measures-evidence",
                               "the evidence appendix of the year's measures",
                               cmd_print_evidence))  # fmt: skip
    _year_and_out(tree.grouped("export", "measures", "a year's measures as XLSX",
                               cmd_export_measures), "FILE.xlsx")  # fmt: skip
    _from_to(tree.grouped("catalogue", "copy", "start a year from another year's ITA catalogue",
                          cmd_catalogue_copy))  # fmt: skip
    ita_years.register(tree)
    ita_carry.register(tree)
