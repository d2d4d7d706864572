"""What money and percentages share: qualifiers before an amount, `between ... and` ranges,
word numbers found once per text, and scale words."""
from __future__ import annotations

import re
from functools import cache

from ..document import Document
from ..lexicon import alternation, load_tsv
from ._numbers import ARTICLE_BEFORE, ARTICLE_HEADS, FIRST_WORD_FOLDED, WORDS, WORDS_AFTER_GAP, parse_words

SPACE = r"[ \t\u00a0]"
QUALIFIER_WINDOW = 40


@cache
def qualifier_re() -> re.Pattern:
    quals = [q for q, _ in load_tsv("qualifiers.tsv", 2)]
    # "between" opens a range; it belongs to the span but is not a qualifier.
    return re.compile(rf"(?i)(?<![\w])(?:(?P<q>{alternation(quals)}){SPACE}+)?(?P<between>between{SPACE}+)?\Z")


@cache
def qualifier_map() -> dict[str, str]:
    return {q.casefold(): v for q, v in load_tsv("qualifiers.tsv", 2)}


@cache
def _qualifier_reversed_re() -> re.Pattern:
    """`qualifier_re` read leftwards from the amount, matched on the reversed text: one
    anchored attempt instead of a search over every start of the window (speed). Longest
    qualifier first, as the leftmost match of `qualifier_re` is."""
    quals = alternation(q[::-1] for q, _ in load_tsv("qualifiers.tsv", 2))
    return re.compile(rf"(?i){SPACE}+(?:(?P<between>neewteb)(?:{SPACE}+(?P<q>{quals}))?|(?P<q2>{quals}))(?![\w])")


def qualifier_before(text: str, start: int) -> tuple[int, str | None, bool]:
    """(new start, qualifier, has_between) for the words just left of `start`.

    >>> text = "worth more than  between €5 and €6"
    >>> qualifier_before(text, text.index("€5"))
    (6, 'over', True)
    >>> qualifier_before("lasting €5", 8), qualifier_before("no less than €5", 13)
    ((8, None, False), (0, 'at_least', False))
    """
    lo = max(0, start - QUALIFIER_WINDOW)
    # One character more than the window, for the lookahead that stands for the lookbehind.
    r = _qualifier_reversed_re().match(text[max(0, lo - 1):start][::-1])
    if not r:
        return start, None, False
    if r.end() > start - lo:    # reaching past the window: let the forward regex decide
        m = qualifier_re().search(text, lo, start)
        if not m or m.start() == start:
            return start, None, False
        q, between, new_start = m.group("q"), m.group("between"), m.start()
    else:
        q = r.group("q") or r.group("q2")
        q, between, new_start = q and q[::-1], r.group("between"), start - r.end()
    qual = qualifier_map().get(" ".join(q.casefold().split())) if q else None
    return new_start, qual, bool(between)


@cache
def scales() -> tuple[dict[str, float], str, str]:
    """({surface: multiplier}, spaced alternation, attached-only alternation)."""
    rows = load_tsv("scales.tsv", 3)
    mult = {s.casefold(): float(m) for s, m, _ in rows}
    spaced = alternation(s for s, _, a in rows if a == "no")
    attached = alternation(s for s, _, a in rows if a == "yes")
    return mult, spaced, attached


@cache
def scale_pattern(name: str) -> str:
    """An optional scale word after a number: `€6 million`, `$12.5-million`, `€10M`, `5bn`."""
    _, spaced, attached = scales()
    return (rf"(?P<{name}>(?:{SPACE}|-)?(?i:{spaced})(?![^\W\d_])"
            rf"|(?i:{spaced}|{attached})(?![^\W\d_]))?")


def scale_value(s: str | None) -> float:
    if not s:
        return 1.0
    # casefold, as the (?i) pattern matched: `ſ` (long s) and `K` (Kelvin sign) fold to s, k
    return scales()[0][s.strip(" \t\u00a0-").casefold()]


# Where a number in digits may start: DIGITS opens with exactly this, so an amount pattern
# matches at these positions and nowhere else.
_NUMBER_START_RE = re.compile(r"\d(?<![\d.,]\d)")


def number_starts(doc: Document) -> tuple[int, ...]:
    """Where each number in digits starts, found once per document for money and percentages."""
    starts = doc.derived.get("number_starts")
    if starts is None:
        starts = doc.derived["number_starts"] = tuple(m.start() for m in _NUMBER_START_RE.finditer(doc.text))
    return starts


_WORDS_AT_START_RE = re.compile(WORDS)
_WORDS_RE = re.compile(WORDS_AFTER_GAP)


def word_number_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """(start, end) of every phrase of number words in the document, found once per document
    for money and percentages; `word_number` reads one, once a currency or unit after it says
    it matters."""
    spans = doc.derived.get("word_number_spans")
    if spans is None:
        spans = doc.derived["word_number_spans"] = _word_number_spans(doc.text, doc.folded())
    return spans


def _word_number_spans(text: str, folded: bytes) -> tuple[tuple[int, int], ...]:
    first = _WORDS_AT_START_RE.match(text)
    spans = [(first.start(), first.end())] if first else []
    # As `_WORDS_RE.finditer(text)`, tried only where the folded scan says a phrase may start.
    match, last_end = _WORDS_RE.match, 0
    for c in FIRST_WORD_FOLDED.finditer(folded):
        gap = c.start() - 1             # the gap character before the word, in `text`
        if gap >= last_end and (m := match(text, gap)):
            spans.append((m.start("w"), m.end("w")))
            last_end = m.end()
    return tuple(spans)


def word_number(text: str, start: int, end: int) -> tuple[int, float] | None:
    """(start, value) of the number words at text[start:end], or None when they are no number.

    >>> from lituania_facts.document import make_document
    >>> text = "a billion euros"
    >>> [word_number(text, s, e) for s, e in word_number_spans(make_document(text))]
    [(0, 1000000000.0)]
    """
    first = text[start:end].split(None, 1)[0].split("-", 1)[0].lower()
    a = ARTICLE_BEFORE.search(text, max(0, start - 4), start) if first in ARTICLE_HEADS else None
    if a:   # "a billion", "a dozen" start at "a"; "a five-point plan" does not
        start = a.start()
    v = parse_words(text[start:end])
    return None if v is None else (start, v)


def clean_float(x: float | None) -> float | None:
    """16399999.999999998 -> 16400000.0: scaling decimals must not show binary noise."""
    return None if x is None else float(f"{x:.12g}")
