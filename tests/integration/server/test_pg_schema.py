"""On PostgreSQL the migrations build pg_trgm GIN indexes over the searched columns, and a Thai
substring is answered from them (the planner is asked, on a table large enough to choose)."""

from __future__ import annotations

import psycopg
import pytest

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.search_index_def import INDEXES
from nongbon_ita.db.search_index_pg import trigram_index_name
from tests.backends import PgTestDatabase, backends

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("backend", ON_PG)
def test_the_migrations_make_a_trigram_index_per_searched_column(
    backend: str, pg_database: PgTestDatabase
) -> None:
    pg_database.empty()
    open_database(pg_database.location).dispose()
    with psycopg.connect(pg_database.url) as conn:
        made = {row[0] for row in conn.execute("SELECT indexname FROM pg_indexes")}
    wanted = {trigram_index_name(index, column) for index in INDEXES for column in index.columns}
    assert wanted <= made


@pytest.mark.parametrize("backend", ON_PG)
def test_a_thai_substring_search_uses_the_trigram_index(
    backend: str, pg_database: PgTestDatabase
) -> None:
    pg_database.empty()
    open_database(pg_database.location).dispose()
    with psycopg.connect(pg_database.url) as conn:
        conn.execute("SET enable_seqscan = off")  # a tiny table: ask whether the index can serve
        plan = "\n".join(
            row[0]
            for row in conn.execute(
                "EXPLAIN SELECT id FROM asset WHERE name ILIKE %s", ("%เครื่องสูบ%",)
            )
        )
    assert trigram_index_name(INDEXES[0], "name") in plan
