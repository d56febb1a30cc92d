"""The configurable loan rules, kept in the settings table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nongbon_ita.domain.loans import LoanPolicy
from nongbon_ita.services.settings_store import get_setting, put_setting

DEFAULT_MAX_DAYS = "loans.default_max_days"  # for categories without their own limit; "" = none
BLOCK_OVERDUE = "loans.block_overdue_borrowers"  # "1" (default) or "0"
PERSONAL_WORDS = "loans.personal_keywords"  # comma-separated words that mark a personal purpose


def read_policy(session: Session) -> LoanPolicy:
    days = (get_setting(session, DEFAULT_MAX_DAYS) or "").strip()
    words = get_setting(session, PERSONAL_WORDS)
    return LoanPolicy(
        default_max_days=int(days) if days.isdigit() and int(days) > 0 else None,
        block_overdue_borrowers=(get_setting(session, BLOCK_OVERDUE) or "1") != "0",
        personal_keywords=(
            tuple(w.strip() for w in words.split(",") if w.strip())
            if words is not None
            else LoanPolicy().personal_keywords
        ),
    )


def write_policy(session: Session, policy: LoanPolicy) -> None:
    put_setting(session, DEFAULT_MAX_DAYS, str(policy.default_max_days or ""))
    put_setting(session, BLOCK_OVERDUE, "1" if policy.block_overdue_borrowers else "0")
    put_setting(session, PERSONAL_WORDS, ",".join(policy.personal_keywords))
