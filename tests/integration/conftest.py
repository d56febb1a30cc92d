"""The demo database, built once per test session (argon2 and the demo data cost seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nongbon_ita.cli import main


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copy2(demo_db_template, copy)
    files = demo_db_template.with_name(demo_db_template.name + ".files")
    if files.is_dir():  # evidence and attachments kept beside the database
        shutil.copytree(files, copy.with_name(copy.name + ".files"))
    return copy
