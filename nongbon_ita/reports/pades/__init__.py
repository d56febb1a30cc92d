"""PAdES signatures on the app's PDFs with pyHanko: the visible appearance (set with our Thai
engine), adding a signature into a document's signature block, and checking signatures.

No database here (reports/ never touches it): callers hand in the PDF bytes, the signer and the
trusted roots.
"""

from nongbon_ita.reports.pades.lean import defer_http_clients

defer_http_clients()  # before any pades module imports pyHanko (lean.py says why)
