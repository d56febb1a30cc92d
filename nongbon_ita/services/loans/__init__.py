"""Loans of assets: the use cases (see service.LoanService, registered as `services.loans`)."""
