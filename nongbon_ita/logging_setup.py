"""The log file: where the GUI's error handler writes what users are told was logged."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path


def log_file() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("nongbon-ita", appauthor=False)) / "nongbon-ita.log"


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Log `nongbon_ita.*` to a rotating file (1 MB × 5); returns its path, None if unwritable."""
    path = log_file()
    logger = logging.getLogger("nongbon_ita")
    if any(isinstance(h, RotatingFileHandler) for h in logger.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None  # a read-only profile must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path


def console_to_log() -> None:
    """No console (a windowed program): sys.stdout and sys.stderr, None there, write to the log
    file instead, so that a print or a dying library's message is kept rather than lost."""
    import sys
    from typing import TextIO

    stream: TextIO
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(path, "a", encoding="utf-8", errors="replace")  # noqa: SIM115 (kept open)
    except OSError:
        import io

        stream = io.StringIO()  # nowhere to write: at least printing never fails
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
