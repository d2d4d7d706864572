"""lituania_facts: rule-based facts (money, percentages, dates, officials, weapons) from news.

    >>> from lituania_facts import extract_text
    >>> [f.to_dict()["amount"] for f in extract_text("It pledged €6 million.", types=["money"])]
    [6000000]
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_text", "extract_paths", "expand_paths", "make_document",
           "Document", "DocumentResult", "Fact", "FACT_TYPES"]


def __getattr__(name: str):
    # Lazy: `facts --version` must not pay for the extractors.
    if name in ("extract_text", "extract_paths", "expand_paths", "DocumentResult"):
        from . import api
        return getattr(api, name)
    if name in ("make_document", "Document"):
        from . import document
        return getattr(document, name)
    if name in ("Fact", "FACT_TYPES"):
        from . import model
        return getattr(model, name)
    raise AttributeError(name)
