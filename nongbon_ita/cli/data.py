"""Data-safety commands: check, backup, restore, reset-admin."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.cli.backup_key import read_key_file
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.prompts import read_password
from nongbon_ita.cli.session import location_of, login, say, services_of
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.services.backup_check import OpenedBackup

PASSPHRASE_ENV = "NONGBON_ITA_BACKUP_PASSPHRASE"


def _passphrase() -> str:
    return read_password(PASSPHRASE_ENV, _("Backup passphrase: "))


def cmd_check(args: argparse.Namespace) -> int:
    from nongbon_ita.services import maintenance, orphans

    services = services_of(args)
    if args.repair:
        if not args.user:
            raise ValidationError(N_("check --repair needs --user NAME (an administrator)."))
        removed = orphans.repair(services.ctx, login(services, args.user))
        say(_("Removed {n} files that had no record.").format(n=removed))
    against = [Path(p).expanduser().absolute() for p in args.against or []]
    result = maintenance.run_check(services.ctx, against, _passphrase)
    for line in maintenance.check_report(result):
        say(line)
    return 0 if result.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from nongbon_ita.services.backup_store import backup_database

    services = services_of(args)
    user = login(services, args.user)
    require(user, Operation.BACKUP)
    passphrase = None
    if args.encrypt:
        passphrase = read_password(PASSPHRASE_ENV, _("Backup passphrase: "), confirm=True)
    out = backup_database(services.ctx, user.username, Path(args.out), passphrase)
    say(_("Backup written: {path}").format(path=out))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from nongbon_ita.app import hashing_cost_from_env
    from nongbon_ita.services.restore import admin_in_backup, restore_file

    location = location_of(args)
    backup = Path(args.file).expanduser().absolute()
    if location.is_server:
        return _restore_server(args, location, backup)
    if location.file is None:
        raise ValidationError(N_("Backup and restore work on a SQLite database file only."))
    if location.file.exists():  # the admin logs in to the database being replaced
        current = services_of(args)
        user = login(current, args.user)
        require(user, Operation.RESTORE)
        current.ctx.database.dispose()
        username = user.username

        def actor(opened: OpenedBackup) -> str:
            return username
    else:  # a new PC: the admin must be one in the backup
        password = read_password("NONGBON_ITA_PASSWORD", _("Password for {user}: ").format(
            user=args.user))  # fmt: skip

        def actor(opened: OpenedBackup) -> str:
            return admin_in_backup(opened.database, args.user, password, hashing_cost_from_env())

    key = (lambda: read_key_file(args.key)) if args.key else None
    outcome = restore_file(location.file, backup, actor, datetime.now(UTC), _passphrase,
                           args.other_office, key=key)  # fmt: skip
    if outcome.kept is None:
        say(_("Restored from {backup}.").format(backup=backup))
    else:
        say(_("Restored from {backup}; the previous database was kept as {kept}.").format(
            backup=backup, kept=outcome.kept))  # fmt: skip
    return 0


def _restore_server(args: argparse.Namespace, location: DatabaseLocation, backup: Path) -> int:
    """The admin logs in to the server's database being replaced (services/server_backup.py)."""
    from nongbon_ita.services.server_backup import restore_server

    current = services_of(args)
    user = login(current, args.user)
    require(user, Operation.RESTORE)
    current.ctx.database.dispose()
    kept = restore_server(location, backup, user.username, datetime.now(UTC), _passphrase,
                          args.other_office)  # fmt: skip
    say(_("Restored from {backup}; the previous database was kept as {kept}.").format(
        backup=backup, kept=kept))  # fmt: skip
    return 0


def cmd_reset_admin(args: argparse.Namespace) -> int:
    if args.recovery_code is not None:
        raise ValidationError(
            N_("The recovery code is not taken on the command line, where other users can see "
               "it: set NONGBON_ITA_RECOVERY_CODE or type it at the prompt.")
        )  # fmt: skip
    services = services_of(args)
    code = read_password("NONGBON_ITA_RECOVERY_CODE", _("Recovery code: "))
    password = read_password("NONGBON_ITA_NEW_PASSWORD", _("New admin password: "), confirm=True)
    username, fresh = services.setup.reset_admin(code, password, args.admin)
    say(_("The password of {user} was reset.").format(user=username))
    say(_("The recovery code was used up. New recovery code (shown once — write it down and "
          "keep it safe): {code}").format(code=fresh))  # fmt: skip
    return 0


def register(tree: CommandTree) -> None:
    check = tree.command("check", "verify the database, the audit trail and kept files", cmd_check)
    check.add_argument("--against", action="append", metavar="BACKUP",
                       help="also compare the audit trail with this backup")  # fmt: skip
    check.add_argument("--repair", action="store_true",
                       help="remove kept files that no record refers to (admin)")  # fmt: skip
    user_option(check, required=False)
    backup = tree.command("backup", "copy the database safely while it is in use", cmd_backup)
    backup.add_argument("--out", required=True, metavar="FILE")
    backup.add_argument("--encrypt", action="store_true",
                        help=f"seal with a passphrase ({PASSPHRASE_ENV} or a prompt)")  # fmt: skip
    user_option(backup)
    restore = tree.command("restore", "replace the database with a checked backup", cmd_restore)
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--other-office", action="store_true",
                         help="confirm restoring another office's backup")  # fmt: skip
    restore.add_argument("--key", metavar="FILE", default=None,
                         help="the office backup key file, for a backup sealed to it")  # fmt: skip
    user_option(restore)
    reset = tree.command("reset-admin", "set a new admin password with the recovery code "
                         "(NONGBON_ITA_RECOVERY_CODE or a prompt)", cmd_reset_admin)  # fmt: skip
    reset.add_argument("--recovery-code", default=None, help=argparse.SUPPRESS)
    reset.add_argument("--admin", metavar="USER", default=None)
