"""The reference code a complainant quotes when asking about progress.

Random (not derived from the register number, which would let anyone guess other complaints) and
drawn from characters nobody confuses when reading them over the phone: no 0/O, 1/I/L, 5/S, 8/B.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable

ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"
LENGTH = 8


def format_code(chars: str) -> str:
    return f"{chars[:4]}-{chars[4:]}"


def random_public_code() -> str:
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def seeded_codes(seed: int) -> Callable[[], str]:
    """Deterministic codes (the demo database): never for real complaints."""
    rng = random.Random(seed)
    return lambda: format_code("".join(rng.choice(ALPHABET) for _ in range(LENGTH)))


def normalise_code(text: str) -> str:
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    return format_code(chars) if len(chars) == LENGTH else text.strip().upper()
