"""Shared fixtures for the Thai engine tests: the font, the seed report, PDF text helpers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# the tests import thai_helpers by name, whatever pytest's import mode
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def face() -> Any:
    from nongbon_ita.reports.thai import fonts

    return fonts.face()


@pytest.fixture(scope="session")
def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FIXTURES / "o43-report-2566-nongbon.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="session")
def seed_texts(seed: dict[str, Any]) -> list[str]:
    rows = seed["rows"]
    return [seed["intro"]] + [r[k] for r in rows for k in ("indicator", "issue", "result")]
