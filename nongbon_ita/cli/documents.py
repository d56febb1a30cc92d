"""Commands that import measures and print documents."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import location_of, login, say, services_of
from nongbon_ita.domain.calendar import thai_to_arabic_digits
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.translate import _


def parse_year(text: str) -> int:
    digits = thai_to_arabic_digits(text.strip())
    # ASCII digits only: str.isdigit() takes "²", which int() then refuses
    if not re.fullmatch("[0-9]{4}", digits) or not 2500 <= int(digits) <= 2700:
        raise ValidationError(
            N_("{year} is not a Buddhist Era fiscal year (e.g. 2567)."), field="year", year=text
        )
    return int(digits)


# `print … --sign` (cli/signing.py) sets this: the printed PDF is signed before it is written,
# so a refused signature leaves no unsigned file behind
BEFORE_WRITE: ContextVar[Callable[[bytes], bytes] | None] = ContextVar("before_write", default=None)


def write_and_report(out: str, data: bytes) -> int:
    """Write a printed or exported file and say where it went: the end of every print command."""
    from nongbon_ita.services.output_files import write_output

    change = BEFORE_WRITE.get()
    if change is not None:
        data = change(data)
    say(_("Written: {path}").format(path=write_output(out, data)))
    return 0


def cmd_measures_import(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user)
    count = services.measures.import_file(actor, Path(args.file), year, replace=args.replace)
    say(_("Imported {n} measures into fiscal year {year}.").format(n=count, year=year))
    return 0


def cmd_print_measures_report(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    from nongbon_ita.services.quick_print import measures_report_pdf_quick

    # the quick path skips SQLAlchemy (most of this command's time); None: it does not apply
    pdf = measures_report_pdf_quick(location_of(args), year)
    if pdf is None:
        pdf = services_of(args).documents.measures_report_pdf(year)
    return write_and_report(args.out, pdf)


def register(tree: CommandTree) -> None:
    imp = tree.grouped(
        "measures", "import", "import measures from JSON, CSV or XLSX", cmd_measures_import
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--year", required=True, metavar="YYYY")
    imp.add_argument("--replace", action="store_true")
    user_option(imp)
    for name in ("measures-report", "o43"):  # o43: the 2566 name offices know
        report = tree.grouped(
            "print", name, "the year's report on its ITA measures", cmd_print_measures_report
        )
        report.add_argument("--year", required=True, metavar="YYYY")
        report.add_argument("--out", required=True, metavar="FILE.pdf")
