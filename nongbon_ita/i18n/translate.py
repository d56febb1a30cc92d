"""gettext with Babel catalogs: Thai by default, English selectable.

Message ids are English. `.po` files live in translations/<lang>/LC_MESSAGES/messages.po; the
compiled `.mo` is built by the PyInstaller build or, from source, at first use into the user's
cache folder (keyed by the catalog's hash, so an edited catalog is recompiled).
"""

from __future__ import annotations

import contextlib
import gettext
import hashlib
import io
import logging
from pathlib import Path
from typing import Any

from nongbon_ita.resources_path import resource_path
from nongbon_ita.user_cache import user_cache, write_cache_file

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
DOMAIN = "messages"

log = logging.getLogger(__name__)
_active: gettext.NullTranslations = gettext.NullTranslations()
_active_language = "en"


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return resource_path(language, "LC_MESSAGES", DOMAIN + suffix, kind="translations")


def _compile_po(po_bytes: bytes) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes))
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def load_translations(language: str) -> gettext.NullTranslations:
    """The catalog for `language`; English (the message ids) needs none."""
    if language == "en":
        return gettext.NullTranslations()
    built = catalog_path(language, ".mo")
    if built.exists():  # a frozen or built install ships compiled catalogs
        with built.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    po_bytes = catalog_path(language).read_bytes()
    digest = hashlib.sha256(po_bytes).hexdigest()[:16]
    cached = user_cache("i18n") / f"{language}-{digest}.mo"
    found = _cached_catalog(cached)
    if found is not None:
        return found
    mo_bytes = _compile_po(po_bytes)
    with contextlib.suppress(OSError):  # a read-only cache only costs a recompile next time
        write_cache_file(cached, mo_bytes)
    return gettext.GNUTranslations(io.BytesIO(mo_bytes))


def _cached_catalog(cached: Path) -> gettext.GNUTranslations | None:
    """The compiled catalog from the cache, or None when it is missing, unreadable (a folder
    without permission) or damaged (a truncated or overwritten file): then it is rebuilt."""
    try:
        return gettext.GNUTranslations(io.BytesIO(cached.read_bytes()))
    except FileNotFoundError:
        return None
    except Exception:  # OSError, or what gettext raises on a bad file (OSError, struct.error…)
        log.warning("ignoring the unusable translation cache %s", cached, exc_info=True)
        return None


def set_language(language: str) -> None:
    global _active, _active_language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _active = load_translations(language)
    _active_language = language


def current_language() -> str:
    return _active_language


def _(message: str) -> str:
    """Translate a message id into the active language."""
    return _active.gettext(message)


def translate_message(message_id: str, params: dict[str, Any]) -> str:
    """Translate a domain error's id and fill in its (already translated) parameters."""
    text = _(message_id)
    translated = {k: _(v) if isinstance(v, str) else v for k, v in params.items()}
    try:
        return text.format(**translated)
    except (KeyError, IndexError, ValueError):
        return text
