"""Open a kept file (a complaint's attachment from the public, a measure's evidence) with the
system's program for it — except a file that would run as a program. Handing an `.exe`, a
script or a shortcut to the system handler on Windows runs it; those are refused and their
folder is opened instead, so the file can still be looked at (or scanned) knowingly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from nongbon_ita.gui import messages
from nongbon_ita.i18n.translate import _

# what Windows runs (or hands to a script host) when it is "opened"
RUNS_AS_PROGRAM = frozenset([".exe", ".com", ".scr", ".pif", ".bat", ".cmd", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".ps1", ".psm1", ".msi", ".msp", ".msc", ".lnk", ".url", ".hta", ".cpl", ".jar", ".reg", ".inf", ".scf", ".application", ".gadget", ".appref-ms", ".dll", ".sys", ".chm", ".py", ".pyw", ".sh", ".appx", ".msix", ".iso", ".img", ".vhd", ".vhdx"])  # fmt: skip


def runs_as_program(path: Path) -> bool:
    return path.suffix.lower() in RUNS_AS_PROGRAM or path.name.lower().endswith(".desktop")


def open_kept_file(parent: QWidget | None, path: Path) -> bool:
    """Open `path` with its usual program; a runnable file is refused and its folder opened.
    True when the file itself was opened."""
    if runs_as_program(path):
        messages.warn(parent, _("{name} is a program or a script: it is not opened from here, "
                                "because opening it would run it. Its folder is opened instead."
                                ).format(name=path.name))  # fmt: skip
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        return False
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return True
