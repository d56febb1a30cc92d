"""Complaints (ITA O27–O29): intake, workflow, deadlines in working days, protected identities."""
