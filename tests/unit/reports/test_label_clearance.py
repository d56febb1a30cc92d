"""An asset label keeps the name's stacked tone marks (ี้ of เก้าอี้) clear of the asset number
above them: the room was put above the number, and the marks met the digits."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from thai_helpers import _pgm_pages

from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.reports.documents.asset_labels import MM, PADDING, render_asset_labels

OFFICE = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")


def _ink_runs(dpi: int, asset: Any) -> list[tuple[int, int]]:
    """Runs of rows with ink in the first label's text column (top to bottom), in pixels."""
    ((width, _height, pixels), *_rest) = _pgm_pages(render_asset_labels([asset], OFFICE), dpi)
    px = dpi / 72
    left = (595.28 - 3 * 70 * MM) / 2 + PADDING
    x0, x1 = int(left * px), int((left + 30 * MM) * px)
    top = int((841.89 - 8 * 37 * MM) / 2 * px)
    runs: list[tuple[int, int]] = []
    for y in range(top, top + int(37 * MM * px)):
        if any(pixels[y * width + x] < 128 for x in range(x0, x1)):
            if runs and runs[-1][1] == y - 1:
                runs[-1] = (runs[-1][0], y)
            else:
                runs.append((y, y))
    return runs


def test_the_names_marks_keep_clear_of_the_asset_number() -> None:
    dpi = 600
    asset = SimpleNamespace(asset_number="401-55-0001", name="เก้าอี้พลาสติก มีพนักพิง")
    office, number, name, *_ = _ink_runs(dpi, asset)
    assert number[1] - number[0] > 0.3 * 16 * dpi / 72  # the big digits, one run
    assert (name[0] - number[1]) / (dpi / 25.4) >= 0.5  # mm between the digits and the marks
    assert office[1] < number[0]
