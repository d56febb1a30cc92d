"""Which official holds which certificate, the office's trusted roots and its timestamp server:
kept in the settings table (the path of a .p12 file and its facts — never its password)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path

from sqlalchemy import select

from nongbon_ita.db.models import SettingRow
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.oit import check_url
from nongbon_ita.domain.office import Official
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.signing import CertificateBinding, CertificateInfo
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.settings_store import get_setting, put_setting

CERT_PREFIX = "sign.cert."  # + official id → JSON: path and the certificate's facts
TIMESTAMP_URL = "sign.timestamp_url"
TRUST_ROOTS = "sign.trust_roots"  # PEM, one certificate after another
MAX_ROOT = 64 * 1024


def _info(data: dict[str, str]) -> CertificateInfo:
    return CertificateInfo(data["subject"], data["issuer"], date.fromisoformat(data["not_before"]),
                           date.fromisoformat(data["not_after"]))  # fmt: skip


class CertificateSettings:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self.ctx, self.office = ctx, office

    def bindings(self, officials: list[Official] | None = None) -> list[CertificateBinding]:
        """Every active official's certificate, in the officials' order (`officials`: the
        active officials, when the caller has them already)."""
        officials_by_id = {o.id: o for o in officials or self.office.officials()}
        with self.ctx.reading() as session:
            rows = session.scalars(select(SettingRow).where(SettingRow.key.startswith(CERT_PREFIX)))
            kept = {int(r.key[len(CERT_PREFIX):]): json.loads(r.value) for r in rows}  # fmt: skip
        return [CertificateBinding(o.id, o.full_name, o.position, o.signature_role.value,
                                   kept[o.id]["path"], _info(kept[o.id]))
                for o in officials_by_id.values() if o.id in kept]  # fmt: skip

    def binding_of(self, official: Official) -> CertificateBinding:
        found = next((b for b in self.bindings() if b.official_id == official.id), None)
        if found is None:
            raise self.missing(official)
        return found

    @staticmethod
    def missing(official: Official) -> NotFoundError:
        return NotFoundError(
            N_("No certificate is set for {name}: set it in Settings → Electronic "
               "signatures, or sign with --cert FILE.p12."), name=official.full_name,
        )  # fmt: skip

    def expiring(self) -> list[CertificateBinding]:
        """Certificates that expire within 30 days or have expired (the warning's list)."""
        today = self.ctx.today()
        return [b for b in self.bindings() if b.info.expires_soon(today)]

    def bind(
        self, actor: CurrentUser, official_id: int, path: Path, info: CertificateInfo
    ) -> CertificateBinding:
        """Record that `official_id` signs with the .p12 at `path` (opened by the caller)."""
        require(actor, Operation.EDIT_OFFICIALS)
        official = next((o for o in self.office.officials() if o.id == official_id), None)
        if official is None:
            raise NotFoundError(N_("No such official."))
        record = {"path": str(path.expanduser().absolute()), **{k: str(v) for k, v in
                                                                  asdict(info).items()}}  # fmt: skip
        with self.ctx.transaction() as session:
            put_setting(session, f"{CERT_PREFIX}{official_id}", json.dumps(record))
            record_event(self.ctx, session, actor.username, "signing.certificate_set",
                         "official", official_id, after=record)  # fmt: skip
        return self.binding_of(official)

    def unbind(self, actor: CurrentUser, official_id: int) -> None:
        require(actor, Operation.EDIT_OFFICIALS)
        with self.ctx.transaction() as session:
            row = session.get(SettingRow, f"{CERT_PREFIX}{official_id}")
            if row is not None:
                session.delete(row)
                record_event(self.ctx, session, actor.username, "signing.certificate_removed",
                             "official", official_id)  # fmt: skip

    def timestamp_url(self) -> str:
        with self.ctx.reading() as session:
            return get_setting(session, TIMESTAMP_URL) or ""

    def set_timestamp_url(self, actor: CurrentUser, url: str) -> None:
        """The timestamp server (RFC 3161) that makes signatures B-T; "" for none (B-B)."""
        require(actor, Operation.EDIT_OFFICIALS)
        url = check_url(url) if url.strip() else ""
        with self.ctx.transaction() as session:
            put_setting(session, TIMESTAMP_URL, url)
            record_event(self.ctx, session, actor.username, "signing.timestamp_set", "setting",
                         TIMESTAMP_URL, after={"url": url})  # fmt: skip

    def trust_roots_pem(self) -> bytes:
        with self.ctx.reading() as session:
            return (get_setting(session, TRUST_ROOTS) or "").encode("ascii")

    def add_trust_root(self, actor: CurrentUser, path: Path) -> list[str]:
        """Import the root certificate(s) of a CA (PEM or DER); returns their holders' names."""
        require(actor, Operation.EDIT_OFFICIALS)
        from nongbon_ita.reports.pades.verify import load_certificates, to_pem

        if not path.is_file() or path.stat().st_size > MAX_ROOT:
            raise NotFoundError(N_("The certificate file {path} does not exist."), path=str(path))
        try:
            certs = load_certificates(path.read_bytes())
        except ValueError:
            certs = []
        if not certs:
            raise ValidationError(N_("{path} is not a certificate (PEM or DER)."), field="trust",
                                  path=path.name)  # fmt: skip
        pem = self.trust_roots_pem().decode("ascii") + "".join(to_pem(c) for c in certs)
        with self.ctx.transaction() as session:
            put_setting(session, TRUST_ROOTS, pem)
            names = [c.subject.human_friendly for c in certs]
            record_event(self.ctx, session, actor.username, "signing.root_imported", "setting",
                         TRUST_ROOTS, after={"roots": names})  # fmt: skip
        return names
