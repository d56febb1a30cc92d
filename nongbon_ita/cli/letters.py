"""The register of outgoing letters: print and export it, choose how letters are numbered.

The letters themselves are printed by their areas (`print complaint-receipt`, `print
complaint-outcome`, `print overdue-memo`): a first print issues the letter — its date and its
number in this register — and a reprint is the same letter.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nongbon_ita.cli.documents import parse_year, write_and_report
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.services.letters.issue import PrintedLetter


def say_issued(printed: PrintedLetter) -> None:
    """The letter's number and date as issued (the same on every reprint)."""
    from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits

    say(_("Letter {reference} dated {date}").format(
        reference=thai_digits(printed.reference),
        date=format_date_long(printed.letter.issued_on)))  # fmt: skip


def cmd_print_register(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user, read_only=True)
    return write_and_report(args.out, services.letters.register_pdf(actor, year))


def cmd_export_register(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user, read_only=True)
    return write_and_report(args.out, services.letters.register_xlsx(actor, year))


def cmd_numbering(args: argparse.Namespace) -> int:
    from nongbon_ita.domain.letters import NumberingMode

    services = services_of(args)
    actor = login(services, args.user)
    mode = NumberingMode(args.by)
    services.letters.set_numbering(actor, mode)
    say(_("Outgoing letters are now numbered by the register.") if mode is NumberingMode.APP
        else _("Outgoing letters are now numbered by hand (a dotted blank on each letter)."))  # fmt: skip
    return 0


def register(tree: CommandTree) -> None:
    pdf = tree.grouped("print", "letters-register", "the register of outgoing letters of a year",
                       cmd_print_register)  # fmt: skip
    xlsx = tree.grouped("export", "letters-register", "the register of outgoing letters as XLSX",
                        cmd_export_register)  # fmt: skip
    for parser, out in ((pdf, "FILE.pdf"), (xlsx, "FILE.xlsx")):
        parser.add_argument("--year", required=True, metavar="YYYY")
        parser.add_argument("--out", required=True, metavar=out)
        user_option(parser)
    numbering = tree.grouped("letters", "numbering",
                             "number outgoing letters by the register (app) or by hand",
                             cmd_numbering)  # fmt: skip
    numbering.add_argument("--by", required=True, choices=("app", "hand"))
    user_option(numbering)
