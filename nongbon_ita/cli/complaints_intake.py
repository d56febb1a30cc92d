"""Complaint commands around referred channels: the holiday list deadlines count with, importing
a Traffy Fondue or 1111 export, and finding a complaint by the referring body's reference.

Lines printed here carry register numbers, dates, channels and references — never a
complainant's identity or a complaint's text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nongbon_ita.cli.assets import refuse_row_errors
from nongbon_ita.cli.documents import parse_year
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.calendar import to_ce
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.thaiformat import format_date_numeric, format_register_number
from nongbon_ita.i18n.translate import _


def cmd_holidays(args: argparse.Namespace) -> int:
    """One line per day off of a B.E. calendar year, with where it came from."""
    year = to_ce(parse_year(args.year))
    services = services_of(args)
    for holiday in services.complaints.settings.holidays(year):
        if holiday.removed:
            continue  # the office works on it: not a day off
        say(f"{format_date_numeric(holiday.day)}\t{holiday.name}\t{holiday.source.value}")
    return 0


def parse_columns(pairs: list[str] | None) -> dict[str, str]:
    """`--column reference=ticket_id` (field=header), repeated."""
    columns: dict[str, str] = {}
    for pair in pairs or []:
        field_name, equals, header = pair.partition("=")
        if not equals or not field_name.strip() or not header.strip():
            raise ValidationError(N_("“{text}” is not FIELD=COLUMN (e.g. reference=ticket_id)."),
                                  field="column", text=pair)  # fmt: skip
        columns[field_name.strip()] = header.strip()
    return columns


def cmd_import(args: argparse.Namespace) -> int:
    from nongbon_ita.services.complaints.importer import read_complaint_table

    columns = parse_columns(args.column)
    services = services_of(args)
    actor = login(services, args.user)
    imports = services.complaints.imports
    channel = services.complaints.channels.find(args.channel)
    table = read_complaint_table(Path(args.file))
    mapping = imports.suggest_mapping(table.headers)
    for field_name, header in columns.items():
        mapping = {h: f for h, f in mapping.items() if f != field_name and h != header}
        mapping[header] = field_name
    preview = imports.preview(table, channel.code, mapping)
    if preview.unmapped:
        say(_("Columns not placed (ignored): {columns}").format(
            columns=", ".join(preview.unmapped)))  # fmt: skip
    refuse_row_errors(preview.errors)
    done = imports.import_table(actor, table, channel.code, mapping)
    say(_("Imported {n} complaints from {file} ({channel}); {skipped} already registered.")
        .format(n=done.created, file=table.name, channel=channel.name,
                skipped=done.skipped))  # fmt: skip
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user)
    found = services.complaints.queries.find_by_reference(actor, args.reference)
    for c in found:
        status, due = _(c.status.label_id), _("due {date}").format(
            date=format_date_numeric(c.due_on))  # fmt: skip
        say(f"{format_register_number(c.number, c.fiscal_year, thai=False)}\t"
            f"{format_date_numeric(c.received_on)}\t{c.channel_name}\t{c.reference}\t"
            f"{status}\t{due}")  # fmt: skip
    if not found:
        say(_("No complaint has a reference containing “{text}”.").format(text=args.reference))
    return 0


def register(tree: CommandTree) -> None:
    holidays = tree.grouped("complaints", "holidays",
                            "days off of a year: the holidays package and the office's own",
                            cmd_holidays)  # fmt: skip
    holidays.add_argument("--year", required=True, metavar="YYYY", help="B.E. calendar year")
    imp = tree.grouped("complaints", "import",
                       "import a Traffy Fondue or 1111 export (CSV or XLSX)", cmd_import)  # fmt: skip
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--channel", required=True, metavar="CHANNEL",
                     help="traffy, 1111, … (a channel's code or name)")  # fmt: skip
    imp.add_argument("--column", action="append", metavar="FIELD=COLUMN",
                     help="place a column by hand: reference, received_at, details, subject, "
                          "problem_type, place")  # fmt: skip
    user_option(imp)
    find = tree.grouped("complaints", "find", "find complaints by a referring body's reference",
                        cmd_find)  # fmt: skip
    find.add_argument("--reference", required=True, metavar="TEXT")
    user_option(find)
