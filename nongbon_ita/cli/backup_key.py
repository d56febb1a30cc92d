"""The office backup key: `backup-key create --out FILE --user ADMIN`, `backup-key remove`."""

from __future__ import annotations

import argparse
from pathlib import Path

from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.prompts import read_password
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.i18n.translate import _

KEY_PASSPHRASE_ENV = "NONGBON_ITA_BACKUP_PASSPHRASE"  # the key file's passphrase, as for backups


def read_key_file(path: str) -> bytes:
    """The key file's content (`restore --key FILE`); a clear refusal when it cannot be read."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise NotFoundError(N_("File not found: {path}"), path=str(file))
    return file.read_bytes()


def cmd_create(args: argparse.Namespace) -> int:
    from nongbon_ita.services.backup_keys import create_office_key

    services = services_of(args)
    user = login(services, args.user)
    passphrase = read_password(KEY_PASSPHRASE_ENV, _("Passphrase of the new key file: "),
                               confirm=True)  # fmt: skip
    out = Path(args.out).expanduser().absolute()
    found = create_office_key(services.ctx, user, passphrase, out)
    say(_("Office backup key {key} created. Its key file is {path}: keep it and its passphrase "
          "away from this PC (a USB stick in the safe, a printout); every backup from now on is "
          "sealed to it, and restoring one needs both.").format(key=found, path=out))  # fmt: skip
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from nongbon_ita.services.backup_keys import forget_office_key

    services = services_of(args)
    forget_office_key(services.ctx, login(services, args.user))
    say(_("The office backup key was removed: new backups are no longer sealed to it."))
    return 0


def register(tree: CommandTree) -> None:
    create = tree.grouped("backup-key", "create", "make the office backup key (backups are "
                          "sealed to it; the private key file stays with the admin)", cmd_create)  # fmt: skip
    create.add_argument("--out", required=True, metavar="FILE", help="the new key file")
    user_option(create)
    remove = tree.grouped("backup-key", "remove", "stop sealing backups to the office key",
                          cmd_remove)  # fmt: skip
    user_option(remove)
