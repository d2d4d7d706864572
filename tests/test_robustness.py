"""Every input finishes, nothing is lost, offsets stay exact (issue: robustness)."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import ROOT, facts_of
from lituania_facts import api
from lituania_facts.cli import build_app
from lituania_facts.document import read_document

FACTS = [sys.executable, "-c", "from lituania_facts.cli import main; main()"]
GOOD = "Lithuania pledged €6 million to Ukraine, about 4% of GDP.\n"


def run_cli(*args, input=None):
    return CliRunner().invoke(build_app(), [str(a) for a in args], input=input)


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def assert_offsets_match_scorer(result_lines: list[dict]) -> None:
    """Offsets index the text as `Path.read_text(encoding="utf-8")` gives it (the scorer)."""
    for f in result_lines:
        text = Path(f["doc"]).read_text(encoding="utf-8", errors="replace")
        assert text[f["start"]:f["end"]] == f["text"], f


@pytest.mark.parametrize("name, data, expect", [
    ("empty.txt", b"", []),
    ("bom.txt", "\ufeffVilnius pledged €6 million.".encode("utf-8"), ["€6 million"]),
    ("crlf.txt", b"Line one.\r\nVilnius pledged \xe2\x82\xac6 million.\r\n", ["€6 million"]),
    ("cr.txt", b"Line one.\rVilnius pledged \xe2\x82\xac6 million.\r", ["€6 million"]),
    ("nul.txt", b"Vilnius pledged \xe2\x82\xac6 million.\x00 And 4% more.", ["€6 million", "4%"]),
])
def test_utf8_inputs_keep_scorer_offsets(tmp_path, name, data, expect):
    (tmp_path / name).write_bytes(data)
    r = run_cli("extract", tmp_path / name, "-f", "jsonl", "-t", "money,percentage")
    assert r.exit_code == 0, r.output
    facts = jsonl(r.stdout)
    assert [f["text"] for f in facts] == expect
    assert_offsets_match_scorer(facts)


@pytest.mark.parametrize("encoding, text, expect", [
    ("utf-16", "Vilnius pledged €6 million.", "€6 million"),
    ("cp1252", "Le budget: €6 million, café.", "€6 million"),
    ("latin-1", "Le budget: £6 million, café.", "£6 million"),
    ("cp1257", "Šakalienė: €6 million.", "€6 million"),
])
def test_other_encodings(tmp_path, encoding, text, expect):
    p = tmp_path / "doc.txt"
    p.write_bytes(text.encode(encoding))
    r = run_cli("extract", p, "-f", "jsonl", "-t", "money")
    assert r.exit_code == 0, r.output
    assert [f["text"] for f in jsonl(r.stdout)] == [expect]
    doc = read_document(str(p))
    f = jsonl(r.stdout)[0]
    assert doc.text[f["start"]:f["end"]] == expect


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (b"PK\x03\x04\x14\x00" + bytes(range(256)) * 4, "zip archive"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "PDF"),
    (bytes(range(256)) * 40, "mostly undecodable bytes"),
    (b"\x00\x00\x10\x00abc" * 500, "NUL bytes"),
])
def test_binary_files_named_txt_are_skipped_with_one_line(tmp_path, data, kind):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(data)
    r = run_cli("extract", tmp_path, "-f", "jsonl", "-t", "money")
    assert r.exit_code == 0, r.output
    assert [f["text"] for f in jsonl(r.stdout)] == ["€6 million"]
    assert r.stderr.splitlines() == [f"facts: warning: {tmp_path / 'b.txt'}: binary file ({kind}), skipped"]


def test_unreadable_file_reported_rest_printed(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded_open(path, *a, **k):   # root ignores file modes, so deny the read here
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)
    monkeypatch.setattr("builtins.open", guarded_open)
    r = run_cli("extract", tmp_path, "-f", "jsonl", "-t", "money")
    assert r.exit_code == 1
    assert [f["doc"] for f in jsonl(r.stdout)] == [str(tmp_path / "a.txt")]
    assert r.stderr.splitlines() == [f"facts: error: {tmp_path / 'b.txt'}: permission denied"]


def test_symlink_loop_and_odd_file_names(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub dir").mkdir(parents=True)
    (d / "sub dir" / "Šakalienė žinios.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub dir" / "loop").symlink_to(d, target_is_directory=True)
    r = run_cli("extract", d, "-f", "jsonl", "-t", "money")
    assert r.exit_code == 0, r.output
    assert [Path(f["doc"]).name for f in jsonl(r.stdout)] == ["Šakalienė žinios.txt"]


def test_time_budget_reports_the_document_and_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "slow.txt").write_text(GOOD, encoding="utf-8")
    import lituania_facts.extractors.money as money
    real = money.find

    def slow_on_one(doc):
        if doc.name.endswith("slow.txt"):
            time.sleep(5)
        return real(doc)
    monkeypatch.setattr(money, "find", slow_on_one)
    monkeypatch.setattr(api, "default_budget", lambda n: 0.2)
    r = run_cli("extract", tmp_path, "-f", "jsonl", "-t", "money")
    assert r.exit_code == 1
    assert [Path(f["doc"]).name for f in jsonl(r.stdout)] == ["a.txt"]
    assert r.stderr.splitlines() == [f"facts: error: {tmp_path / 'slow.txt'}: took longer than 0.2 s, gave up"]


def test_ctrl_c_exits_130_with_one_line():
    p = subprocess.Popen(FACTS + ["extract", "-", "-f", "jsonl"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)   # it now waits on stdin (start-up takes well under a second)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=20)
    assert p.returncode == 130
    assert err == "facts: interrupted\n"


def test_closed_pipe_exits_quietly(tmp_path):
    for i in range(200):
        (tmp_path / f"{i:03d}.txt").write_text(GOOD * 20, encoding="utf-8")
    p = subprocess.run(" ".join(FACTS[:2]) + f" '{FACTS[2]}' extract {tmp_path} -f jsonl -t money | head -1",
                       shell=True, capture_output=True, text=True, executable="/bin/bash")
    assert p.stdout.count("\n") == 1
    assert p.stderr == ""


PATHOLOGICAL = {
    "digit run": "7" * 100_000,
    "comma digits": "1," * 50_000,
    "currency symbols": "$€£" * 20_000,
    "between": "between " * 20_000,
    "capitalised words": "Minister President General Anušauskas " * 5_000,
    "punctuation": "!?.,;:-–()[]" * 10_000,
    "money soup": "€1-2 million to $3 and between 4% and " * 3_000,
    "dates soup": "on 10.11.2023 from 2026 through 2030 May 10 to June 2 " * 2_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_finishes_with_exact_offsets(name):
    text = PATHOLOGICAL[name]
    first = facts_of(text)
    assert facts_of(text) == first


SENTENCES = [line.strip() for p in sorted((ROOT / "seeds").glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40][:60]


@st.composite
def mutated_news(draw):
    text = draw(st.sampled_from(SENTENCES))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "swap", "sprinkle"]))
        if op == "insert":
            text = text[:i] + draw(st.text(max_size=3)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + 1:]
        elif op == "swap" and i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        else:
            text = text[:i] + draw(st.sampled_from(["€", "$", "%", "5", "2023", " million", "-", ",", " ", "\r\n"])) + text[i:]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_news())
def test_mutated_news_never_raises_and_is_deterministic(text):
    first = facts_of(text)          # asserts every offset is exact
    assert facts_of(text) == first


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    facts_of(text)


def _news(megabytes: float, newline: str) -> str:
    unit = newline.join(p.read_text(encoding="utf-8").replace("\n", newline)
                        for p in sorted((ROOT / "seeds").glob("*.txt")))
    return unit * int(megabytes * 1e6 / len(unit) + 1)


def test_very_long_line_without_newline(tmp_path):
    p = tmp_path / "one_line.txt"
    p.write_text(_news(10, " "), encoding="utf-8")
    r = api.process_path(str(p))
    assert r.error is None
    assert len(r.facts) > 10_000
    text = r.document.text
    assert "\n" not in text and all(text[f.start:f.end] == f.text for f in r.facts)


def test_fifty_megabyte_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(_news(50, "\n"), encoding="utf-8")
    assert p.stat().st_size >= 50_000_000
    r = api.process_path(str(p), types=("money", "percentage"))
    assert r.error is None
    assert len([f for f in r.facts if f.type == "money"]) > 20_000


def test_a_failing_extractor_keeps_the_other_facts(tmp_path, monkeypatch):
    import lituania_facts.extractors.percentage as percentage

    def broken(doc):
        raise KeyError("boom")
    monkeypatch.setattr(percentage, "find", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = run_cli("extract", tmp_path, "-f", "jsonl", "-t", "money,percentage")
    assert r.exit_code == 1
    assert [f["text"] for f in jsonl(r.stdout)] == ["€6 million"]
    assert r.stderr.splitlines() == [
        f"facts: error: {tmp_path / 'a.txt'}: internal error in the percentage extractor: KeyError: 'boom'"]


def test_an_extractor_failing_on_one_document_of_a_batch_keeps_that_extractor_on_the_others(tmp_path, monkeypatch):
    import lituania_facts.extractors.percentage as percentage
    real = percentage.find

    def broken_on_b(doc):
        if doc.name.endswith("b.txt"):
            raise KeyError("boom")
        return real(doc)
    monkeypatch.setattr(percentage, "find", broken_on_b)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    results = list(api.extract_paths([str(tmp_path)], types=("money", "percentage")))
    assert [(Path(r.name).name, [f.text for f in r.facts]) for r in results] == [
        ("a.txt", ["€6 million", "about 4%"]), ("b.txt", ["€6 million"]), ("c.txt", ["€6 million", "about 4%"])]
    assert [r.error is not None for r in results] == [False, True, False]
