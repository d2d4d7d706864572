"""The `facts` command end to end: formats, errors, exit codes, determinism."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from lituania_facts.cli import build_app

SEEDS = ROOT / "seeds"
GOOD = "Lithuania pledged €6 million to Ukraine, about 4% of GDP.\n"


@pytest.fixture()
def run(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    runner = CliRunner()

    def _run(*args, input=None):
        return runner.invoke(build_app(), list(map(str, args)), input=input)
    return _run


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_offsets_exact_and_keys_stable(run):
    r = run("extract", SEEDS, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    facts = lines(r.stdout)
    assert {f["type"] for f in facts} >= {"money", "percentage"}
    for f in facts:
        text = open(f["doc"], encoding="utf-8").read()
        assert text[f["start"]:f["end"]] == f["text"]
        assert list(f)[:5] == ["type", "doc", "text", "start", "end"]
    money = [(f["text"], f["amount"], f["currency"]) for f in facts if f["type"] == "money"]
    assert ("€6 million", 6000000, "EUR") in money


def test_json_groups_documents_with_reference_date(run):
    r = run("extract", SEEDS, "--format", "json", "--type", "money")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    docs = {d["doc"].rsplit("/", 1)[-1]: d for d in data["documents"]}
    assert docs["000_07728f128194e19f.txt"]["reference_date"] == "2023-02-28"
    assert docs["000_07728f128194e19f.txt"]["reference_source"] == "header"
    assert docs["001_9315569b376cac04.txt"]["reference_date"] is None
    assert all(f["type"] == "money" for d in data["documents"] for f in d["facts"])
    assert "type" not in data and all("type" not in d for d in data["documents"])


def test_csv_one_row_per_fact(run):
    r = run("extract", SEEDS, "--format", "csv", "--type", "percentage")
    assert r.exit_code == 0, r.output
    rows = r.stdout.splitlines()
    assert rows[0].startswith("doc,type,start,end,text,")
    assert len(rows) - 1 == len(lines(run("extract", SEEDS, "-f", "jsonl", "-t", "percentage").stdout))


def test_table_is_readable_and_plain_without_colour(run):
    r = run("extract", SEEDS, "--format", "table", "--type", "money")
    assert r.exit_code == 0, r.output
    assert "EUR 6,000,000" in r.stdout and "\x1b[" not in r.stdout


def test_output_order_does_not_depend_on_argument_order(run):
    files = sorted(SEEDS.glob("*.txt"))
    a = run("extract", *files, "-f", "jsonl").stdout
    b = run("extract", *reversed(files), "-f", "jsonl").stdout
    assert a == b and a


def test_stdin(run):
    r = run("extract", "-", "-f", "jsonl", input=GOOD)
    assert r.exit_code == 0, r.output
    assert [(f["doc"], f["text"]) for f in lines(r.stdout) if f["type"] == "money"] == [("-", "€6 million")]


def test_mixed_folder_good_empty_binary_latin1(run, tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "d_latin1.txt").write_bytes("Le budget: £5 million, soit 3% du total. Café.".encode("latin-1"))
    r = run("extract", tmp_path, "-f", "jsonl")
    assert r.exit_code == 0, r.output
    got = {(f["doc"].rsplit("/", 1)[-1], f["text"]) for f in lines(r.stdout)}
    assert ("a_good.txt", "€6 million") in got
    assert ("d_latin1.txt", "£5 million") in got and ("d_latin1.txt", "3%") in got
    err = r.stderr.splitlines()
    assert any("c_binary.txt" in line and "binary" in line for line in err)
    assert any("d_latin1.txt" in line and "cp1252" in line for line in err)
    assert "Traceback" not in r.output


def test_unreadable_file_is_reported_and_the_rest_still_printed(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    gone = tmp_path / "gone.txt"   # a link whose file vanished: listed, then unreadable
    gone.symlink_to(tmp_path / "nowhere.txt")
    r = run("extract", tmp_path, "-f", "jsonl")
    assert r.exit_code == 1
    assert any(f["doc"].endswith("good.txt") for f in lines(r.stdout))
    assert r.stderr.splitlines() == [f"facts: error: {gone}: no such file (vanished?)"]


def test_missing_path_is_a_usage_error(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = run("extract", good, tmp_path / "missing.txt", "-f", "jsonl")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [f"facts: error: {tmp_path / 'missing.txt'}: no such file or directory"]
    assert r.stdout == ""


def test_usage_errors_exit_2(run):
    assert run("extract", SEEDS, "--type", "rockets").exit_code == 2
    assert run("extract", SEEDS, "--reference-date", "yesterday").exit_code == 2
    assert run("extract", SEEDS, "--format", "xml").exit_code == 2


def test_output_file_is_written_whole(run, tmp_path):
    out = tmp_path / "facts.jsonl"
    r = run("extract", SEEDS, "-t", "money", "-o", out)
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert [f["type"] for f in lines(out.read_text(encoding="utf-8"))] == ["money"] * 9
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


def test_explain_adds_the_rule(run):
    r = run("extract", SEEDS, "-f", "jsonl", "-t", "money", "--explain")
    assert {f["rule"] for f in lines(r.stdout)} >= {"money.amount"}


def test_version_fast_path_and_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "lituania_facts", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "extract" in out.stdout and "Exit codes" in out.stdout
    out = subprocess.run([sys.executable, "-c", "import sys; sys.argv=['facts','--version'];"
                          "from lituania_facts.cli import main; main()"], capture_output=True, text=True)
    assert out.stdout.startswith("facts 0.")


def test_jobs_2_gives_the_same_bytes_as_jobs_1(run):
    paths = [SEEDS, ROOT / "tests" / "texts"] if (ROOT / "tests" / "texts").exists() else [SEEDS]
    one = run("extract", *paths, "-f", "jsonl", "--jobs", "1")
    two = run("extract", *paths, "-f", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout == two.stdout and one.stdout
