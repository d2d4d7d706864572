"""`facts show`, `facts summary`, `facts schema`, `--fail-on-empty`."""
from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from lituania_facts.cli import build_app
from lituania_facts.views import person_key

SEEDS = ROOT / "seeds"


@pytest.fixture()
def run(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")

    def _run(*args, input=None):
        return CliRunner().invoke(build_app(), [str(a) for a in args], input=input)
    return _run


@pytest.mark.parametrize("folder", [SEEDS, ROOT / "tests" / "texts", ROOT / "tests" / "heldout"],
                         ids=["seeds", "texts", "heldout"])
def test_every_fact_validates_against_the_schema(run, folder):
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    out = run("extract", folder, "-f", "jsonl", "--explain").stdout
    facts = [json.loads(line) for line in out.splitlines()]
    assert facts
    for f in facts:
        validator.validate(f)


def test_schema_rejects_a_wrong_fact(run):
    validator = jsonschema.Draft202012Validator(json.loads(run("schema").stdout))
    bad = {"type": "money", "doc": "-", "text": "€6", "start": 0, "end": 2, "sentence": None,
           "amount": "6", "amount_max": None, "currency": "euro", "qualifier": None}
    assert not validator.is_valid(bad)


def test_show_marks_facts_plainly_without_colour(run):
    r = run("show", SEEDS / "000_07728f128194e19f.txt", "--type", "money,date")
    assert r.exit_code == 0, r.output
    flat = " ".join(r.stdout.split())   # wrapped at 80 columns
    assert "[€6 million]{money: EUR 6,000,000}" in flat
    assert "[Tuesday]{date: 2023-02-28}" in flat
    assert "legend: money  date" in r.stdout
    assert "\x1b[" not in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= 80


def test_show_missing_file(run):
    r = run("show", SEEDS / "nope.txt")
    assert r.exit_code == 2 and "nope.txt" in r.stderr


def test_summary_json_aggregates_across_documents(run):
    r = run("summary", SEEDS, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["documents"] == 5
    assert data["money"]["EUR"]["count"] >= 4
    assert data["money"]["EUR"]["max"] == 1_100_000_000
    assert data["percentages"]["GDP"][0]["value"] == 4
    people = {p["name"]: p for p in data["officials"]}
    zel = people["Volodymyr Zelenskyy"]
    assert zel["documents"] == 2 and "Volodymyr Zelensky" in zel["variants"]
    assert people["Arvydas Anušauskas"]["countries"] == ["Lithuania"]


def test_summary_table_is_readable(run):
    r = run("summary", SEEDS)
    assert r.exit_code == 0, r.output
    for title in ("Officials", "Money by currency", "Percentages", "Timeline", "Weapons by category"):
        assert title in r.stdout


@pytest.mark.parametrize("name, key", [("Volodymyr Zelensky", "zelensky"), ("Zelenskyy", "zelensky"),
                                       ("V. Zelenskiy", "zelensky"), ("Dovilė Šakalienė", "sakaliene")])
def test_person_key_merges_transliterations(name, key):
    assert person_key(name) == key


def test_fail_on_empty(run, tmp_path):
    (tmp_path / "a.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    r = run("extract", tmp_path, "-f", "jsonl", "--fail-on-empty")
    assert r.exit_code == 1 and "no facts found" in r.stderr
    assert run("extract", SEEDS, "-f", "jsonl", "--fail-on-empty").exit_code == 0


def test_summary_reports_a_bad_file_and_exits_1(run, tmp_path):
    (tmp_path / "a.txt").write_text("Vilnius pledged €6 million.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    r = run("summary", tmp_path, "--format", "json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["money"]["EUR"]["count"] == 1
    assert "gone.txt" in r.stderr
