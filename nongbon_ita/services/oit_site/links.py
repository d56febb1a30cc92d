"""The ITAS link list once the year's site is published with a base URL: each item's address is
its page on the office's site (the page links the item's documents, files and other addresses)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from nongbon_ita.domain.ita.oit import OitEntry
from nongbon_ita.domain.ita.site import page_name
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import get_setting

SITE_URL_PREFIX = "oit.site_url."  # + year → the base URL the site was published for


def site_base_url(ctx: ServiceContext, fiscal_year: int) -> str:
    with ctx.reading() as session:
        return get_setting(session, f"{SITE_URL_PREFIX}{fiscal_year}") or ""


def with_site_addresses(
    ctx: ServiceContext, fiscal_year: int, entries: Sequence[OitEntry]
) -> list[OitEntry]:
    """`entries` with the site's page as each item's address, when the year's site was
    published with --base-url; unchanged otherwise."""
    base = site_base_url(ctx, fiscal_year).rstrip("/")
    if not base:
        return list(entries)
    return [replace(e, urls=(f"{base}/items/{page_name(e.code)}",)) for e in entries]
