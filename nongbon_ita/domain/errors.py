"""Errors the services raise on bad input or a refusal.

Each carries an English message id and its parameters; the presentation layer (CLI, GUI)
translates the id through gettext (Thai by default) and fills in the parameters. The domain stays
free of i18n imports, so ids are marked with the no-op `N_` for Babel's extractor.
"""

from __future__ import annotations

from typing import Any


def N_(message: str) -> str:
    """Mark a message id for extraction without translating it here."""
    return message


class DomainError(Exception):
    """A refusal the user can act on: shown as one plain line, CLI exit code 2."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id.format(**params) if params else message_id)
        self.message_id = message_id
        self.params = params


class ValidationError(DomainError):
    """Input that breaks a rule; `field` names the offending field when there is one."""

    def __init__(self, message_id: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message_id, **params)
        self.field = field


class PermissionDenied(DomainError):
    pass


class AuthenticationError(DomainError):
    """Wrong user name or password, a locked or disabled account."""


class StaleEditError(DomainError):
    """Someone else saved the row after it was read: reload and edit again."""


class NotFoundError(DomainError):
    pass


class DatabaseRefused(DomainError):
    """The file is not a nongbon-ita database, is newer than the app, or sits on a network share."""
