"""Passwords for the CLI: from the environment, or asked on a terminal, never hung on a pipe."""

from __future__ import annotations

import getpass
import os
import sys

from nongbon_ita.domain.errors import N_, ValidationError


def read_password(env_name: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(env_name)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(
            N_("A password is needed: set {env} or run the command in a terminal."), env=env_name
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(prompt) != first:
        raise ValidationError(N_("The two passwords differ."))
    return first
