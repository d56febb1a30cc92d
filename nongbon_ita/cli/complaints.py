"""Complaint commands: the statistics (PDF, XLSX), letters to a complainant, identity purge.

Statistics hold no personal data and print without a login; letters carry the complainant's
identity and need a complaint officer's login (`--user`); every line printed here is free of
identities too (register numbers and counts only).
"""

from __future__ import annotations

import argparse

from nongbon_ita.cli.documents import parse_year, write_and_report
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.calendar import RegisterNumber
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.translate import _


def parse_register(text: str) -> RegisterNumber:
    try:
        return RegisterNumber.parse(text)
    except ValueError:
        raise ValidationError(
            N_("{text} is not a register number (e.g. 5/2567)."), field="complaint", text=text
        ) from None


def _half(args: argparse.Namespace) -> int | None:
    return int(args.half) if args.half else None


def cmd_print_stats(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    pdf = services.complaints.stats.pdf(None, year, _half(args))
    return write_and_report(args.out, pdf)


def cmd_export_stats(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    data = services.complaints.stats.xlsx(None, year, _half(args))
    return write_and_report(args.out, data)


def _letter(args: argparse.Namespace, outcome: bool) -> int:
    register = parse_register(args.complaint)
    services = services_of(args)
    actor = login(services, args.user)
    letters = services.complaints.letters
    render = letters.outcome if outcome else letters.receipt
    printed = render(actor, register, args.letter_number or "")
    from nongbon_ita.cli.letters import say_issued

    say_issued(printed)
    return write_and_report(args.out, printed.pdf)


def cmd_print_receipt(args: argparse.Namespace) -> int:
    return _letter(args, outcome=False)


def cmd_print_outcome(args: argparse.Namespace) -> int:
    return _letter(args, outcome=True)


def cmd_purge(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user)
    done = services.complaints.purge.purge(actor, args.older_than_years, args.with_attachments)
    say(_("Identities blanked: {n} complaints.").format(n=done.identities))
    if args.with_attachments:
        say(_("Attachments removed: {n} files.").format(n=done.attachments))
    return 0


def register(tree: CommandTree) -> None:
    for group, handler, suffix, help_text in (
        ("print", cmd_print_stats, "FILE.pdf", "complaint statistics of a fiscal year"),
        ("export", cmd_export_stats, "FILE.xlsx", "complaint statistics as XLSX"),
    ):
        command = tree.grouped(group, "complaint-stats", help_text, handler)
        command.add_argument("--year", required=True, metavar="YYYY")
        command.add_argument("--half", choices=("1", "2"),
                             help="1: October–March, 2: April–September")  # fmt: skip
        command.add_argument("--out", required=True, metavar=suffix)
    for name, handler, help_text in (
        ("complaint-receipt", cmd_print_receipt, "acknowledgement letter to a complainant"),
        ("complaint-outcome", cmd_print_outcome, "outcome letter to a complainant"),
    ):
        command = tree.grouped("print", name, help_text, handler)
        command.add_argument("--complaint", required=True, metavar="N/YYYY")
        command.add_argument("--letter-number", metavar="NUMBER",
                             help="the number given by hand (when letters are numbered by "
                                  "hand); a first print issues the letter's number")  # fmt: skip
        command.add_argument("--out", required=True, metavar="FILE.pdf")
        user_option(command)
    purge = tree.grouped("complaints", "purge-identities",
                         "blank complainant identities older than N years", cmd_purge)  # fmt: skip
    purge.add_argument("--older-than-years", type=int, metavar="N",
                       help="default: the retention period in the settings")  # fmt: skip
    purge.add_argument("--with-attachments", action="store_true",
                       help="also remove the same complaints' attached files")  # fmt: skip
    user_option(purge)
    from nongbon_ita.cli import complaints_intake  # holidays, import, find

    complaints_intake.register(tree)
