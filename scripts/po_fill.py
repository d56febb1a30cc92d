"""Fill a gettext catalog from a JSON file of {msgid: translation}.

Run `scripts/update_catalogs.sh` first, then:

    python scripts/po_fill.py missing            # JSON skeleton of the untranslated/fuzzy Thai ids
    python scripts/po_fill.py missing > new.json # ...translate the values...
    python scripts/po_fill.py fill new.json      # write them into translations/th/.../messages.po

`fill` sets the msgstr of each id it finds, clears the fuzzy flag, refuses a translation whose
`{placeholders}` differ from the id's, and lists ids the catalog does not hold. Use `--lang` for
another catalog. The file is written with Babel's writer, like `pybabel update` does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def catalog_file(lang: str) -> Path:
    return ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="th")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("missing", help="print untranslated or fuzzy ids as a JSON object")
    fill = sub.add_parser("fill", help="write translations from a JSON file")
    fill.add_argument("json_file", type=Path)
    args = parser.parse_args(argv)

    path = catalog_file(args.lang)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=args.lang)

    if args.command == "missing":
        todo = {m.id: "" for m in catalog if m.id and (not m.string or m.fuzzy)}
        json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0

    wanted: dict[str, str] = json.loads(args.json_file.read_text(encoding="utf-8"))
    problems = 0
    for msgid, text in wanted.items():
        message = catalog.get(msgid)
        if message is None:
            print(f"not in catalog: {msgid!r}", file=sys.stderr)
            continue
        if not text:
            continue
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(text)):
            print(f"placeholders differ, skipped: {msgid!r}", file=sys.stderr)
            problems += 1
            continue
        message.string = text
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=76)
    left = sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
    print(f"{path.relative_to(ROOT)}: {left} ids left to translate")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
