"""`make bench` keeps working: a tiny run prints its table and writes every figure (it is a
benchmark, so nothing here asserts a speed)."""
from __future__ import annotations

import json

from conftest import ROOT
from lituania_facts import bench


def test_bench_writes_every_row_and_figure(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "bench.json"
    assert bench.main(["--mb", "0.05", "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    rows = {r["what"]: r for r in result["rows"]}
    for what in ("regex floor \\d", "money", "percentage", "date", "official", "weapon",
                 "whole pipeline", "whole pipeline, seed articles only", "JSON Lines output",
                 "files, --jobs 1", "files, --jobs 2"):
        assert rows[what]["mb_per_s"] > 0, what
    assert rows["whole pipeline"]["x_floor"] > 1
    assert set(result["startup_ms"]) == {"--version", "--help", "extract one seed"}
    assert result["corpus"]["megabytes"] >= 0.05 and result["peak_rss_mb"] > 0
    assert "whole pipeline" in capsys.readouterr().out
