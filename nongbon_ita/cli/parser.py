"""Command-line grammar: global options, `VERB KIND` and `AREA VERB` commands.

Each area module (cli/admin.py, cli/documents.py, …) registers its commands in `register(tree)`;
a command's handler is set with `set_defaults(handler=...)`, so no central table needs editing.
Area modules import heavy libraries inside their handlers only: `--version` and the GUI stay fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from nongbon_ita import __version__

Handler = Callable[[argparse.Namespace], int]
AREA_MODULES = (
    "admin",
    "account",
    "data",
    "backup_key",
    "documents",
    "assets",
    "ita",
    "complaints",
    "loans",
    "loan_steps",
    "letters",
    "server",
    "oit_site",
    "signing",  # last: adds --sign to every `print` command registered before it
)


class ArgumentError(Exception):
    """Bad command-line words: exit 2 with one line, never argparse's usage dump on stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ArgumentError(message)


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default, help="SQLite database file")
    parser.add_argument("--lang", choices=("th", "en"), default=default, help="message language")


def user_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="NAME",
                        help="acting user (password from NONGBON_ITA_PASSWORD or a prompt)")  # fmt: skip


class CommandTree:
    """Top-level commands (`check`) and grouped ones (`print o43`, `users add`)."""

    def __init__(self) -> None:
        self.parser = _Parser(
            prog="nongbon-ita", description="nongbon-ita: ITA work for a Thai SAO"
        )
        self.parser.add_argument(
            "--version", action="version", version=f"nongbon-ita {__version__}"
        )
        _global_options(self.parser, suppress=False)
        self._top = self.parser.add_subparsers(dest="command", parser_class=_Parser)
        self._groups: dict[str, Any] = {}

    def command(self, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self._top.add_parser(name, help=help_text)
        _global_options(parser, suppress=True)  # --db is accepted after the command too
        parser.set_defaults(handler=handler)
        return parser

    def grouped(
        self, group: str, name: str, help_text: str, handler: Handler
    ) -> argparse.ArgumentParser:
        """`group name`: e.g. grouped("print", "o43", …) or grouped("users", "add", …)."""
        if group not in self._groups:
            group_parser = self._top.add_parser(group, help=f"{group} …")
            _global_options(group_parser, suppress=True)
            self._groups[group] = group_parser.add_subparsers(
                dest=f"{group}_kind", parser_class=_Parser
            )
        parser: argparse.ArgumentParser = self._groups[group].add_parser(name, help=help_text)
        _global_options(parser, suppress=True)
        parser.set_defaults(handler=handler)
        return parser

    def subcommands(self, group: str) -> list[argparse.ArgumentParser]:
        """The parsers of a group's commands (e.g. every `print …`), in registration order."""
        found = self._groups.get(group)
        return list(found.choices.values()) if found is not None else []


def build_parser() -> argparse.ArgumentParser:
    from importlib import import_module

    tree = CommandTree()
    for name in AREA_MODULES:
        import_module(f"nongbon_ita.cli.{name}").register(tree)
    return tree.parser
