"""The office's own words — its name, places, divisions, people, borrowers and assets — that a
printed line must never break inside (the Thai dictionary does not know "หนองบอน" or "ใจธรรม").

Read with plain SQL through whatever runs it, so the quick print path (no SQLAlchemy) and the
services get the same list; documents receive it as data (reports/thai/nobreak.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nongbon_ita.services.context import ServiceContext

Execute = Callable[[str], Iterable[Sequence[Any]]]

_OFFICE = (
    "SELECT name, short_name, district, province, address FROM office_profile",
    "SELECT name FROM division",
    "SELECT full_name FROM official",
    "SELECT full_name FROM app_user",
)
_RECORDS = (
    "SELECT DISTINCT borrower_name, borrower_organization, place_of_use FROM loan",
    "SELECT DISTINCT name, location FROM asset",
)


def office_words(execute: Execute, *, records: bool = True) -> tuple[str, ...]:
    """Every name the office prints; `records` adds borrowers, places of use and assets."""
    words: dict[str, None] = {}
    for sql in _OFFICE + (_RECORDS if records else ()):
        for row in execute(sql):
            for value in row:
                if isinstance(value, str) and value.strip():
                    words.setdefault(value.strip(), None)
    return tuple(words)


@contextmanager
def office_words_kept(
    ctx: ServiceContext, *, records: bool = True, also: Iterable[str] = ()
) -> Iterator[None]:
    """Documents rendered inside this block keep the office's words whole; `also`: the words
    of the one record a document prints, instead of every record's (`records=False`)."""
    from sqlalchemy import text

    from nongbon_ita.reports.thai.nobreak import keep_whole

    with ctx.reading() as session:
        words = office_words(lambda sql: session.execute(text(sql)).all(), records=records)
    with keep_whole((*words, *also)):
        yield
