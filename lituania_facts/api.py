"""The library API the CLI is a thin layer over: documents in, facts out."""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatch
from functools import partial
from typing import Iterable, Iterator, Sequence

from .document import Document, make_document, read_document
from .errors import FactsError, UnreadableDocument
from .model import FACT_TYPES, Fact
from .pipeline import extract_document, finish_document

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


# Files are read in batches and each extractor runs over a whole batch, as in
# pipeline.extract_documents (its patterns stay in the processor's caches); a batch holds at most this many documents, and
# is extracted early once its texts reach BATCH_CHARS, so memory stays bounded.
BATCH_DOCUMENTS = 64
BATCH_CHARS = 1_000_000


def process_paths(names: Sequence[str], *, reference_date: date | None = None,
                  types: Sequence[str] = FACT_TYPES, jobs: int = 1) -> Iterator[DocumentResult]:
    """process_path over `names` in order, on `jobs` processes (0 = every core)."""
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    if "-" in names:
        for name in names:
            yield process_path(name, reference_date=reference_date, types=types)
        return
    work = partial(process_batch, reference_date=reference_date, types=tuple(types))
    if jobs == 1 or len(names) < 2:
        for i in range(0, len(names), BATCH_DOCUMENTS):
            yield from work(names[i:i + BATCH_DOCUMENTS])
        return
    # Smaller batches when there are few files, so that every worker gets some.
    size = max(1, min(BATCH_DOCUMENTS, len(names) // (jobs * 4)))
    batches = [names[i:i + size] for i in range(0, len(names), size)]
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # A sliding window of batches in flight keeps memory flat whatever the corpus size and
    # every worker busy (a new batch goes out as soon as the oldest comes back, where
    # window-by-window `map` left workers idle at each window's end); results are taken
    # oldest first, so the order is the input's.
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = deque(pool.submit(work, b) for b in batches[:window])
        for b in batches[window:]:
            results = pending.popleft().result()
            pending.append(pool.submit(work, b))
            yield from results
        while pending:
            yield from pending.popleft().result()


def process_batch(names: Sequence[str], *, reference_date: date | None = None,
                  types: Sequence[str] = FACT_TYPES) -> list[DocumentResult]:
    """process_path of each name, the documents extracted together (see BATCH_DOCUMENTS):
    the same results, and one document's failure or time budget never touches another's."""
    results: list[DocumentResult] = []
    pending: list[DocumentResult] = []
    size = 0
    for name in names:
        r = read_result(name, reference_date)
        results.append(r)
        if r.error is None:
            pending.append(r)
            size += len(r.document.text)
            if size >= BATCH_CHARS:
                extract_results(pending, types)
                pending, size = [], 0
    extract_results(pending, types)
    return results


def read_result(name: str, reference_date: date | None = None) -> DocumentResult:
    """The document of `name`, or the error that kept it from being read (never a raise)."""
    try:
        return DocumentResult(name, document=read_document(name, reference_date))
    except FactsError as e:
        return DocumentResult(name, error=e)
    except Exception as e:  # noqa: BLE001 - a bug in reading one file must not stop the run
        return DocumentResult(name, error=FactsError(name, f"internal error: {type(e).__name__}: {e}"))


def extract_results(results: list[DocumentResult], types: Sequence[str]) -> None:
    """Fill in the facts (or the error) of documents already read, extractor by extractor.

    Each document keeps its own time budget (`default_budget`, spent over its extractors) and
    its own failures: an extractor that raises loses only its facts for that document.
    """
    from .extractors import finder

    if not results:
        return
    docs = [r.document for r in results]
    candidates: list[list[Fact]] = [[] for _ in docs]
    failures: list[list[str]] = [[] for _ in docs]
    budgets = [default_budget(len(d.text)) for d in docs]
    left = list(budgets)
    timed_out = [False] * len(docs)
    with alarm_handler() as armed:
        for fact_type in FACT_TYPES:
            if fact_type not in types:
                continue
            find = finder(fact_type)
            for i, doc in enumerate(docs):
                if timed_out[i]:
                    continue
                started = time.perf_counter()
                try:
                    if left[i] <= 0:
                        raise TimeBudgetExceeded()
                    if armed:
                        signal.setitimer(signal.ITIMER_REAL, left[i])
                    try:
                        candidates[i].extend(find(doc))
                    finally:
                        if armed:
                            signal.setitimer(signal.ITIMER_REAL, 0)
                except TimeBudgetExceeded:
                    timed_out[i] = True
                except Exception as e:  # noqa: BLE001 - one extractor's bug must not lose the others' facts
                    failures[i].append(f"{fact_type} extractor: {type(e).__name__}: {e}")
                left[i] -= time.perf_counter() - started
    for i, r in enumerate(results):
        if timed_out[i]:
            r.error = FactsError(r.name, f"took longer than {budgets[i]:g} s, gave up")
            continue
        r.facts = finish_document(docs[i], candidates[i])
        if failures[i]:
            # An extractor that failed is reported; the facts of the others are kept.
            r.error = FactsError(r.name, "internal error in the " + "; ".join(failures[i]))


class TimeBudgetExceeded(Exception):
    pass


def default_budget(n_chars: int) -> float:
    """Seconds one document may take: 10 s plus 2 s per MB, several times what the slowest
    measured text needs (pathological capitalised runs, ~0.6 s per MB)."""
    return 10.0 + 2.0 * n_chars / 1e6


@contextmanager
def alarm_handler():
    """SIGALRM raises TimeBudgetExceeded while inside; yields whether it could be set (in a
    main thread only). The caller arms the timer (`signal.setitimer`) for each piece of work."""
    if threading.current_thread() is not threading.main_thread():
        yield False
        return

    def on_alarm(signum, frame):
        raise TimeBudgetExceeded()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_path(name: str, *, reference_date: date | None = None,
                 types: Sequence[str] = FACT_TYPES) -> DocumentResult:
    """Read and extract one file; every failure becomes the result's `error`, never a raise.

    Extraction has a time budget (`default_budget` for the document's size).
    """
    return process_batch([name], reference_date=reference_date, types=types)[0]
