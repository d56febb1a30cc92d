"""One way to find bundled files, the same from source, an installed wheel or a frozen build.

`resources/` and `translations/` sit at the top of the repository and are mapped into the package
as `nongbon_ita.resources` and `nongbon_ita.translations` (see pyproject.toml). In a source checkout
without an install, they are found beside the package instead.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

_KINDS = ("resources", "translations")


@cache
def _root(kind: str) -> Path:
    if kind not in _KINDS:
        raise ValueError(f"unknown resource kind: {kind}")
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller puts them under nongbon_ita/<kind> in the bundle
        return Path(frozen_root) / "nongbon_ita" / kind
    try:
        found = resources.files(f"nongbon_ita.{kind}")
        path = Path(str(found))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / kind


def resource_path(*parts: str, kind: str = "resources") -> Path:
    """Absolute path of a bundled file, e.g. resource_path("fonts", "Laksaman.ttf")."""
    return _root(kind).joinpath(*parts)
