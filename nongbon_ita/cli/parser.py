"""Command-line grammar: global options, `VERB KIND` and `AREA VERB` commands.

Each area module (cli/admin.py, cli/documents.py, …) registers its commands in `register(tree)`;
a command's handler is set with `set_defaults(handler=...)`, so no central table needs editing.
Area modules import heavy libraries inside their handlers only: `--version` and the GUI stay fast.
A run builds the parsers of its own command word only (`print …` builds the print commands, not
the other hundred: a tenth of `print o43`'s time); the GUI (no command word) builds none of
them; help and mistakes get the whole tree.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, cast

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
    parser.add_argument("--db", metavar="PATH|URL", default=default,
                        help="SQLite database file, or the office server as "
                             "postgresql://user@host/db (default: NONGBON_ITA_DB)")  # fmt: skip
    parser.add_argument("--lang", choices=("th", "en"), default=default, help="message language")


def user_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="NAME",
                        help="acting user (password from NONGBON_ITA_PASSWORD or a prompt)")  # fmt: skip


class _Unused:
    """What the tree hands out for a command this run does not need: it takes the command's
    arguments and forgets them."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        return None

    def set_defaults(self, **kwargs: Any) -> None:
        return None

    def add_mutually_exclusive_group(self, **kwargs: Any) -> _Unused:
        return self

    add_argument_group = add_mutually_exclusive_group


_UNUSED = cast(argparse.ArgumentParser, _Unused())


class CommandTree:
    """Top-level commands (`check`) and grouped ones (`print o43`, `users add`); with `only`,
    just the command or group of that name (the rest are `_Unused`)."""

    def __init__(self, only: str | None = None) -> None:
        self.only = only
        self.built: set[str] = set()
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
        if self.only is not None and name != self.only:
            return _UNUSED
        self.built.add(name)
        parser: argparse.ArgumentParser = self._top.add_parser(name, help=help_text)
        _global_options(parser, suppress=True)  # --db is accepted after the command too
        parser.set_defaults(handler=handler)
        return parser

    def grouped(
        self, group: str, name: str, help_text: str, handler: Handler
    ) -> argparse.ArgumentParser:
        """`group name`: e.g. grouped("print", "o43", …) or grouped("users", "add", …)."""
        if self.only is not None and group != self.only:
            return _UNUSED
        self.built.add(group)
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


def build_parser(words: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `words` (its command word's parsers only), or the whole tree."""
    from importlib import import_module

    wanted = _command_word(words) if words is not None else None
    tree = CommandTree(wanted)
    if words is not None and wanted is None and not _asks_help(words):
        return tree.parser  # no command: the GUI (or --version) needs no command's parser
    for name in AREA_MODULES:
        import_module(f"nongbon_ita.cli.{name}").register(tree)
    if wanted is not None and wanted not in tree.built:  # a mistake: say what there is
        return build_parser()
    return tree.parser


def _asks_help(words: Sequence[str]) -> bool:
    return "-h" in words or "--help" in words


def _command_word(words: Sequence[str]) -> str | None:
    """The first word that is neither an option nor a global option's value; None if there is
    none or help is asked for (the whole tree then)."""
    if _asks_help(words):
        return None
    value_next = False
    for word in words:
        if value_next:
            value_next = False
        elif word in ("--db", "--lang"):
            value_next = True
        elif not word.startswith("-"):
            return word
    return None
