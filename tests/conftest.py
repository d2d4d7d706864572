"""Shared test helpers: a frozen reference date and an extractor call that checks offsets."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lituania_facts import extract_text

# Thursday, like Duckling's fixed "now": tests never depend on the clock.
REF = date(2023, 3, 2)
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def facts_of(text: str, fact_type: str | None = None, reference_date: date | None = None):
    """Facts of `text` (optionally one type), asserting every offset is exact."""
    types = [fact_type] if fact_type else ("money", "percentage", "date", "official", "weapon")
    facts = extract_text(text, name="t.txt", reference_date=reference_date, types=types)
    for f in facts:
        assert text[f.start:f.end] == f.text, f"offset error: {f.text!r} at {f.start}:{f.end}"
    return facts


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip naming the folder when this clone has none beside it."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not found: ../shared is not beside this clone")
    return p


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.jsonl from the current output (review the diff!)")
