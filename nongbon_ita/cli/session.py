"""Open the services for a command and log the acting user in."""

from __future__ import annotations

import argparse

from nongbon_ita.app import open_services
from nongbon_ita.db.engine import DatabaseLocation, resolve_location
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

from nongbon_ita.cli.prompts import read_password
from nongbon_ita.i18n.translate import _


def location_of(args: argparse.Namespace) -> DatabaseLocation:
    return resolve_location(getattr(args, "db", None))


def services_of(args: argparse.Namespace, must_exist: bool = True) -> Services:
    return open_services(location_of(args), must_exist=must_exist)


def login(services: Services, username: str) -> CurrentUser:
    password = read_password("NONGBON_ITA_PASSWORD", _("Password for {user}: ").format(user=username))
    return services.auth.login(username, password, channel="cli")


def say(text: str) -> None:
    print(text)
