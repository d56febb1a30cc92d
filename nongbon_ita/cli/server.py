"""`transfer`: move an office's data from its SQLite file to the office's PostgreSQL server, or
back (services/transfer.py does the work)."""

from __future__ import annotations

import argparse

from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.i18n.translate import _


def cmd_transfer(args: argparse.Namespace) -> int:
    from nongbon_ita.db.location import location_of_text
    from nongbon_ita.services.transfer import transfer

    source = argparse.Namespace(db=args.source)
    target = location_of_text(args.target)
    services = services_of(source)
    user = login(services, args.user)
    require(user, Operation.RESTORE)  # it makes a whole database: the admin's work
    result = transfer(services.ctx, target, user.username)
    say(_("Copied {rows} records and {files} kept files to {target}.").format(
        rows=result.rows, files=result.files, target=result.target))  # fmt: skip
    for line in result.check_lines:
        say(line)
    return 0 if result.ok else 1


def register(tree: CommandTree) -> None:
    transfer = tree.command(
        "transfer",
        "copy everything from one database into a new, empty one (file ↔ server)",
        cmd_transfer,
    )
    transfer.add_argument("--from", dest="source", required=True, metavar="FILE|URL")
    transfer.add_argument("--to", dest="target", required=True, metavar="FILE|URL")
    user_option(transfer)
