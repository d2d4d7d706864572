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
from ..errors import DataError
from ..lexicon import load_tsv, trie_alternation
from ..model import Fact
from ._amounts import (SPACE, clean_float, number_starts, qualifier_before, scale_pattern, scale_value,
                       word_number, word_number_spans)
from ._numbers import DIGITS, NUMBER_WORD, parse_digits, parse_words

# A space inside a currency phrase ("us dollars", "c $") matches any run of blanks.
BLANKS = SPACE + "+"
MILLION_CODE = re.compile(r"M[A-Z]{3}")   # MUSD, MEUR: million-scaled finance shorthand


def _case_variants(surface: str) -> set[str]:
    if surface.islower() and any(c.isalpha() for c in surface):
        return {surface, surface.capitalize(), surface.title(), surface.upper()}
    return {surface}


@cache
def currency_table() -> tuple[dict[str, str | tuple[str, ...] | None], list[str], list[str]]:
    """({surface: ISO code, candidate codes or None}, surfaces allowed before a number,
    surfaces after)."""
    codes: dict[str, str | tuple[str, ...] | None] = {}
    before, after = [], []
    for surface, code, where in load_tsv("currencies.tsv", 3):
        for v in _case_variants(surface):
            codes[v] = None if code == "-" else tuple(code.split("|")) if "|" in code else code
            if where in ("before", "both"):
                before.append(v)
            if where in ("after", "both"):
                after.append(v)
    return codes, before, after


