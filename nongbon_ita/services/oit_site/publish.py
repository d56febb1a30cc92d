"""Write the year's OIT site into a folder: index.html, items/<code>.html, files/<code>/…. Built in a sibling folder and moved into place at the end, so the folder holds the
whole new site or what it held before. An existing folder is replaced only when it is empty or
an earlier OIT site of this program (it carries MARKER)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.oit import check_url
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.ita.site import Site, SiteFile, SiteItem
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.reports.oit_site.html import FONT_FILES
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.oit_site.gather import GatheredItem, gather
from nongbon_ita.services.oit_site.links import SITE_URL_PREFIX
from nongbon_ita.services.settings_store import put_setting

if TYPE_CHECKING:
    from nongbon_ita.services.registry import Services

MARKER = ".nongbon-oit-site"


@dataclass(frozen=True)
class SitePlan:
    out: Path
    fiscal_year: int
    base_url: str
    items: tuple[GatheredItem, ...]

    def paths(self) -> list[str]:
        """Every file the site will hold, relative to its folder (what the GUI shows first)."""
        found = ["index.html", *(f"fonts/{name}" for name in FONT_FILES)]
        for g in self.items:
            folder = f"files/{g.entry.code.lower()}"
            found.append(f"items/{_page(g)}")
            found += [f"{folder}/{name}" for name, _, _ in g.documents]
            found += [f"{folder}/{name}" for name, _ in g.kept]
        return found


@dataclass
class Written:
    index: Path
    files: list[Path] = field(default_factory=list)


def _page(g: GatheredItem) -> str:
    from nongbon_ita.domain.ita.site import page_name

    return page_name(g.entry.code)


def _check_out(out: Path) -> Path:
    out = out.expanduser().absolute()
    if not out.parent.is_dir():
        raise ValidationError(N_("Folder not found: {path}"), field="out", path=str(out.parent))
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and
                                              not (out / MARKER).is_file())):  # fmt: skip
        raise ValidationError(
            N_("{path} is not empty and holds no earlier OIT site: choose an empty or new "
               "folder."), field="out", path=str(out),
        )  # fmt: skip
    return out


class OitSitePublisher:
    def __init__(self, services: Services) -> None:
        self.services = services

    def plan(self, fiscal_year: int, out: Path, base_url: str = "") -> SitePlan:
        url = check_url(base_url) if base_url.strip() else ""
        return SitePlan(_check_out(out), fiscal_year, url,
                        tuple(gather(self.services, fiscal_year)))  # fmt: skip

    def write(
        self, actor: CurrentUser, plan: SitePlan, sign: Callable[[bytes], bytes] | None = None
    ) -> Written:
        """Write the planned site; `sign` (if given) signs each of the app's documents (or hands
        back the same bytes: a document without a signature block is published unsigned)."""
        require(actor, ItaOperation.KEEP_OIT)
        out = _check_out(plan.out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
        try:
            written = self._build(staging, plan, sign)
            self._swap(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        with self.services.ctx.transaction() as session:
            if plan.base_url:
                put_setting(session, f"{SITE_URL_PREFIX}{plan.fiscal_year}", plan.base_url)
            record_event(self.services.ctx, session, actor.username, "ita.oit_site_published",
                         "ita_year", plan.fiscal_year,
                         after={"folder": str(out), "files": len(written)})  # fmt: skip
        return Written(out / "index.html", [out / p for p in written])

    def _build(self, root: Path, plan: SitePlan, sign: Callable[[bytes], bytes] | None
               ) -> list[str]:  # fmt: skip
        from nongbon_ita.reports.oit_site.html import index_html, item_html
        from nongbon_ita.resources_path import resource_path

        (root / "items").mkdir()
        (root / "fonts").mkdir()
        for name in FONT_FILES:  # the Thai font where the reader has none, with its licence
            shutil.copyfile(resource_path("fonts", name), root / "fonts" / name)
        written = ["index.html", *(f"fonts/{name}" for name in FONT_FILES)]
        items = []
        for g in plan.items:
            folder = root / "files" / g.entry.code.lower()
            rel = f"../files/{g.entry.code.lower()}"
            documents = []
            for name, title, make in g.documents:
                data = _made(make)
                if data is None:
                    continue
                printed = data
                if sign is not None:
                    data = sign(data)  # the same bytes back: a document without a signature block
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
                written.append(f"files/{g.entry.code.lower()}/{name}")
                documents.append(SiteFile(f"{rel}/{name}", title.replace(
                    str(plan.fiscal_year), thai_digits(plan.fiscal_year)), len(data),
                    data is not printed))  # fmt: skip
            kept = []
            for name, source in g.kept:
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, folder / name)
                written.append(f"files/{g.entry.code.lower()}/{name}")
                kept.append(SiteFile(f"{rel}/{name}", name, source.stat().st_size))
            items.append(SiteItem(g.entry.code, g.entry.name, g.entry.status.thai, g.updated,
                                  tuple(documents), tuple(kept), g.links))  # fmt: skip
        site = Site(self.services.office.profile().name, plan.fiscal_year, tuple(items),
                    self.services.ctx.today(), plan.base_url)  # fmt: skip
        (root / "index.html").write_text(index_html(site), encoding="utf-8")
        for item in site.items:
            (root / "items" / item.page).write_text(item_html(site, item), encoding="utf-8")
            written.append(f"items/{item.page}")
        (root / MARKER).write_text("nongbon-ita OIT site\n", encoding="utf-8")
        return written

    @staticmethod
    def _swap(staging: Path, out: Path) -> None:
        """The new site takes the folder's place; the old one (if any) goes only after."""
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{staging.name[-8:]}")
            out.rename(old)
        try:
            staging.rename(out)
        except OSError:
            if old is not None:
                old.rename(out)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _made(make: Callable[[], bytes]) -> bytes | None:
    from nongbon_ita.services.oit_site.gather import _document_available

    return _document_available(make)
