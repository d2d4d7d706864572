"""Run the extractors on a document, resolve overlaps, sort, attach doc name and sentence.

Overlap policy (one, documented): facts of the same type that overlap keep the longest
(then the earliest), as spaCy's `filter_spans`. Across types a fixed priority decides,
`TYPE_PRIORITY` below: a number inside a money amount is never also a percentage or a
date, a surname like `May` inside an official's name is not a month, and a weapon's name
is not read as a date. Facts that do not overlap are all kept.
"""
from __future__ import annotations

import bisect
from operator import attrgetter
from typing import Iterable, Sequence

from .document import Document
from .model import FACT_TYPES, Fact

TYPE_PRIORITY = {"money": 0, "percentage": 1, "official": 2, "weapon": 3, "date": 4}


_BY_POSITION = attrgetter("start", "end", "type")


def resolve_overlaps(facts: Iterable[Fact]) -> list[Fact]:
    """Greedy by (type priority, longer, earlier), in document order.

    Most facts overlap nothing: the facts are cut into runs that overlap each other, and the
    greedy choice is made within each run of two or more (facts of different runs never
    overlap, so the choices are those of one greedy pass over all the facts). Empty facts
    are never kept.
    """
    ranked = sorted((f for f in facts if f.start != f.end), key=_BY_POSITION)
    kept: list[Fact] = []
    i, n = 0, len(ranked)
    while i < n:
        j, run_end = i + 1, ranked[i].end
        while j < n and ranked[j].start < run_end:
            run_end = max(run_end, ranked[j].end)
            j += 1
        if j == i + 1:
            kept.append(ranked[i])
        else:
            kept.extend(_greedy(ranked[i:j]))
        i = j
    return kept


def _greedy(facts: list[Fact]) -> list[Fact]:
    """Greedy by (type priority, longer, earlier); O(n log n) with a sorted interval list."""
    ranked = sorted(facts, key=lambda f: (TYPE_PRIORITY[f.type], -(f.end - f.start), f.start, f.end))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Fact] = []
    for f in ranked:
        i = bisect.bisect_left(starts, f.start)
        # Accepted intervals do not overlap each other, so only the neighbours can clash.
        if i > 0 and ends[i - 1] > f.start:
            continue
        if i < len(starts) and starts[i] < f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        kept.append(f)
    kept.sort(key=_BY_POSITION)
    return kept


def extract_document(doc: Document, types: Sequence[str] = FACT_TYPES,
                     errors: list[str] | None = None) -> list[Fact]:
    """All facts of `types` in `doc`, in document order, with doc name and sentence set.

    With an `errors` list, an extractor that fails is recorded there (`date: KeyError: ...`)
    and the facts of the others are still returned; without one, the exception propagates.
    """
    from .extractors import finder

    candidates: list[Fact] = []
    for fact_type in FACT_TYPES:
        if fact_type not in types:
            continue
        if errors is None:
            candidates.extend(finder(fact_type)(doc))
            continue
        try:
            candidates.extend(finder(fact_type)(doc))
        except Exception as e:  # noqa: BLE001 - one extractor's bug must not lose the others' facts
            errors.append(f"{fact_type} extractor: {type(e).__name__}: {e}")
    return finish_document(doc, candidates)


def extract_documents(docs: Sequence[Document], types: Sequence[str] = FACT_TYPES) -> list[list[Fact]]:
    """`extract_document` of each document, each extractor run over all of them in turn.

    Its compiled patterns then stay in the processor's caches: on news, a fifth to a quarter
    faster than document after document (measured with `make bench`). An extractor that
    fails raises, as `extract_document` without `errors` (api.process_batch reports it).
    """
    from .extractors import finder

    candidates: list[list[Fact]] = [[] for _ in docs]
    for fact_type in FACT_TYPES:
        if fact_type in types:
            find = finder(fact_type)
            for found, doc in zip(candidates, docs):
                found.extend(find(doc))
    return [finish_document(doc, found) for doc, found in zip(docs, candidates)]


def finish_document(doc: Document, candidates: list[Fact]) -> list[Fact]:
    """The candidates of all extractors -> the document's facts: overlaps resolved, in
    document order, doc name and sentence set."""
    kept = resolve_overlaps(candidates)
    _attach_doc(doc, kept)
    doc.derived.clear()   # (not kept, nor sent back by --jobs workers)
    return kept


_set_doc, _set_sentence = Fact.doc.__set__, Fact.sentence.__set__


def _attach_doc(doc: Document, facts: list[Fact]) -> None:
    """Set each fact's doc name and sentence in place.

    The facts are the ones the extractors have just built for this call and nobody else holds
    them yet, so they are completed where they are instead of copied (`Fact.with_doc`), through
    the slots' setters (a copy costs several times more). Facts in one sentence share its string.
    """
    starts, text, name = doc.sentence_starts, doc.text, doc.name
    last = len(starts) - 1
    sentences: dict[int, str] = {}
    for f in facts:
        i = bisect.bisect_right(starts, f.start) - 1
        sentence = sentences.get(i)
        if sentence is None:
            lo = starts[i] if i >= 0 else 0
            hi = starts[i + 1] if i < last else len(text)
            sentence = sentences[i] = text[lo:hi].strip()
        _set_doc(f, name)
        _set_sentence(f, sentence)
