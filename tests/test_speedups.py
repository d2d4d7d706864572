"""Each shortcut taken for speed finds exactly what the plain form it replaces finds.

The plain forms (a regex search over every position, one greedy pass over all facts) are
written out here as the reference; random texts built from the tokens that matter to each
one compare the two.
"""
from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from lituania_facts.document import DATELINE_DATE_RE, _dateline_search, make_document
from lituania_facts.extractors import _amounts
from lituania_facts.model import FACT_TYPES, Fact
from lituania_facts.pipeline import TYPE_PRIORITY, resolve_overlaps


def texts(tokens: list[str], max_size: int = 14):
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


DATE_TOKENS = ["Jan", "January", "Feb.", "sept", "Sepember", "may", "MAY", "dismay", "12", "2024", "5,",
               "1.2.2023", "2023-01-05", "14", "3.", " ", "  ", "\t", "\u00a0", ",", "x", "(LETA)", "–", "RIGA",
               "January 5, 2024", "14 March 2024", "Feb. 14, 2025", "Sept  3 2023", "dismay 5, 2024", "September.\t9 2020"]


@settings(max_examples=400, deadline=None)
@given(texts(DATE_TOKENS), st.sampled_from([120, 12]))
def test_dateline_search_is_the_plain_search(line, endpos):
    plain = DATELINE_DATE_RE.search(line, 0, endpos)
    fast = _dateline_search(line, endpos)
    assert (plain and plain.span()) == (fast and fast.span())


QUALIFIER_TOKENS = ["about", "ABOUT", "more than", "no less than", "less than", "know", "up to", "between",
                    "Between", "approx.", "approxımately", "~", "of", "x", "(", " ", " ", "  ", "\t", "\u00a0"]


def plain_qualifier_before(text: str, start: int):
    lo = max(0, start - _amounts.QUALIFIER_WINDOW)
    m = _amounts.qualifier_re().search(text, lo, start)
    if not m or m.start() == start:
        return start, None, False
    q = m.group("q")
    qual = _amounts.qualifier_map().get(" ".join(q.casefold().split())) if q else None
    return m.start(), qual, bool(m.group("between"))


@settings(max_examples=600, deadline=None)
@given(texts(QUALIFIER_TOKENS))
def test_qualifier_read_leftwards_is_the_plain_search(before):
    text = before + "€5 million"
    start = len(before)
    assert _amounts.qualifier_before(text, start) == plain_qualifier_before(text, start)


WORD_TOKENS = ["one", "One", "ONE", "twenty", "-", "five", "fourteen", "fourteenth", "hundred", "and", "a",
               "half", "dozen", " ", "  ", "\n", "(", "“", "€", "x", "non", "ė", "thousand", "Million"]


@settings(max_examples=600, deadline=None)
@given(texts(WORD_TOKENS))
def test_number_word_spans_are_the_plain_scan(text):
    first = _amounts._WORDS_AT_START_RE.match(text)
    plain = [(first.start(), first.end())] if first else []
    plain += [(m.start("w"), m.end("w")) for m in _amounts._WORDS_RE.finditer(text)]
    assert list(_amounts.word_number_spans(make_document(text))) == plain


def plain_resolve(facts):
    ranked = sorted(facts, key=lambda f: (TYPE_PRIORITY[f.type], -(f.end - f.start), f.start, f.end))
    starts, ends, kept = [], [], []
    for f in ranked:
        i = bisect.bisect_left(starts, f.start)
        if (i > 0 and ends[i - 1] > f.start) or (i < len(starts) and starts[i] < f.end) or f.start == f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.type))


spans = st.tuples(st.sampled_from(FACT_TYPES), st.integers(0, 30), st.integers(0, 6))


@settings(max_examples=600, deadline=None)
@given(st.lists(spans, max_size=12))
def test_overlaps_resolved_by_runs_as_in_one_greedy_pass(rows):
    facts = [Fact(t, s, s + n, "x", {"row": i}) for i, (t, s, n) in enumerate(rows)]
    assert [f.values["row"] for f in resolve_overlaps(facts)] == [f.values["row"] for f in plain_resolve(facts)]
