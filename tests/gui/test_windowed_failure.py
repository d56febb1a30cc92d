"""The windowed program has no console (sys.stderr is None on Windows): a failure at start-up is
shown in a message box and written to the log file at ERROR level, never lost."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import pytest

from tests.gui.conftest import MessageLog

cli_main = importlib.import_module("nongbon_ita.cli.main")  # the package exports main()


def test_a_windowed_start_up_failure_is_shown_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    log_path = tmp_path / "logs" / "nongbon-ita.log"
    monkeypatch.setattr("nongbon_ita.logging_setup.log_file", lambda: log_path)
    logger = logging.getLogger("nongbon_ita")
    kept_handlers, kept_level = list(logger.handlers), logger.level
    logger.handlers = [h for h in logger.handlers if not hasattr(h, "baseFilename")]

    def broken(_args: object) -> int:
        raise RuntimeError("Qt platform plugin could not be initialized")

    monkeypatch.setattr(cli_main, "_open_gui", broken)
    monkeypatch.setattr(sys, "argv", ["nongbon-ita.exe"])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(cli_main, "_windowed", False)
    try:
        assert cli_main.main_gui() == 1
        for handler in logger.handlers:
            handler.flush()
        assert sys.stderr is not None  # printing goes to the log file now
    finally:
        for handler in logger.handlers:
            if hasattr(handler, "baseFilename"):
                handler.close()
        logger.handlers, logger.level = kept_handlers, kept_level
    assert message_log.boxes and "Qt platform plugin could not be initialized" in message_log.last()
    text = log_path.read_text(encoding="utf-8")
    assert " ERROR nongbon_ita.cli: unexpected failure" in text
    assert "RuntimeError: Qt platform plugin could not be initialized" in text
