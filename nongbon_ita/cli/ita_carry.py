"""Carry measures and OIT evidence into a new year, with the item mapping shown for review.

`ita carry --from 2569 --to 2570` prints the proposed mapping (old item → new item, how it matched,
what it carries) and changes nothing; `--map OLD=NEW` changes a row (`OLD=` carries nothing);
`--apply --user NAME` copies what the mapping says. `measures copy` is the same with measures only.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from nongbon_ita.cli.documents import parse_year
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.domain.ita.item_mapping import ItemMapping


def mapping_lines(mapping: Sequence[ItemMapping], notes: dict[str, str] | None = None) -> list[str]:
    """ "O43 การดำเนินการ… → O26 (by role) · evidence, 1 measure": one line per old item."""
    from nongbon_ita.domain.ita.item_mapping import MATCH_NAMES

    lines = []
    for m in mapping:
        note = (notes or {}).get(m.old_code, "")
        lines.append(f"{m.old_code} {m.old_name or '(ต้องกรอก)'} → {m.new_code or '-'} "
                     f"({_(MATCH_NAMES[m.how])})" + (f" · {note}" if note else ""))  # fmt: skip
    return lines


def _carry(args: argparse.Namespace, measures: bool, evidence: bool) -> int:
    from nongbon_ita.domain.ita.item_mapping import parse_changes

    source, target = parse_year(args.from_year), parse_year(args.to_year)
    changes = parse_changes(args.map or [])
    if args.apply and not args.user:
        raise ValidationError(N_("Give the acting user with --user NAME."), field="user")
    services = services_of(args)
    actor = login(services, args.user) if args.apply else None
    preview = services.ita.carry.preview(source, target, changes)
    for line in mapping_lines(preview.mapping, preview.notes()):
        say(line)
    if actor is None:
        say(_("Nothing was copied: review the mapping, change rows with --map OLD=NEW, then "
              "run again with --apply."))  # fmt: skip
        return 0
    done = services.ita.carry.apply(actor, source, target, changes, measures=measures,
                                    evidence=evidence)  # fmt: skip
    say(_("Carried into {target}: {measures} measures, evidence of {evidence} items.").format(
        target=target, measures=done.measures, evidence=done.evidence))  # fmt: skip
    if done.left_behind:
        say(_("Not carried (no item to go to): {codes}").format(codes=", ".join(done.left_behind)))
    return 0


def cmd_ita_carry(args: argparse.Namespace) -> int:
    return _carry(args, measures=not args.evidence_only, evidence=not args.measures_only)


def cmd_measures_copy(args: argparse.Namespace) -> int:
    return _carry(args, measures=True, evidence=False)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_year", required=True, metavar="YYYY")
    parser.add_argument("--to", dest="to_year", required=True, metavar="YYYY")
    parser.add_argument("--map", action="append", metavar="OLD=NEW",
                        help="map an old item to another new one (OLD= carries nothing)")  # fmt: skip
    parser.add_argument("--apply", action="store_true", help="copy (without it: only show)")
    user_option(parser, required=False)


def register(tree: CommandTree) -> None:
    carry = tree.grouped("ita", "carry", "carry measures and OIT evidence into a new year",
                         cmd_ita_carry)  # fmt: skip
    _options(carry)
    only = carry.add_mutually_exclusive_group()
    only.add_argument("--measures-only", action="store_true")
    only.add_argument("--evidence-only", action="store_true")
    _options(tree.grouped("measures", "copy", "start a year from another year's measures",
                          cmd_measures_copy))  # fmt: skip
