"""The same extraction on Dask, for corpora that outgrow one machine.

    pip install "lituania-facts[dask]"

    import dask.bag as db
    from lituania_facts.dask import paths_bag, facts_bag, facts_dataframe

    facts = facts_bag(paths_bag(["/data/news/"], npartitions=64))   # a bag of fact dicts
    facts.filter(lambda f: f["type"] == "money").count().compute()
    df = facts_dataframe(facts)                                      # a Dask DataFrame

Items of the bag are paths (read on the workers, so every worker must see the files: a
shared or network file system) or `(name, text)` pairs (text already loaded, e.g. from
`db.read_text` or a data lake). Each fact dict is exactly a line of `facts extract --format
jsonl`; the bag keeps the input order. The core package never imports this module.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

import dask.bag as db

from .api import BATCH_DOCUMENTS, DEFAULT_GLOBS, DocumentResult, expand_paths, extract_results, read_result
from .document import make_document
from .model import FACT_TYPES
from .render import CSV_COLUMNS


def paths_bag(paths: Iterable[str], *, globs: Sequence[str] = DEFAULT_GLOBS,
              npartitions: int | None = None) -> db.Bag:
    """A bag of the file paths `facts extract PATH...` would read, in sorted order."""
    names = expand_paths(paths, globs)
    return db.from_sequence(names, npartitions=npartitions or max(1, min(len(names), 256)))


def _facts_of_partition(items: Iterable, types: tuple[str, ...], reference_date: date | None) -> list[dict]:
    """The fact dicts of a partition's items, in order, extracted as `facts extract` does:
    in batches (api.BATCH_DOCUMENTS), each document with its own time budget."""
    out: list[dict] = []
    items = list(items)
    for i in range(0, len(items), BATCH_DOCUMENTS):
        results = [read_result(item, reference_date) if isinstance(item, str)
                   else DocumentResult(item[0], document=make_document(item[1], item[0], reference_date))
                   for item in items[i:i + BATCH_DOCUMENTS]]
        extract_results([r for r in results if r.error is None], types)
        out.extend(f.to_dict() for r in results for f in r.facts)
    return out


def facts_bag(items: db.Bag, *, types: Sequence[str] = FACT_TYPES,
              reference_date: date | None = None) -> db.Bag:
    """Map a bag of paths or (name, text) pairs to a bag of fact dicts (one per mention)."""
    return items.map_partitions(_facts_of_partition, types=tuple(types), reference_date=reference_date)


def facts_dataframe(facts: db.Bag):
    """The fact dicts as a Dask DataFrame with one column per field (CSV's columns)."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in CSV_COLUMNS[:-1]})
    return facts.map(lambda f: {c: f.get(c) for c in CSV_COLUMNS[:-1]}).to_dataframe(meta=meta)
