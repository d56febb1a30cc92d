"""Saving a made document where the user chose: the suffix they left out, a file open in another
program (Acrobat, Excel) or a full disk told in words they can act on, never a `.partial` left
behind, and save dialogs that start in the user's Documents folder — on Windows the program's
own folder (C:\\Program Files\\…) is where they would start otherwise, and it is not writable."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from nongbon_ita.gui import messages
from nongbon_ita.i18n.translate import _

ChooseAgain = Callable[[str], str | None]  # a suggested path → the path chosen, None: cancelled


def with_suffix(chosen: str, suffix: str) -> Path:
    """The chosen file name, `suffix` (".xlsx") added when it was left out."""
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def in_documents(file_name: str) -> str:
    """A bare suggested file name placed in the user's Documents folder (a path is kept)."""
    if Path(file_name).parent != Path("."):
        return file_name
    from platformdirs import user_documents_dir

    folder = Path(user_documents_dir())
    return str((folder if folder.is_dir() else Path.home()) / file_name)


def another_name(path: Path) -> Path:
    """`report.pdf` → `report (2).pdf`, the first name not taken in the same folder."""
    for number in range(2, 1000):
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path


def _write(path: Path, data: bytes) -> None:
    """Whole or nothing: written beside the target, then put in its place."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def save_bytes(parent: QWidget, path: Path, data: bytes,
               choose_again: ChooseAgain | None = None) -> Path | None:  # fmt: skip
    """Write `data` to `path`; the path written, or None (the reason shown) when refused. A file
    held open by another program offers to save under another name (`choose_again`)."""
    while True:
        try:
            _write(path, data)
            return path
        except PermissionError:
            text = _("{name} is open in another program (Acrobat, Excel …) or read-only, so it "
                     "cannot be replaced. Close it there and save again, or save under another "
                     "name.").format(name=path.name)  # fmt: skip
            if choose_again is None:
                messages.warn(parent, text)
                return None
            if not messages.confirm(parent, text + "\n\n" + _("Save under another name?")):
                return None
            chosen = choose_again(str(another_name(path)))
            if not chosen:
                return None
            path = with_suffix(chosen, path.suffix) if path.suffix else Path(chosen)
        except OSError as err:
            messages.warn(parent, _("The file could not be saved: {reason}").format(
                reason=err.strerror or err))  # fmt: skip
            return None


def write_or_warn(parent: QWidget, path: Path, data: bytes,
                  choose_again: ChooseAgain | None = None) -> bool:  # fmt: skip
    """Write `data` to `path`; False (and the reason shown) when the system refuses."""
    return save_bytes(parent, path, data, choose_again) is not None
