"""The demo office: deterministic seed data and the code that writes it through the services.

Kept apart from the services so the program's rules never depend on sample data (`nongbon-ita
demo`, the self-test and the tests use it as a realistic office).
"""
