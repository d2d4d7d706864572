"""Numbers as news writes them, shared by the money and percentage extractors.

Digits: `1,200,000`, `1 200 000` (space, NBSP or thin space groups), `1.200.000` (two or
more dot groups: European grouping), `6.38`, and a decimal comma where it cannot be a
thousands group (`1,5`, `12,75`: one or two digits after the comma). Words: `five`,
`forty-five`, `one hundred and twenty`, `a`/`an` (before a scale: `a billion`), `half`,
`half a`, `a quarter`, `three quarters`, `dozen`.
"""
from __future__ import annotations

import re

from ..lexicon import trie_alternation

# Digits not glued to a preceding number (`1.2.3`) and not followed by more digits.
# It opens with a bare `\d` so the regex engine can skip non-digits at C speed; the
# lookbehind right after it refuses a digit glued to a previous number.
DIGITS = (r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?"
          r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)"
          r"|\d{0,2}(?:\.\d{3}){2,}(?:,\d+)?"
          r"|\d*,\d{1,2}(?![\d])"
          r"|\d*(?:\.\d+)?)(?![\d])")

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
MULTIPLIERS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
               "trillion": 10**12}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
ARTICLES = {"a": 1, "an": 1}
DOZEN = {"dozen": 12}

_NUMBER_WORDS = [*UNITS, *TENS, *MULTIPLIERS, *FRACTIONS, *DOZEN]
_FIRST = trie_alternation([*_NUMBER_WORDS, *(w.capitalize() for w in _NUMBER_WORDS)])
# One number word (lower case), e.g. the "forty-five" of "thirteen dollars and forty-five cents".
NUMBER_WORD = trie_alternation([*UNITS, *TENS])
_NEXT = trie_alternation([*_NUMBER_WORDS, *ARTICLES, *(w.capitalize() for w in _NUMBER_WORDS)])
# One number-word phrase: words joined by spaces, hyphens or "and" (`one hundred and five`).
# It never starts with an article; `a billion` is found by looking left of `billion`.
WORDS = (rf"(?<![\w-])(?:{_FIRST})(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_NEXT}))*(?![\w])")
# The same, found by the white space or opening punctuation before it: a pattern that opens
# with one character class lets the regex engine skip ahead at C speed (~1.5x faster).
WORDS_AFTER_GAP = (rf"[\s(“\"'‘\[/](?P<w>(?:{_FIRST})(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_NEXT}))*)(?![\w])")
# Where a number-word phrase may start, over the text folded to one byte per character
# (`fold_ascii`: lower case, every other character a space; offsets shifted by one): a
# literal-led pattern the engine skips to at C speed, about twice as fast as
# WORDS_AFTER_GAP. It finds a superset of WORDS_AFTER_GAP's starts (any case, any gap).
FIRST_WORD_FOLDED = re.compile(
    rf" (?:{trie_alternation(_NUMBER_WORDS)})(?![a-z0-9])".encode())
# Words an article can stand for "one" before: `a billion`, `a dozen`, `a quarter`.
ARTICLE_HEADS = frozenset([*MULTIPLIERS, *FRACTIONS, *DOZEN])
ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]n?)[ \t]+\Z")

_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_digits(s: str) -> float:
    """'1,200,000' -> 1200000.0; '1 200' -> 1200.0; '1.200.000' -> 1200000.0; '1,5' -> 1.5."""
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in s:
        s = s.replace(" ", "").replace(",", ".")
    elif s.count(".") >= 2:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        if len(tail) == 3 and "." not in tail:
            s = s.replace(",", "")
        elif "." in s:
            s = s.replace(",", "")
        else:
            s = head.replace(",", "") + "." + tail
    return float(s)


def parse_words(s: str) -> float | None:
    """'five' -> 5; 'forty-five' -> 45; 'half a' -> 0.5; 'three quarters' -> 0.75;
    'one hundred and twenty' -> 120; 'two and a half' -> 2.5; 'a' -> None (an article alone
    is no number)."""
    raw = [w for w in _WORD_SPLIT.split(s.lower()) if w]
    words = [w for w in raw if w != "and"]
    if not words or all(w in ARTICLES for w in words):
        return None
    # "two and a half billion", "one and a quarter": the fraction adds to the number before
    # it (the one place where an article follows a number).
    plus_fraction = [i for i, w in enumerate(words) if w in ARTICLES and 0 < i < len(words) - 1
                     and words[i + 1] in ("half", "quarter") and words[i - 1] not in FRACTIONS]
    if plus_fraction and "and a" not in " ".join(raw):
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    skip = -1
    for i, w in enumerate(words):
        if i == skip:
            continue
        if w in ARTICLES:
            if i and words[i - 1] == "half":
                continue   # "half a billion"
            if i in plus_fraction and current:
                current += FRACTIONS[words[i + 1]]
                skip = i + 1
                continue
            if current:
                return None
            current = 1
        elif w in UNITS:
            if current % 10:   # "five five" is no number
                return None
            current += UNITS[w]
            seen_number = True
        elif w in TENS:
            if current % 100:
                return None
            current += TENS[w]
            seen_number = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen_number = True
        elif w in FRACTIONS:
            frac = FRACTIONS[w]
            if w == "quarters":
                if not current:
                    return None
                current *= frac
            elif current and words[i - 1] not in ARTICLES:   # "two half" is no number
                return None
            else:
                current = frac
            seen_number = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen_number = True
        elif w in MULTIPLIERS:  # thousand, million...
            total += (current or 1) * MULTIPLIERS[w]
            current = 0
            seen_number = True
        else:   # not a number word ("per cent" after "$5 and"): no number
            return None
    if not seen_number:
        return None
    return total + current
