"""How one year's OIT items map onto another list of items: by role first, then by name — never by
code alone, since the NACC renumbers, merges and splits items almost every year.

Used when measures and evidence are carried into a new year and when a year's table is imported
again over items that already have evidence: the coordinator sees the proposed mapping (old item →
new item, how it matched) and approves it or changes single rows before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue import normalise_oit_code
from nongbon_ita.domain.ita.catalogue_data import ItemRole


class MatchKind(StrEnum):
    ROLE = "role"  # both items hold the same role (the measures report …)
    NAME = "name"  # the same name, spaces ignored ("…ฯ" matches the name it shortens)
    CHOSEN = "chosen"  # the coordinator chose the target
    NONE = ""  # no match: nothing hanging on the old item is carried


MATCH_NAMES = {
    MatchKind.ROLE: N_("by role"),
    MatchKind.NAME: N_("by name"),
    MatchKind.CHOSEN: N_("chosen"),
    MatchKind.NONE: N_("no match"),
}


@dataclass(frozen=True)
class ItemKey:
    """What an item is matched on."""

    code: str
    name: str
    role: ItemRole | None = None


@dataclass(frozen=True)
class ItemMapping:
    """Where an old item goes: the new code ("" = nowhere) and how that was found."""

    old_code: str
    old_name: str
    new_code: str
    how: MatchKind


def _squash(text: str) -> str:
    return "".join(text.split())


def same_name(first: str, second: str) -> bool:
    """Equal without spaces; a name shortened with "ฯ" matches the name it starts."""
    a, b = _squash(first), _squash(second)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short.endswith("ฯ") and len(short) > 10 and long.startswith(short[:-1])


def map_items(present: Iterable[ItemKey], targets: Sequence[ItemKey]) -> list[ItemMapping]:
    """Each present item to a target: the one holding its role, else the one with its name."""
    by_role = {t.role: t.code for t in targets if t.role is not None}
    found = []
    for item in present:
        if item.role is not None and item.role in by_role:
            found.append(ItemMapping(item.code, item.name, by_role[item.role], MatchKind.ROLE))
            continue
        named = next((t.code for t in targets if same_name(item.name, t.name)), "")
        how = MatchKind.NAME if named else MatchKind.NONE
        found.append(ItemMapping(item.code, item.name, named, how))
    return found


def change_mapping(
    mapping: Sequence[ItemMapping], changes: Mapping[str, str], targets: Iterable[str]
) -> list[ItemMapping]:
    """The mapping with the coordinator's choices: old code → new code ("" = carry nothing)."""
    known_old = {m.old_code for m in mapping}
    known_new = set(targets)
    for old, new in changes.items():
        if old not in known_old:
            raise ValidationError(
                N_("Item {code} is not among the items being mapped."), field="map", code=old
            )
        if new and new not in known_new:
            raise ValidationError(
                N_("Item {code} is not in the list the items map to."), field="map", code=new
            )
    return [
        replace(m, new_code=changes[m.old_code], how=MatchKind.CHOSEN if changes[m.old_code]
                else MatchKind.NONE)
        if m.old_code in changes and changes[m.old_code] != m.new_code else m
        for m in mapping
    ]  # fmt: skip


def parse_changes(pairs: Iterable[str]) -> dict[str, str]:
    """ "O26=O4", "o2 = " (carry nothing) → {"O26": "O4", "O2": ""}."""
    changes: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip():
            raise ValidationError(
                N_("Write a mapping as OLD=NEW (for example O43=O26, or O2= to carry nothing), "
                   "not “{value}”."), field="map", value=pair,
            )  # fmt: skip
        new_code = normalise_oit_code(new) if re.sub(r"\s", "", new) else ""
        changes[normalise_oit_code(old)] = new_code
    return changes


def code_map(mapping: Iterable[ItemMapping]) -> dict[str, str]:
    """Old code → new code, for the items that go somewhere."""
    return {m.old_code: m.new_code for m in mapping if m.new_code}
