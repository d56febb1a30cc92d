"""Who may do what with loans (checked first in every loan service call)."""

from __future__ import annotations

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.permissions import Permission
from nongbon_ita.domain.roles import Role

_SUPPLY = frozenset({Role.SUPPLY_OFFICER})
# the roles that may see every loan (borrowers' names and phones are personal data)
LOAN_READERS = frozenset({Role.SUPPLY_OFFICER, Role.APPROVER, Role.FINANCE_REVIEWER, Role.ADMIN})


class LoanOperation:
    REQUEST = Permission(
        "loans.request", N_("request a loan"), frozenset({Role.STAFF, Role.SUPPLY_OFFICER})
    )
    VIEW_ALL = Permission("loans.view_all", N_("see every loan"), LOAN_READERS)
    APPROVE = Permission("loans.approve", N_("approve loan requests"), frozenset({Role.APPROVER}))
    HAND_OUT = Permission("loans.hand_out", N_("hand out and take back loaned items"), _SUPPLY)
    FOLLOW_UP = Permission(
        "loans.follow_up",
        N_("record loan follow-ups"),
        frozenset({Role.SUPPLY_OFFICER, Role.APPROVER}),
    )
    LIABILITY = Permission("loans.liability", N_("record liabilities for damage and loss"), _SUPPLY)
    PRINT = Permission(
        "loans.print", N_("print loan documents and the loan register"), LOAN_READERS
    )
    REVIEW = Permission(
        "loans.review", N_("sign off the loan register"), frozenset({Role.FINANCE_REVIEWER})
    )
    CONFIGURE = Permission("loans.configure", N_("change the loan rules"), frozenset({Role.ADMIN}))
