"""Bundled resources: fonts, icons, images (mapped into the package by pyproject.toml)."""
