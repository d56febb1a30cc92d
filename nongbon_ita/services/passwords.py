"""argon2 password and recovery-code hashing."""

from __future__ import annotations

import secrets

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.services.context import HashingCost

MIN_PASSWORD_LENGTH = 8
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


def _hasher(cost: HashingCost):  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher(
        time_cost=cost.time_cost, memory_cost=cost.memory_cost, parallelism=cost.parallelism
    )


def hash_secret(secret: str, cost: HashingCost) -> str:
    return str(_hasher(cost).hash(secret))


def verify_secret(stored_hash: str, secret: str, cost: HashingCost) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher(cost).verify(stored_hash, secret))
    except (VerificationError, InvalidHashError):
        return False


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            N_("The password must be at least {n} characters long."),
            field="password",
            n=MIN_PASSWORD_LENGTH,
        )


def new_recovery_code() -> str:
    """Five groups of four characters, e.g. 'K7QX-…'; shown once, only its hash is kept."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def normalise_recovery_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")
