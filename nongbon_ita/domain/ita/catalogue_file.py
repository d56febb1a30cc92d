"""Read a shipped catalogue (resources/ita/catalogue-YYYY.json) into CatalogueData.

The files are the program's own, so a mistake in one is a programming error: it raises
ValueError naming the file's key, and a test reads every shipped file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nongbon_ita.domain.ita.catalogue import normalise_oit_code
from nongbon_ita.domain.ita.catalogue_data import (
    CatalogueData,
    CatalogueStatus,
    IndicatorData,
    ItemData,
    SubIndicatorData,
    check_roles,
    parse_role,
    parse_sub_number,
)
from nongbon_ita.domain.ita.report import AssessmentForm


def _sub(entry: Mapping[str, Any]) -> SubIndicatorData:
    parsed = parse_sub_number(str(entry["number"]))
    if parsed is None:
        raise ValueError(f"sub-indicator number {entry['number']!r} is not like 9.1")
    return SubIndicatorData(parsed[0], parsed[1], str(entry["name"]))


def _item(entry: Mapping[str, Any]) -> ItemData:
    sub = str(entry.get("sub_indicator", ""))
    parsed = parse_sub_number(sub) if sub else None
    indicator = entry.get("indicator")
    return ItemData(
        code=normalise_oit_code(str(entry["code"])),
        name=str(entry.get("name", "")),
        group=str(entry.get("group", "")),
        sub_indicator=f"{parsed[0]}.{parsed[1]}" if parsed else "",
        indicator=parsed[0] if parsed else (int(indicator) if indicator is not None else None),
        role=parse_role(str(entry.get("role", ""))),
        document_title=str(entry.get("document_title", "")),
    )


def catalogue_from_json(document: Mapping[str, Any]) -> CatalogueData:
    """The catalogue a shipped JSON document describes."""
    weights = {AssessmentForm(k): int(v) for k, v in document.get("weights", {}).items()}
    items = tuple(_item(entry) for entry in document["items"])
    check_roles(items)
    data = CatalogueData(
        fiscal_year=int(document["fiscal_year"]),
        status=CatalogueStatus(document.get("status", CatalogueStatus.UNCONFIRMED)),
        source=str(document["source"]),
        checked_on=str(document["checked_on"]),
        indicators=tuple(
            IndicatorData(AssessmentForm(e["form"]), int(e["number"]), str(e["name"]))
            for e in document["indicators"]
        ),
        sub_indicators=tuple(_sub(e) for e in document.get("sub_indicators", ())),
        items=items,
        pass_mark=int(document.get("pass_mark", 85)),
    )
    if weights:
        if set(weights) != set(AssessmentForm) or sum(weights.values()) != 100:
            raise ValueError(f"weights {weights} must give IIT, EIT and OIT, summing to 100")
        data.weights.update(weights)
    return data
