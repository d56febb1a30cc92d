"""Evidence files kept by the app: copied into a folder beside the database, with their SHA-256.

The folder is `<database file>.files/evidence/` (so a copy of the database and its folder travel
together), or `files/evidence/` in the user's data folder for an in-memory or server database.
A file is stored as `<fiscal year>/<sha256>/<name>`: the same content added twice is kept once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nongbon_ita.db.engine import Database
from nongbon_ita.db.private_files import private_mkdir
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError

MAX_BYTES = 50 * 1024 * 1024
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


@dataclass(frozen=True)
class StoredFile:
    file_name: str
    relative: str  # posix path under the evidence folder
    sha256: str
    size: int
    created: bool  # False: the same content was already kept


def evidence_root(database: Database) -> Path:
    return database.location.files_dir("evidence")


def safe_name(name: str) -> str:
    """The file's own name, without folders or characters Windows refuses; at most 120 chars."""
    cleaned = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
    if len(cleaned) > 120:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = (stem[: 119 - len(suffix)] + dot + suffix) if dot and len(suffix) < 10 else \
            cleaned[:120]  # fmt: skip
    return cleaned or "evidence"


def store_file(root: Path, fiscal_year: int, source: Path) -> StoredFile:
    """Copy `source` under `root` (hashing while copying); refuses a missing or too large file."""
    if not source.is_file():
        raise NotFoundError(N_("The file {path} does not exist."), path=str(source))
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(
            N_("The file {name} is larger than {limit} MB."), field="file", name=source.name,
            limit=MAX_BYTES // (1024 * 1024),
        )  # fmt: skip
    folder = root / str(fiscal_year)
    private_mkdir(folder)
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".adding-")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        name = safe_name(source.name)
        target = folder / sha / name
        created = not target.exists()
        if created:
            private_mkdir(target.parent)
            os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return StoredFile(name, f"{fiscal_year}/{sha}/{name}", sha, size, created)


def remove_stored(root: Path, relative: str) -> None:
    """Remove a kept file (and its now empty folder); a missing file is fine."""
    path = root / relative
    path.unlink(missing_ok=True)
    if path.parent.is_dir() and not any(path.parent.iterdir()):
        shutil.rmtree(path.parent, ignore_errors=True)
