"""Gather the assets for a label sheet and render it."""

from __future__ import annotations

from nongbon_ita.domain.assets.labels import LabelGrid
from nongbon_ita.domain.assets.records import AssetFilters, AssetSort, AssetStatus
from nongbon_ita.services.assets.queries import search_assets
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.office_words import office_words_kept

IN_USE = frozenset({AssetStatus.AVAILABLE, AssetStatus.ON_LOAN, AssetStatus.IN_REPAIR})
MAX_LABELS = 5000  # 200 sheets: a register printed whole is cut into categories first


def labels_pdf(ctx: ServiceContext, category_id: int | None, grid: LabelGrid | None,
               text: str = "") -> bytes:  # fmt: skip
    """Labels of the assets in use (retired ones need none), in asset-number order."""
    from nongbon_ita.reports.documents.asset_labels import render_asset_labels

    office = OfficeService(ctx).profile()
    filters = AssetFilters(category_id=category_id, statuses=IN_USE)
    with ctx.reading() as session:
        assets = search_assets(session, text, filters, AssetSort.ASSET_NUMBER, False,
                               MAX_LABELS, 0)  # fmt: skip
    with office_words_kept(ctx):
        return render_asset_labels(assets, office, grid)
