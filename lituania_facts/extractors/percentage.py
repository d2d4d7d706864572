"""Percentages (FACTS.md section 2, `percentage`).

Rules:
- percentage.value: a number and `%`, `percent`, `per cent`, `pct`, `percentage`, or a
  hyphenated `3-percent` (e.g. `2.71%`, `27 %`, `five per cent`, `minus five percent`).
- percentage.points: the same with `percentage point(s)`, `pp`, `p.p.`, `pct points`:
  unit `percentage_point`.
- percentage.range: `between 5% and 6%`, `5-6%`, `from 50 to 80%`, `5% to 6%`.
A qualifier before (`at least 3%`) joins the span; `of GDP` after sets `of` (data/shares.tsv)
without joining the span. A `%` inside a URL (`q=30%25`) is not a percentage.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from ..document import Document
from ..lexicon import alternation, load_tsv
from ..model import Fact
from ._amounts import SPACE, clean_float, number_starts, qualifier_before, word_number, word_number_spans
from ._numbers import DIGITS, parse_digits

# Unit after the number; "points" turns it into percentage points.
UNIT = (rf"(?:{SPACE}?%(?:{SPACE}+points?\b)?"
        rf"|(?:{SPACE}|-)?(?:[Pp]ercentage(?:{SPACE}+|-)points?|[Pp]ercent(?:age)?s?(?:{SPACE}+points?)?"
        rf"|[Pp]er{SPACE}?cent(?:{SPACE}+points?)?|pct(?:{SPACE}+points?)?|p\.p\.|pp)(?![^\W\d_]))")
# A sign just left of the number: "minus five percent", "-3%" (but not the "-" of "5-6%").
SIGN_BEFORE = re.compile(rf"(?:(?<![\w-])(?:[Mm]inus|[Nn]egative){SPACE}+|(?<![\w.,%-])[-−])\Z")


@cache
def patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    digits = re.compile(
        rf"(?P<n1>{DIGITS})(?P<u1>{UNIT})?"
        rf"(?:(?P<sep>{SPACE}*(?:-|–|—|to|and){SPACE}*)(?P<n2>{DIGITS}))?(?P<u2>{UNIT})?")
    unit_after = re.compile(UNIT)
    shares = alternation(s for s, _ in load_tsv("shares.tsv", 2))
    of = re.compile(rf"{SPACE}+of{SPACE}+(?P<of>(?i:{shares}))(?![^\W\d_])")
    return digits, unit_after, of


@cache
def share_map() -> dict[str, str]:
    return {s.casefold(): v for s, v in load_tsv("shares.tsv", 2)}


def _in_url(text: str, start: int, end: int) -> bool:
    lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token = text[lo:end + 8]
    return "://" in token or token.startswith("www.") or "%2" in token or "=" in token


def _unit(u: str) -> str:
    return "percentage_point" if ("point" in u or u.strip(" -") in ("pp", "p.p.")) else "percent"


def _fact(text: str, start: int, end: int, value: float, value_max: float | None,
          unit: str, rule: str) -> Fact | None:
    if _in_url(text, start, end):
        return None
    start, qualifier, _ = qualifier_before(text, start)
    of_re = patterns()[2]
    o = of_re.match(text, end)
    of = share_map().get(" ".join(o.group("of").casefold().split())) if o else None
    return Fact("percentage", start, end, text[start:end],
                {"value": clean_float(value), "value_max": clean_float(value_max), "unit": unit,
                 "of": of, "qualifier": qualifier}, rule)


# "an increase of more than a percentage point": the article is the number (1).
A_POINT_RE = re.compile(r"percentage[ \t]+point(?![\w])")
ARTICLE_RE = re.compile(rf"(?<![\w-])[Aa]{SPACE}+\Z")


def find(doc: Document) -> Iterator[Fact]:
    text = doc.text
    digits_re, unit_re, _ = patterns()
    match, last_end = digits_re.match, 0
    # As `digits_re.finditer(text)`: the pattern matches where a number starts, only there.
    for number_start in number_starts(doc):
        if number_start < last_end:
            continue
        m = match(text, number_start)
        last_end = m.end()
        u1, u2, n2 = m.group("u1", "u2", "n2")
        if u1 is None and u2 is None:
            continue   # a number with no percent unit: most numbers (speed: decided first)
        neg = SIGN_BEFORE.search(text, max(0, m.start() - 10), m.start())
        sign = -1 if neg else 1
        start = neg.start() if neg else m.start()
        if n2 and u2:
            sep = m.group("sep").strip()
            lo, hi = sign * parse_digits(m.group("n1")), parse_digits(n2)
            _, _, has_between = qualifier_before(text, m.start())
            if (sep != "and" or has_between) and lo <= hi and (not u1 or _unit(u1) == _unit(u2)):
                fact = _fact(text, start, m.end(), lo, hi, _unit(u2), "percentage.range")
                if fact:
                    yield fact
                continue
        if u1:
            end = m.start("u1") + len(u1)
            fact = _fact(text, start, end, sign * parse_digits(m.group("n1")), None,
                         _unit(u1), "percentage.points" if _unit(u1) != "percent" else "percentage.value")
            if fact:
                yield fact
        if n2 and u2 and not u1 or (n2 and u2 and u1):
            # Not a range: the second number stands alone ("5% and 6%" without "between").
            fact = _fact(text, m.start("n2"), m.end(), parse_digits(n2), None, _unit(u2),
                         "percentage.value")
            if fact:
                yield fact
    for m in A_POINT_RE.finditer(text):
        a = ARTICLE_RE.search(text, max(0, m.start() - 3), m.start())
        if a:
            fact = _fact(text, a.start(), m.end(), 1, None, "percentage_point", "percentage.points")
            if fact:
                yield fact
    for start, end in word_number_spans(doc):
        u = unit_re.match(text, end)
        if u and (number := word_number(text, start, end)) is not None:
            start, value = number
            neg = SIGN_BEFORE.search(text, max(0, start - 10), start)
            s = neg.start() if neg else start
            fact = _fact(text, s, u.end(), -value if neg else value, None, _unit(u.group()),
                         "percentage.value")
            if fact:
                yield fact
