"""Signing the app's PDFs and checking signatures: the office's certificates and roots
(certificates.py), signing and verifying (service.py), the timestamp client (timestamp.py)."""
