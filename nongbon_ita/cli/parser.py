"""Command-line grammar: global options, `VERB KIND` and `AREA VERB` commands."""

from __future__ import annotations

import argparse

from nongbon_ita import __version__


class ArgumentError(Exception):
    """Bad command-line words: exit 2 with one line, never argparse's usage dump on stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ArgumentError(message)


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default, help="SQLite database file")
    parser.add_argument("--lang", choices=("th", "en"), default=default, help="message language")


def _command(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    _global_options(parser, suppress=True)  # --db is accepted after the command too
    return parser


def _user_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--user", required=required, metavar="NAME",
                        help="acting user (password from NONGBON_ITA_PASSWORD or a prompt)")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nongbon-ita", description="nongbon-ita: ITA work for a Thai SAO")
    parser.add_argument("--version", action="version", version=f"nongbon-ita {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = _command(sub, "init", "create a new database with its office and first admin")
    init.add_argument("--office-name", required=True)
    init.add_argument("--short-name", default="")
    init.add_argument("--district", required=True)
    init.add_argument("--province", required=True)
    init.add_argument("--admin", required=True, metavar="USER")
    init.add_argument("--admin-full-name", default="")

    _command(sub, "demo", "build the demo database (refuses to overwrite a file)")
    _command(sub, "check", "verify the database file and the audit trail")

    backup = _command(sub, "backup", "copy the database safely while it is in use")
    backup.add_argument("--out", required=True, metavar="FILE")
    _user_option(backup, required=False)

    restore = _command(sub, "restore", "replace the database with a checked backup")
    restore.add_argument("file", metavar="FILE")
    _user_option(restore, required=False)

    reset = _command(sub, "reset-admin", "set a new admin password with the recovery code")
    reset.add_argument("--recovery-code", required=True)
    reset.add_argument("--admin", metavar="USER", default=None)

    users = _command(sub, "users", "manage users")
    users_sub = users.add_subparsers(dest="users_command", parser_class=_Parser)
    add = _command(users_sub, "add", "add a user")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--full-name", required=True)
    add.add_argument("--roles", required=True, metavar="ROLE[,ROLE]")
    add.add_argument("--position", default="")
    _user_option(add)

    measures = _command(sub, "measures", "ITA measures")
    measures_sub = measures.add_subparsers(dest="measures_command", parser_class=_Parser)
    imp = _command(measures_sub, "import", "import measures from JSON, CSV or XLSX")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--year", required=True, metavar="YYYY")
    imp.add_argument("--replace", action="store_true")
    _user_option(imp)

    print_ = _command(sub, "print", "print a document to PDF")
    print_sub = print_.add_subparsers(dest="document", parser_class=_Parser)
    o43 = _command(print_sub, "o43", "the O43 report of a fiscal year")
    o43.add_argument("--year", required=True, metavar="YYYY")
    o43.add_argument("--out", required=True, metavar="FILE.pdf")
    return parser
