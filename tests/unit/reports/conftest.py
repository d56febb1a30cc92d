"""Shared fixtures for the Thai engine tests: the font, the seed report, PDF text helpers."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def pdftotext(pdf: bytes, *, layout: bool = False, first: int = 0, last: int = 0) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-layout" if layout else "-raw"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


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
