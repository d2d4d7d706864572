"""The library API the CLI is a thin layer over: documents in, facts out."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatch
from typing import Iterable, Iterator, Sequence

from .document import Document, make_document, read_document
from .errors import FactsError, UnreadableDocument
from .model import FACT_TYPES, Fact
from .pipeline import extract_document

DEFAULT_GLOBS = ("*.txt", "*.md")


@dataclass
class DocumentResult:
    """What one input gave: its facts, or the error that stopped it."""

    name: str
    document: Document | None = None
    facts: list[Fact] = field(default_factory=list)
    error: FactsError | None = None

    @property
    def warnings(self) -> list[str]:
        return self.document.warnings if self.document else []


def extract_text(text: str, *, name: str = "-", reference_date: date | None = None,
                 types: Sequence[str] = FACT_TYPES) -> list[Fact]:
    """Facts of one text.

    >>> [(f.type, f.text) for f in extract_text("Vilnius pledged €6 million.", types=["money"])]
    [('money', '€6 million')]
    """
    return extract_document(make_document(text, name, reference_date), types)


def expand_paths(paths: Iterable[str], globs: Sequence[str] = DEFAULT_GLOBS) -> list[str]:
    """Files named, and files under directories matching `globs`, sorted and unique.

    A path that does not exist raises UnreadableDocument. Directory symlink loops are
    walked once (each real directory is visited once).
    """
    found: set[str] = set()
    for p in paths:
        if p == "-":
            found.add(p)
        elif os.path.isdir(p):
            seen_dirs: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(p, followlinks=True):
                try:
                    st = os.stat(root)
                except OSError:
                    dirs[:] = []
                    continue
                if (st.st_dev, st.st_ino) in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add((st.st_dev, st.st_ino))
                dirs.sort()
                for f in files:
                    if any(fnmatch(f, g) for g in globs):
                        found.add(os.path.join(root, f))
        elif os.path.exists(p) or os.path.islink(p):
            found.add(p)
        else:
            raise UnreadableDocument(p, "no such file or directory")
    return sorted(found)


def extract_paths(paths: Iterable[str], *, reference_date: date | None = None,
                  types: Sequence[str] = FACT_TYPES,
                  globs: Sequence[str] = DEFAULT_GLOBS) -> Iterator[DocumentResult]:
    """One DocumentResult per file, in sorted path order; one bad file never stops the rest."""
    for name in expand_paths(paths, globs):
        yield process_path(name, reference_date=reference_date, types=types)


def process_path(name: str, *, reference_date: date | None = None,
                 types: Sequence[str] = FACT_TYPES) -> DocumentResult:
    try:
        doc = read_document(name, reference_date)
    except FactsError as e:
        return DocumentResult(name, error=e)
    try:
        facts = extract_document(doc, types)
    except RecursionError as e:   # pragma: no cover - defensive: report, never crash the run
        return DocumentResult(name, document=doc, error=FactsError(name, f"internal error: {e}"))
    except Exception as e:  # noqa: BLE001 - one document's bug must not lose the others
        return DocumentResult(name, document=doc,
                              error=FactsError(name, f"internal error: {type(e).__name__}: {e}"))
    return DocumentResult(name, document=doc, facts=facts)
