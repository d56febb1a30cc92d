"""Saving a made document where the user chose: the suffix they left out, and a full disk or a
locked file told in words they can act on (not the "something went wrong" of unexpected errors)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from nongbon_ita.gui import messages
from nongbon_ita.i18n.translate import _


def with_suffix(chosen: str, suffix: str) -> Path:
    """The chosen file name, `suffix` (".xlsx") added when it was left out."""
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def write_or_warn(parent: QWidget, path: Path, data: bytes) -> bool:
    """Write `data` to `path`; False (and the reason shown) when the system refuses."""
    try:
        path.write_bytes(data)
    except OSError as err:
        messages.warn(parent, _("The file could not be saved: {reason}").format(
            reason=err.strerror or err))  # fmt: skip
        return False
    return True
