"""The per-user cache folder: things rebuilt from shipped files once, then reused by every run.

Everything in it can be deleted at any time; a read-only or missing folder only costs the
rebuild again (callers ignore OSError when writing).
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache(kind: str) -> Path:
    """`<user cache>/nongbon-ita/<kind>` (e.g. ~/.cache/nongbon-ita/i18n); not created here."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("nongbon-ita", appauthor=False)) / kind


def write_cache_file(path: Path, data: bytes) -> None:
    """Write whole or not at all (a crash never leaves half a file for the next run to trust)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)  # Windows refuses while another process reads `path`
    except OSError:
        partial.unlink(missing_ok=True)
        raise
