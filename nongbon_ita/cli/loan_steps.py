"""The loan workflow on the command line (scripts, batches, tests): request, approve, refuse,
cancel, hand out, return. Each command is one service call, with the same rules, permissions,
audit events and messages as the GUI; dates are B.E. (15/01/2570), loans are numbered 12/2570.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nongbon_ita.cli.parser import CommandTree, Handler, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.calendar import parse_be_date
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from datetime import date

    from nongbon_ita.domain.loans import Loan
    from nongbon_ita.domain.users import CurrentUser
    from nongbon_ita.services.registry import Services

_CONDITIONS = ("good", "damaged", "lost")


def _date(text: str, field: str) -> date:
    try:
        return parse_be_date(text)
    except ValueError:
        raise ValidationError(N_("{text} is not a B.E. date such as 15/01/2570."), field=field,
                              text=text) from None  # fmt: skip


def _report(loan: Loan, message_id: str) -> int:
    say(_(message_id).format(number=loan.number_text, status=_(loan.status.label_id)))
    return 0


def _open(args: argparse.Namespace) -> tuple[Services, CurrentUser, Loan]:
    services = services_of(args)
    actor = login(services, args.user)
    return services, actor, services.loans.by_number(actor, args.loan)


def cmd_request(args: argparse.Namespace) -> int:
    from nongbon_ita.domain.loans import (
        Borrower,
        BorrowerKind,
        ItemRequest,
        LoanRequest,
        PurposeType,
        UseScope,
    )

    start, due = _date(args.start, "start_date"), _date(args.due, "due_date")
    services = services_of(args)
    actor = login(services, args.user)
    if args.borrower_user:
        user_id = services.loans.staff_id(actor, args.borrower_user)
        borrower = Borrower(BorrowerKind.STAFF, "", phone=args.borrower_phone, user_id=user_id)
    else:
        borrower = Borrower(BorrowerKind(args.borrower_kind), args.borrower_name,
                            organization=args.organization, phone=args.borrower_phone)  # fmt: skip
    items = tuple(ItemRequest(services.assets.by_number(number).id) for number in args.asset)
    scope = UseScope.OFF_SITE if args.off_site else UseScope.PREMISES
    request = LoanRequest(borrower, PurposeType(args.purpose_type), args.purpose, args.place,
                          scope, start, due, items)  # fmt: skip
    loan = services.loans.create_request(actor, request, submit=True)
    return _report(loan, N_("Loan {number} submitted for approval."))


def cmd_approve(args: argparse.Namespace) -> int:
    services, actor, loan = _open(args)
    return _report(services.loans.approve(actor, loan.id), N_("Loan {number}: {status}."))


def cmd_refuse(args: argparse.Namespace) -> int:
    services, actor, loan = _open(args)
    refused = services.loans.refuse(actor, loan.id, args.reason or "")
    return _report(refused, N_("Loan {number}: {status}."))


def cmd_cancel(args: argparse.Namespace) -> int:
    services, actor, loan = _open(args)
    cancelled = services.loans.cancel(actor, loan.id, reason=args.reason or "")
    return _report(cancelled, N_("Loan {number}: {status}."))


def cmd_hand_out(args: argparse.Namespace) -> int:
    services, actor, loan = _open(args)
    waiting = [item.id for item in loan.items if not item.handed_out]
    if not waiting:
        raise ValidationError(N_("This item has already been handed out."), field="items")
    return _report(services.loans.hand_out(actor, loan.id, waiting), N_("Loan {number}: {status}."))


def cmd_return(args: argparse.Namespace) -> int:
    from nongbon_ita.domain.loans import ReturnCondition
    from nongbon_ita.services.loans.handling import ItemReturn

    if args.condition and not args.asset:
        raise ValidationError(N_("Name the item (--asset) whose condition you give."),
                              field="asset")  # fmt: skip
    services, actor, loan = _open(args)
    out = [item for item in loan.items if item.outstanding > 0]
    if args.asset:
        out = [item for item in out if item.asset_number == args.asset.strip()]
        if not out:
            raise NotFoundError(N_("Asset {number} is not out on loan {loan}."),
                                number=args.asset, loan=loan.number_text)  # fmt: skip
    if not out:
        raise ValidationError(N_("Choose the items that come back."), field="items")
    condition = ReturnCondition(args.condition or "good")
    lines = [ItemReturn(item.id, item.outstanding, condition) for item in out]
    returned_by = args.returned_by or loan.borrower.name
    returned = services.loans.return_items(actor, loan.id, lines, returned_by)
    return _report(returned, N_("Loan {number}: {status}."))


def _loan_step(
    tree: CommandTree, name: str, help_text: str, handler: Handler
) -> argparse.ArgumentParser:
    parser = tree.grouped("loans", name, help_text, handler)
    parser.add_argument("loan", metavar="LOAN", help="the loan number, e.g. 12/2570")
    user_option(parser)
    return parser


def register(tree: CommandTree) -> None:
    request = tree.grouped("loans", "request", "create and submit a loan request", cmd_request)
    who = request.add_mutually_exclusive_group(required=True)
    who.add_argument("--borrower-user", metavar="NAME", help="a staff member's user name")
    who.add_argument("--borrower-name", metavar="TEXT", help="a villager or another agency")
    request.add_argument("--borrower-kind", choices=("villager", "agency"), default="villager")
    request.add_argument("--organization", default="", help="agency, group or village")
    request.add_argument("--borrower-phone", default="", metavar="PHONE")
    request.add_argument("--asset", action="append", required=True, metavar="NUMBER",
                         help="an asset number; repeat for several items")  # fmt: skip
    request.add_argument("--from", dest="start", required=True, metavar="DD/MM/YYYY")
    request.add_argument("--to", dest="due", required=True, metavar="DD/MM/YYYY")
    request.add_argument("--purpose", required=True, metavar="TEXT")
    request.add_argument("--purpose-type", choices=("official", "community"), default="official")
    request.add_argument("--place", default="", metavar="TEXT", help="where it is used")
    request.add_argument("--off-site", action="store_true", help="taken off the premises")
    user_option(request)
    _loan_step(tree, "approve", "approve a submitted loan", cmd_approve)
    for name, handler in (("refuse", cmd_refuse), ("cancel", cmd_cancel)):
        step = _loan_step(tree, name, f"{name} a loan (with --reason)", handler)
        step.add_argument("--reason", default="", metavar="TEXT")
    _loan_step(tree, "hand-out", "hand out every item of an approved loan", cmd_hand_out)
    back = _loan_step(tree, "return", "take items back (all that are out, or one)", cmd_return)
    back.add_argument("--asset", metavar="NUMBER", help="only this item")
    back.add_argument("--condition", choices=_CONDITIONS, help="good (default), damaged or lost")
    back.add_argument("--returned-by", metavar="TEXT", help="who brought it (the borrower)")
