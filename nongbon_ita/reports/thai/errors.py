"""The one error the Thai engine raises instead of printing broken Thai."""

from __future__ import annotations


class ThaiEngineError(Exception):
    """Thai text cannot be typeset correctly (missing uharfbuzz, font or dictionary).

    Messages are in Thai and English, e.g.
    "ไม่พบโปรแกรมจัดรูปอักษร uharfbuzz — the uharfbuzz shaping library is not installed".
    """
