"""Open the services for a command and log the acting user in."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nongbon_ita.cli.prompts import read_password
from nongbon_ita.domain.errors import N_, PermissionDenied
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:  # imported when a command runs, so `--version` and `--help` stay quick
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.domain.users import CurrentUser
    from nongbon_ita.services.registry import Services


def location_of(args: argparse.Namespace) -> DatabaseLocation:
    from nongbon_ita.db.location import resolve_location

    return resolve_location(getattr(args, "db", None))


_opened: list[Services] = []


def services_of(args: argparse.Namespace, must_exist: bool = True) -> Services:
    """Services for the command; closed by `close_all` when the command ends."""
    from nongbon_ita.app import open_services

    services = open_services(location_of(args), must_exist=must_exist)
    _opened.append(services)
    return services


def close_all() -> None:
    """Dispose every engine the command opened: SQLite folds its WAL back into the file."""
    while _opened:
        _opened.pop().ctx.database.dispose()


def login(services: Services, username: str, read_only: bool = False) -> CurrentUser:
    """Log the acting user in; `read_only` commands (prints, exports) never wait for a writer.

    A user with a temporary password may do nothing but change it (`passwd`): the same rule
    the GUI's forced password change applies.
    """
    password = read_password(
        "NONGBON_ITA_PASSWORD", _("Password for {user}: ").format(user=username)
    )
    user = services.auth.login(username, password, channel="cli", read_only=read_only)
    if user.must_change_password:
        raise PermissionDenied(
            N_("{user} signed in with a temporary password: change it first with "
               "“nongbon-ita passwd --user {user}” (the new password from "
               "NONGBON_ITA_NEW_PASSWORD or a prompt). Nothing else is allowed until then."),
            user=user.username,
        )  # fmt: skip
    return user


def say(text: str) -> None:
    print(text)
