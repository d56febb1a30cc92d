"""The year's OIT pages for the office's website, as data: what each page shows and links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def page_name(code: str) -> str:
    """The item page's file name: "O26" → "o26.html" (ASCII, the same on every web server)."""
    return _UNSAFE.sub("_", code).lower() + ".html"


@dataclass(frozen=True)
class SiteFile:
    """A file an item page links: where it lies in the site (posix, relative to the page's
    folder), its title as shown, its size and whether it carries a digital signature."""

    href: str
    title: str
    size: int
    signed: bool = False


@dataclass(frozen=True)
class SiteItem:
    code: str
    name: str
    status: str  # as the checklist says it (เผยแพร่แล้ว …)
    updated: date | None
    documents: tuple[SiteFile, ...] = ()  # the app's own documents for the item's role
    kept: tuple[SiteFile, ...] = ()  # files the office keeps for the item
    links: tuple[str, ...] = ()  # web addresses (http/https only)

    @property
    def page(self) -> str:
        return page_name(self.code)


@dataclass(frozen=True)
class Site:
    office_name: str
    fiscal_year: int
    items: tuple[SiteItem, ...]  # in ITAS's order
    made_on: date
    base_url: str = ""  # where the office puts the site: "" when not given

    def item_url(self, item: SiteItem) -> str:
        """The item page's final address on the office's site ("" without a base URL)."""
        return f"{self.base_url.rstrip('/')}/items/{item.page}" if self.base_url else ""
