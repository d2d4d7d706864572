"""Whole-document scores with `facts eval` (FACTS.md section 3) on three annotated sets:
the seeds (gold copied from ../shared/gold), our own tests/texts, and tests/heldout (136
articles written and annotated independently of the extractors' code)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from lituania_facts.cli import build_app
from lituania_facts.evaluate import evaluate_paths

SETS = {
    "seeds": (ROOT / "tests" / "gold_seeds.json", ROOT / "seeds"),
    "texts": (ROOT / "tests" / "texts" / "gold.json", ROOT / "tests" / "texts"),
    "heldout": (ROOT / "tests" / "heldout" / "gold.json", ROOT / "tests" / "heldout"),
}
# The issues' targets on the seeds; 0.95 (the product's target on unseen news) elsewhere.
SEED_TARGETS = {"money": 1.0, "percentage": 1.0, "date": 1.0, "duration": 1.0, "official": 0.95,
                "weapon_system": 1.0, "weapon_category": 0.95}


@pytest.mark.parametrize("name", SETS)
def test_scores(name):
    gold, docs = SETS[name]
    report = evaluate_paths(str(gold), [str(docs)])
    assert report["offset_errors"] == []
    for category, r in report["categories"].items():
        target = SEED_TARGETS[category] if name == "seeds" else 0.95
        assert r["f1"] >= target, f"{name} {category}: F1 {r['f1']} < {target}; {report['details']}"
    assert report["role_accuracy"] >= 0.9 and report["country_accuracy"] >= 0.9, report["details"]


def test_eval_command_exits_1_below_min_f1(tmp_path):
    gold, docs = SETS["seeds"]
    ok = CliRunner().invoke(build_app(), ["eval", "--gold", str(gold), str(docs), "--min-f1", "0.95"])
    assert ok.exit_code == 0, ok.output
    assert "weapon_system" in ok.stdout
    empty = tmp_path / "seeds"
    empty.mkdir()
    for p in docs.glob("*.txt"):
        (empty / p.name).write_text("Nothing here.", encoding="utf-8")
    bad = CliRunner().invoke(build_app(), ["eval", "--gold", str(gold), str(empty), "--min-f1", "0.95"])
    assert bad.exit_code == 1
