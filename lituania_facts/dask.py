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

from .api import DEFAULT_GLOBS, expand_paths, process_path
from .document import make_document
from .model import FACT_TYPES
from .pipeline import extract_document
from .render import CSV_COLUMNS


def paths_bag(paths: Iterable[str], *, globs: Sequence[str] = DEFAULT_GLOBS,
              npartitions: int | None = None) -> db.Bag:
    """A bag of the file paths `facts extract PATH...` would read, in sorted order."""
    names = expand_paths(paths, globs)
    return db.from_sequence(names, npartitions=npartitions or max(1, min(len(names), 256)))


def _facts_of_item(item, types: tuple[str, ...], reference_date: date | None) -> list[dict]:
    if isinstance(item, str):
        result = process_path(item, reference_date=reference_date, types=types)
        return [f.to_dict() for f in result.facts]
    name, text = item
    doc = make_document(text, name, reference_date)
    return [f.to_dict() for f in extract_document(doc, types)]


def facts_bag(items: db.Bag, *, types: Sequence[str] = FACT_TYPES,
              reference_date: date | None = None) -> db.Bag:
    """Map a bag of paths or (name, text) pairs to a bag of fact dicts (one per mention)."""
    return items.map(_facts_of_item, types=tuple(types), reference_date=reference_date).flatten()


def facts_dataframe(facts: db.Bag):
    """The fact dicts as a Dask DataFrame with one column per field (CSV's columns)."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in CSV_COLUMNS[:-1]})
    return facts.map(lambda f: {c: f.get(c) for c in CSV_COLUMNS[:-1]}).to_dataframe(meta=meta)
