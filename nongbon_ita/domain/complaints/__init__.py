"""Complaints: intake, workflow, deadlines in working days, protected identities."""
