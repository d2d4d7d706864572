"""Dates and durations (FACTS.md section 2, `date`), normalized like a temporal tagger.

Two phases, as HeidelTime does it (STYLE.md section 2, "Dates in two phases"):

1. **Find.** One combined pattern (`_master()`, built once from the data files
   `months.tsv`, `weekdays.tsv`, `durations.tsv`, `dates_numbers.tsv`; see
   `data/README-dates.md`). Each alternative is a named rule (`date.<rule>`, the fact's
   `rule`) whose production (`_p_<rule>`, table `_PRODUCTIONS`) reads the span into an
   *underspecified* value: a `_Partial` (year, month, day, any of them unknown), a relative
   offset (`last year`, `two days ago`), a weekday or month with a direction, or a
   duration; or rejects it from its context (`2030 soldiers`, `May I ask`).
2. **Resolve.** `resolve_*` turn that into ISO-8601 at the precision the text gives
   (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `XXXX-MM[-DD]`) against `doc.reference_date`
   with `dateutil.relativedelta`; without a reference date relative values are `None`.

Speed. The combined pattern is too rich to run at every position of a text, so `find`
first scans for *anchors* (`_anchors()`: a year 19xx/20xx, a Capitalised month or
weekday, a unit word `day|week|month|year|...`), one pass whose every alternative starts
with a literal (so `re` skips fast to candidate characters); the combined pattern then
runs only in windows around the anchors (`WINDOW_BEFORE`/`WINDOW_AFTER` characters,
merged, ended at a space), behind a gate that lets a match start only at a word that can
open a date phrase; a window with no month name in it gets the pattern without the rules
that need one (`_MONTH_RULES`). Every date phrase contains an anchor; lower-case `april`, `august`,
`september`, `october` and abbreviations are not anchors (they would cost a third of the
speed), so they are only found with a year or unit nearby; news capitalises them.

Choices (FACTS.md leaves them to us):

* **Numeric day/month order.** `10/11/2023`, `10.11.2023` and `10-11-2023` are read
  day-first (European, as the sources we read are European); when the first number is
  above 12 the order is day-month whatever, when the second is above 12 it is
  month-day (`02/22/2016` is 22 February). Year-first forms are always Y-M-D.
* **Year-less months and days** (`in January`, `November 22`) resolve to the most recent
  such month/day not after the reference date, or, in a sentence that is clearly future
  (`will`, `'ll`, `is to`, `is expected to`...; the nearest tense marker to the mention
  decides), the first one on or after it. Weekdays follow the same rule.
* **Bare years** (1900-2100) count only in a year context: a preposition before them
  (`in 2022`, `by 2030`, `since 2014`), a determiner before them and a word after (`the
  2022 budget`), a possessive (`2024's budget`), or no word after them (`..., 2022.`).
  Counts (`2030 soldiers`), amounts (`€2025`, `2,030`), codes (`F-2022`) are not years.
* **Weeks are not emitted** (`last week`, `this week`): FACTS.md has no week format.
  `now`, `currently`, `annually`, `every day` are not emitted either.
* A time after a date (`10 November 2023 14:05`) is left outside the span.
* Duration ranges (`between 12 and 18 months`) give two facts, one per end (the scorer
  keys a duration by `value` only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Iterable, NamedTuple

from ..document import Document
from ..lexicon import load_tsv, trie_alternation
from ..model import Fact

# ---- lexicon ----------------------------------------------------------------


@cache
def _lex() -> dict:
    months = {w: int(n) for w, n in load_tsv("months.tsv", 2)}
    weekdays = {w: int(n) for w, n in load_tsv("weekdays.tsv", 2)}
    units = {w: (d, int(n)) for w, d, n in load_tsv("durations.tsv", 3)}
    cardinals, ordinals = {}, {}
    for w, n, kind in load_tsv("dates_numbers.tsv", 3):
        (ordinals if kind == "ordinal" else cardinals)[w] = int(n)
    return {"months": months, "weekdays": weekdays, "units": units,
            "cardinals": cardinals, "ordinals": ordinals}


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _ci1_alt(words: Iterable[str]) -> str:
    """`_alt` of the words, lower case and Capitalised."""
    return trie_alternation(set(words) | {_cap(w) for w in words})


def _flat_alt(words: Iterable[str], tail: str = "") -> str:
    """The words as a top-level alternation, one prefix tree per first letter, each
    followed by `tail`: every alternative opens on a literal, which `re` checks before
    entering it, where a single tree in a group is entered (and left) at every try.

    >>> _flat_alt(["May", "Mon", "the"], "!")
    'M(?:ay|on)!|the!'
    """
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[:1], []).append(w)
    return "|".join(trie_alternation(by_first[c]) + tail for c in sorted(by_first))


# ---- patterns ---------------------------------------------------------------

S = r"[ \t\u00a0]"
_ = S + "+"            # at least one space
O = S + "*"            # optional spaces
NL = r"(?![A-Za-z])"   # end of a word (also before digits: `Dec31`)
DASH = "[-\u2013\u2014~]"

_FUTURE_WORDS = ("will", "shall", "won't", "won\u2019t", "'ll", "\u2019ll", "is to", "are to",
                 "is due to", "are due to", "is going to", "are going to", "is expected to",
                 "are expected to", "is scheduled to", "are scheduled to", "plan to", "plans to",
                 "intend to", "intends to", "due in", "due on", "due by",
                 # reported future: `said on Monday that Poland would hold a parade in August`
                 "would", "could", "expects to", "expect to", "expected to", "is set to",
                 "are set to", "aims to", "aim to",
                 # `I expect the contract to be signed in December`: present-tense `expect`
                 # looks ahead (`expected`, its past, is not this word)
                 "expect", "expects",
                 # `the vote is expected in March`, `talks are scheduled for May`
                 "is expected", "are expected", "is scheduled", "are scheduled", "is planned",
                 "are planned", "is due", "are due")
# No leading `\b` and no IGNORECASE: starting with literal characters lets `re` skip ahead
# fast; the left word boundary is checked in `_future`.
FUTURE_RE = re.compile("(?:" + trie_alternation(_FUTURE_WORDS + tuple(_cap(w) for w in _FUTURE_WORDS)) + r")\b")
# Irregular past forms: past unless in a passive after be/been/is/are/being (`to be held`).
_IRREGULAR_PAST = ("took", "taken", "made", "held", "gave", "given", "won", "met", "sent", "spent",
                   "began", "begun", "saw", "seen", "wrote", "written", "chose", "chosen", "brought",
                   "bought", "sold", "paid", "came", "went", "rose", "fell", "grew", "built")
_PAST_WORDS = ("was", "were", "had", "did", "said", "says", "told", "announced", "reported",
               "added", "noted", "stated", "ago", "last", "earlier", "yesterday") + _IRREGULAR_PAST
# Same shape as FUTURE_RE; `ed` ends a past participle or past tense (`signed`), not after
# `be`/`been`/`is`/`are` (a passive: `is due to be published`): checked in `_past_marks`.
# One alternative per first letter (`_flat_alt`), `ed` last as before: the pattern then opens
# on a literal and `re` skips between candidates (a tree in a group, `(?:(?:...)|ed)`, would
# run the whole pattern at every position of the sentence).
PAST_RE = re.compile("(?:" + _flat_alt(_PAST_WORDS + tuple(_cap(w) for w in _PAST_WORDS)) + r"|ed)\b")
_IRREGULAR_SET = frozenset(_IRREGULAR_PAST) | frozenset(w.capitalize() for w in _IRREGULAR_PAST)
_BE_BEFORE = re.compile(r"(?<![A-Za-z])(?:be|been|is|are|being)[ \t]+\Z")
_PASSIVE_RE = re.compile(r"(?:\b(?:be|been|is|are)[ \t]+)?[A-Za-z]*\Z")


@cache
def _master() -> _Masters:
    lx = _lex()
    month_cap = [_cap(w) for w in lx["months"]]
    month_full = [w for w in lx["months"] if len(w) > 4 or w in ("june", "july")]
    # lower-case month names: full ones only, never `may`/`march` (verbs)
    month_low = [w for w in month_full if w not in ("march",)]
    month_abbr_low = [w for w in lx["months"] if len(w) <= 4 and w not in ("may", "mar")]
    abbr = [m for m in month_cap if len(m) <= 4 and m not in ("May", "June", "July")]
    # `Nov.` and `Nov`; full names never take a dot (`October. 2` is handled by the separator)
    mon_full_forms = [m for m in month_cap if m not in abbr] + [m.upper() for m in month_full] + month_low
    mon_any = ("(?:(?:" + trie_alternation(abbr + month_abbr_low) + r")\.?|"
               + trie_alternation(mon_full_forms) + ")" + NL)
    # Finds every place `mon_any` (so also `mon_alone`, a subset) can match, and more
    # (`May.`); opens on a literal, so `re` skips fast to the candidates.
    month_probe = "(?:" + trie_alternation(abbr + month_abbr_low + mon_full_forms) + r")\.?" + NL
    mon_alone = "(?:" + trie_alternation([_cap(m) for m in month_full] + ["May"] + month_low) + ")" + NL

    wd_full = [w for w in lx["weekdays"] if len(w) > 5]
    # alone, a weekday is a full Capitalised name (`Sun`, `Wed`, `Sat` are words too)
    wd_cap = "(?:" + trie_alternation([_cap(w) for w in lx["weekdays"] if w.endswith("day")]) + ")" + NL
    wd_pre = "(?:(?:" + trie_alternation([_cap(w) for w in lx["weekdays"]] + wd_full) + r")\.?,?" + _ + ")?"

    ones_c = [w for w, n in lx["cardinals"].items() if n < 10]
    ones_o = [w for w, n in lx["ordinals"].items() if n < 10]
    ord_words = [w for w, n in lx["ordinals"].items() if n <= 31]
    dayword = ("(?:(?:[Tt]wenty|[Tt]hirty)[- ](?:" + trie_alternation(ones_o + ones_c) + ")|"
               + trie_alternation(ord_words) + ")" + NL)
    card = [w for w in lx["cardinals"]]
    tens = [w for w, n in lx["cardinals"].items() if 20 <= n < 100 and n % 10 == 0]
    number = ("(?:(?:" + _ci1_alt(tens) + ")(?:[- ](?:" + trie_alternation(ones_c) + "))?|"
              + _ci1_alt(card) + r"|[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?)")

    # not after a currency sign (`$12 December 27` is 27 December)
    daynum = r"(?<![$€£¥₽₴0-9.,])(?<![$€£¥₽₴] )(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![0-9])"
    unit = "(?:" + trie_alternation(lx["units"]) + ")"     # day|week|fortnight|month|year|decade
    year = r"(?<![0-9])[12][0-9]{3}(?![0-9])"
    yearb = r"(?<![\w$€£¥₽₴#.,/])(?:19[0-9]{2}|20[0-9]{2}|2100)(?![0-9]|s\b)"   # not `1990s`
    # `, 1995`, ` of 1995`, ` in 2020`, `-2020` (one space run only: no quadratic backtracking)
    yr_tail = f"(?:(?:{O},{O}|{_})(?:of{_}|in{_})?{year}|-{year}|/{year})"
    the = f"(?:[Tt]he{_})?"

    # single dates with a month name
    mdy = f"{mon_any}(?:[.,]?{O}|[-/]){the}(?:{daynum}|{dayword})(?:{yr_tail})?"
    dmy = (f"{the}(?:{daynum}(?:{_}day)?(?:\\.?{O}|[-/]|{O}of{_})|{dayword}(?:{_}day)?{_}of{_})"
           f"{mon_any}(?:{yr_tail})?")
    my = f"{mon_any}(?:{O},{O}|{O}-|/|{_}of{_}|{_}){year}"
    ym = f"{year}(?:{O},{O}|{_}){mon_any}"
    ymd_named = f"{year}[-/]{mon_any}[-/]{daynum}"
    one_date = f"(?:{wd_pre}(?:{ymd_named}|{mdy}|{dmy})|{my}|{ym})"
    conn = f"(?:{O}{DASH}{O}|{_}(?:to|through|thru|till|until|and){_})"
    conn_day = f"(?:{O}{DASH}{O}(?=[0-9])|{_}(?:to|through|thru|till|until|and){_})"   # not `05-Aug-2016`

    num_ymd = (r"(?<![\w.,/-])(?:[12][0-9]{3}(?P<s1>[-./])(?:0?[1-9]|1[0-2])(?P=s1)(?:0?[1-9]|[12][0-9]|3[01])"
               r"|[12][0-9]{3} (?:0?[1-9]|1[0-2]) (?:0?[1-9]|[12][0-9]|3[01]))(?![0-9]|[.,/-][0-9])")
    num_dmy = (r"(?:(?<![\w.,/-])(?:[0-9]{1,2})(?P<s2>[-./])(?:[0-9]{1,2})(?P=s2)[12][0-9]{3}"
               r"(?![0-9]|[.,/-][0-9])"
               # `24.02.22`: a two-digit year only with dots, day first, as European sources write
               r"|(?<![\w.,/-])(?:0[1-9]|[12][0-9]|3[01])\.(?:0[1-9]|1[0-2])\.[0-9]{2}(?![0-9]|[.,/-][0-9]))")
    num_ym = r"(?<![\w.,/-])[12][0-9]{3}[-/](?:0?[1-9]|1[0-2])(?![0-9]|[.,/-][0-9])"

    prep = _ci1_alt(["from", "between"])
    mod_rel = _ci1_alt(["last", "next", "this", "past", "coming"])
    early = _ci1_alt(["early", "late", "mid", "the end of", "the beginning of", "the start of",
                      "the middle of"])
    rules = [
        # e.g. `from 26th june of 2020 to 28th june of 2020`, `Nov 18-Dec 19, 2015`
        ("range", "DIGIT MONTH WD THE PREP DAYW", f"(?:(?:{prep}){_})?{one_date}{conn}{one_date}"),
        # e.g. `from 4 to 22 January, 1995`, `10-12 May`, `from 02 to April 07`
        ("range_day", "DIGIT THE PREP", f"(?:(?:{prep}){_})?{the}{daynum}{conn_day}{one_date}"),
        # e.g. `November 19 to 20`, `april 9th through 17th`, `May 10-12, 2023`
        ("range_in_month", "MONTH", f"{mon_any}{O}{the}{daynum}{conn}{the}{daynum}(?:,?{O}{year})?"),
        # e.g. `November between 19 and 20`
        ("range_in_month2", "MONTH", f"{mon_any}{_}between{_}{daynum}{_}and{_}{daynum}"),
        # e.g. `2023-11-10`, `2023.11.10`, `2016 10 16`, `Friday 2018-7-6`
        ("numeric_ymd", "DIGIT WD", f"{wd_pre}{num_ymd}"),
        # e.g. `10.11.2023`, `10/11/2023`, `02/22/2016`
        ("numeric_dmy", "DIGIT WD", f"{wd_pre}{num_dmy}"),
        # e.g. `2015-3`, `2016/11`
        ("numeric_ym", "DIGIT", num_ym),
        # e.g. `from 2026 through 2030`, `2026-2030`, `2026–30`, `between 2024 and 2027`
        ("range_years", "DIGIT PREP", f"(?:(?:{prep}){_})?{yearb}(?:{conn}|/)(?:(?:19|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9]|[-./][0-9])"),
        # e.g. `Tuesday, 10 November 2023`, `May 4th`, `the 4th of May`, `March 2024`
        ("month_name", "DIGIT MONTH WD THE DAYW", one_date),
        # e.g. `the day before yesterday`, `today`
        ("relative_day", "THE REL", "(?:[Tt]he day (?:before yesterday|after tomorrow)|[Tt]oday|[Yy]esterday|[Tt]omorrow)"
                         "(?![A-Za-z])"),
        # e.g. `two days ago`, `a year ago`
        ("ago", "DIGIT NUMW A", f"(?:{number}|[Aa]n?){_}{unit}s?{_}ago\\b"),
        # e.g. `earlier this month`, `late last year`, `this fiscal year`
        ("relative_unit", "EARLY MOD", f"(?:(?:{_ci1_alt(['earlier', 'later', 'early', 'late'])}){_}(?:in{_})?)?"
                          f"(?:{_ci1_alt(['this', 'last', 'next'])}){_}(?:fiscal{_})?(?:year|month|week)(?![A-Za-z-])"),
        # e.g. `late last July`, `early December`, `last June`, `in January`
        ("month", "EARLY MOD MONTH THE", f"(?:(?:{early}){O}-?{O})?(?:(?:{mod_rel}){_})?{mon_alone}"),
        # e.g. `last Tuesday`, `on Tuesday`
        ("weekday", "MOD WD", f"(?:(?:{mod_rel}){_})?{wd_cap}"),
        # e.g. `in 2022`, `2024's budget`: context is checked in `_year_ok`
        ("year", "DIGIT", yearb),
        # e.g. `between 12 and 18 months` (the first end; the second is a plain duration)
        ("duration_range", "DIGIT NUMW", f"{number}(?={_}(?:and|to|or){_}{number}{_}{unit}s?\\b)"),
        # e.g. `three days`, `over the next ten years`, `a six-month contract`, `half a year`
        ("duration", "DIGIT THE MOD QUAL NUMW A", f"(?:(?:[Tt]he{_})?(?:(?:{_ci1_alt(['next', 'past', 'last', 'coming', 'previous', 'following', 'first'])}){_}))?"
                     f"(?:(?:{_ci1_alt(['about', 'around', 'almost', 'nearly', 'more than', 'less than', 'at least', 'some', 'up to', 'just', 'roughly'])}){_})?"
                     f"(?P<dn>(?:[Aa]nother{_})?(?:{number})|[Aa]nother|[Aa]n?|[Aa] couple of|[Hh]alf an?|[Aa]n? half)"
                     f"(?:{_}|-)(?P<du>{unit})s?"
                     f"(?!-old|{_}(?:old|older|younger|of age|ago)\\b|[A-Za-z]"
                     f"|{_}(?:an?|per|each|every){_}{unit}\\b)"),   # `seven days a week`: a rate
        # e.g. `over the next decade`, `the past year` (`the next year` is a date: relative_unit)
        ("duration_the", "THE", f"[Tt]he{_}(?:(?:{_ci1_alt(['past', 'last'])}){_}(?:month|year|decade)"
                         f"|(?:{_ci1_alt(['next', 'coming', 'following'])}){_}(?:fortnight|decade))(?![A-Za-z])"),
    ]
    words = {
        "MONTH": list(lx["months"]) + [w.upper() for w in lx["months"]],
        "WD": list(lx["weekdays"]),
        "THE": ["the"], "PREP": ["from", "between"],
        "DAYW": list(lx["ordinals"]) + ["twenty", "thirty"],
        "NUMW": list(lx["cardinals"]), "A": ["a", "an", "half", "another"],
        "REL": ["today", "yesterday", "tomorrow"],
        "MOD": ["last", "next", "this", "past", "coming", "previous", "following", "first"],
        "EARLY": ["early", "late", "mid", "earlier", "later", "the"],
        "QUAL": ["about", "around", "almost", "nearly", "more", "less", "at", "some", "up",
                 "just", "roughly"],
    }

    def first(kinds: str) -> str:
        """A lookahead for the words a rule can start with: a failing rule costs one trie."""
        ws = {w for k in kinds.split() if k != "DIGIT" for w in words[k]}
        ws |= {_cap(w) for w in ws}
        alts = (["[0-9]"] if "DIGIT" in kinds.split() else []) + ([_flat_alt(ws, "(?![a-z])")] if ws else [])
        return "(?=" + "|".join(alts) + ")"

    # Every match starts at a word start, on a word some rule can start with (checked once,
    # before the rules: most positions of a window fail here). `the`/`a` are common, so
    # the word after them must be able to go on a date phrase too.
    allw = {w for ws in words.values() for w in ws} - {"the", "a", "an"}
    after_the = (words["DAYW"] + words["NUMW"] + words["MOD"]
                 + ["day", "end", "beginning", "start", "middle", "couple", "half"]
                 + list(lx["units"]))
    # The gate consumes the character before the word (`[^A-Za-z0-9]`, what a `(?<!...)`
    # word-start test would look at): a pattern that opens with a character class lets `re`
    # skip to the next separator at C speed, where a leading lookbehind runs the whole
    # pattern at every position. A match therefore starts one character before its rule's
    # span (`find` reads the span from the rule's group).
    after_det = f"{_}(?:[0-9]|(?:{trie_alternation(after_the)})(?![a-z]))"
    gate = ("[^A-Za-z0-9](?=[0-9]|" + _flat_alt(allw | {_cap(w) for w in allw}, "(?![a-z])")
            + f"|[Tt]he{after_det}|[Aa]n?{after_det})")

    def compile_rules(names: Iterable[str]) -> re.Pattern:
        # Rules are tried in order, each behind a lookahead on the words it can start with.
        alts = "|".join(f"(?P<{name}>{first(kinds)}{pat})" for name, kinds, pat in rules if name in names)
        return re.compile(_branch_optionals(f"{gate}(?:{alts})"))

    all_rules = [name for name, _, _ in rules]
    return _Masters(compile_rules(all_rules),
                    compile_rules([name for name in all_rules if name not in _MONTH_RULES]),
                    re.compile(month_probe))


# Rules whose every match holds a month name (`mon_any`: `one_date` holds one in each of
# its forms; `mon_alone` is a part of it): where no month name follows in a window,
# `find` runs the combined pattern without them (a third of its work at each candidate).
_MONTH_RULES = frozenset(("range", "range_day", "range_in_month", "range_in_month2", "month_name", "month"))


class _Masters(NamedTuple):
    full: re.Pattern
    no_month: re.Pattern       # the rules not in _MONTH_RULES, in the same order
    month_probe: re.Pattern    # matches wherever a month name (`mon_any`) can


def _branch_optionals(pattern: str) -> str:
    """`(?:X)?` written `(?:X|)`: the same greedy choice (X first, then nothing), but `re`
    runs an alternation as a cheap BRANCH where an optional group of more than one
    character is a REPEAT that saves and restores state on each try (~10% of `find`, as
    every trie's optional tail `(?:IL)?` and every optional word `(?:the )?` is one).
    Only groups without capturing groups inside are rewritten (captures keep their
    REPEAT semantics); escapes and character classes are copied as they are.

    >>> _branch_optionals("a(?:b(?:c)?)?[(?:x)?](?:(?P<g>d)?)?e(?:f)??")
    'a(?:b(?:c|)|)[(?:x)?](?:(?P<g>d)?)?e(?:f)??'
    """
    out: list[str] = []
    opened: list[tuple[bool, bool]] = []   # per open group: (non-capturing, holds a capture)
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            j += pattern[j] == "^"
            j += pattern[j] == "]"
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        if c == "(":
            capturing = pattern[i + 1] != "?" or pattern.startswith("(?P<", i)
            if capturing:
                opened[:] = [(nc, True) for nc, _ in opened]
            opened.append((pattern.startswith("(?:", i), False))
        elif c == ")":
            non_capturing, holds_capture = opened.pop()
            if (non_capturing and not holds_capture and pattern[i + 1:i + 2] == "?"
                    and pattern[i + 2:i + 3] not in ("?", "+")):
                out.append("|)")
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


@cache
def _anchors() -> re.Pattern:
    """Tokens every date phrase contains; the master pattern only runs in windows around
    them. Every token must start with a rare-ish character (speed: `re` skips to those),
    so lower-case `april`, `august`, `september`, `october` are not anchors: in news they
    are written with a capital, and a year or a day nearby still opens a window."""
    lx = _lex()
    words = ([_cap(m)[:3] for m in lx["months"]]
             + [_cap(w)[:3] for w in lx["weekdays"]]
             + [u for u in lx["units"] if u not in _plural_anchors()]
             + ["morrow", "january", "february", "june", "july", "vember", "december"])
    trie = trie_alternation(words)
    # years go inside the trie's first group: `re` then still skips fast to a possible first
    # character (a top-level `(?:19|20)...|` in front would defeat that)
    assert trie.startswith("(?:")
    return re.compile("(?:19[0-9][0-9](?![0-9])|20[0-9][0-9](?![0-9])|" + trie[3:])


@cache
def _plural_anchors() -> tuple[str, ...]:
    """Units that are also ordinals (`second`): they anchor only in the plural (`39 seconds`;
    `the second day` is never a duration), found with `str.find`: their first letter (`s`)
    in the anchor pattern would stop its scan at every `s` of the text (+7% of the work)."""
    return tuple(u for u in _lex()["units"] if u in _lex()["ordinals"])


# `24.02.22` (a two-digit year) anchors too; found from its first dot, which `re` skips to
# fast (a digit-led branch in the anchor pattern nearly doubled the dates' work).
_DMY_SHORT_RE = re.compile(r"\.[01][0-9]\.[0-9][0-9](?![0-9])")


def _anchor_spans(text: str) -> list[tuple[int, int]]:
    spans = [a.span() for a in _anchors().finditer(text)]
    extra = [(m.start() - 2, m.end()) for m in _DMY_SHORT_RE.finditer(text)
             if m.start() >= 2 and text[m.start() - 2] in "0123" and text[m.start() - 1].isdigit()]
    for unit in _plural_anchors():
        word = unit + "s"
        i = text.find(word)
        while i >= 0:
            extra.append((i, i + len(word)))
            i = text.find(word, i + 1)
    return sorted(spans + extra) if extra else spans


WINDOW_BEFORE = 28   # left context before an anchor: `more than twenty-five years` (22)
WINDOW_AFTER = 24    # right context after the last anchor: `November between 19 and 20` (22)


# ---- phase 1 helpers: read a matched span -------------------------------------

_TOKEN_RE = re.compile(r"[0-9]+|[A-Za-z]+")


@dataclass(frozen=True)
class _Partial:
    year: int | None = None
    month: int | None = None
    day: int | None = None


def _word_number(words: list[str]) -> int | None:
    lx = _lex()
    total = 0
    for w in words:
        w = w.lower()
        n = lx["cardinals"].get(w, lx["ordinals"].get(w))
        if n is None:
            return None
        total = total * n if n == 100 and total else total + n
    return total or None


def _parse_date_words(text: str) -> _Partial:
    """`the 4th of May 2023`, `monday january 12th, 2016`, `Sep-23-2020` -> a _Partial."""
    lx = _lex()
    months, weekdays = lx["months"], lx["weekdays"]
    year = month = day = None
    pending: list[str] = []
    for tok in _TOKEN_RE.findall(text):
        low = tok.lower()
        if tok.isdigit():
            if len(tok) == 4:
                year = int(tok)
            elif day is None:
                day = int(tok)
        elif low in ("st", "nd", "rd", "th", "the", "of", "in", "day", "from", "between"):
            continue
        elif tok[:-2].isdigit() if len(tok) > 2 else False:
            continue
        elif low in months and month is None:
            month = months[low]
        elif low in weekdays:
            continue
        elif low in lx["cardinals"] or low in lx["ordinals"]:
            pending.append(low)
        if pending and (low not in lx["cardinals"] and low not in lx["ordinals"]):
            if day is None:
                day = _word_number(pending)
            pending = []
    if pending and day is None:
        day = _word_number(pending)
    return _Partial(year, month, day)


_ORD_SUFFIX_RE = re.compile(r"([0-9]+)(?:st|nd|rd|th)")


@lru_cache(maxsize=4096)   # pure, and news repeats the same few date phrases
def _parse_side(text: str) -> _Partial:
    return _parse_date_words(_ORD_SUFFIX_RE.sub(r"\1", text))


def _valid(p: _Partial) -> bool:
    if p.month is not None and not 1 <= p.month <= 12:
        return False
    if p.day is not None:
        if p.month is None or not 1 <= p.day <= 31:
            return False
        try:
            date(p.year or 2000, p.month, p.day)   # 2000: a leap year, so Feb 29 passes
        except ValueError:
            return False
    return True


_CONN_RE = re.compile(r"\s*[-\u2013\u2014~]\s*|\s+(?:to|through|thru|till|until|and)\s+")
_RANGE_PREFIX_RE = re.compile(r"(?i)(?:from|between|in)\s+")


def _split_range(text: str) -> tuple[str, tuple[int, int], str, tuple[int, int]] | None:
    """Split a range span at the connector that leaves two parseable dates, tried left to
    right (`Nov 18-Dec 19, 2015` has only one): (prefix, left span, connector, right span).

    >>> _split_range("from 4 to 22 January")
    ('from', (5, 6), 'to', (10, 20))
    """
    m = _RANGE_PREFIX_RE.match(text)
    prefix, body_start = (m.group().strip().lower(), m.end()) if m else ("", 0)
    for c in _CONN_RE.finditer(text, body_start):
        left, right = text[body_start:c.start()], text[c.end():]
        lp, rp = _parse_side(left), _parse_side(right)
        if (lp.day or lp.month or lp.year) and (rp.day or rp.month or rp.year):
            return prefix, (body_start, c.start()), c.group().strip(), (c.end(), len(text))
    return None


# ---- phase 2: resolve against the reference date ------------------------------

def _iso(p: _Partial) -> str | None:
    if p.month is None:
        return f"{p.year:04d}" if p.year else None
    y = f"{p.year:04d}" if p.year else "XXXX"
    return f"{y}-{p.month:02d}" + (f"-{p.day:02d}" if p.day else "")


@lru_cache(maxsize=4096)   # pure, and news repeats the same few values
def resolve_partial(p: _Partial, ref: date | None, future: bool = False) -> str | None:
    """A year-less month or day-month gets the most recent year not after `ref`
    (the first on or after it when `future`); without `ref` it stays `XXXX`.

    >>> resolve_partial(_Partial(None, 1, None), date(2023, 3, 2))
    '2023-01'
    >>> resolve_partial(_Partial(None, 11, 22), date(2023, 3, 2))
    '2022-11-22'
    >>> resolve_partial(_Partial(None, 5, None), date(2023, 3, 2), future=True)
    '2023-05'
    """
    if p.year is not None or ref is None or p.month is None:
        return _iso(p)
    y = ref.year
    if p.day is None:
        if future and p.month < ref.month:
            y += 1
        elif not future and p.month > ref.month:
            y -= 1
    else:
        key, refkey = (p.month, p.day), (ref.month, ref.day)
        if future and key < refkey:
            y += 1
        elif not future and key > refkey:
            y -= 1
    return _iso(_Partial(y, p.month, p.day))


@lru_cache(maxsize=4096)   # pure, and news repeats the same few values
def resolve_weekday(weekday: int, ref: date | None, direction: str) -> str | None:
    """ISO weekday (1 = Monday) -> a date. direction: `past` (on or before ref), `future`
    (on or after), `last` (strictly before), `next` (strictly after), `this` (same week).

    >>> resolve_weekday(2, date(2023, 3, 2), "past")
    '2023-02-28'
    >>> resolve_weekday(2, date(2023, 3, 2), "future")
    '2023-03-07'
    """
    if ref is None:
        return None
    from dateutil.relativedelta import relativedelta, weekday as wd

    w = wd(weekday - 1)
    if direction == "past":
        d = ref + relativedelta(weekday=w(-1))
    elif direction == "future":
        d = ref + relativedelta(weekday=w(+1))
    elif direction == "last":
        d = ref + relativedelta(days=-1, weekday=w(-1))
    elif direction == "next":
        d = ref + relativedelta(days=+1, weekday=w(+1))
    else:   # `this Tuesday`: the one in the reference date's week
        d = ref + relativedelta(days=weekday - ref.isoweekday())
    return d.isoformat()


@lru_cache(maxsize=4096)   # pure, and news repeats the same few values
def resolve_offset(unit: str, n: int, ref: date | None) -> str | None:
    """`ref` moved by n units, at the unit's precision (`last year` -> YYYY, `two days ago`
    -> YYYY-MM-DD, `next month` -> YYYY-MM)."""
    if ref is None:
        return None
    from dateutil.relativedelta import relativedelta

    if unit == "day":
        return (ref + relativedelta(days=n)).isoformat()
    if unit == "month":
        return (ref + relativedelta(months=n)).strftime("%Y-%m")
    if unit == "year":
        return f"{ref.year + n:04d}"
    if unit == "decade":
        return f"{ref.year + 10 * n:04d}"
    return None


@lru_cache(maxsize=4096)   # pure, and news repeats the same few values
def resolve_month_relative(month: int, ref: date | None, how: str) -> str | None:
    """`last June` (strictly before the reference month), `next May` (strictly after),
    `this May` (the reference year)."""
    if ref is None:
        return None
    y = ref.year
    if how == "last" and month >= ref.month:
        y -= 1
    elif how == "next" and month <= ref.month:
        y += 1
    return f"{y:04d}-{month:02d}"


# ---- tense -------------------------------------------------------------------

def _future(doc: Document, start: int, end: int) -> bool:
    """Is the mention at [start, end) in a clearly future clause?

    The nearest tense marker decides: first the nearest one before the mention in its own
    clause (`said on Monday it will`: `said`), then the nearest after it in that clause
    (`on Friday, it will`), then the nearest in the sentence. No marker: past.
    """
    s, e = doc.sentence_span(start)
    # a "sentence" without punctuation can be a whole table: look no further than this
    s, e = max(s, start - TENSE_REACH), min(e, end + TENSE_REACH)
    text = doc.text
    # Most sentences have no future marker at all: one C-level search settles them.
    marks = [(m.start(), m.end(), True) for m in FUTURE_RE.finditer(text, s, e)
             if not start <= m.start() < end
             and (m.group()[0] in "'\u2019" or not text[m.start() - 1:m.start()].isalpha())]
    if not marks:
        return False
    marks += _past_marks(text, s, e, start, end)
    cs = s
    for b in _CLAUSE_RE.finditer(text, s, start):
        cs = b.end()
    cb = _CLAUSE_RE.search(text, end, e)
    ce = cb.start() if cb else e
    before = [mk for mk in marks if cs <= mk[0] and mk[1] <= start]
    if before:
        return max(before)[2]
    after = [mk for mk in marks if mk[0] >= end and mk[1] <= ce]
    if after:
        return min(after)[2]
    best = min(marks, key=lambda mk: start - mk[1] if mk[1] <= start else mk[0] - end)
    return best[2]


def _past_marks(text: str, s: int, e: int, start: int, end: int) -> list[tuple[int, int, bool]]:
    out = []
    for m in PAST_RE.finditer(text, s, e):
        a = m.start()
        if start <= a < end:
            continue
        if m.group() == "ed":
            w = _PASSIVE_RE.search(text, max(s, a - 40), a)
            word = w.group() if w else ""
            stem = word.split()[-1] if word.split() else ""
            if len(stem) < 3 or word != stem:
                continue          # `red`, `bed`; `be published`, `is needed`
            a -= len(stem)
        elif text[a - 1:a].isalpha():
            continue              # `Bolshevik` is not `was`...
        elif m.group() in _IRREGULAR_SET and _BE_BEFORE.search(text, max(s, a - 8), a):
            continue              # `will be held`, `is being built`: a passive, not the past
        out.append((a, m.end(), False))
    return out


TENSE_REACH = 300   # characters on each side of a mention searched for tense markers
# A clause mark, or ` - `: written as one character class first (a punctuation mark, or a
# space that must then be followed by `- `), so that `re` skips fast between candidates.
_CLAUSE_RE = re.compile(r"[,;:\"\u201c\u201d()\u2013\u2014\s](?:(?<!\s)|-\s)")


# ---- context checks -----------------------------------------------------------

_YEAR_PREFIXES = frozenset("mid early late pre post".split())
_STRONG_YEAR_WORDS = frozenset("since until till year fiscal fy spring summer autumn fall winter "
                               "mid early late circa throughout".split())
_YEAR_SUBJECT_VERBS = frozenset("was is will saw sees marks marked has had brought began ended "
                                "became proved could would may might must should ends begins".split())
# Words that open a clause, so that a year right after them can be its subject
# (`If 2024 was the year...`, `as 2025 begins`).
_CLAUSE_OPENERS = frozenset("if when while as because although though unless whether but and so "
                            "once".split())
_YEAR_PREP = frozenset(
    "in by since from until till through to before after during of for around circa about early "
    "late mid year years fiscal fy spring summer autumn fall winter and or between between since "
    "throughout than until to end start beginning".split())
_DETERMINERS = frozenset("the a an its his her their our my your this that whose".split())
_COUNT_WORDS = frozenset(
    "million billion thousand hundred m bn mn km kilometres kilometers miles metres meters "
    "people persons soldiers troops men women children civilians units pieces rounds shells "
    "tonnes tons kg euros dollars litas".split())
_AND_YEAR_RE = re.compile(r"[ \t\u00a0]+(?:and|or)[ \t\u00a0]+(?:19|20)[0-9]{2}(?![0-9])")
_NEXT_RE = re.compile(r"(['\u2019]s\b)|[ \t\u00a0]*([A-Za-z]+|[0-9%]|[^\sA-Za-z0-9])?")


# The word before `pos` and the gap after it: what `re.compile(r"([A-Za-z]+)([^A-Za-z0-9]{0,3})\Z")
# .search(text, pos - 24, pos)` finds, read backwards: the reversed 24 characters before `pos`
# open with the gap and then the word (the leftmost forward match takes the whole letter run,
# as the greedy reversed one does). `search` tries every start, this is one `match` (~3x
# faster; `_prev_word` runs for most date mentions).
_PREV_WORD_REV_RE = re.compile(r"([^A-Za-z0-9]{0,3})([A-Za-z]+)")


def _prev_word(text: str, pos: int) -> tuple[str, str]:
    lo = pos - 24 if pos > 24 else 0
    m = _PREV_WORD_REV_RE.match(text[lo:pos][::-1])
    return (m.group(2)[::-1].lower(), m.group(1)[::-1]) if m else ("", text[max(0, pos - 3):pos])


def _year_ok(text: str, start: int, end: int) -> bool:
    """Is the bare 4-digit number at [start, end) a year? (see the module docstring)

    >>> texts = ("in 2022.", "by 2030 soldiers", "the 2022 budget", "at 2100 GMT", "F-2022")
    >>> [_year_ok(t, t.index("2"), t.index("2") + 4) for t in texts]
    [True, False, True, False, False]
    """
    word, gap = _prev_word(text, start)
    gap = gap.strip(" \t\u00a0")
    if gap == "-":
        return word in _YEAR_PREFIXES   # `mid-2024`; not `F-2022`, `T-2030`
    nm = _NEXT_RE.match(text, end)
    if nm and nm.group(1):
        return True             # `2024's budget`
    nxt = (nm.group(2) or "") if nm else ""
    if nxt[:1].isdigit() or nxt == "%":
        return False            # `2023 1110`, `2030 %`
    if not gap and word in _STRONG_YEAR_WORDS:
        return True             # `since 2014`, `spring 2025`, `fiscal 2024`
    if nxt.lower() in _COUNT_WORDS:
        return False            # `by 2030 soldiers`
    if not gap and word in _YEAR_PREP:
        return True             # `in 2022`, `by 2030`
    if not gap and word == "with" and _prev_word(text, start - len(word) - 1)[0] in ("compared", "comparison"):
        return True             # `compared with 2023`
    if word == "s" and not gap and text[max(0, start - 3):start - 2] in ("'", "\u2019"):
        word = "the"            # `Lithuania's 2024 budget`: a possessive is a determiner
    if not gap and word in _DETERMINERS:
        return bool(nxt[:1].isalpha())   # `the 2022 budget`
    if nxt.lower() in _YEAR_SUBJECT_VERBS and (not word or gap or word in _CLAUSE_OPENERS):
        return True             # `2024 was a record year`, `if 2024 was` (a clause opens on it)
    if _AND_YEAR_RE.match(text, end) and text[max(0, start - 3):start].rstrip(" \t\u00a0").endswith(","):
        return True             # `the years 2022, 2023 and 2024`: a list of years
    if gap in ("(", ",") or word == "":
        return not nxt[:1].isalpha() or nxt[:1].isupper()
    # no year context: a year only when no word follows (`..., 2022.`)
    return not nxt[:1].isalpha()


_MONTH_YEAR_DIRECT_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+((?:19|20)[0-9]{2})(?![0-9])")
_MONTH_THEN_YEAR_RE = re.compile(r"[ \t]+(?:day[ \t]+)?in[ \t]+((?:19|20)[0-9]{2})(?![0-9])")
_VERSION_WORDS = frozenset("version versions v release build firmware section article paragraph clause "
                           "chapter annex point".split())
# Words after which `a year`, `a month` is a span of time, even with a number before them.
_DURATION_LEADS = frozenset("for in over within about around nearly almost than lasted lasts took "
                            "takes spent spend after before only just least half another "
                            "past next last first whole entire".split())
# A number and at most two words just before `a day`: `20 drones a day`, `1,000 of them a day`.
_NUMBER_THEN_WORDS = re.compile(r"[0-9][0-9,.%]*[A-Za-z]*(?:[ \t]+[^\W\d][\w'’-]*){0,2}[ \t]+\Z")
_FREQ_WORDS = frozenset("once twice thrice times per every euros dollars million billion "
                        "thousand percent litas pounds hours minutes days weeks months "
                        # an amount or a share before `a year` makes it a rate: `0.3 points a year`
                        "point points gdp cent zlotys hryvnias rubles roubles kroner krona rounds "
                        "shells units tonnes tons "
                        # money nouns: `EUR 1.2 billion in additional revenue a year`
                        "revenue revenues income funding spending costs tax taxes".split())


# ---- phase 1 + 2 together: the rules' productions ------------------------------

_RULE_NAMES: dict[str, str] = {}   # rule -> "date.<rule>"


def _fact(doc: Document, s: int, e: int, rule: str, kind: str, value, value_end=None) -> Fact:
    name = _RULE_NAMES.get(rule)
    if name is None:
        name = _RULE_NAMES[rule] = f"date.{rule}"
    # positional: the same Fact as with keywords (type, start, end, text, values, rule), cheaper
    return Fact("date", s, e, doc.text[s:e], {"kind": kind, "value": value, "value_end": value_end}, name)


def _date_fact(doc, s, e, rule, p: _Partial, p2: _Partial | None = None):
    if not _valid(p) or (p2 is not None and not _valid(p2)):
        return None
    ref = doc.reference_date
    fut = False
    if ref is not None and p.year is None and p.month is not None:
        fut = _future(doc, s, e)
    v = resolve_partial(p, ref, fut)
    if p2 is None:
        return _fact(doc, s, e, rule, "date", v)
    if p2.year is None and p.year is None and ref is not None and p2.month is not None:
        # the end takes the start's resolved year (or the next one if it wraps)
        y = int(v[:4])
        if (p2.month, p2.day or 0) < (p.month or 0, p.day or 0):
            y += 1
        v2 = _iso(_Partial(y, p2.month, p2.day))
    else:
        v2 = resolve_partial(p2, ref, fut)
    return _fact(doc, s, e, rule, "date", v, v2)


def _merge_range(lp: _Partial, rp: _Partial) -> tuple[_Partial, _Partial]:
    """The left end takes what it lacks from the right (`10-12 May 2023`), the right end
    from the left (`April 9th through 17th`)."""
    ly = lp.year if lp.year is not None else rp.year
    lm = lp.month if lp.month is not None else rp.month
    if lp.month is not None and rp.month is not None and rp.year is not None and lp.year is None:
        ly = rp.year if (lp.month, lp.day or 0) <= (rp.month, rp.day or 0) else rp.year - 1
    rm = rp.month if rp.month is not None else lm
    ry = rp.year if rp.year is not None else ly
    return _Partial(ly, lm, lp.day), _Partial(ry, rm, rp.day)


_DIGITS_RE = re.compile(r"[0-9]+")
_WORD_SPLIT_RE = re.compile(r"[- ]+")


@lru_cache(maxsize=4096)   # pure
def _numeric(text: str, order: str) -> _Partial:
    nums = [int(x) for x in _DIGITS_RE.findall(text)]
    if order == "ymd":
        y, m, d = nums[-3:]
    elif order == "ym":
        y, m = nums[-2:]
        return _Partial(y, m, None)
    else:
        a, b, y = nums[-3:]
        if y < 100:
            y += 2000 if y < 50 else 1900   # `24.02.22`
        if a > 12 or b <= 12:
            d, m = a, b        # day first, the default
        else:
            m, d = a, b        # `02/22/2016`: the second number can only be a day
    return _Partial(y, m, d)


@cache
def _unit_re() -> re.Pattern:
    return re.compile("(" + trie_alternation(_lex()["units"]) + ")s?", re.I)


_REL_UNIT_RE = re.compile(r"(this|last|next)\s+(?:fiscal\s+)?(year|month|week)", re.I)


# A fraction of a unit is said in the next smaller one: `half a year` is P6M.
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


@lru_cache(maxsize=1024)   # pure, and a few (number, unit) pairs make most durations
def _duration_value(n: float, unit: str) -> str | None:
    """`three`, `day` -> `P3D`; `half a`, `year` -> `P6M`; `12`, `minute` -> `PT12M`."""
    designator, mult = _lex()["units"][unit.lower()]
    n = n * mult
    while n != int(n) and designator in _SMALLER:
        designator, k = _SMALLER[designator]
        n *= k
    if n <= 0 or n != int(n):
        return None
    time_part = designator.startswith("T")
    return f"P{'T' if time_part else ''}{int(n)}{designator[-1]}"


@lru_cache(maxsize=1024)   # pure
def _number_value(words: str) -> float | None:
    w = words.strip().lower().replace("\u00a0", " ")
    if w.startswith("another"):   # `another month`, `another two weeks`: as many again
        w = w[7:].strip() or "a"
    if w in ("a", "an"):
        return 1
    if w in ("a couple of",):
        return 2
    if w in ("half a", "half an", "a half", "an half"):
        return 0.5
    if w[:1].isdigit():
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    return _word_number(_WORD_SPLIT_RE.split(w))


# Each rule's production: (doc, match, start, end, rule, out) appends the span's facts to
# `out` (a list, not a generator: most spans give one fact). A production may append
# nothing (the context says it is not a date: HeidelTime's REMOVE, Duckling's Nothing).

def _p_range(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`from 4 to 22 January, 1995`, `Nov 18-Dec 19, 2015`, `10-12 May`, `May 5 and 6`."""
    span = doc.text[s:e]
    parts = _split_range(span)
    if parts is None:
        return
    prefix, (ls, le), conn, (rs, re_) = parts
    lp, rp = _merge_range(_parse_side(span[ls:le]), _parse_side(span[rs:re_]))
    if conn == "and" and prefix != "between":
        # `May 5 and June 6`, `May 5 and 6`: two dates, not a range
        for a, b, p in ((ls, le, lp), (rs, re_, rp)):
            f = _date_fact(doc, s + a, s + b, "month_name", p)
            if f:
                out.append(f)
        return
    if lp.month is not None and rp.month is not None:
        f = _date_fact(doc, s, e, rule, lp, rp)
        if f:
            out.append(f)


