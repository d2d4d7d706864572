"""The cluster path: the library on a real Dask LocalCluster with two worker processes."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from lituania_facts.cli import build_app

distributed = pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
from lituania_facts.dask import facts_bag, facts_dataframe, paths_bag  # noqa: E402

SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def cli_facts() -> list[dict]:
    out = CliRunner().invoke(build_app(), ["extract", str(SEEDS), "-f", "jsonl"]).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_paths_on_two_workers_give_exactly_the_cli_facts(client):
    bag = facts_bag(paths_bag([str(SEEDS)], npartitions=3))
    assert bag.compute() == cli_facts()


def test_name_text_pairs_and_dataframe(client):
    import dask.bag as db

    pairs = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    bag = facts_bag(db.from_sequence(pairs, npartitions=2))
    assert bag.compute() == cli_facts()
    df = facts_dataframe(bag).compute()
    assert len(df) == len(cli_facts())
    assert set(df[df.type == "money"].currency) == {"EUR", "USD"}
