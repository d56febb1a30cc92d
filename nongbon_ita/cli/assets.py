"""Commands of the asset register: import a register file, print labels, export to Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.domain.assets.import_mapping import RowError
    from nongbon_ita.services.registry import Services

MAX_ERRORS_SHOWN = 20


def refuse_row_errors(errors: list[RowError]) -> None:
    """An import's bad rows on stderr (the first few) and a refusal: nothing is written."""
    from nongbon_ita.services.assets.files import row_error_text

    for error in errors[:MAX_ERRORS_SHOWN]:
        print(row_error_text(error), file=sys.stderr)
    if errors:
        first = errors[0]
        raise ValidationError(
            N_("Nothing was imported: {count} errors; the first is in row {row}, column "
               "“{column}”."),
            count=len(errors), row=first.row, column=first.column or "-",
        )  # fmt: skip


def cmd_assets_import(args: argparse.Namespace) -> int:
    from nongbon_ita.services.assets.files import read_table
    from nongbon_ita.services.assets.import_missing import missing_text

    services = services_of(args)
    actor = login(services, args.user)
    files = services.assets.files
    table = read_table(Path(args.file))
    mapping = files.suggest_mapping(table.headers)
    unplaced = [h for h in table.headers if h not in mapping]
    if unplaced:
        say(_("Columns not placed (ignored): {columns}").format(columns=", ".join(unplaced)))
    preview = files.preview(table, mapping)
    refuse_row_errors(preview.errors)
    if preview.creates and not args.create_missing:
        raise ValidationError(
            N_("Nothing was imported: the file names what does not exist yet — {missing}. "
               "Run the import again with --create-missing to create them."),
            missing=missing_text(preview),
        )  # fmt: skip
    count = files.import_table(actor, table, mapping, create_missing=args.create_missing)
    if preview.creates:
        say(_("Created {missing}.").format(missing=missing_text(preview)))
    say(_("Imported {n} assets from {file}.").format(n=count, file=table.name))
    return 0


def category_id_of(services: Services, name: str | None) -> int | None:
    if not name:
        return None
    for category in services.assets.categories.list():
        if category.name == name.strip() or str(category.id) == name.strip():
            return category.id
    raise NotFoundError(N_("There is no asset category named {name}."), name=name)


def cmd_print_asset_labels(args: argparse.Namespace) -> int:
    from nongbon_ita.cli.documents import write_and_report
    from nongbon_ita.domain.assets.labels import LabelGrid

    grid = LabelGrid.parse(args.grid, args.size)
    services = services_of(args)
    pdf = services.assets.labels_pdf(category_id_of(services, args.category), grid)
    return write_and_report(args.out, pdf)


def cmd_export_assets(args: argparse.Namespace) -> int:
    from nongbon_ita.cli.documents import write_and_report

    services = services_of(args)
    data = services.assets.files.export_xlsx()
    return write_and_report(args.out, data)


def register(tree: CommandTree) -> None:
    imp = tree.grouped("assets", "import", "import the asset register from CSV or XLSX",
                       cmd_assets_import)  # fmt: skip
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--create-missing", action="store_true",
                     help="create the divisions and categories the file names that do not exist")  # fmt: skip
    user_option(imp)
    labels = tree.grouped("print", "asset-labels", "a sheet of asset labels with QR codes",
                          cmd_print_asset_labels)  # fmt: skip
    labels.add_argument("--category", metavar="C", help="only this category (name)")
    labels.add_argument("--grid", default="3x8", metavar="COLSxROWS")
    labels.add_argument("--size", default="70x37", metavar="WxH", help="label size in mm")
    labels.add_argument("--out", required=True, metavar="FILE.pdf")
    export = tree.grouped("export", "assets", "the asset register as XLSX", cmd_export_assets)
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
