"""Encrypted backups: a folder (the database copy and its kept files) as one file, sealed with a
passphrase.

Built from `cryptography`'s primitives only: the key comes from the passphrase by scrypt (salt
and cost stored in the header), the tar stream of the folder is sealed by AES-256-GCM in 1 MiB
chunks — the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015): each chunk's nonce is
a random per-file prefix, the chunk's number and a last-chunk flag, and the header is
authenticated with every chunk, so a chunk cannot be changed, moved, dropped or the file cut
short without the passphrase check failing. Nothing is decrypted into the destination until it
authenticates chunk by chunk.
"""

from __future__ import annotations

import io
import os
import struct
import tarfile
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from nongbon_ita.domain.errors import N_, DatabaseRefused, ValidationError

MAGIC = b"NONGBON-ITA-ENCRYPTED-BACKUP-1\n"
CHUNK = 1 << 20
TAG = 16
SALT, PREFIX = 16, 7
MIN_PASSPHRASE = 10
_HEADER = struct.Struct(f">BBB{SALT}s{PREFIX}s")  # log2(n), r, p, salt, nonce prefix


def scrypt_cost() -> int:
    """log2 of scrypt's n: 2^17 (128 MiB, ~0.5 s) normally; tiny for the test suite."""
    return 10 if os.environ.get("NONGBON_ITA_CHEAP_HASHING") == "1" else 17


KEY_MAGIC = b"NONGBON-ITA-KEY-BACKUP-1\n"  # sealed to the office backup key (backup_keys.py)


def is_encrypted(path: Path) -> bool:
    """Sealed, with a passphrase or to the office backup key."""
    with path.open("rb") as handle:
        start = handle.read(max(len(MAGIC), len(KEY_MAGIC)))
    return start.startswith(MAGIC) or start.startswith(KEY_MAGIC)


def sealed_to_key(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(KEY_MAGIC)) == KEY_MAGIC


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            N_("The passphrase must be at least {n} characters long."),
            field="passphrase", n=MIN_PASSPHRASE,
        )  # fmt: skip


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    if not 10 <= log_n <= 20 or not 1 <= r <= 16 or not 1 <= p <= 4:  # a forged header's cost
        raise _refused()
    return Scrypt(salt=salt, length=32, n=1 << log_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def _refused() -> DatabaseRefused:
    return DatabaseRefused(N_("Wrong passphrase, or the encrypted backup was damaged or changed."))


class _SealingWriter(io.RawIOBase):
    """A write-only stream that seals what it is given, chunk by chunk, into `out`."""

    def __init__(self, out: BinaryIO, aead: AESGCM, prefix: bytes, header: bytes) -> None:
        super().__init__()
        self.out, self.aead, self.prefix, self.header = out, aead, prefix, header
        self.buffer = bytearray()
        self.index = 0

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        view = memoryview(data)  # type: ignore[arg-type]
        self.buffer += view
        while len(self.buffer) > CHUNK:  # keep at least one byte back: the last chunk is flagged
            self._seal(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(view)

    def _seal(self, chunk: bytes, last: bool) -> None:
        nonce = _nonce(self.prefix, self.index, last)
        self.out.write(self.aead.encrypt(nonce, chunk, self.header))
        self.index += 1

    def finish(self) -> None:
        self._seal(bytes(self.buffer), last=True)
        self.buffer.clear()


def encrypt_folder(folder: Path, out: Path, passphrase: str) -> None:
    """Seal every file under `folder` (paths relative to it) into the new file `out`."""
    check_passphrase(passphrase)
    salt, prefix, log_n = os.urandom(SALT), os.urandom(PREFIX), scrypt_cost()
    header = MAGIC + _HEADER.pack(log_n, 8, 1, salt, prefix)
    seal_folder(folder, out, header, _key(passphrase, salt, log_n, 8, 1), prefix)


def seal_folder(folder: Path, out: Path, header: bytes, key: bytes, prefix: bytes) -> None:
    """The sealed stream (STREAM over AES-256-GCM, `header` authenticated with every chunk) of
    a tar of `folder`, written to the new file `out`; the key comes from the caller (a
    passphrase here, the office backup key in backup_keys.py)."""
    aead = AESGCM(key)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(header)
        writer = _SealingWriter(handle, aead, prefix, header)
        with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            for path in sorted(folder.rglob("*")):
                tar.add(path, arcname=path.relative_to(folder).as_posix(), recursive=False)
        writer.finish()


class _OpeningReader(io.RawIOBase):
    """A read-only stream of the opened chunks, in order; the last must carry the last flag."""

    def __init__(self, handle: BinaryIO, aead: AESGCM, prefix: bytes, header: bytes) -> None:
        super().__init__()
        self.handle, self.aead, self.prefix, self.header = handle, aead, prefix, header
        self.index, self.done = 0, False
        self.pending = b""
        self.block = handle.read(CHUNK + TAG)

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        following = self.handle.read(CHUNK + TAG)
        last = not following
        try:
            self.pending = self.aead.decrypt(
                _nonce(self.prefix, self.index, last), self.block, self.header
            )
        except InvalidTag:
            raise _refused() from None
        self.block, self.index, self.done = following, self.index + 1, last

    def readinto(self, buffer: object) -> int:
        view = memoryview(buffer)  # type: ignore[arg-type]
        while not self.pending and not self.done:
            self._next_chunk()
        size = min(len(view), len(self.pending))
        view[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def decrypt_folder(path: Path, passphrase: str, into: Path) -> None:
    """Open `path` into the (empty, private) folder `into`; refused whole if anything is wrong."""
    with path.open("rb") as handle:
        header = handle.read(len(MAGIC) + _HEADER.size)
        if not header.startswith(MAGIC) or len(header) < len(MAGIC) + _HEADER.size:
            raise _refused()
        log_n, r, p, salt, prefix = _HEADER.unpack(header[len(MAGIC) :])
        open_folder(handle, header, _key(passphrase, salt, log_n, r, p), prefix, into)


def open_folder(handle: BinaryIO, header: bytes, key: bytes, prefix: bytes, into: Path) -> None:
    """The chunks after `header` opened and unpacked into `into`; refused whole if any chunk
    fails to authenticate, or the stream was cut short."""
    reader = io.BufferedReader(_OpeningReader(handle, AESGCM(key), prefix, header), CHUNK)
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            tar.extractall(into, filter="data")  # no absolute paths, no "..", no links out
        while reader.read(CHUNK):  # the rest (tar padding) is authenticated too, to the
            pass  # last-flagged chunk: a file cut short is refused, not half-restored
    except tarfile.TarError:
        raise _refused() from None
