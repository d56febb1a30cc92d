"""`sign`, `verify`, `print … --sign` and the office's certificates (`certificate …`)."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.cli.parser import CommandTree, Handler, user_option
from nongbon_ita.cli.prompts import read_password
from nongbon_ita.cli.session import login, say, services_of
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.services.registry import Services
    from nongbon_ita.services.signing.service import SigningKey

PASSWORD_ENV = "NONGBON_ITA_SIGN_PASSWORD"
PIN_ENV = "NONGBON_ITA_SIGN_PIN"


def _role(text: str) -> object:
    from nongbon_ita.domain.office import SignatureRole

    try:
        return SignatureRole(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise ValidationError(
            N_("“{value}” is not a signing role: use one of {choices}."), field="official",
            value=text, choices=", ".join(r.value for r in SignatureRole),
        ) from None  # fmt: skip


def _cert_password(label: str) -> str:
    return read_password(PASSWORD_ENV, _("Certificate password ({name}): ").format(name=label))


def _read_pdf(path: str) -> bytes:
    source = Path(path).expanduser()
    if not source.is_file():
        raise NotFoundError(N_("The file {path} does not exist."), path=str(source))
    return source.read_bytes()


def _key(services: Services, args: argparse.Namespace) -> SigningKey:
    if args.cert:
        return services.signing.key_of_file(Path(args.cert), _cert_password(Path(args.cert).name))
    role = _role(args.official)
    return services.signing.key_of_official(role, _cert_password(str(args.official)))  # type: ignore[arg-type]


def cmd_sign(args: argparse.Namespace) -> int:
    from nongbon_ita.cli.documents import write_and_report
    from nongbon_ita.services.output_files import check_output_path

    data = _read_pdf(args.file)
    check_output_path(args.out)
    services = services_of(args)
    actor = login(services, args.user, read_only=False)
    with ExitStack() as stack:
        if args.pkcs11_lib:  # a USB token: its session stays open while the signature is made
            if not args.token or not args.key_label:
                raise ValidationError(N_("A token needs --token LABEL and --key-label LABEL."),
                                      field="token")  # fmt: skip
            pin = read_password(PIN_ENV, _("PIN of the token {token}: ").format(token=args.token))
            key = stack.enter_context(services.signing.key_of_token(
                Path(args.pkcs11_lib), args.token, args.key_label, pin))  # fmt: skip
        else:
            key = _key(services, args)
        signed = services.signing.sign(actor, data, key, Path(args.file).name)
    warn_expiry(services, key)
    return write_and_report(args.out, signed)


def cmd_verify(args: argparse.Namespace) -> int:
    data = _read_pdf(args.file)
    extra = [_read_pdf(path) for path in args.trust or ()]
    checks = services_of(args).signing.verify(data, extra)
    if not checks:
        raise ValidationError(N_("{name} has no digital signature."), field="file",
                              name=Path(args.file).name)  # fmt: skip
    from nongbon_ita.services.signing.report import report_lines

    for line in report_lines(checks):
        say(line)
    bad = next((c for c in checks if not c.valid), None)
    if bad is not None:
        raise ValidationError(N_("The signature of {signer} is not valid: {reason}."),
                              field="file", signer=bad.signer, reason=_(bad.problem))  # fmt: skip
    say(_("All {n} signatures are valid.").format(n=len(checks)))
    return 0


# documents printed without a signature block: nobody signs a sheet of labels, a register of
# letters, statistics or the evidence appendix (the report it belongs to is signed)
UNSIGNED_KINDS = ("asset-labels", "letters-register", "complaint-stats", "measures-evidence")


def _signing_print(handler: Handler, kind: str) -> Handler:
    """The print command, with its PDF signed before it is written when --sign is given."""

    def run(args: argparse.Namespace) -> int:
        if args.sign is None:
            return handler(args)
        if kind in UNSIGNED_KINDS:  # refused before any password is asked
            raise ValidationError(
                N_("“{kind}” has no signature block, so it is not signed: labels, registers, "
                   "statistics and appendices are printed without one. Print it without "
                   "--sign."), field="sign", kind=kind,
            )  # fmt: skip
        if not args.user:  # a signature is a write the audit trail names: like `sign`
            raise ValidationError(N_("Signing needs the acting user: add --user NAME."),
                                  field="user")  # fmt: skip
        from nongbon_ita.cli.documents import BEFORE_WRITE

        role = None if args.sign == "auto" else _role(args.sign)
        services = services_of(args)
        actor = login(services, args.user, read_only=True)
        password = _cert_password(args.sign)

        def sign(data: bytes) -> bytes:
            key = services.signing.key_for_document(data, role, password)  # type: ignore[arg-type]
            signed = services.signing.sign(actor, data, key, args.out)
            warn_expiry(services, key)
            return signed

        token = BEFORE_WRITE.set(sign)
        try:
            return handler(args)
        finally:
            BEFORE_WRITE.reset(token)

    return run


def warn_expiry(services: Services, key: SigningKey) -> None:
    """A line on stderr when the certificate that just signed expires within 30 days."""
    today = services.ctx.today()
    if key.info.expires_soon(today):
        days = (key.info.not_after - today).days
        print(_("Warning: the certificate of {name} expires on {end} ({days} days left): ask the "
               "CA for a new one and set it in Settings → Electronic signatures.").format(
            name=key.info.subject, end=_date(key.info.not_after), days=days), file=sys.stderr)  # fmt: skip


def _add_sign_options(tree: CommandTree) -> None:
    for parser in tree.subcommands("print"):
        if not parser.get_default("handler"):
            continue
        parser.add_argument("--sign", nargs="?", const="auto", metavar="ROLE",
                            help="sign as the document's signing official (or ROLE); needs "
                                 "--user")  # fmt: skip
        if "--user" not in parser._option_string_actions:
            user_option(parser, required=False)
        kind = parser.prog.rsplit(" ", 1)[-1]  # "nongbon-ita print o43" → o43
        parser.set_defaults(handler=_signing_print(parser.get_default("handler"), kind))


def cmd_certificate_set(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user)
    official = services.office.signer(_role(args.official))  # type: ignore[arg-type]
    if official is None:
        raise NotFoundError(N_("No official signs as {role}: set one in Settings → Officials."),
                            role=args.official)  # fmt: skip
    from nongbon_ita.services.signing.keys import certificate_info

    path = Path(args.cert)
    info = certificate_info(path, _cert_password(path.name))
    binding = services.signing.certificates.bind(actor, official.id, path, info)
    say(
        _("{name} signs with {path} (valid until {end}).").format(
            name=binding.official_name, path=binding.path, end=_date(binding.info.not_after)
        )
    )
    return 0


def _date(day: object) -> str:
    from nongbon_ita.i18n.thaiformat import format_date_short

    return format_date_short(day, thai=True)  # type: ignore[arg-type]


def cmd_certificate_list(args: argparse.Namespace) -> int:
    services = services_of(args)
    today = services.ctx.today()
    for b in services.signing.certificates.bindings():
        warn = _(" — expires soon") if b.info.expires_soon(today) else ""
        say(f"{b.role}\t{b.official_name}\t{b.path}\t{_date(b.info.not_after)}{warn}")
    return 0


def cmd_certificate_trust(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user)
    for name in services.signing.certificates.add_trust_root(actor, Path(args.file)):
        say(_("Trusted root imported: {name}").format(name=name))
    return 0


def cmd_certificate_timestamp(args: argparse.Namespace) -> int:
    services = services_of(args)
    actor = login(services, args.user)
    services.signing.certificates.set_timestamp_url(actor, args.url)
    say(_("Timestamp server: {url}").format(url=args.url or "-"))
    return 0


def register(tree: CommandTree) -> None:
    sign = tree.command("sign", "add a digital signature to a PDF", cmd_sign)
    sign.add_argument("file", metavar="FILE.pdf")
    sign.add_argument("--out", required=True, metavar="SIGNED.pdf")
    who = sign.add_mutually_exclusive_group(required=True)
    who.add_argument("--cert", metavar="FILE.p12")
    who.add_argument("--official", metavar="ROLE")
    who.add_argument("--pkcs11-lib", metavar="PATH", help="a USB token's PKCS#11 library")
    sign.add_argument("--token", metavar="LABEL", help="the token's label (with --pkcs11-lib)")
    sign.add_argument("--key-label", metavar="LABEL", help="the key's label on the token")
    user_option(sign)
    verify = tree.command("verify", "check the digital signatures of a PDF", cmd_verify)
    verify.add_argument("file", metavar="FILE.pdf")
    verify.add_argument("--trust", action="append", metavar="CERT.pem")
    cert = tree.grouped("certificate", "set", "an official's certificate (.p12)",
                        cmd_certificate_set)  # fmt: skip
    cert.add_argument("--official", required=True, metavar="ROLE")
    cert.add_argument("--cert", required=True, metavar="FILE.p12")
    user_option(cert)
    tree.grouped("certificate", "list", "officials' certificates and expiry", cmd_certificate_list)
    trust = tree.grouped("certificate", "trust", "import a CA's root certificate",
                         cmd_certificate_trust)  # fmt: skip
    trust.add_argument("file", metavar="CERT.pem")
    user_option(trust)
    stamp = tree.grouped("certificate", "timestamp", "the timestamp server (PAdES B-T)",
                         cmd_certificate_timestamp)  # fmt: skip
    stamp.add_argument("url", metavar="URL", help='"" for none')
    user_option(stamp)
    _add_sign_options(tree)
