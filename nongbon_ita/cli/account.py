"""The acting user's own account: `passwd` changes one's password (a temporary one included).

It is the only command a user with a temporary password may run (cli/session.py refuses the
others), so it logs in without that check.
"""

from __future__ import annotations

import argparse

from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.prompts import read_password
from nongbon_ita.cli.session import say, services_of
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.translate import _


def cmd_passwd(args: argparse.Namespace) -> int:
    services = services_of(args)
    current = read_password(
        "NONGBON_ITA_PASSWORD", _("Current password for {user}: ").format(user=args.user)
    )
    user = services.auth.login(args.user, current, channel="cli")
    new = read_password("NONGBON_ITA_NEW_PASSWORD", _("New password: "), confirm=True)
    if new == current:
        raise ValidationError(
            N_("The new password must differ from the current one."), field="password"
        )
    services.auth.change_own_password(user, current, new)
    say(_("The password of {user} was changed.").format(user=user.username))
    return 0


def register(tree: CommandTree) -> None:
    passwd = tree.command(
        "passwd", "change your own password (a temporary one must be changed first)", cmd_passwd
    )
    user_option(passwd)
