"""Thai holidays from the `holidays` package (python-holidays), with the office's layer on top.

The package keeps Thailand's public holidays and the government-only ones (the Royal Ploughing
Ceremony, the Cabinet's special days) from the Cabinet's announcements, for any year; the office
adds its own days (a provincial holiday, a late Cabinet decision) and removes the ones it works
on. Labour Day is left out: the package lists it as public, but it is a day off for the private
sector only (the package's own note), and government offices work on it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from nongbon_ita.domain.errors import N_
from nongbon_ita.user_cache import user_cache, write_cache_file

_PRIVATE_SECTOR_ONLY = ("วันแรงงานแห่งชาติ",)  # and its substitute day ("ชดเชยวันแรงงาน…")
_CACHE_FORMAT = "1"  # bump when what a cached year holds changes (e.g. the days left out)


class HolidaySource(StrEnum):
    PACKAGE = "holidays"  # the name of the package, as `complaints holidays` prints it
    OFFICE = "office"

    @property
    def label_id(self) -> str:
        return N_("holidays package") if self is HolidaySource.PACKAGE else N_("the office")


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str
    source: HolidaySource = HolidaySource.OFFICE
    removed: bool = False  # a package day the office works on (shown struck out, not counted)


def _from_package(year: int) -> tuple[tuple[date, str], ...]:
    # imported here: the package loads in ~0.3-0.8 s, paid once per package version (see below)
    from holidays.constants import GOVERNMENT, PUBLIC
    from holidays.countries.thailand import Thailand

    # Thai names whatever the system locale (the package otherwise follows LANG)
    found = Thailand(  # type: ignore[no-untyped-call]  # the package's constructor is untyped
        years=year, categories=(PUBLIC, GOVERNMENT), language="th"
    )
    return tuple(sorted((day, name) for day, name in found.items()
                        if not any(word in name for word in _PRIVATE_SECTOR_ONLY)))  # fmt: skip


def _package_key() -> str | None:
    """Names the installed package's Thai data (file sizes and times), found without importing
    it; None when it cannot be told (e.g. a frozen build): then nothing is cached."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    parts = [_CACHE_FORMAT]
    try:
        for path in (root / "countries" / "thailand.py", root / "version.py",
                     root / "locale" / "th" / "LC_MESSAGES" / "TH.mo"):  # fmt: skip
            stat = path.stat()
            parts.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}")
    except OSError:
        return None
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@lru_cache(maxsize=64)
def package_holidays(year: int) -> tuple[tuple[date, str], ...]:
    """The package's PUBLIC and GOVERNMENT days off in Thailand for `year`, with Thai names.
    Kept in the user cache per package version, so the dashboard does not load the package at
    every start."""
    key = _package_key()
    cached = user_cache("holidays") / f"th-{year}-{key}.json" if key else None
    if cached is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):
            return tuple((date.fromisoformat(day), str(name))
                         for day, name in json.loads(cached.read_text(encoding="utf-8")))  # fmt: skip
    found = _from_package(year)
    if cached is not None:
        text = json.dumps([[day.isoformat(), name] for day, name in found], ensure_ascii=False)
        with contextlib.suppress(OSError):  # a read-only cache only costs the package next time
            write_cache_file(cached, text.encode("utf-8"))
    return found


def merged_holidays(year: int, office: list[Holiday]) -> list[Holiday]:
    """The year's days off as the office keeps them: the package's days (those the office
    removed marked `removed`), plus the office's own, in date order."""
    changes = {h.day: h for h in office if h.day.year == year}
    merged: list[Holiday] = []
    for day, name in package_holidays(year):
        # an office day the package lists too (a later package version) counts once, as the
        # package's
        change = changes.pop(day, None)
        removed = change is not None and change.removed
        merged.append(Holiday(day, name, HolidaySource.PACKAGE, removed))
    merged.extend(h for h in changes.values() if not h.removed)
    return sorted(merged, key=lambda h: h.day)


def days_off(year: int, office: list[Holiday]) -> list[date]:
    return [h.day for h in merged_holidays(year, office) if not h.removed]
