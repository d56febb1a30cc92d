"""The catalogues shipped with the program (resources/ita/catalogue-YYYY.json), read on demand."""

from __future__ import annotations

import json
import re
from functools import cache

from nongbon_ita.domain.ita.catalogue_data import CatalogueData
from nongbon_ita.domain.ita.catalogue_file import catalogue_from_json
from nongbon_ita.resources_path import resource_path

_NAME = re.compile(r"^catalogue-(\d{4})\.json$")


@cache
def shipped_years() -> tuple[int, ...]:
    folder = resource_path("ita")
    found = (_NAME.match(p.name) for p in folder.iterdir()) if folder.is_dir() else ()
    return tuple(sorted(int(m.group(1)) for m in found if m))


@cache
def shipped_catalogue(fiscal_year: int) -> CatalogueData:
    """The shipped catalogue of exactly this year (KeyError if none is shipped)."""
    if fiscal_year not in shipped_years():
        raise KeyError(fiscal_year)
    path = resource_path("ita", f"catalogue-{fiscal_year}.json")
    return catalogue_from_json(json.loads(path.read_text(encoding="utf-8")))


def nearest_shipped(fiscal_year: int) -> int:
    """The shipped year a new `fiscal_year` starts from: the latest one not after it (else the
    earliest shipped)."""
    years = shipped_years()
    earlier = [y for y in years if y <= fiscal_year]
    return earlier[-1] if earlier else years[0]
