"""Public conformance cases (../shared/conformance, other projects' data) read in place.

A case passes when the set of normalized keys of the facts found equals the expected set
(FACTS.md section 3). Known failures are strict xfails listed by input below, with a reason,
so a fix shows up as XPASS.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import SHARED, need_shared
from lituania_facts import extract_text
from lituania_facts.evaluate import _match, keys

KNOWN_FAILURES: dict[str, dict[str, str]] = {"money": {}, "percentage": {}}


def load(kind: str):
    path = SHARED / "conformance" / f"{kind}.jsonl"
    if not path.exists():
        return [pytest.param(None, id=f"{kind}-skipped")]
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        c = json.loads(line)
        reason = KNOWN_FAILURES[kind].get(c["input"])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(c, id=f"{kind}-{n}", marks=marks))
    return out


def run_case(kind: str, case: dict) -> None:
    need_shared("conformance", f"{kind}.jsonl")
    ref = date.fromisoformat(case["reference_date"]) if case.get("reference_date") else None
    facts = extract_text(case["input"], reference_date=ref, types=[kind])
    expected = [k for e in case["expected"] for k in keys(kind, e)]
    got = [k for f in facts for k in keys(kind, f.to_dict())]
    _, missed, spurious = _match(expected, got, [])
    assert not missed and not spurious, f"{case['input']!r}: missed {missed}, spurious {spurious}"


@pytest.mark.parametrize("case", load("money"))
def test_money_conformance(case):
    run_case("money", case)


@pytest.mark.parametrize("case", load("percentage"))
def test_percentage_conformance(case):
    run_case("percentage", case)
