"""Entry points: parse, dispatch, and turn every outcome into one line and an exit code."""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import sys
from collections.abc import Sequence

from nongbon_ita.cli.parser import ArgumentError, build_parser
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.i18n.translate import _, set_language, translate_message

EXIT_OK, EXIT_FAILURE, EXIT_REFUSED = 0, 1, 2
log = logging.getLogger("nongbon_ita.cli")


def _utf8_streams() -> None:
    """Thai must never crash a console that defaults to another code page (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--self-test"]:  # checks a (frozen) build end to end, before any command parsing
        from nongbon_ita.selftest import run_self_test

        return run_self_test()
    language = os.environ.get("NONGBON_ITA_LANG", "th")
    if "--lang" in words[:-1]:
        language = words[words.index("--lang") + 1]
    set_language(language)
    try:
        args = build_parser(words).parse_args(words)
        if args.command is None:
            return _open_gui(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            raise ArgumentError(_("Incomplete command; see nongbon-ita --help."))
        return int(handler(args))
    except ArgumentError as error:
        print(_("Bad command: {error}").format(error=error), file=sys.stderr)
        return EXIT_REFUSED
    except DomainError as error:
        print(translate_message(error.message_id, error.params), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(_("Cancelled."), file=sys.stderr)
        return EXIT_REFUSED
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            return _unexpected(error)
        # whichever command met it, a name too long for the file system was typed by the user
        print(_("The file name is too long for this computer: {path}").format(
            path=_shortened(str(error.filename or ""))), file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    except Exception as error:  # the last line of defence: one line, never a traceback
        return _unexpected(error)
    finally:
        from nongbon_ita.cli.session import close_all

        close_all()


def _unexpected(error: Exception) -> int:
    busy = _busy_message(error)
    if busy:  # the write lock was held past the busy timeout outside a transaction
        print(busy, file=sys.stderr)
        return EXIT_REFUSED
    log.error("unexpected failure", exc_info=True)
    line = _("Unexpected error: {error}").format(error=f"{type(error).__name__}: {error}")
    print(line, file=sys.stderr)
    if _windowed:  # no console: the user would see nothing at all
        from nongbon_ita.app import show_fatal_error

        show_fatal_error(line)
    return EXIT_FAILURE


def _shortened(path: str, keep: int = 60) -> str:
    """An over-long name cut in the middle, so the message stays one readable line."""
    return path if len(path) <= keep else f"{path[: keep // 2]}…{path[-keep // 2 :]}"


def _busy_message(error: Exception) -> str:
    from nongbon_ita.db.locks import BUSY_MESSAGE, is_busy  # SQLAlchemy: only on this path

    return translate_message(BUSY_MESSAGE, {}) if is_busy(error) else ""


def _open_gui(args: argparse.Namespace) -> int:
    from nongbon_ita.app import run_gui
    from nongbon_ita.db.location import resolve_location

    return run_gui(resolve_location(args.db), sys.argv[:1])


def gui_options(words: Sequence[str]) -> list[str]:
    """The global options (`--db PATH`, `--lang en`, or `--db=PATH`) and nothing else."""
    kept: list[str] = []
    pending = False
    for word in words:
        if pending:
            kept.append(word)
            pending = False
        elif word in ("--db", "--lang"):
            kept.append(word)
            pending = True
        elif word.startswith(("--db=", "--lang=")):
            kept.append(word)
    return kept


_windowed = False  # set by main_gui when there is no console to print to


def main_gui() -> int:
    """The windowed executable: always the GUI, whatever else a shortcut passes. A windowed
    program on Windows has no console (sys.stderr is None): what it would print goes to the log
    file, and a failure at start-up is shown in a message box as well as logged (ERROR)."""
    global _windowed
    if sys.stderr is None or sys.stdout is None:
        from nongbon_ita.logging_setup import configure_logging, console_to_log

        configure_logging()
        console_to_log()
        _windowed = True
    return main(gui_options(sys.argv[1:]))
