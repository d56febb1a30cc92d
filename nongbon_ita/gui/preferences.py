"""Per-computer GUI preferences kept in QSettings (organization "nongbon-ita")."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings

from nongbon_ita.i18n.translate import LANGUAGES, current_language, set_language

ORGANIZATION = "nongbon-ita"
APPLICATION = "nongbon-ita"
LANGUAGE_KEY = "ui/language"

log = logging.getLogger("nongbon_ita.gui")


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def saved_language() -> str | None:
    value = settings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    store = settings()
    store.setValue(LANGUAGE_KEY, language)
    store.sync()


def apply_saved_language() -> str:
    """Switch to the language chosen in Settings, if any; keep the current one if it fails."""
    language = saved_language()
    if language and language != current_language():
        try:
            set_language(language)
        except OSError:  # catalog missing: keep the language already active
            log.warning("no catalog for language %s", language)
    return current_language()
