"""Golden files: the `--format jsonl` output of every seed, tests/texts and tests/heldout
document, byte for byte. They catch any change in what is extracted; a deliberate change is
recorded with `pytest tests/test_golden.py --update-golden` and reviewed in the diff."""
from __future__ import annotations

import difflib
import json

import pytest

from conftest import ROOT
from lituania_facts.api import extract_paths

GOLDEN = ROOT / "tests" / "golden"
DOCS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "texts").glob("*.txt"),
               *(ROOT / "tests" / "heldout").glob("*.txt")])


def jsonl_of(path) -> str:
    rel = str(path.relative_to(ROOT))
    [result] = list(extract_paths([str(path)]))
    return "".join(json.dumps({**f.to_dict(explain=True), "doc": rel}, ensure_ascii=False) + "\n"
                   for f in result.facts)


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_golden(path, request):
    golden = GOLDEN / (path.stem + ".jsonl")
    got = jsonl_of(path)
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                            str(golden), "now", n=0))
        pytest.fail(f"output changed for {path.name}:\n{diff}")
