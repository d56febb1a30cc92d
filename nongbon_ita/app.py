"""Composition root: configuration → database → services (→ GUI)."""

from __future__ import annotations

import os

from nongbon_ita.db.engine import Database, open_database
from nongbon_ita.db.location import DatabaseLocation, check_file
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.presence import Lease
from nongbon_ita.services.registry import Services


def hashing_cost_from_env() -> HashingCost:
    """NONGBON_ITA_CHEAP_HASHING=1 makes new password hashes cheap (test suites only)."""
    return (
        HashingCost.cheap() if os.environ.get("NONGBON_ITA_CHEAP_HASHING") == "1" else HashingCost()
    )


def services_for(database: Database) -> Services:
    return Services.over(ServiceContext(database, hashing=hashing_cost_from_env()))


def open_services(
    location: DatabaseLocation, must_exist: bool = False, program: str = "cli"
) -> Services:
    """Services on the database; a SQLite file also gets this program's lease (presence.py),
    so a restore elsewhere knows it is open, and by whom."""
    lease = None
    if location.file is not None:
        check_file(location, must_exist)  # a folder or a foreign file: refused before the lease
        if location.file.parent.is_dir():  # before opening: waits while a restore is under way
            lease = Lease(location.file, program)  # held until the program ends (atexit)
    try:
        services = services_for(open_database(location, must_exist=must_exist))
    except BaseException:
        if lease is not None:
            lease.release()
        raise
    if location.file is not None and lease is None:  # a new folder: no restore can be under way
        Lease(location.file, program)
    return services


def run_gui(location: DatabaseLocation, argv: list[str]) -> int:
    """Open the database, then the GUI; a refused database is shown in a window, not a console."""
    from nongbon_ita.domain.errors import DomainError
    from nongbon_ita.gui.run import run_gui as start
    from nongbon_ita.gui.run import show_startup_error
    from nongbon_ita.i18n.translate import translate_message
    from nongbon_ita.logging_setup import configure_logging

    configure_logging()
    try:
        services = open_services(location, program="gui")
    except DomainError as error:
        show_startup_error(translate_message(error.message_id, error.params), argv)
        return 2
    return int(start(services, argv))


def show_fatal_error(message: str) -> None:
    """A failure of the windowed program, shown in a message box (it has no console)."""
    try:
        from nongbon_ita.gui.run import show_startup_error

        show_startup_error(message, ["nongbon-ita"])
    except Exception:  # Qt itself failed: the log file has the error already
        import logging

        logging.getLogger("nongbon_ita").exception("could not show the start-up error")
