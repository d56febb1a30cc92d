"""One PNG per window and dialog of the real app on the demo database, as on a 1366×768 screen:
the main window of every role with each of its pages and tabs, and every dialog. The manual
(docs/manual/) shows these pictures, so running this script keeps it up to date.

usage: python scripts/screenshots.py --out DIR [--db demo.sqlite3] [--lang th|en]

Without --db it uses demo/nongbon-demo.sqlite3, or builds a demo database in a temporary folder.
The database is copied first: logging in and opening dialogs never touch the original.
It also checks that everything fits the office's small screens — each window no larger than
1366×768 less the taskbar and title bar, and able to shrink to 1280×720 at 125 % scaling — and
exits with 1, naming the culprits, when something does not. DIR/sizes.json keeps the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "nongbon-demo.sqlite3"
PASSWORD = "nongbon-demo"  # every demo user's password


def copy_database(source: Path | None, work: Path) -> Path:
    target = work / "demo.sqlite3"
    if source is None and DEMO.exists():
        source = DEMO
    if source is None:
        from nongbon_ita.cli.main import main

        print("building the demo database (a minute or two)…", flush=True)
        if main(["--db", str(target), "demo"]) != 0:
            raise SystemExit("could not build the demo database")
        return target
    shutil.copy2(source, target)
    files = source.with_name(source.name + ".files")
    if files.is_dir():
        shutil.copytree(files, target.with_name(target.name + ".files"))
    return target


def manual_pictures() -> set[str]:
    """The screenshot names the manual's chapters show (images/NAME.png)."""
    import re

    names: set[str] = set()
    for chapter in (ROOT / "docs" / "manual").glob("*.md"):
        names |= set(re.findall(r"\(images/([\w.-]+)\.png\)", chapter.read_text(encoding="utf-8")))
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", choices=("th", "en"), default="th")
    parser.add_argument("--manual", action="store_true",
                        help="keep only the pictures docs/manual/*.md shows (for --out "
                             "docs/manual/images)")  # fmt: skip
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from nongbon_ita.i18n.translate import set_language

    set_language(args.lang)
    with tempfile.TemporaryDirectory(prefix="nongbon-shots-") as work:
        db = copy_database(args.db, Path(work))
        from nongbon_ita.app import open_services
        from nongbon_ita.db.location import DatabaseLocation
        from nongbon_ita.gui.screenshots import take_screenshots

        services = open_services(DatabaseLocation.for_file(db), must_exist=True)
        try:
            sizes, too_large = take_screenshots(services, PASSWORD, args.out)
        finally:
            services.ctx.database.dispose()
    if args.manual:
        shown = manual_pictures()
        for picture in args.out.glob("*.png"):
            if picture.stem not in shown:
                picture.unlink()
    else:
        (args.out / "sizes.json").write_text(json.dumps(sizes, indent=1, ensure_ascii=False) + "\n",
                                             encoding="utf-8")  # fmt: skip
    print(f"{len(sizes)} screenshots in {args.out}")
    for line in too_large:
        print(f"too large: {line}", file=sys.stderr)
    return 1 if too_large else 0


if __name__ == "__main__":
    sys.exit(main())
