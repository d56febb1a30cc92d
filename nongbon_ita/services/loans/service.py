"""The loan service: requests, hand-out and return, queries, the register and documents."""

from __future__ import annotations

from nongbon_ita.services.loans.documents import LoanDocuments
from nongbon_ita.services.loans.handling import LoanHandling
from nongbon_ita.services.loans.queries import LoanQueries
from nongbon_ita.services.loans.requests import LoanRequests


class LoanService(LoanQueries, LoanRequests, LoanHandling, LoanDocuments):
    """`services.loans`: every loan use case; each call checks permission first and writes in one
    transaction with its audit event."""
