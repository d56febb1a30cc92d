"""Alembic environment: runs on the connection the app hands over (see db/migrate.py)."""

from __future__ import annotations

from alembic import context

from nongbon_ita.db.models import Base
from nongbon_ita.db.search_index import include_object

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` CLI for developers: build an engine from the URL option
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://").connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_object=include_object,  # the FTS5 search tables are made by hand
)
with context.begin_transaction():
    context.run_migrations()
