"""The office backup key: daily and manual backups encrypted without a passphrase at each start,
and without a secret kept beside the database.

The admin creates the key once. Its private half goes into a key file protected by a passphrase
(kept by the admin: printed, on a USB stick in the office safe); only the public half is stored
in the database's settings. Every backup is then sealed to the public key, which can only seal:
someone holding the PC, the database and every backup still cannot open one without the key
file and its passphrase. `restore` asks for both.

Built from `cryptography`'s standard pieces in the standard way (as age and HPKE do): an
ephemeral X25519 key agreement with the office key, HKDF-SHA256 over the shared secret and both
public keys gives the AES-256-GCM key of this backup alone, and the backup is sealed chunk by
chunk as a passphrase backup is (backup_crypto.seal_folder, the header authenticated with every
chunk). The key file is the private key in PKCS#8 PEM, encrypted with the passphrase by
`cryptography`'s BestAvailableEncryption.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from nongbon_ita.domain.errors import N_, DatabaseRefused, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.backup_crypto import (
    KEY_MAGIC,
    PREFIX,
    check_passphrase,
    open_folder,
    seal_folder,
)
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import get_setting, put_setting

PUBLIC_KEY = "backup.public_key"  # base64 of the 32-byte X25519 public key; "" or unset: none
_INFO = b"nongbon-ita backup key v1"
_RAW = 32
KEY_REFUSED = N_("The key file or its passphrase is wrong, or the file is not an office backup "
                 "key.")  # fmt: skip


def key_id(public: bytes) -> str:
    """A short name for the key (shown in the app and written on the key file's label)."""
    return hashlib.sha256(public).hexdigest()[:12]


def office_public_key(ctx: ServiceContext) -> bytes | None:
    with ctx.reading() as session:
        value = get_setting(session, PUBLIC_KEY)
    return base64.b64decode(value) if value else None


def create_office_key(ctx: ServiceContext, user: CurrentUser, passphrase: str, out: Path) -> str:
    """Make the office key: the private half into the new file `out` (never over a file), the
    public half into the settings; returns the key's id. A key made before is replaced: backups
    sealed to it still need its own key file."""
    require(user, Operation.BACKUP)
    check_passphrase(passphrase)
    if out.exists() or out.is_symlink():
        raise ValidationError(N_("{path} already exists; a backup never overwrites a file. Choose "
                                 "a new name."), field="out", path=str(out))  # fmt: skip
    if not out.parent.is_dir():
        raise NotFoundError(N_("Folder not found: {path}"), path=str(out.parent))
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )  # fmt: skip
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    with ctx.transaction() as session:
        before = get_setting(session, PUBLIC_KEY) or ""
        put_setting(session, PUBLIC_KEY, base64.b64encode(public).decode("ascii"))
        record_event(ctx, session, user.username, "backup.key_created", "setting", "backup",
                     before={"key": key_id(base64.b64decode(before)) if before else ""},
                     after={"key": key_id(public)})  # fmt: skip
    return key_id(public)


def forget_office_key(ctx: ServiceContext, user: CurrentUser) -> None:
    """Back to plain daily backups (or passphrase ones made by hand)."""
    require(user, Operation.BACKUP)
    with ctx.transaction() as session:
        before = get_setting(session, PUBLIC_KEY) or ""
        put_setting(session, PUBLIC_KEY, "")
        record_event(ctx, session, user.username, "backup.key_removed", "setting", "backup",
                     before={"key": key_id(base64.b64decode(before)) if before else ""})  # fmt: skip


def _backup_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_INFO)
    return hkdf.derive(shared)


def seal_to_key(folder: Path, out: Path, public: bytes) -> None:
    """Seal `folder` into the new file `out` for the holder of the office key's private half."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    prefix = os.urandom(PREFIX)
    header = KEY_MAGIC + public + ephemeral_raw + prefix
    seal_folder(folder, out, header, _backup_key(shared, ephemeral_raw, public), prefix)


def load_private_key(pem: bytes, passphrase: str) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise DatabaseRefused(KEY_REFUSED) from None
    if not isinstance(key, X25519PrivateKey):
        raise DatabaseRefused(KEY_REFUSED)
    return key


def open_with_key(path: Path, pem: bytes, passphrase: str, into: Path) -> None:
    """Open a backup sealed to the office key into the (empty, private) folder `into`."""
    private = load_private_key(pem, passphrase)
    mine = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    with path.open("rb") as handle:
        header = handle.read(len(KEY_MAGIC) + 2 * _RAW + PREFIX)
        if len(header) < len(KEY_MAGIC) + 2 * _RAW + PREFIX or not header.startswith(KEY_MAGIC):
            raise DatabaseRefused(N_("Wrong passphrase, or the encrypted backup was damaged or "
                                     "changed."))  # fmt: skip
        recipient = header[len(KEY_MAGIC) : len(KEY_MAGIC) + _RAW]
        ephemeral = header[len(KEY_MAGIC) + _RAW : len(KEY_MAGIC) + 2 * _RAW]
        prefix = header[len(KEY_MAGIC) + 2 * _RAW :]
        if recipient != mine:
            raise DatabaseRefused(
                N_("This backup was sealed to another office backup key ({wanted}); the key "
                   "file given is {given}."), wanted=key_id(recipient), given=key_id(mine),
            )  # fmt: skip
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        open_folder(handle, header, _backup_key(shared, ephemeral, recipient), prefix, into)
