"""`export oit-site`: the year's OIT pages for the office's website."""

from __future__ import annotations

import argparse
from pathlib import Path

from nongbon_ita.cli.documents import parse_year
from nongbon_ita.cli.parser import CommandTree, user_option
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.i18n.translate import _


def cmd_export_oit_site(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    services = services_of(args)
    actor = login(services, args.user)
    from nongbon_ita.services.oit_site.publish import OitSitePublisher

    publisher = OitSitePublisher(services)
    plan = publisher.plan(year, Path(args.out), args.base_url or "")
    sign = None
    if args.sign:  # each document as its signing official; one password (env or prompt)
        from nongbon_ita.cli.prompts import read_password
        from nongbon_ita.cli.signing import PASSWORD_ENV

        password = read_password(PASSWORD_ENV, _("Certificate password: "))

        def sign(data: bytes) -> bytes:
            if not services.signing.has_signature_blocks(data):
                return data  # statistics: published as printed, not marked signed
            key = services.signing.key_for_document(data, None, password)
            return services.signing.sign(actor, data, key, f"oit-site {year}")

    written = publisher.write(actor, plan, sign)
    say(_("Written: {path} ({n} files)").format(path=written.index, n=len(written.files)))
    return 0


def register(tree: CommandTree) -> None:
    site = tree.grouped("export", "oit-site", "the year's OIT pages for the office's website",
                        cmd_export_oit_site)  # fmt: skip
    site.add_argument("--year", required=True, metavar="YYYY")
    site.add_argument("--out", required=True, metavar="DIR")
    site.add_argument("--base-url", metavar="URL")
    site.add_argument("--sign", action="store_true", help="sign the app's documents")
    user_option(site)
