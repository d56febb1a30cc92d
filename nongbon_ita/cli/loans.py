"""Loan documents from the command line: the form, the register (PDF, XLSX), the follow-up memo.

They print borrowers' names and phones (personal data), so each takes --user and checks that the
user may see loans (supply officer, approver, finance reviewer, admin).
"""

from __future__ import annotations

import argparse
import re

from nongbon_ita.cli.documents import parse_year, write_and_report
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, services_of
from nongbon_ita.domain.calendar import thai_to_arabic_digits
from nongbon_ita.domain.errors import N_, ValidationError


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    digits = thai_to_arabic_digits(text.strip())
    if not re.fullmatch("[0-9]{1,2}", digits) or not 1 <= int(digits) <= 12:
        raise ValidationError(N_("{month} is not a month (1–12)."), field="month", month=text)
    return int(digits)


def cmd_print_loan_form(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user, read_only=True)
    loan = services.loans.by_number(actor, args.loan)
    return write_and_report(args.out, services.loans.loan_form_pdf(actor, loan.id))


def cmd_print_overdue_memo(args: argparse.Namespace) -> int:
    from nongbon_ita.cli.letters import say_issued

    services = services_of(args)
    actor = login(services, args.user)  # a first print issues the memo: a write
    loan = services.loans.by_number(actor, args.loan)
    printed = services.loans.overdue_memo(actor, loan.id, new=args.new,
                                          letter_number=args.letter_number or "")  # fmt: skip
    say_issued(printed)
    return write_and_report(args.out, printed.pdf)


def _query(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from nongbon_ita.services.loans.register import RegisterQuery

    return RegisterQuery(parse_year(args.year), _month(getattr(args, "from_month", None)),
                         _month(getattr(args, "to_month", None)))  # fmt: skip


def cmd_print_loan_register(args: argparse.Namespace) -> int:
    query = _query(args)
    services = services_of(args)
    actor = login(services, args.user, read_only=True)
    return write_and_report(args.out, services.loans.register_pdf(actor, query))


def cmd_export_loan_register(args: argparse.Namespace) -> int:
    query = _query(args)
    services = services_of(args)
    actor = login(services, args.user, read_only=True)
    return write_and_report(args.out, services.loans.register_xlsx(actor, query))


def register(tree: CommandTree) -> None:
    form = tree.grouped("print", "loan-form", "a loan request form (ใบยืมพัสดุ)", cmd_print_loan_form)
    memo = tree.grouped("print", "overdue-memo", "the follow-up memo of an overdue loan",
                        cmd_print_overdue_memo)  # fmt: skip
    for parser in (form, memo):
        parser.add_argument("--loan", required=True, metavar="12/2567")
        parser.add_argument("--out", required=True, metavar="FILE.pdf")
        user_option(parser)
    memo.add_argument("--new", action="store_true",
                      help="issue a new memo today (the next follow-up) instead of reprinting")  # fmt: skip
    memo.add_argument("--letter-number", metavar="NUMBER",
                      help="the number given by hand (when letters are numbered by hand)")  # fmt: skip
    pdf = tree.grouped("print", "loan-register", "the loan control register of a fiscal year",
                       cmd_print_loan_register)  # fmt: skip
    xlsx = tree.grouped("export", "loan-register", "the loan register as XLSX",
                        cmd_export_loan_register)  # fmt: skip
    for parser, out in ((pdf, "FILE.pdf"), (xlsx, "FILE.xlsx")):
        parser.add_argument("--year", required=True, metavar="YYYY")
        parser.add_argument("--from-month", metavar="M", help="10 = October … 9 = September")
        parser.add_argument("--to-month", metavar="M")
        parser.add_argument("--out", required=True, metavar=out)
        user_option(parser)
