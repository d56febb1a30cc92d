"""The static OIT site: HTML pages and their style sheet (no database, no script)."""
