"""Outgoing letters: issuing (issue.py, used inside each area's print transaction) and the
register of outgoing letters (register.py: list, PDF, XLSX, the numbering choice)."""
