"""What money and percentages share: qualifiers before an amount, `between ... and` ranges,
word numbers found once per text, and scale words."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import alternation, load_tsv
from ._numbers import ARTICLE_BEFORE, ARTICLE_HEADS, WORDS, WORDS_AFTER_GAP, parse_words

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


def qualifier_before(text: str, start: int) -> tuple[int, str | None, bool]:
    """(new start, qualifier, has_between) for the words just left of `start`."""
    lo = max(0, start - QUALIFIER_WINDOW)
    m = qualifier_re().search(text, lo, start)
    if not m or m.start() == start:
        return start, None, False
    q = m.group("q")
    qual = qualifier_map().get(" ".join(q.casefold().split())) if q else None
    return m.start(), qual, bool(m.group("between"))


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


_WORDS_AT_START_RE = re.compile(WORDS)
_WORDS_RE = re.compile(WORDS_AFTER_GAP)


@lru_cache(maxsize=4)
def word_numbers(text: str) -> tuple[tuple[int, int, float], ...]:
    """Every number written in words in `text`, found once and shared by the extractors."""
    out = []
    first = _WORDS_AT_START_RE.match(text)
    spans = [(first.start(), first.end())] if first else []
    spans += [(m.start("w"), m.end("w")) for m in _WORDS_RE.finditer(text)]
    for start, end in spans:
        first = text[start:end].split(None, 1)[0].split("-", 1)[0].lower()
        a = ARTICLE_BEFORE.search(text, max(0, start - 4), start) if first in ARTICLE_HEADS else None
        if a:   # "a billion", "a dozen" start at "a"; "a five-point plan" does not
            start = a.start()
        v = parse_words(text[start:end])
        if v is not None:
            out.append((start, end, v))
    return tuple(out)


def clean_float(x: float | None) -> float | None:
    """16399999.999999998 -> 16400000.0: scaling decimals must not show binary noise."""
    return None if x is None else float(f"{x:.12g}")
