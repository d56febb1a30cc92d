"""Complaint services: intake, workflow, queries, letters, statistics, identity purge.

`ComplaintServices` (services/complaints/bundle.py) bundles them; `Services.complaints` hands it
out.
"""
