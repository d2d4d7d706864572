"""Money: an amount of a currency (FACTS.md section 2, `money`).

Rules (the `rule` of each fact):
- money.amount: a currency before or after a number in digits, with an optional scale word
  (e.g. `€6 million`, `EUR 250 mln`, `US $75 million`, `5 million euros`, `115USD`,
  `$12.5-million`, `450 million-euro contract`, `75 USD million`, `120 MEUR`).
- money.range: two amounts joined by `-`, `to`, or `and` after `between`
  (e.g. `between €1 and €2 million`, `€1-2 million`, `roughly 80 to 95 million euros`);
  a low end without a scale takes the high end's when that keeps low < high.
- money.words: a number in words before a currency (e.g. `five million euros`,
  `half a billion dollars`, `thirteen dollars and forty-five cents`).
A qualifier just before (`around`, `more than`, `up to`...) joins the span and sets
`qualifier`. Currency symbols, codes and words live in data/currencies.tsv; scale words in
data/scales.tsv; qualifiers in data/qualifiers.tsv. A number with no currency is not money
(`3 million units of ammunition`, `2.8 million` people).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from ..document import Document
from ..lexicon import load_tsv, trie_alternation
from ..model import Fact
from ._amounts import SPACE, clean_float, qualifier_before, scale_pattern, scale_value, word_numbers
from ._numbers import DIGITS, parse_digits, parse_words

MILLION_CODE = re.compile(r"M[A-Z]{3}")   # MUSD, MEUR: million-scaled finance shorthand


def _case_variants(surface: str) -> set[str]:
    if surface.islower() and any(c.isalpha() for c in surface):
        return {surface, surface.capitalize(), surface.title(), surface.upper()}
    return {surface}


@cache
def currency_table() -> tuple[dict[str, str | None], list[str], list[str]]:
    """({surface: ISO code or None}, surfaces allowed before a number, surfaces after)."""
    codes: dict[str, str | None] = {}
    before, after = [], []
    for surface, code, where in load_tsv("currencies.tsv", 3):
        for v in _case_variants(surface):
            codes[v] = None if code == "-" else code
            if where in ("before", "both"):
                before.append(v)
            if where in ("after", "both"):
                after.append(v)
    return codes, before, after


def _flex(alt: str) -> str:
    # A space inside a currency phrase ("us dollars", "c $") matches any run of blanks.
    return alt.replace("\\ ", SPACE + "+")


@cache
def patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    _, before, after = currency_table()
    cur_before = _flex(trie_alternation(before))
    cur_after = _flex(trie_alternation(after))
    cents = (rf"(?:{SPACE}+(?:and{SPACE}+)?(?P<cents>\d{{1,2}}|[a-z]+(?:-[a-z]+)?){SPACE}+cents?\b)?")
    after_part = (rf"(?:{SPACE}?-?(?P<ca>{cur_after})(?!\w)"
                  rf"(?:{SPACE}(?P<s3>(?i:million|billion|thousand|mln|bn))(?![^\W\d_]))?{cents})")
    digits = (
        rf"(?<![^\W_])(?:(?P<cb>{cur_before}){SPACE}?:?{SPACE}?)?"
        rf"(?P<n1>{DIGITS})(?:,-)?{scale_pattern('s1')}"
        rf"(?:(?P<sep>{SPACE}*(?:-|–|—|to|and){SPACE}*)(?P<cb2>{cur_before})?{SPACE}?"
        rf"(?P<n2>{DIGITS}){scale_pattern('s2')})?"
        rf"(?(cb)|(?(cb2)|{after_part}?))"
    )
    single = (
        rf"(?<![^\W_])(?:(?P<cb>{cur_before}){SPACE}?:?{SPACE}?)?"
        rf"(?P<n1>{DIGITS})(?:,-)?{scale_pattern('s1')}(?(cb)|{after_part}?)"
    )
    words_after = re.compile(after_part)
    return re.compile(digits), re.compile(single), words_after


def _code(surface: str) -> str | None:
    codes = currency_table()[0]
    key = " ".join(surface.split())
    return codes.get(key, codes.get(key.lower()))


def _cents(s: str | None) -> float:
    if not s:
        return 0.0
    if s.isdigit():
        return int(s) / 100
    v = parse_words(s)
    return (v or 0) / 100


def _weight_not_money(text: str, ca: str, amount: float, end: int, hyphen: bool) -> bool:
    """`a twenty-pound bag`, `one pound of coal`: pounds of weight, not sterling."""
    if ca.lower() not in ("pound", "pounds"):
        return False
    if hyphen or (ca.lower() == "pound" and amount != 1):
        return True
    return text.startswith(" of ", end)


def _fact(text: str, start: int, end: int, amount: float, amount_max: float | None,
          currency: str | None, rule: str) -> Fact:
    start, qualifier, _ = qualifier_before(text, start)
    return Fact("money", start, end, text[start:end],
                {"amount": clean_float(amount), "amount_max": clean_float(amount_max), "currency": currency,
                 "qualifier": qualifier}, rule)


def _from_digits(text: str, m: re.Match, allow_range: bool) -> Fact | None:
    g = m.groupdict()
    cur_surface = g.get("cb") or g.get("cb2") or g.get("ca")
    if not cur_surface:
        return None
    code = _code(cur_surface)
    mult = 1e6 if MILLION_CODE.fullmatch(cur_surface) else 1.0
    n1 = parse_digits(g["n1"]) * mult
    s1 = scale_value(g["s1"]) * scale_value(g.get("s3"))
    amount, amount_max, rule = n1 * s1, None, "money.amount"
    if allow_range and g.get("n2"):
        n2 = parse_digits(g["n2"]) * mult * scale_value(g["s2"]) * scale_value(g.get("s3"))
        sep = g["sep"].strip()
        _, _, has_between = qualifier_before(text, m.start())
        if sep == "and" and not has_between:
            return None
        if not g["s1"] and g["s2"] and parse_digits(g["n1"]) < parse_digits(g["n2"]):
            amount = parse_digits(g["n1"]) * mult * scale_value(g["s2"]) * scale_value(g.get("s3"))
        if amount > n2:
            return None
        amount_max, rule = n2, "money.range"
    amount += _cents(g.get("cents"))
    if g.get("ca") and _weight_not_money(text, g["ca"], amount, m.end(), "-" in text[m.start("ca") - 1:m.start("ca")]):
        return None
    return _fact(text, m.start(), m.end(), amount, amount_max, code, rule)


def find(doc: Document) -> Iterator[Fact]:
    text = doc.text
    digits_re, single_re, words_after_re = patterns()
    pos = 0
    while m := digits_re.search(text, pos):
        pos = m.end()
        if not (m.group("cb") or m.group("cb2") or m.group("ca")):
            continue
        fact = _from_digits(text, m, allow_range=True)
        if fact is None and m.group("n2"):
            # Not a range after all ("$4.25 and 32"): the first amount alone, and scan on
            # from its end so the second can still be money of its own.
            s = single_re.match(text, m.start())
            if s:
                pos = s.end()
                fact = _from_digits(text, s, allow_range=False)
        if fact is not None:
            yield fact
    for start, end, value in word_numbers(text):
        a = words_after_re.match(text, end)
        if not a:
            continue
        ca = a.group("ca")
        amount = value * (1e6 if MILLION_CODE.fullmatch(ca) else 1.0) * scale_value(a.group("s3"))
        amount += _cents(a.group("cents"))
        if _weight_not_money(text, ca, amount, a.end(), "-" in text[end:a.start("ca")]):
            continue
        yield _fact(text, start, a.end(), amount, None, _code(ca), "money.words")
