"""A row's seal: the digest of its state as the app last wrote it, recorded in the (chained) audit
event of that write, so `check` can tell a row edited outside the app (issue 13, finding 2).

`digest:tags` — the digest covers every listed column's value; the tags (4 hex digits a column)
only help to name the field that changed. Values are put in one form whatever the backend
returned (SQLite and PostgreSQL give 100 and Decimal('100.00'), naive and aware times): a row
copied between them (`transfer`) keeps its seal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

TAG = 4  # hex digits a column: enough to name a field, not to forge a row (the digest does that)


def normal(value: object) -> object:
    """One JSON-able form for a column value, the same on every backend."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal | float):
        text = format(Decimal(str(value)).normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return str(value)


def _column_json(name: str, value: object) -> str:
    return json.dumps([name, normal(value)], ensure_ascii=False, separators=(",", ":"))


def seal(columns: Sequence[str], values: Sequence[object]) -> str:
    parts = [_column_json(name, value) for name, value in zip(columns, values, strict=True)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    tags = "".join(hashlib.sha256(p.encode("utf-8")).hexdigest()[:TAG] for p in parts)
    return f"{digest}:{tags}"


def changed_columns(recorded: str, columns: Sequence[str], values: Sequence[object]) -> list[str]:
    """The columns whose value differs from the recorded seal ([] when the row is unchanged;
    every column when the tags cannot tell, e.g. a seal that was itself edited)."""
    current = seal(columns, values)
    if current == recorded:
        return []
    old_tags, new_tags = recorded.partition(":")[2], current.partition(":")[2]
    if len(old_tags) != len(new_tags):
        return list(columns)
    named = [
        name
        for i, name in enumerate(columns)
        if old_tags[i * TAG : (i + 1) * TAG] != new_tags[i * TAG : (i + 1) * TAG]
    ]
    return named or list(columns)
