"""Database and user administration commands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.prompts import read_password
from nongbon_ita.cli.session import location_of, login, say, services_of
from nongbon_ita.domain.errors import N_, DatabaseRefused, ValidationError
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.roles import Role, parse_roles
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    pass


def _new_file(args: argparse.Namespace) -> Path | None:
    """Commands that create a database refuse an existing file."""
    location = location_of(args)
    if location.file is not None and location.file.exists():
        raise DatabaseRefused(
            N_("{path} already exists; choose a new file name."), path=str(location.file)
        )
    return location.file


def cmd_init(args: argparse.Namespace) -> int:
    _new_file(args)
    services = services_of(args, must_exist=False)
    password = read_password("NONGBON_ITA_PASSWORD", _("New admin password: "), confirm=True)
    office = OfficeProfile(
        name=args.office_name,
        short_name=args.short_name or args.office_name,
        district=args.district,
        province=args.province,
    )
    full_name = args.admin_full_name or args.admin
    code = services.setup.initialise(office, args.admin, full_name, password)
    say(_("Database created for {office}; administrator: {admin}.").format(
        office=office.name, admin=args.admin.strip().lower()))  # fmt: skip
    say(_("Recovery code (shown once — write it down and keep it safe): {code}").format(code=code))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from nongbon_ita.demo.build import DEMO_PASSWORD, DEMO_USERS, build_demo

    path = _new_file(args)
    services = services_of(args, must_exist=False)
    code = build_demo(services)
    users = ", ".join(["admin", *(role.value for role, *_rest in DEMO_USERS)])
    say(_("Demo database created: {path}").format(path=path or location_of(args).shown))
    say(
        _("Users: {users} — password for all: {password}").format(
            users=users, password=DEMO_PASSWORD
        )
    )
    say(_("Recovery code: {code}").format(code=code))
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user)
    try:
        roles = parse_roles(args.roles)
    except ValueError as error:
        raise ValidationError(
            N_("Unknown role: {role}. Roles: {roles}"),
            field="roles",
            role=str(error),
            roles=", ".join(r.value for r in Role),
        ) from None
    require(actor, Operation.MANAGE_USERS)
    password = read_password("NONGBON_ITA_NEW_PASSWORD",
                             _("Password for {user}: ").format(user=args.name), confirm=True)  # fmt: skip
    user = services.users.create_user(
        actor, args.name, args.full_name, roles, password, args.position
    )
    say(_("User {user} added with roles {roles}; they change the password at first login.").format(
        user=user.username, roles=", ".join(sorted(user.roles))))  # fmt: skip
    return 0


def register(tree: CommandTree) -> None:
    init = tree.command("init", "create a new database with its office and first admin", cmd_init)
    init.add_argument("--office-name", required=True)
    init.add_argument("--short-name", default="")
    init.add_argument("--district", required=True)
    init.add_argument("--province", required=True)
    init.add_argument("--admin", required=True, metavar="USER")
    init.add_argument("--admin-full-name", default="")
    tree.command("demo", "build the demo database (refuses to overwrite a file)", cmd_demo)
    add = tree.grouped("users", "add", "add a user", cmd_users_add)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--full-name", required=True)
    add.add_argument("--roles", required=True, metavar="ROLE[,ROLE]")
    add.add_argument("--position", default="")
    user_option(add)
