"""ITA year commands: the year's catalogue (show, confirm) and the assessment's scores.

`catalogue show --year Y [--format csv]`, `catalogue start|confirm --year Y --user NAME`,
`ita scores set --year Y --iit N --eit N --oit N [--indicator K=N …] --user NAME`,
`ita scores show --year Y`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.cli.documents import parse_year
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.services.registry import Services


def status_line(services: Services, year: int) -> str:
    provenance = services.ita.catalogue.catalogue(year).provenance
    if provenance.confirmed:
        return _("Fiscal year {year}: confirmed by {name}.").format(
            year=year, name=provenance.confirmed_by
        )
    return _("Fiscal year {year}: not confirmed — check it against the NACC's manual.").format(
        year=year
    )


def cmd_catalogue_show(args: argparse.Namespace) -> int:
    from nongbon_ita.services.ita.catalogue_years import COLUMNS

    year = parse_year(args.year)
    services = services_of(args)
    rows = services.ita.years.rows(year)
    say(status_line(services, year))
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        return 0
    for code, name, group, sub, indicator, role in rows:
        parts = [code, name or "(ต้องกรอก)", group, sub or indicator, role]
        say("  ".join(p for p in parts if p))
    return 0


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user)
    from nongbon_ita.cli.ita_carry import mapping_lines
    from nongbon_ita.domain.ita.item_mapping import parse_changes

    changes = parse_changes(args.map or [])
    importer = services.ita.catalogue_import
    preview = importer.preview(Path(args.file), year, changes)
    for line in mapping_lines(preview.mapping):  # the coordinator reviews how the items move
        say(line)
    importer.import_file(actor, Path(args.file), year, approve=args.approve, changes=changes)
    say(_("Imported {n} OIT items into fiscal year {year}.").format(
        n=len(preview.imported.items), year=year))  # fmt: skip
    say(status_line(services, year))
    return 0


def cmd_catalogue_start(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    services.ita.years.start_year(login(services, args.user), year)
    say(status_line(services, year))
    say(_("Source: {source}").format(
        source=services.ita.catalogue.catalogue(year).provenance.source))  # fmt: skip
    return 0


def cmd_catalogue_confirm(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user)
    services.ita.years.confirm(actor, year)
    say(status_line(services, year))
    return 0


def _indicator_scores(pairs: list[str]) -> dict[int, str]:
    """ "9=78.5" → {9: "78.5"}; anything else is refused with the pair as written."""
    scores: dict[int, str] = {}
    for pair in pairs:
        number, sep, value = pair.partition("=")
        if not sep or not number.strip().isdigit():
            raise ValidationError(
                N_("Write an indicator score as NUMBER=SCORE (for example 9=78.5), not “{value}”."),
                field="indicator", value=pair,
            )  # fmt: skip
        scores[int(number)] = value.strip()
    return scores


def cmd_scores_set(args: argparse.Namespace) -> int:
    from nongbon_ita.domain.ita.report import AssessmentForm

    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user)
    given = {AssessmentForm.IIT: args.iit, AssessmentForm.EIT: args.eit,
             AssessmentForm.OIT: args.oit}  # fmt: skip
    forms = {form: value for form, value in given.items() if value is not None}
    current = services.ita.scores.scores(year)
    services.ita.scores.set_scores(actor, year, current.overall_score,
                                   _indicator_scores(args.indicator or []), forms=forms)  # fmt: skip
    return _show_scores(services, year)


def cmd_scores_show(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    return _show_scores(services_of(args), year)


def _show_scores(services: Services, year: int) -> int:
    scores = services.ita.scores.scores(year)
    for form, score in scores.forms.items():
        weight = scores.weights[form]
        say(f"{form.value} ({weight}%): {'-' if score is None else score}")
    for indicator in scores.indicators:
        if indicator.score is not None:
            say(f"  {indicator.number} {indicator.name}: {indicator.score}")
    total = "-" if scores.overall_score is None else str(scores.overall_score)
    level = scores.level.value if scores.level else "-"
    say(_("Total: {total} · level: {level}").format(total=total, level=level))
    return 0


def _due(text: str | None) -> date | bool | None:
    """ "15/01/2570" → the date; "-" → none; not given → keep (False)."""
    from nongbon_ita.domain.calendar import parse_be_date

    if text is None:
        return False
    if text.strip() == "-":
        return None
    try:
        return parse_be_date(text)
    except ValueError:
        raise ValidationError(N_("{text} is not a B.E. date such as 15/01/2570."), field="due",
                              text=text) from None  # fmt: skip


def _stored(files: tuple[str, ...], name: str) -> str:
    """A kept file named by its stored path or by its own name."""
    return next((f for f in files if f == name or f.rsplit("/", 1)[-1] == name), name)


def cmd_oit_set(args: argparse.Namespace) -> int:
    from nongbon_ita.domain.ita.oit import parse_status

    year = parse_year(args.year)
    due = _due(args.due)
    services = services_of(args)
    actor = login(services, args.user)
    oit = services.ita.oit
    current = oit.entry(year, args.item)
    for path in args.add_file or []:
        current = oit.add_file(actor, year, args.item, Path(path))
    for name in args.remove_file or []:
        current = oit.remove_file(actor, year, args.item, _stored(current.files, name))
    urls = list(args.url or [])
    if urls and not args.replace_urls:
        urls = [*current.urls, *urls]
    responsible: int | bool | None = False
    if args.responsible is not None:
        responsible = None if args.responsible.strip() in ("", "-") else \
            oit.responsible_id(args.responsible)  # fmt: skip
    entry = oit.save(
        actor, year, args.item, urls=urls if urls or args.replace_urls else None,
        status=parse_status(args.status) if args.status else None,
        responsible_user_id=responsible, due_on=due,
    )  # fmt: skip
    say(f"{entry.code} {entry.status.thai}: " + (" ".join(entry.urls) or "-"))
    if entry.responsible or entry.due_on or entry.files:
        from nongbon_ita.i18n.thaiformat import format_date_numeric

        due_text = format_date_numeric(entry.due_on) if entry.due_on else "-"
        say(_("Responsible: {name} · due: {due} · kept files: {files}").format(
            name=entry.responsible or "-", due=due_text,
            files=", ".join(f.rsplit("/", 1)[-1] for f in entry.files) or "-"))  # fmt: skip
    return 0


def cmd_export_oit_links(args: argparse.Namespace) -> int:
    from pathlib import Path

    year = parse_year(args.year)
    path = services_of(args).ita.export_oit_links(year, Path(args.out))
    say(_("Written: {path}").format(path=path))
    return 0


def register(tree: CommandTree) -> None:
    oit = tree.grouped("oit", "set", "an OIT item's addresses, status, person, due date, files",
                       cmd_oit_set)  # fmt: skip
    oit.add_argument("--year", required=True, metavar="YYYY")
    oit.add_argument("--item", required=True, metavar="CODE")
    oit.add_argument("--url", action="append", metavar="URL")
    oit.add_argument("--replace-urls", action="store_true", help="drop the item's other URLs")
    oit.add_argument("--status", metavar="S", help="not_started, in_progress or published")
    oit.add_argument("--responsible", metavar="NAME", help="the user preparing it (- = nobody)")
    oit.add_argument("--due", metavar="DD/MM/YYYY", help="due date in B.E. (- = none)")
    oit.add_argument("--add-file", action="append", metavar="PATH", help="keep a copy of a file")
    oit.add_argument("--remove-file", action="append", metavar="NAME", help="drop a kept file")
    user_option(oit)
    links = tree.grouped("export", "oit-links", "the year's OIT addresses for ITAS (XLSX/CSV)",
                         cmd_export_oit_links)  # fmt: skip
    links.add_argument("--year", required=True, metavar="YYYY")
    links.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    show = tree.grouped("catalogue", "show", "a year's ITA items in order", cmd_catalogue_show)
    show.add_argument("--year", required=True, metavar="YYYY")
    show.add_argument("--format", choices=("text", "csv"), default="text")
    imp = tree.grouped("catalogue", "import", "import the NACC's table of a year (CSV/XLSX)",
                       cmd_catalogue_import)  # fmt: skip
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--year", required=True, metavar="YYYY")
    imp.add_argument("--approve", action="store_true", help="approve the item mapping shown")
    imp.add_argument("--map", action="append", metavar="OLD=NEW",
                     help="map a present item to another imported one (OLD= keeps nothing)")  # fmt: skip
    user_option(imp)
    start = tree.grouped("catalogue", "start", "start a year from the latest list (unconfirmed)",
                         cmd_catalogue_start)  # fmt: skip
    start.add_argument("--year", required=True, metavar="YYYY")
    user_option(start)
    confirm = tree.grouped("catalogue", "confirm", "confirm a year's ITA catalogue",
                           cmd_catalogue_confirm)  # fmt: skip
    confirm.add_argument("--year", required=True, metavar="YYYY")
    user_option(confirm)
    scores_set = tree.grouped("ita", "scores", "a year's ITA scores: set or show", cmd_scores_show)
    scores_set.add_argument("action", choices=("set", "show"))
    scores_set.add_argument("--year", required=True, metavar="YYYY")
    for form in ("iit", "eit", "oit"):
        scores_set.add_argument(f"--{form}", metavar="N")
    scores_set.add_argument("--indicator", action="append", metavar="K=N")
    user_option(scores_set, required=False)
    scores_set.set_defaults(handler=_scores_handler)


def _scores_handler(args: argparse.Namespace) -> int:
    if args.action == "show":
        return cmd_scores_show(args)
    if not args.user:
        raise ValidationError(N_("Give the acting user with --user NAME."), field="user")
    return cmd_scores_set(args)
