"""Qt's own dialogs in Thai: the file dialog, the print and page set-up dialogs, message box
buttons, About Qt, the right-click menu of text fields.

PySide6 ships no Thai translation of Qt (no qtbase_th.qm). translations/qt/qt_th.ts holds Thai
for the texts of those dialogs (their source texts and contexts as Qt's own catalogs have them);
it is compiled to qt_th.qm by the build (packaging/build_support.py) or, from source, once into
the user cache with PySide6's lrelease, and installed as a QTranslator. A QTranslator that loads
a .qm file runs in C++ only — unlike a Python subclass, which breaks QImage.fromData (see
qt_strings.py). On Windows the file and print dialogs are Windows' own and follow Windows'
language; the translator covers Qt's dialogs (Linux, and Windows without native dialogs),
message boxes and menus everywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from nongbon_ita.resources_path import resource_path
from nongbon_ita.user_cache import user_cache

log = logging.getLogger(__name__)


def lrelease_program() -> str | None:
    """PySide6's lrelease (beside the package), else pyside6-lrelease on the PATH."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.is_file():
        return str(bundled)
    return shutil.which("pyside6-lrelease")


def compile_ts(source: Path, target: Path) -> bool:
    """source.ts → target.qm (whole or not at all); False when lrelease is missing or fails."""
    program = lrelease_program()
    if program is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part.qm")
    try:
        done = subprocess.run([program, "-silent", str(source), "-qm", str(partial)],
                              capture_output=True, timeout=60, check=False)  # fmt: skip
        if done.returncode != 0 or not partial.is_file():
            return False
        os.replace(partial, target)
        return True
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def qt_catalog(language: str) -> Path | None:
    """The compiled Qt catalog for `language`: shipped with a build, else made from the .ts."""
    built = resource_path("qt", f"qt_{language}.qm", kind="translations")
    if built.is_file():
        return built
    source = resource_path("qt", f"qt_{language}.ts", kind="translations")
    if not source.is_file():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    cached = user_cache("i18n") / f"qt_{language}-{digest}.qm"
    if cached.is_file() or compile_ts(source, cached):
        return cached
    log.warning("Qt's dialogs stay in English: %s could not be compiled", source)
    return None


_installed: dict[str, QTranslator] = {}


def install_qt_translator(app: QCoreApplication, language: str) -> bool:
    """Qt's own texts in `language` from now on; English (Qt's own) removes the others."""
    for other in [code for code in _installed if code != language]:
        app.removeTranslator(_installed.pop(other))
    if language == "en" or language in _installed:
        return language in _installed
    catalog = qt_catalog(language)
    if catalog is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(catalog)):
        log.warning("Qt's dialogs stay in English: %s could not be loaded", catalog)
        return False
    app.installTranslator(translator)
    _installed[language] = translator
    return True