def _p_range_in_month2(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`November between 19 and 20`."""
    month_part, days = doc.text[s:e].split("between", 1)
    d1, d2 = _DIGITS_RE.findall(days)[:2]
    mp = _parse_side(month_part)
    f = _date_fact(doc, s, e, rule, _Partial(mp.year, mp.month, int(d1)),
                   _Partial(mp.year, mp.month, int(d2)))
    if f:
        out.append(f)


_PERCENT_AFTER = re.compile(r"[ \t]?(?:%|per[ \t]?cent|pct)")


def _p_range_years(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`from 2026 through 2030`, `2026-2030`, `2026–30`, `2022/23`; `2015-12` is a month."""
    span = doc.text[s:e]
    nums = _DIGITS_RE.findall(span)
    y1, y2 = int(nums[0]), nums[1]
    i1 = span.index(nums[0])
    sep = span[i1 + 4:span.rindex(nums[1])]
    prefix = span[:i1].strip().lower()
    if len(y2) == 2:
        if _PERCENT_AFTER.match(doc.text, e):
            # `from 23% in 2023 to 41%`: the second number is a share, not a year
            if _year_ok(doc.text, s + i1, s + i1 + 4):
                out.append(_fact(doc, s + i1, s + i1 + 4, "year", "date", str(y1)))
            return
        if "-" in sep and int(y2) <= 12 and prefix not in ("from", "between"):
            # `2015-12`: a month (Y-M, as the conformance cases read it)
            f = _date_fact(doc, s + i1, e, "numeric_ym", _Partial(y1, int(y2)))
            if f:
                out.append(f)
            return
        y2i = y1 // 100 * 100 + int(y2)
    else:
        y2i = int(y2)
    if not 0 < y2i - y1 <= 50:
        return
    if "and" in sep and prefix != "between":
        # `sales in 2007 and 2009`: two years
        if _year_ok(doc.text, s + i1, s + i1 + 4):
            out.append(_fact(doc, s + i1, s + i1 + 4, "year", "date", str(y1)))
        out.append(_fact(doc, e - 4, e, "year", "date", str(y2i)))
        return
    out.append(_fact(doc, s, e, rule, "date", f"{y1:04d}", f"{y2i:04d}"))


def _p_month_name(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`Tuesday, 10 November 2023`, `the 4th of May`, `March 2024`, `2016 june`."""
    p = _parse_side(doc.text[s:e])
    if p.month is None or (p.day is None and p.year is None):
        return   # a lone abbreviation such as `Jan` (a name) is not enough
    f = _date_fact(doc, s, e, rule, p)
    if f:
        out.append(f)


_NUMERIC_ORDER = {"numeric_ymd": "ymd", "numeric_dmy": "dmy", "numeric_ym": "ym"}


def _p_numeric(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`2023-11-10`, `10.11.2023`, `02/22/2016`, `2015-3`."""
    if _prev_word(doc.text, s)[0] in _VERSION_WORDS:
        return   # `version 2.1.2023`
    f = _date_fact(doc, s, e, rule, _numeric(doc.text[s:e], _NUMERIC_ORDER[rule]))
    if f:
        out.append(f)


_DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1,
                "the day before yesterday": -2, "the day after tomorrow": 2}


def _p_relative_day(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`today`, `yesterday`, `the day after tomorrow`."""
    n = _DAY_OFFSETS[" ".join(doc.text[s:e].lower().split())]
    out.append(_fact(doc, s, e, rule, "date", resolve_offset("day", n, doc.reference_date)))


def _p_ago(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`two days ago` (a day), `four years ago` (a year); weeks have no format."""
    span = doc.text[s:e]
    um = _unit_re().search(span)
    unit = um.group(1).lower()
    n = _number_value(span[:um.start()])
    if n is None or n != int(n) or unit not in ("day", "month", "year", "decade"):
        return
    out.append(_fact(doc, s, e, rule, "date", resolve_offset(unit, -int(n), doc.reference_date)))


_REL_N = {"this": 0, "last": -1, "next": 1}


def _p_relative_unit(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`last year`, `earlier this month`, `this fiscal year`; not weeks."""
    n, unit = _relative_unit(doc.text[s:e])
    if unit != "week":
        out.append(_fact(doc, s, e, rule, "date", resolve_offset(unit, n, doc.reference_date)))


@lru_cache(maxsize=256)   # pure, and a handful of phrases make nearly all of them
def _relative_unit(span: str) -> tuple[int, str]:
    """`Earlier this month` -> (0, "month")."""
    rm = _REL_UNIT_RE.search(span)
    return _REL_N[rm.group(1).lower()], rm.group(2).lower()


def _p_month(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`in January`, `early December`, `late last July`, `next May`."""
    text, ref = doc.text, doc.reference_date
    words = text[s:e].replace("-", " ").split()
    name = words[-1]
    mon = _lex()["months"].get(name.lower())
    if mon is None:   # a modifier glued to the month (`lateMay`): a typo, not a date to read
        return
    mods = {w.lower() for w in words[:-1]}
    if name in ("May", "March") and not mods:
        # `May I ask`, `May God`, `Theresa May`, `the March on Washington`, `Ms March`:
        # alone, these two need a preposition before them (`in May`, `since March`)
        pw, gap = _prev_word(text, s)
        if gap.strip(" \t\u00a0") or (pw not in _YEAR_PREP and pw not in ("on", "this", "last", "next")):
            return
    how = next((h for h in ("last", "next", "this") if h in mods), None)
    if how:
        out.append(_fact(doc, s, e, rule, "date", resolve_month_relative(mon, ref, how)))
        return
    yd = _MONTH_YEAR_DIRECT_RE.match(text, e)
    if yd:   # `early December 2023`: the modifier, the month and its year make one fact
        out.append(_fact(doc, s, yd.end(), rule, "date", f"{yd.group(1)}-{mon:02d}"))
        return
    ym = _MONTH_THEN_YEAR_RE.match(text, e)
    if ym:   # `that January day in 2011`: the year is a fact of its own, and this month's
        out.append(_fact(doc, s, e, rule, "date", f"{ym.group(1)}-{mon:02d}"))
        return
    fut = ref is not None and _future(doc, s, e)
    out.append(_fact(doc, s, e, rule, "date", resolve_partial(_Partial(None, mon, None), ref, fut)))


_WEEKDAY_HOW = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}


def _p_weekday(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`on Tuesday` (past, or future in a future clause), `last Tuesday`, `next Friday`."""
    ref = doc.reference_date
    words = doc.text[s:e].split()
    wd = _lex()["weekdays"][words[-1].lower()]
    how = _WEEKDAY_HOW.get(words[0].lower()) if len(words) > 1 else None
    if how is None:
        how = "future" if (ref is not None and _future(doc, s, e)) else "past"
    out.append(_fact(doc, s, e, rule, "date", resolve_weekday(wd, ref, how)))


def _p_year(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`in 2022`, `the 2022 budget`, `2024's budget`; not `2030 soldiers`."""
    text = doc.text
    if _year_ok(text, s, e):
        out.append(_fact(doc, s, e, rule, "date", text[s:e]))


def _p_duration_range(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """The first end of `between 12 and 18 months` (the second is a plain duration)."""
    um = _unit_re().search(doc.text, e, e + 40)
    n = _number_value(doc.text[s:e])
    v = _duration_value(n, um.group(1)) if um and n is not None else None
    if v:
        out.append(_fact(doc, s, e, rule, "duration", v))


def _p_duration_the(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`over the next decade`, `the past year`."""
    v = _duration_value(1, _unit_re().search(doc.text, s, e).group(1))
    if v:
        out.append(_fact(doc, s, e, rule, "duration", v))


def _p_duration(doc: Document, m: re.Match, s: int, e: int, rule: str, out: list) -> None:
    """`three days`, `the next ten years`, `a six-month contract`, `half a year`."""
    nw, unit = m.group("dn"), m.group("du")
    n = _number_value(nw)
    if n is None:
        return
    pw, gap = _prev_word(doc.text, s)
    if pw in ("age", "ages", "aged"):
        return   # `children ages 6 months and older`: an age
    if pw in ("every", "each", "per"):
        return   # `every six months`: a rate (a TimeML set), not a duration
    if pw and gap == "-":
        return   # `a sub-five-minute mile`: part of a longer compound
    if pw == "in" and nw.lower() in ("a", "an") and _prev_word(doc.text, s - len(gap) - 2)[0] in (
            "times", "once", "twice"):
        return   # `five times in a week`: a frequency
    if unit.lower() == "second" and not (nw[:1].isdigit() or _number_value(nw) not in (None, 1, 0.5)):
        return   # `a second round`, `another second`: the ordinal, not a count of seconds
    if nw.lower() in ("a", "an") and (pw in _FREQ_WORDS or (not pw and gap.strip()[-1:] in tuple("0123456789%"))
                                      or (pw not in _DURATION_LEADS
                                          and _NUMBER_THEN_WORDS.search(doc.text, max(0, s - 40), s))):
        return   # `twice a year`, `€6 million a year`, `1,000 of them a day`: a rate, not a duration
    v = _duration_value(n, unit)
    if v:
        out.append(_fact(doc, s, e, rule, "duration", v))


_PRODUCTIONS = {
    "range": _p_range, "range_day": _p_range, "range_in_month": _p_range,
    "range_in_month2": _p_range_in_month2, "range_years": _p_range_years,
    "month_name": _p_month_name,
    "numeric_ymd": _p_numeric, "numeric_dmy": _p_numeric, "numeric_ym": _p_numeric,
    "relative_day": _p_relative_day, "ago": _p_ago, "relative_unit": _p_relative_unit,
    "month": _p_month, "weekday": _p_weekday, "year": _p_year,
    "duration_range": _p_duration_range, "duration": _p_duration, "duration_the": _p_duration_the,
}


def find(doc: Document) -> Iterable[Fact]:
    """Date and duration facts of `doc` (not yet overlap-resolved: the pipeline does that).

    >>> from lituania_facts.document import make_document
    >>> d = make_document("In 2022, Vilnius said on Tuesday it will spend it over the next ten years.",
    ...                   reference_date=date(2023, 3, 2))
    >>> [(f.text, f["value"]) for f in find(d)]
    [('2022', '2022'), ('Tuesday', '2023-02-28'), ('the next ten years', 'P10Y')]
    """
    masters = _master()
    month_probe = masters.month_probe
    productions = _PRODUCTIONS
    text = doc.text
    out: list[Fact] = []
    ws = we = -1
    windows = []
    for s, e in _anchor_spans(text):
        if s - WINDOW_BEFORE > we:
            if we >= 0:
                windows.append((ws, we))
            ws = max(0, s - WINDOW_BEFORE)
        we = e + WINDOW_AFTER
    if we >= 0:
        windows.append((ws, we))
    last_end = 0
    n = len(text)
    for ws, we in windows:
        # end a window at a space, so that no match is cut inside a word
        sp = text.find(" ", we) if we < n else -1
        we = n if sp < 0 else sp
        pos = ws if ws > last_end else last_end
        pat = masters.full if month_probe.search(text, pos, we) else masters.no_month
        if pos == 0 and text[:1] in _ALNUM:
            # the text's first word has no separator before it: match it behind a space
            # (rules read only their named groups from `m`, so the offset copy is harmless)
            m = pat.match(" " + text[:we])
            if m:
                rule = m.lastgroup
                last_end = pos = m.end() - 1
                productions[rule](doc, m, 0, last_end, rule, out)
        while True:
            # the match opens on the separator before its rule's span, at `pos - 1` at least
            for m in pat.finditer(text, pos - 1 if pos else 0, we):
                last_end = m.end()
                rule = m.lastgroup
                productions[rule](doc, m, m.start() + 1, last_end, rule, out)
                if text[last_end - 1] not in _ALNUM:
                    break   # the next rule may start right here, its separator inside this match
            else:
                break
            pos = last_end
    return _join_relative_year(doc, out) if len(out) > 1 else out


_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_RELATIVE_YEARS = frozenset(("last year", "this year", "next year"))
_FOUR_DIGITS = re.compile(r"[0-9]{4}")


def _join_relative_year(doc: Document, facts: list[Fact]) -> list[Fact]:
    """`on October 1 last year`: the day or month takes the year its relative words give,
    one fact instead of a year-less date and a separate `last year`."""
    # most texts have none: find out in one cheap pass (all three phrases are 9 characters)
    if not any(g.end - g.start == 9 and g.text.lower() in _RELATIVE_YEARS for g in facts):
        return facts
    out: list[Fact] = []
    i = 0
    while i < len(facts):
        f = facts[i]
        g = facts[i + 1] if i + 1 < len(facts) else None
        v = f.values["value"]
        if (g is not None and g.text.lower() in _RELATIVE_YEARS and doc.text[f.end:g.start] == " "
                and f.values["kind"] == "date" and f.values["value_end"] is None
                and v is not None and len(v) >= 7 and not _FOUR_DIGITS.search(f.text)):
            year = g.values["value"]
            out.append(_fact(doc, f.start, g.end, "month_day_relative_year", "date",
                             year + v[4:] if year else None))
            i += 2
            continue
        out.append(f)
        i += 1
    return out
