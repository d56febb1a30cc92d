"""Break units and shaped runs remembered between runs, in the user cache.

Cutting a paragraph into break units (word segmentation, the longer-word preference, the no-break
glue) and shaping its words with HarfBuzz give the same result every time the same text is
printed under the same office words — and the office prints the same reports, letters and
registers again and again. Together they were a quarter of `print o43`'s time (with the
dictionary loaded only to tokenise), so what a rendering under `keep_whole(words)` computed is
kept in the user cache and read back by the next run: the units of each text (one file per
word list) and each face's shaped runs. A file's name covers everything its content depends on:
the engine's own source (any change to the rules starts a new file), the app's version, the
dictionary and font files, and for units the office's words.

Like everything in the user cache it may be deleted at any time: a missing, unreadable or
damaged file only costs the work again (callers check what they read back).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import threading
from pathlib import Path
from typing import Any

from nongbon_ita.user_cache import user_cache, write_cache_file

MAX_ENTRIES = 20_000  # a file that grew past this starts afresh (a long-running GUI session)
_ENGINE = (
    "linebreak.py",
    "longwords.py",
    "nobreak.py",
    "segment.py",
    "shaping.py",
    "fonts.py",
    "layout_cache.py",
)


class _Store:
    def __init__(self, path: Path, entries: dict[str, Any]) -> None:
        self.path = path
        self.entries = entries
        self.dirty = False


_lock = threading.Lock()
_stores: dict[str, _Store] = {}
_engine_key: str | None = None


def _file_key(path: Path) -> str:
    with contextlib.suppress(OSError):
        stat = path.stat()
        return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
    return str(path)


def _engine() -> str:
    """A digest of the engine's rules (its source), the app's version and the dictionary."""
    global _engine_key
    if _engine_key is None:
        from nongbon_ita import __version__
        from nongbon_ita.reports.thai.segment import dictionary_path

        digest = hashlib.sha256(__version__.encode())
        here = Path(__file__).parent
        for name in _ENGINE:
            with contextlib.suppress(OSError):  # a frozen build has no sources: its version
                digest.update((here / name).read_bytes())
        digest.update(_file_key(dictionary_path()).encode())
        _engine_key = digest.hexdigest()[:16]
    return _engine_key


def _store(kind: str, key: str) -> _Store:
    name = f"{kind}-{_engine()}-{key}.marshal"
    with _lock:
        store = _stores.get(name)
        if store is None:
            path = user_cache("layout") / name
            entries: dict[str, Any] = {}
            try:
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    entries = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass  # not there yet, or unreadable: it is written again
            store = _stores[name] = _Store(path, entries)
        return store


def lookup(kind: str, key: str, text: str) -> Any:
    """What an earlier run kept for `text` (None if nothing): check its shape before use."""
    return _store(kind, key).entries.get(text)


def remember(kind: str, key: str, text: str, value: Any) -> None:
    """Keep `value` (made of tuples, strings, numbers and bools only) for `text`."""
    store = _store(kind, key)
    with _lock:
        if len(store.entries) >= MAX_ENTRIES:
            store.entries.clear()
        store.entries[text] = value
        store.dirty = True


def save() -> None:
    """Write every store that grew (at the end of a document's rendering)."""
    with _lock:
        pending = [(s.path, marshal.dumps(s.entries)) for s in _stores.values() if s.dirty]
        for store in _stores.values():
            store.dirty = False
    for path, data in pending:
        with contextlib.suppress(OSError):  # a read-only cache only costs the work again
            write_cache_file(path, data)


def font_key(name: str, path: Path) -> str:
    """The key of one face's runs: its name and its file."""
    return hashlib.sha256(f"{name}|{_file_key(path)}".encode()).hexdigest()[:16]
