"""The library API the CLI is a thin layer over: documents in, facts out."""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
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
                  types: Sequence[str] = FACT_TYPES, globs: Sequence[str] = DEFAULT_GLOBS,
                  jobs: int = 1) -> Iterator[DocumentResult]:
    """One DocumentResult per file, in sorted path order; one bad file never stops the rest.

    `jobs` > 1 (0 = every core) spreads documents over worker processes; the results come
    back in the same order, so the output is the same bytes as with one job.
    """
    names = expand_paths(paths, globs)
    yield from process_paths(names, reference_date=reference_date, types=types, jobs=jobs)


def process_paths(names: Sequence[str], *, reference_date: date | None = None,
                  types: Sequence[str] = FACT_TYPES, jobs: int = 1) -> Iterator[DocumentResult]:
    """process_path over `names` in order, on `jobs` processes (0 = every core)."""
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    if jobs == 1 or len(names) < 2 or "-" in names:
        for name in names:
            yield process_path(name, reference_date=reference_date, types=types)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    work = partial(process_path, reference_date=reference_date, types=tuple(types))
    # Bounded windows keep memory flat whatever the corpus size; map keeps the order.
    window = jobs * 64
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for i in range(0, len(names), window):
            yield from pool.map(work, names[i:i + window], chunksize=8)


class TimeBudgetExceeded(Exception):
    pass


def default_budget(n_chars: int) -> float:
    """Seconds one document may take: 10 s plus 2 s per MB, several times what the slowest
    measured text needs (pathological capitalised runs, ~0.6 s per MB)."""
    return 10.0 + 2.0 * n_chars / 1e6


@contextmanager
def time_budget(seconds: float | None):
    """Raise TimeBudgetExceeded after `seconds` (a safety net against a pattern gone slow).

    SIGALRM interrupts even a long regex match; it works in a main thread only, elsewhere
    the budget is not enforced.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise TimeBudgetExceeded()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_path(name: str, *, reference_date: date | None = None,
                 types: Sequence[str] = FACT_TYPES, budget: float | None = -1) -> DocumentResult:
    """Read and extract one file; every failure becomes the result's `error`, never a raise.

    `budget`: seconds allowed for extraction (-1: `default_budget` for the document's size,
    None: no limit).
    """
    try:
        doc = read_document(name, reference_date)
    except FactsError as e:
        return DocumentResult(name, error=e)
    except Exception as e:  # noqa: BLE001 - a bug in reading one file must not stop the run
        return DocumentResult(name, error=FactsError(name, f"internal error: {type(e).__name__}: {e}"))
    seconds = default_budget(len(doc.text)) if budget == -1 else budget
    failures: list[str] = []
    try:
        with time_budget(seconds):
            facts = extract_document(doc, types, errors=failures)
    except TimeBudgetExceeded:
        return DocumentResult(name, document=doc,
                              error=FactsError(name, f"took longer than {seconds:g} s, gave up"))
    except Exception as e:  # noqa: BLE001 - one document's bug must not lose the others
        return DocumentResult(name, document=doc,
                              error=FactsError(name, f"internal error: {type(e).__name__}: {e}"))
    # An extractor that failed is reported; the facts of the others are kept.
    error = FactsError(name, "internal error in the " + "; ".join(failures)) if failures else None
    return DocumentResult(name, document=doc, facts=facts, error=error)