@cache
def patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(amount in digits, currency just before a number, currency words after a number).

    The amount pattern starts at a digit, so the regex engine skips all other text at C
    speed; a currency before the number is found by looking left of it.
    """
    _, before, after = currency_table()
    cur_before = trie_alternation(before, space=BLANKS)
    cur_after = trie_alternation(after, space=BLANKS)
    cents = (rf"(?:{SPACE}+(?:and{SPACE}+)?(?P<cents>\d{{1,2}}|(?:{NUMBER_WORD})(?:-(?:{NUMBER_WORD}))?)"
             rf"{SPACE}+cents?\b)?")
    after_part = (rf"(?:{SPACE}?-?(?P<ca>{cur_after})(?!\w)"
                  rf"(?:{SPACE}(?P<s3>(?i:million|billion|thousand|mln|bn))(?![^\W\d_]))?{cents})")
    digits = re.compile(
        rf"(?P<n1>{DIGITS})(?:,-)?{scale_pattern('s1')}"
        rf"(?:(?P<sep>{SPACE}*(?:-|–|—|to|and){SPACE}*)(?P<cb2>{cur_before})?{SPACE}?"
        rf"(?P<n2>{DIGITS}){scale_pattern('s2')})?"
        rf"{after_part}?")
    # Matched on the reversed text just left of the number: one anchored attempt instead of
    # a search over every start position of the window.
    prefix = re.compile(rf"{SPACE}?:?{SPACE}?(?P<cb>{trie_alternation((w[::-1] for w in before), space=BLANKS)})"
                        rf"(?![^\W_])")
    return digits, prefix, re.compile(after_part)


PREFIX_WINDOW = 16


def _code(surface: str, text: str) -> str | None:
    codes = currency_table()[0]
    key = " ".join(surface.split())
    code = codes.get(key, codes.get(key.lower()))
    return _named_country_code(text, code) if isinstance(code, tuple) else code


@cache
def _country_words() -> dict[str, re.Pattern]:
    """{ISO code: a pattern for the words that name its country} (currency_countries.tsv)."""
    words: dict[str, list[str]] = {}
    for word, country in load_tsv("countries.tsv", 2):
        words.setdefault(country, []).append(word)
    out = {}
    for code, country in load_tsv("currency_countries.tsv", 2):
        if country not in words:
            raise DataError(f"data/currency_countries.tsv: {country!r} is not a country of countries.tsv")
        out[code] = re.compile(rf"(?<![\w]){trie_alternation(words[country])}(?![\w])")
    return out


def _named_country_code(text: str, candidates: tuple[str, ...]) -> str | None:
    """`10 billion kroner` (NOK or DKK): the candidate whose country the document names, when
    it names exactly one of them (FACTS.md: "kroner/krona by country when stated")."""
    patterns = _country_words()
    named = [c for c in candidates if c in patterns and patterns[c].search(text)]
    return named[0] if len(named) == 1 else None


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


def _end_of(m: re.Match, *groups: str) -> int:
    return max(m.end(g) for g in groups if m.group(g) is not None)


def _from_digits(text: str, m: re.Match, cb: str | None, cb_start: int,
                 allow_range: bool) -> tuple[Fact | None, int]:
    """The fact of one amount match (or None) and where the amount ends."""
    if not cb:
        ca, cb2, n2 = m.group("ca", "cb2", "n2")
        if ca is None and cb2 is None:   # no currency anywhere: not money (most numbers; speed)
            return None, (m.end() if allow_range or n2 is None else _end_of(m, "n1", "s1"))
    g = m.groupdict()
    has_range = allow_range and g["n2"] is not None
    if cb:   # "$ 20,000.00 $ 37,305.97": a currency after is the next amount's prefix
        end = _end_of(m, "n1", "s1", *(("n2", "s2") if has_range else ()))
        ca = None
    elif has_range or not g["n2"]:
        end, ca = m.end(), g["ca"]
    else:   # the range was refused: the first amount alone, with no currency after it
        end, ca = _end_of(m, "n1", "s1"), None
    cur_surface = cb or (g["cb2"] if has_range else None) or ca
    if not cur_surface:
        return None, end
    s3 = scale_value(g["s3"]) if ca else 1.0
    mult = (1e6 if MILLION_CODE.fullmatch(cur_surface) else 1.0) * s3
    n1 = parse_digits(g["n1"])
    amount, amount_max, rule = n1 * scale_value(g["s1"]) * mult, None, "money.amount"
    start = cb_start if cb else m.start()
    if has_range:
        n2 = parse_digits(g["n2"])
        _, _, has_between = qualifier_before(text, start)
        if g["sep"].strip() == "and" and not has_between:
            return None, -1
        if not g["s1"] and g["s2"] and n1 < n2:
            amount = n1 * scale_value(g["s2"]) * mult   # "€1-2 million": the low end is millions too
        amount_max = n2 * scale_value(g["s2"]) * mult
        if amount > amount_max:
            return None, -1
        rule = "money.range"
    if ca:
        amount += _cents(g["cents"])
        hyphen = text[m.start("ca") - 1:m.start("ca")] == "-"
        if _weight_not_money(text, ca, amount, m.end(), hyphen):
            return None, end
    return _fact(text, start, end, amount, amount_max, _code(cur_surface, text), rule), end


def find(doc: Document) -> Iterator[Fact]:
    text = doc.text
    digits_re, prefix_re, words_after_re = patterns()
    pos = taken = 0
    match = digits_re.match
    # As `digits_re.search(text, pos)`: the pattern matches where a number starts, only there.
    for number_start in number_starts(doc):
        if number_start < pos:
            continue
        m = match(text, number_start)
        # A currency already used as the last amount's suffix is not this one's prefix.
        lo = max(taken, m.start() - PREFIX_WINDOW)
        p = prefix_re.match(text[lo:m.start()][::-1])
        cb, cb_start = (p.group("cb")[::-1], m.start() - p.end()) if p else (None, m.start())
        fact, end = _from_digits(text, m, cb, cb_start, allow_range=True)
        if end < 0:
            # Not a range after all ("$4.25 and 32"): the first amount alone, and scan on
            # from its end so the second number can still be money of its own.
            fact, end = _from_digits(text, m, cb, cb_start, allow_range=False)
        pos = max(end, m.start() + 1)
        if fact is not None:
            taken = fact.end
            yield fact
    for start, end in word_number_spans(doc):
        a = words_after_re.match(text, end)
        if not a or (number := word_number(text, start, end)) is None:
            continue
        start, value = number
        ca = a.group("ca")
        amount = value * (1e6 if MILLION_CODE.fullmatch(ca) else 1.0) * scale_value(a.group("s3"))
        amount += _cents(a.group("cents"))
        if _weight_not_money(text, ca, amount, a.end(), "-" in text[end:a.start("ca")]):
            continue
        yield _fact(text, start, a.end(), amount, None, _code(ca, text), "money.words")
