"""Officials: named people who hold or held a public office (FACTS.md section 2, `official`).

Span policy: a fact is one mention of the person's *name* (`Arvydas Anušauskas`,
`Anusauskas`, `V. Zelenskyy`); the title that says the office is in `role_text`, never in the
span. One person is one official per document: every mention carries the same `name` (the
fullest form the document writes), `role`, `role_text` (the words that said the role, wherever
they stood) and `country`.

Rules (`Fact.rule`), each anchored on the role lexicon or the known-officials lexicon:

    official.title       role phrase, then the name   "Lithuanian Defence Minister Arvydas Anušauskas",
                                                      "Minister of Defence of Ukraine Rustem Umerov",
                                                      "the minister, Dovilė Šakalienė,"
    official.rank        military rank, then the name "Lt. Gen. Raimundas Vaikšnoras"
    official.appositive  name, then the role phrase   "Gabrielius Landsbergis, Minister of Foreign Affairs
                                                      of Lithuania", "Kasčiūnas, the defence minister,",
                                                      "Peter Hultqvist, who was minister for defence"
    official.predicate   name, an appointment verb,   "Jonas Petraitis was appointed defence minister",
                         then the role phrase          "Vaikšnoras became Lithuania's Chief of Defence"
    official.known       a name of data/officials.jsonl with no title: "Putin", "Dmitry Medvedev"
    official.near        a role phrase with a country and no name ("said Lithuania's defense minister"),
                         then the only full name in the rest of that sentence or the next one
    official.mention     a later mention of a person found by a rule above: "Anusauskas", "V. Zelenskyy",
                         "– Kęstutis Budrys", transliteration variants (Zelensky / Zelenskyy / Zelenskiy)

Role and country: the words of the text win (`former U.S. President`, `of Ukraine`,
`Lithuania's`, `NATO`); what the text leaves out comes from the known-officials file, using
the office held on the document's reference date (or the last one held before it); with no
reference date, the office that started last. A title with no country after that takes it
from context: an official just before (`Budrys and Defense Minister Dovilė Šakalienė`), the
one state named before it in its sentence, or the state the document is about.

Speed: the text is scanned twice (a prefix tree of Title Case roles, ranks and known names,
whose first characters are capitals; the head words of lower-case roles after a space); all
else works on the few places found, never on every character or word.

Data: data/roles.tsv, ranks.tsv, countries.tsv, role_modifiers.tsv, nonpersons.tsv,
officials.jsonl (see data/README-officials.md).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from operator import attrgetter
from typing import Iterable

from ..document import Document
from ..errors import DataError
from ..lexicon import data_text, fold_diacritics, load_jsonl, load_tsv, trie_alternation
from ..model import Fact

# FACTS.md section 2, `official`: the canonical roles, in the order given there.
ROLES = ("president", "prime minister", "defence minister", "foreign minister", "interior minister",
         "finance minister", "economy minister", "minister", "deputy defence minister",
         "deputy foreign minister", "deputy minister", "secretary general", "commander",
         "chief of defence", "chief of staff", "ambassador", "member of parliament", "speaker",
         "spokesperson", "mayor", "governor", "official")
# Roles that say less than a specific one: a person keeps the most specific role stated.
GENERIC_ROLES = {"minister": 1, "deputy minister": 1, "official": 2}
# Offices of these are held by people who served a state before: never guess them.
ORGANISATIONS = frozenset({"NATO", "European Union", "United Nations", "OSCE"})
NONPERSON_KINDS = ("media", "company", "place", "organisation", "calendar", "word", "ambiguous")
MODIFIER_KINDS = ("qualifier", "determiner", "context")

_SP = "[ \t\u00a0]+"             # a space inside a phrase or a name (never a line break)
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_L = r"[^\W\d_]"                  # any letter
# A name token: `Anušauskas`, `Kosiniak-Kamysz`, `O'Brien`, or an initial `V.`.
_TOK = rf"(?:[{_UPPER}]\.(?=[ \u00a0])|[{_UPPER}]{_L}*(?:(?:-|['’])[{_UPPER}]{_L}+)*)"
_PARTICLES = "von der|van der|von|van|de|der|del|della|da|di|du|dos|vel|bin|ibn|al"
# 1-4 tokens, particles between (`Ursula von der Leyen`): bounded, so no runaway backtracking.
_NAME = rf"{_TOK}(?:{_SP}(?:(?:{_PARTICLES}){_SP})?{_TOK}){{0,3}}"
# The same names not inside a word, for searching: the first capital is read first, then the
# character before it checked (a pattern opening with a look-behind is tried at every
# position; one opening with a character class is skipped to its capitals at C speed).
_FREE_NAME = (rf"[{_UPPER}](?<![\w.'’-].)(?:\.(?=[ \u00a0])|{_L}*(?:(?:-|['’])[{_UPPER}]{_L}+)*)"
              rf"(?:{_SP}(?:(?:{_PARTICLES}){_SP})?{_TOK}){{0,3}}")
_PARTICLE_SET = frozenset(_PARTICLES.replace(" ", "|").split("|"))

fold = fold_diacritics   # case kept: `Šakalienė` -> `Sakaliene`


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """One key for spellings of one name: case, diacritics and the -y/-yy/-iy/-yi/-i endings of
    transliterated names folded (`Zelensky`, `Zelenskyy`, `Zelenskiy` -> `zelensky`)."""
    k = fold(word).lower().replace("’", "'")
    for end in ("yy", "iy", "yi", "ij", "ii"):
        if k.endswith(end) and len(k) > 4:
            return k[:-2] + "y"
    return k


def _trie(strings: Iterable[str], end: str = "") -> str:
    """Literal strings as one prefix-tree regex; a space matches any run of spaces; `end`
    must follow each string."""
    return trie_alternation(strings, space=_SP, end=end)


class _LazyPattern:
    """A regex compiled when first used: the `re` parser is slow on big patterns, and many
    documents never need this one (start-up of a one-file run).

    Hot paths call `.get()`: reaching `match` etc. through `__getattr__` costs ~1 us a use
    (Python first fails the normal lookup, raising AttributeError)."""
    __slots__ = ("source", "compiled")

    def __init__(self, source: str):
        self.source = source
        self.compiled = None

    def get(self) -> re.Pattern:
        compiled = self.compiled
        if compiled is None:
            compiled = self.compiled = re.compile(self.source)
        return compiled

    def __getattr__(self, name: str):
        return getattr(self.get(), name)


_HEAD_STOP = re.compile(r" (?:of|for|to|in) ")


def head_word(phrase: str) -> str:
    """The word a role phrase is found by: the last word before `of`/`for`, else the last
    word (`minister of national defence` -> `minister`, `top diplomat` -> `diplomat`)."""
    return _HEAD_STOP.split(phrase, 1)[0].split()[-1]


def _rows(name: str, min_cells: int, max_cells: int) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(data_text(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        while len(cells) > min_cells and not cells[-1]:
            cells.pop()
        if not (min_cells <= len(cells) <= max_cells) or not all(cells):
            raise DataError(f"data/{name}:{n}: expected {min_cells}-{max_cells} TAB-separated non-empty cells")
        rows.append((n, cells))
    return rows


def _case_variants(phrase: str) -> set[str]:
    """`minister of foreign affairs` -> itself, `Minister of foreign affairs`,
    `Minister Of Foreign Affairs`, `Minister of Foreign Affairs`; words with capitals stay."""
    words = phrase.split(" ")

    def cap(w: str) -> str:
        return w[:1].upper() + w[1:] if w.islower() else w

    small = {"of", "for", "the", "and", "in", "to", "at", "on"}
    title = [cap(w) if (w not in small or i == 0) else w for i, w in enumerate(words)]
    # hyphenated parts too, small words kept low: `Commander-in-Chief`, `Vice-Minister`
    hyphen_title = " ".join("-".join(cap(p) if (p not in small or j == 0) else p
                                     for j, p in enumerate(w.split("-"))) for w in title)
    return {phrase, " ".join([cap(words[0])] + words[1:]), " ".join(cap(w) for w in words),
            " ".join(title), "-".join(p[:1].upper() + p[1:] for p in " ".join(title).split("-")),
            hyphen_title}


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Known:
    """One person of data/officials.jsonl."""
    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]


@dataclass
class Lexicon:
    roles: dict[str, tuple[str, str | None]]       # lower-cased phrase -> (role, role with a rank)
    role_countries: dict[str, str]                  # lower-cased phrase -> country it names
    ranks: dict[str, str]                           # lower-cased rank -> role
    countries: dict[str, str]                       # surface as written -> country
    modifiers: dict[str, str]                       # lower-cased word -> kind
    org_words: frozenset[str]                       # `ministry`, `Army`: may stand before a role
    blocked: frozenset[str]                         # folded lower-cased words never in a name
    ambiguous: frozenset[str]                       # surnames that never name an official alone
    known: tuple[Known, ...]
    known_forms: dict[str, tuple[int, ...]]         # form as written -> indices into known
    known_by_key: dict[str, tuple[int, ...]]        # name_key of a surname -> indices into known
    upper: re.Pattern                               # title-case roles, ranks, known names
    heads: re.Pattern                               # the head word of a lower-case role
    lower_role_at: _LazyPattern                     # a lower-case role phrase right here
    after: _LazyPattern                             # what follows a role phrase
    after_plain: re.Pattern                         # the same with no `of`/`for`/`to` tail
    left_name: _LazyPattern                         # a name just before ", <role>"
    subject_name: _LazyPattern                      # a name just before ` was appointed <role>`
    name_run: _LazyPattern                          # any run of name tokens
    country_re: _LazyPattern                        # any country word
    link_cache: dict = field(default_factory=dict)  # known index -> what finds it again
    good_cache: dict = field(default_factory=dict)  # token -> can be part of a name
    known_cache: dict = field(default_factory=dict) # written name -> known official it is
    office_cache: dict = field(default_factory=dict)  # (known index, date, role, country) -> office
    role_info: dict = field(default_factory=dict)   # role or rank anchor key -> `_role_info`
    two_word_ends: frozenset[str] = frozenset()     # `States` of `United States`: a second word to read


def _iso(value, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DataError(f"{where}: not an ISO date: {value!r}") from None


@lru_cache(maxsize=1 << 16)
def surname_of(name: str) -> str:
    """`Ursula von der Leyen` -> `von der Leyen`, `Arvydas Anušauskas` -> `Anušauskas`."""
    words = name.split()
    i = len(words) - 1
    while i > 1 and words[i - 1] in _PARTICLE_SET:
        i -= 1
    return " ".join(words[i:])


def load_known() -> tuple[Known, ...]:
    """data/officials.jsonl, validated (roles from FACTS.md, ISO dates, start <= end)."""
    people = []
    for row in load_jsonl("officials.jsonl"):
        where = f"data/officials.jsonl:{row.get('_line')}"
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DataError(f"{where}: missing name")
        offices = []
        for o in row.get("offices") or []:
            role = o.get("role")
            if role not in ROLES:
                raise DataError(f"{where}: unknown role {role!r}")
            start, end = _iso(o.get("start"), where), _iso(o.get("end"), where)
            if start and end and start > end:
                raise DataError(f"{where}: office starts after it ends")
            offices.append(Office(role, o.get("country"), start, end))
        people.append(Known(name, tuple(a for a in row.get("aliases") or [] if a), tuple(offices)))
    return tuple(people)


@cache
def lexicon() -> Lexicon:
    """The lexicon of the shipped data files, built once."""
    return build_lexicon(load_known())


def build_lexicon(known: tuple[Known, ...]) -> Lexicon:
    """Roles, ranks, countries, modifiers and non-person words from data/, with `known` people."""
    roles: dict[str, tuple[str, str | None]] = {}
    for n, cells in _rows("roles.tsv", 2, 3):
        for role in cells[1:]:
            if role not in ROLES:
                raise DataError(f"data/roles.tsv:{n}: {role!r} is not a role of FACTS.md")
        key = cells[0].lower()
        if key in roles:
            raise DataError(f"data/roles.tsv:{n}: {cells[0]!r} is listed twice")
        roles[key] = (cells[1], cells[2] if len(cells) > 2 else None)
    role_surfaces = {v for n, cells in _rows("roles.tsv", 2, 3) for v in _case_variants(cells[0])}

    ranks: dict[str, str] = {}
    rank_surfaces: set[str] = set()
    for n, (surface, role) in _rows("ranks.tsv", 2, 2):
        if role not in ROLES:
            raise DataError(f"data/ranks.tsv:{n}: {role!r} is not a role of FACTS.md")
        ranks[surface.lower()] = role
        rank_surfaces |= {surface, " ".join(w[:1].upper() + w[1:] for w in surface.split())}

    countries: dict[str, str] = {}
    for n, (surface, country) in _rows("countries.tsv", 2, 2):
        if surface in countries and countries[surface] != country:
            raise DataError(f"data/countries.tsv:{n}: {surface!r} mapped twice")
        countries[surface] = country

    # A country word inside a role phrase: `NATO chief`, `member of the Seimas`.
    role_countries: dict[str, str] = {}
    for n, cells in _rows("roles.tsv", 2, 3):
        words = cells[0].split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 3) + 1):
                c = countries.get(" ".join(words[i:j]))
                if c and cells[0].lower() not in role_countries:
                    role_countries[cells[0].lower()] = c

    modifiers: dict[str, str] = {}
    for n, (word, kind) in _rows("role_modifiers.tsv", 2, 2):
        if kind not in MODIFIER_KINDS:
            raise DataError(f"data/role_modifiers.tsv:{n}: unknown kind {kind!r}")
        modifiers[word.lower()] = kind

    blocked: set[str] = set()
    ambiguous: set[str] = set()
    org_words: set[str] = set()
    for n, (words, kind) in _rows("nonpersons.tsv", 2, 2):
        if kind not in NONPERSON_KINDS:
            raise DataError(f"data/nonpersons.tsv:{n}: unknown kind {kind!r}")
        if kind == "organisation":
            org_words |= {w for w in words.split()} | {w.lower() for w in words.split()}
        for w in words.split():
            (ambiguous if kind == "ambiguous" else blocked).add(fold(w).lower().rstrip("."))
    for phrase in list(countries) + list(roles) + list(ranks) + list(modifiers):
        for w in re.split(r"[ \-]+", phrase):
            if w and w.lower() not in _PARTICLE_SET and w.lower() not in {"of", "for", "the", "and", "in", "to", "a", "an"}:
                blocked.add(fold(w).lower().rstrip(".").replace("’", "'"))
    blocked |= {w.replace("'s", "") for w in blocked}

    forms: dict[str, set[int]] = {}
    by_key: dict[str, set[int]] = {}
    for i, person in enumerate(known):
        for full in (person.name, *person.aliases):
            sur = surname_of(full)
            by_key.setdefault(name_key(sur), set()).add(i)
            for f in {full, fold(full), sur, fold(sur)}:
                forms.setdefault(f, set()).add(i)
    # A single word names a person alone only if it names one person and is not a common word.
    known_forms = {f: tuple(sorted(ix)) for f, ix in forms.items()
                   if " " in f or (len(ix) == 1 and fold(f).lower() not in ambiguous
                                   and fold(f).lower() not in blocked)}

    country_alt = _trie(countries)
    rank_alt = _trie(rank_surfaces)
    lower_roles = _trie({v for v in role_surfaces if v[:1].islower()})
    # The word boundary once after the tree, not after each of its ~1000 strings: the same
    # matches (the engine backtracks from the longest string to shorter ones in the same
    # order), a pattern a third shorter and half the compile time at start-up.
    upper = _trie({v for v in role_surfaces | rank_surfaces if not v[:1].islower()} | set(known_forms))
    upper = rf"(?:{upper})(?![\w])"
    heads = {head_word(v) for v in role_surfaces if v[:1].islower()}
    # `of Ukraine`, `of the Lithuanian Armed Forces`, `for the ministry`, `to Lithuania`
    tail_word = _trie(set(countries) | org_words)
    tail = (rf"{_SP}(?P<prep>of|for|to){_SP}(?:the{_SP})?(?P<tail>(?:{tail_word})"
            rf"(?:['’]s)?(?:{_SP}(?:(?:of|and|for)(?:{_SP}the)?{_SP})?(?:{tail_word})(?:['’]s)?){{0,4}}"
            # `governor of the Kaliningrad region`: a place's area after it
            rf"(?:{_SP}(?:region|oblast|province|county|district|municipality|voivodeship))?)(?![\w])")
    # A rank may follow its role phrase after a comma: `the chief of defence, Maj. Gen. X`.
    after_rest = (rf"(?:,?{_SP}(?P<rank>{rank_alt})(?![\w]))?"
                  rf"(?:(?P<comma>,)?{_SP}(?P<name>{_NAME}))?")
    return Lexicon(
        roles=roles, ranks=ranks, countries=countries, modifiers=modifiers, org_words=frozenset(org_words),
        role_countries=role_countries,
        blocked=frozenset(blocked), ambiguous=frozenset(ambiguous), known=known,
        known_forms=known_forms, known_by_key={k: tuple(sorted(v)) for k, v in by_key.items()},
        # Speed: this pattern's first level is capital letters only, so the engine skips to
        # capitals; the word boundary before a match is checked after (a lookbehind first
        # would make it try every position).
        upper=re.compile(upper),
        # Lower-case roles are found by their head word after a space (a literal first
        # character, which the engine searches fast), then read whole where they start.
        heads=re.compile(rf" (?:{_trie(heads)})(?![\w])"),   # (no group: cheaper at every space)
        lower_role_at=_LazyPattern(rf"({lower_roles})(?![\w])"),
        # `after` is compiled only for a document that has `of`/`for`/`to` after a role (its tail
        # part is most of its size); elsewhere the tail cannot match and `after_plain`, the
        # rest of it, reads the same.
        after=_LazyPattern(rf"(?:{tail})?{after_rest}"),
        after_plain=re.compile(after_rest),
        left_name=_LazyPattern(rf"({_FREE_NAME})[ \t\u00a0]*,[ \t\u00a0]*\Z"),
        subject_name=_LazyPattern(rf"({_FREE_NAME})\Z"),
        name_run=_LazyPattern(_FREE_NAME),
        country_re=_LazyPattern(rf"(?:{country_alt})(?![\w])"),
        two_word_ends=frozenset(k.split(" ")[1] for k in countries if k.count(" ") == 1),
    )


# ---- finding mentions -----------------------------------------------------------------

@dataclass(slots=True)
class Mention:
    start: int
    end: int
    tokens: list[str]
    rule: str
    role: str | None = None
    role_text: str | None = None
    country: str | None = None
    role_start: int = -1          # where the role words begin (for coordination)
    known: tuple[int, ...] = ()
    person: Person | None = field(default=None, compare=False, repr=False)   # set by `_group`


@dataclass(slots=True)
class Person:
    surname_key: str
    given: set[str] = field(default_factory=set)      # folded lower given names and initials
    mentions: list[Mention] = field(default_factory=list)
    known: tuple[int, ...] = ()
    value: list | None = None                         # [role, role_text, country], when an official
    name: tuple | None = None                         # (score, name) of the fullest mention


def _good_token(tok: str, lex: Lexicon) -> bool:
    ok = lex.good_cache.get(tok)
    if ok is None:
        if tok.endswith("."):
            ok = len(tok) == 2               # an initial
        else:
            ok = fold(tok).lower() not in lex.blocked
        if len(lex.good_cache) > 200_000:      # bounded: tokens of arbitrary text
            lex.good_cache.clear()
        lex.good_cache[tok] = ok
    return ok


def _take_left(tokens: list[str], lex: Lexicon) -> list[str]:
    """Tokens from the left up to the first that cannot be part of a name; never ending on an
    initial or a particle."""
    out = []
    good = lex.good_cache
    for t in tokens:
        if t in _PARTICLE_SET:
            out.append(t)
            continue
        ok = good.get(t)
        if not (_good_token(t, lex) if ok is None else ok):
            break
        out.append(t)
    while out and (out[-1].endswith(".") or out[-1] in _PARTICLE_SET):
        out.pop()
    return out


def _take_right(tokens: list[str], lex: Lexicon) -> list[str]:
    out: list[str] = []
    for t in reversed(tokens):
        if t in _PARTICLE_SET and out:
            out.insert(0, t)
            continue
        if not _good_token(t, lex) or (t.endswith(".") and not out):
            break
        out.insert(0, t)
    while out and out[0] in _PARTICLE_SET:
        out.pop(0)
    return out


_WORD = re.compile(r"\S+")


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _span_of(text: str, start: int, tokens: list[str]) -> int:
    """End offset of `tokens` written from `start` (spaces between them as in the text)."""
    pos = start
    for i, t in enumerate(tokens):
        if i:
            while text[pos] in " \t\u00a0":
                pos += 1
        pos += len(t)
    return pos


_SEPARATORS = " \t\u00a0"


# Read right to left on the reversed text (one C call, not a walk char by char): spaces or one
# hyphen, then the word: from its first letter (`Anušauskas`, `U.S.`, `O'Brien`), or only
# dots and quotes (`...`) when it has no letter. Group 1 is the whole run of word characters
# after the spaces (how far the reading could go), group 2 the word.
_WORD_BEFORE_REV = re.compile(r"(?:[ \t\u00a0]+|-)(?=([\w.'’]*))([\w.'’]*[^\W\d_]|[.'’]*)")
_WORD_BEFORE_SEP = frozenset(" \t\u00a0-")   # what `_WORD_BEFORE_REV` must read first
_NOT_IN_WORD = frozenset(',;:()!?"“”')          # punctuation that no word read here holds
# Speed: only this many characters before `pos` are reversed (not the whole text); a reading
# that reaches their end is done again on the whole text.
_WINDOW = 48


def _word_before(text: str, pos: int) -> tuple[int, str]:
    """(start, word) of the word ending just before `pos`, skipping spaces or one hyphen."""
    if not pos or text[pos - 1] not in _WORD_BEFORE_SEP:
        return pos, ""                 # (speed: the regex could not match)
    if text[pos - 1] == " ":
        # Speed: one space after a word of letters only (`the`, `Lithuanian`) is most of what
        # is read; the regex reads the same, from the letter after the space or line break
        # before it (neither can be part of a word).
        q = pos - 1
        if q and text[q - 1] in _NOT_IN_WORD:
            return q, ""               # (`years, the minister`: no word right before)
        lo = q - _WINDOW if q > _WINDOW else 0
        j = text.rfind(" ", lo, q) + 1
        if j or not lo:
            word = text[j:q]
            if not word.isalpha():
                k = word.rfind("\n") + 1
                j += k
                word = word[k:] if k else ""
            if word.isalpha():
                return j, word
    if pos <= _WINDOW:
        m = _WORD_BEFORE_REV.match(text[pos - 1::-1])
    else:
        m = _WORD_BEFORE_REV.match(text[pos - 1:pos - _WINDOW - 1:-1])
        if m.end(1) == _WINDOW:        # (the run may go on before the window)
            m = _WORD_BEFORE_REV.match(text[pos - 1::-1])
    a, b = m.span(2)                   # (always a match: the first character is a separator)
    return pos - b, text[pos - b:pos - a]


def _left_modifiers(text: str, s: int, lex: Lexicon) -> tuple[int, str | None, bool, bool]:
    """Walk left from a role phrase over country words and qualifiers.

    Returns (start of the role words, country, a determiner/genitive precedes, `the country's`).
    """
    start, country, det, context = s, None, False, False
    pos = s
    countries = lex.countries
    for _ in range(5):
        if not pos or text[pos - 1] not in _WORD_BEFORE_SEP:
            break                              # (speed: `_word_before` would find no word)
        k, word = _word_before(text, pos)
        if not word:
            break
        base = word[:-2] if word.endswith(("'s", "’s")) else word
        c = countries.get(base)                # `Ukraine.` ends a sentence: not a modifier
        if c is None and base in lex.two_word_ends:
            k2, word2 = _word_before(text, k)
            if word2:
                c = lex.countries.get(f"{word2} {base}")
                if c is not None:
                    k = k2
        if c is not None:
            country = country or c
            det = det or base != word
            start = pos = k
            continue
        if base != word and base in lex.known_forms:    # `Putin's spokesman`
            det = True
            person = lex.known[lex.known_forms[base][0]]
            if person.offices:
                country = country or _office(person, None, None, None).country
            start = pos = k
            break
        kind = lex.modifiers.get(word.lower())
        if kind == "qualifier" or word in lex.org_words:   # `Russian foreign ministry spokeswoman`
            start = pos = k
            continue
        if kind == "context":
            context = det = True
            start = pos = k
            continue
        if kind == "determiner":
            det = True
        break
    return start, country, det, context


def _may_have_left_context(text: str, s: int, lex: Lexicon) -> bool:
    """Before a role phrase with no name after it: a comma on its line (an appositive may
    follow one), or a country word, genitive or qualifier just before (an orphan role)."""
    line = text.rfind("\n", max(0, s - 100), s)
    if text.rfind(",", max(0, s - 100, line), s) != -1:
        return True
    k, word = _word_before(text, s)
    if not word:
        return False
    base = word[:-2] if word.endswith(("'s", "’s")) else word
    if base in lex.countries or word.lower() in lex.modifiers or base != word or word in _APPOINTED_ENDS:
        return True
    if base not in lex.two_word_ends:
        return False
    _, word2 = _word_before(text, k)                    # `United States`
    return bool(word2) and f"{word2} {base}" in lex.countries


def _country_words(text: str, lex: Lexicon, lo: int = 0, hi: int | None = None) -> list[tuple[int, str]]:
    """(position, country) of every country word in text[lo:hi]."""
    out = []
    countries = lex.countries
    for m in lex.country_re.get().finditer(text, lo, len(text) if hi is None else hi):
        s = m.start()
        if not s or not (text[s - 1].isalnum() or text[s - 1] == "_"):
            w = m.group()
            out.append((s, countries.get(w) or countries[" ".join(w.split())]))
    return out


def _context_country(doc: Document, pos: int, lex: Lexicon) -> str | None:
    """`the country's interior minister`: the country named last before, in this sentence or
    the one before it."""
    starts = doc.sentence_starts
    i = bisect_right(starts, pos) - 1
    found = _country_words(doc.text, lex, starts[i - 1] if i > 0 else 0, pos)
    return found[-1][1] if found else None


def _countries_from(text: str, lex: Lexicon, lo: int, hi: int) -> list[tuple[int, str]]:
    """The entries of `_country_words(text, lex)` (the whole text) at positions lo <= p < hi,
    without scanning the whole text: a country word never holds a line break, so a scan from
    the start of the line of `lo` finds the same words there."""
    out = []
    countries = lex.countries
    for m in lex.country_re.get().finditer(text, text.rfind("\n", 0, lo) + 1):
        s = m.start()
        if s >= hi:
            break
        if s >= lo and (not s or not (text[s - 1].isalnum() or text[s - 1] == "_")):
            w = m.group()
            out.append((s, countries.get(w) or countries[" ".join(w.split())]))
    return out


# The state a document is about: the one most of its officials serve (at least two of them),
# else the first state it names if that one is named at least twice and at least half as often
# as the most named (a story about Lithuania's border names Belarus about as often).

def _most_served(served: list[str]) -> str | None:
    """The state most of a document's officials serve, if at least two and more than any other."""
    counts: dict[str, int] = {}
    for c in served:
        if c not in ORGANISATIONS:
            counts[c] = counts.get(c, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1]) + [("", 0)]
    if ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


def _first_named(found: list[tuple[int, str]]) -> str | None:
    """The first state a document names, if named at least twice and at least half as often as
    the most named."""
    named = [c for _, c in found if c not in ORGANISATIONS]
    if not named:
        return None
    tally: dict[str, int] = {}
    for c in named:
        tally[c] = tally.get(c, 0) + 1
    first = named[0]
    return first if tally[first] >= 2 and 2 * tally[first] >= max(tally.values()) else None


def _country_from_context(doc: Document, pos: int, found: list[tuple[int, str]], served: list[str],
                          lex: Lexicon) -> str | None:
    """A title with no country: the one state named before it in its sentence, else the state
    the document is about. `found`: the country words of the whole text, read
    into it only when needed (speed: the officials served often decide alone)."""
    s, _ = doc.sentence_span(pos)
    before = {c for p, c in _countries_from(doc.text, lex, s, pos) if c not in ORGANISATIONS}
    if len(before) == 1:
        return before.pop()
    if _headline_line(doc.text, pos):
        return None                    # a link to another story: not about this document's state
    section = _section_country(doc, pos, lex)
    if section is not None:
        return section                 # `1. DENMARK:` above it in a roundup
    country = _most_served(served)
    if country is None:
        if not found:
            found.extend(_country_words(doc.text, lex))
        country = _first_named(found)
    return country


# A section label: a few words alone on their line or before a colon or a dash, after an
# optional number or markup (`1. DENMARK: "Buy, buy, buy"`, `LATVIA — budget`, `## Estonia`).
_SECTION_LABEL = re.compile(r"[ \t]*(?:#+[ \t]*|\d{1,2}[.)][ \t]*)?([^\W\d_][^\n:\u2014\u2013]{0,40}?)[ \t]*(?:[:\u2014\u2013]|\Z)")


def _section_labels(doc: Document, lex: Lexicon) -> tuple[list[int], list[str | None]]:
    """(line starts, the state each labels or None) of the document's label lines, when at
    least two of them name different states (a roundup by country); else none."""
    found = doc.derived.get("official_sections")
    if found is None:
        starts, states = [], []
        text = doc.text
        pos = 0
        for line in text.split("\n"):
            m = _SECTION_LABEL.match(line)
            if m and len(m.group(1).split()) <= 4:
                head = m.group(1)
                # a state's own name in any case: not an adjective, nor a city (`VILNIUS —`
                # opens a dateline, not a section on Lithuania)
                state = next((lex.countries[f] for f in (head, head.title(), head.capitalize())
                              if lex.countries.get(f) == f and f not in ORGANISATIONS), None)
                starts.append(pos)
                states.append(state)
            pos += len(line) + 1
        if len({s for s in states if s}) < 2:
            starts, states = [], []
        found = doc.derived["official_sections"] = (starts, states)
    return found


def _section_country(doc: Document, pos: int, lex: Lexicon) -> str | None:
    """The state that labels the section holding `pos`, in a document divided by state."""
    starts, states = _section_labels(doc, lex)
    i = bisect_right(starts, pos) - 1
    return states[i] if i >= 0 else None


def _headline_line(text: str, pos: int) -> bool:
    """The line holding `pos` is in Title Case (a headline): most of its words capitalised."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = text[lo:len(text) if hi == -1 else hi].split()
    if len(words) < 4:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _closes(text: str, pos: int) -> bool:
    """An appositive role phrase ends the clause: punctuation or end of text follows."""
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return (pos >= len(text) or text[pos] in ",.;:()\n–—\"”'’" or text.startswith(("who ", "whose "), pos)
            or _PORTFOLIO_TAIL.match(text, pos) is not None)


# A portfolio, a second title or a constituency after an appositive role: `X, the EU's commissioner for defence and
# space,`, `X, the congresswoman from Georgia,`, `X, Member of the Seimas and Chair of the Committee on National Security and Defence,`.
_PORTFOLIO_TAIL = re.compile(r"(?:for|of|and|from)(?:[ \t]+(?:[a-z][a-z-]*|[A-Z][a-z]+)){1,10}[ \t]*[,.;:()\n–—]")


def _anchors(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, words) of every role phrase, rank and known name, in text order."""
    out = []
    for m in lex.upper.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            continue
        key = m.group()
        if "  " in key or "\t" in key or "\u00a0" in key:     # (single spaces are the key already)
            key = " ".join(key.split())
        out.append((s, e, key))
    for m in lex.heads.finditer(text):
        hs, he = m.span()
        hs += 1                                    # (after the space)
        # The role may start up to three words before its head word: read the longest.
        starts = []
        k = hs
        for _ in range(3):
            k, word = _word_before(text, k)
            if not word or not word[0].islower():
                break
            starts.append(k)
        for k in [*reversed(starts), hs]:
            r = lex.lower_role_at.get().match(text, k)
            if r and r.end(1) >= he:
                out.append((k, r.end(1), " ".join(r.group(1).split())))
                break
    out.sort()
    return out


# `, who was the ` before a role phrase (the name before the comma holds or held it).
_WHO_WAS = re.compile(r",[ \t]+who[ \t]+(?:was|is|has[ \t]+been|had[ \t]+been|became|served[ \t]+as)"
                      r"[ \t]+(?:(?:the|a|an)[ \t]+)?\Z")

# ` was appointed ` before a role phrase: the name before the verb takes the office.
_APPOINTED = re.compile(
    r"[ \t]+(?:became|becomes|was[ \t]+(?:appointed|named|elected|re-elected|made|sworn[ \t]+in[ \t]+as)"
    r"|(?:has|have)[ \t]+been[ \t]+(?:appointed|named|elected)|took[ \t]+over[ \t]+as|served[ \t]+as"
    r"|serves[ \t]+as|is[ \t]+to[ \t]+become)(?:[ \t]+as)?[ \t]+(?:(?:the|a|an)[ \t]+)?\Z")
# The words _APPOINTED can end on (before an article): a cheap test before the search.
_APPOINTED_ENDS = frozenset("became becomes become appointed named elected re-elected made as".split())

# `deputy` before a minister's title (a qualifier of role_modifiers.tsv) makes a deputy minister.
_DEPUTY = re.compile(r"(?<![\w-])[Dd]eputy(?![\w-])")
_DEPUTY_ROLES = {"defence minister": "deputy defence minister", "foreign minister": "deputy foreign minister"}

# What must follow a role phrase for the `of`/`for`/`to` tail of `Lexicon.after` to match.
_MAY_TAIL = re.compile(r"[ \t\u00a0]+(?:of|for|to)[ \t\u00a0]").match


def _find_mentions(doc: Document, lex: Lexicon) -> tuple[list[Mention], list[tuple[int, int, str, str, str]]]:
    text = doc.text
    mentions: list[Mention] = []
    orphans: list[tuple[int, int, str, str, str]] = []   # (start, end, role, country, role_text)
    prev_s = prev_e = -1
    titled = set()          # spans of the names that titles and ranks found
    known_at = {}           # span -> mention of a name of one known official
    plain_match, known_forms, role_info = lex.after_plain.match, lex.known_forms, lex.role_info
    for s, e, key in _anchors(text, lex):
        if s == prev_s and e == prev_e:
            continue                   # (found twice: in text order, the same span is the one before)
        prev_s, prev_e = s, e
        ix = known_forms.get(key)
        if ix is not None:
            # The name of a title just read (`Defence Minister Arvydas Anušauskas`): the title's
            # mention is already this person (its words name this one known official), and wins
            # over this one; a second mention would only cost time. (A full name is never
            # extended to the left, so it starts at `s`.)
            if (s, e) in titled and len(ix) == 1 and " " in key:
                continue
            n_start = _known_start(text, s, key, ix, lex)
            if n_start < 0 or text.startswith((" Jr", " Sr"), e):   # `Donald Trump Jr.` is someone else
                continue
            same_words = n_start == s and len(ix) == 1
            if same_words and (s, e) in titled:
                continue
            m = Mention(n_start, e, text[n_start:e].split(), "official.known", None, None, None, -1, ix)
            mentions.append(m)
            if same_words:
                known_at[s, e] = m
            continue
        info = role_info.get(key)
        if info is None:
            info = role_info[key] = _role_info(key, lex)
        role_row, is_rank, role, role_country = info
        if role is None:
            continue
        if _MAY_TAIL(text, e):
            after = lex.after.get().match(text, e)
            prep, tail, rank, comma, name = after.groups()     # (the groups of `after`, in order)
            g_rank, g_name = 3, 5
        else:                                              # (no tail can follow: the same match)
            after = plain_match(text, e)
            rank, comma, name = after.groups()
            prep = tail = None
            g_rank, g_name = 1, 3
        end = e
        country = None
        if tail:
            if prep != "to":                               # `Ambassador to Lithuania`: not served
                found = _country_words(text, lex, after.start(2), after.end(2))
                country = found[0][1] if found else None
            end = after.end(2)
        if rank and not is_rank:
            end = after.end(g_rank)
        if rank and role_row is not None and role_row[1]:
            role = role_row[1]           # the role with a rank (`chief` + `Gen.`)
        if role == "commander" and tail and _WHOLE_FORCES.search(tail):
            role = "chief of defence"    # `Commander of the Lithuanian Armed Forces`
        if name:
            words = name.split()
            tokens = _take_left(words, lex)
        else:
            tokens = []
        if not tokens and not _may_have_left_context(text, s, lex):
            continue                                       # cheap exit: nothing to read here
        mod_start, left_country, det, context = _left_modifiers(text, s, lex)
        if (mod_start < s and role.endswith("minister") and not role.startswith("deputy")
                and _DEPUTY.search(text, mod_start, s)):
            role = _DEPUTY_ROLES.get(role, "deputy minister")   # `Deputy Interior Minister`
        country = country or left_country
        if country is None:
            country = role_country                         # NATO chief, Seimas member
        if country is None and context:
            country = _context_country(doc, mod_start, lex)
        role_text = text[mod_start:end]
        if tokens:
            ok = True
            if tail and sum(not t.endswith(".") for t in tokens) < 2:
                ok = False                                 # `for the National People's`: no name
            if ok and comma:
                # "the minister, Dovilė Šakalienė," : a full name closed by punctuation
                n_end = _span_of(text, after.start(g_name), tokens)
                ok = (det or left_country is not None) and sum(not t.endswith(".") for t in tokens) >= 2 \
                    and _closes(text, n_end) and text[n_end:n_end + 1] != "'"
            if ok:
                n_start = after.start(g_name)
                # (every word of the name read: it ends where they end)
                n_end = after.end(g_name) if len(tokens) == len(words) else _span_of(text, n_start, tokens)
                mentions.append(Mention(n_start, n_end, tokens, "official.rank" if is_rank else "official.title",
                                        role, role_text, country, mod_start))
                titled.add((n_start, n_end))
                continue
        if is_rank:
            continue
        # Name before: "Gabrielius Landsbergis, Minister of Foreign Affairs of Lithuania"
        left_end = mod_start
        k, word = _word_before(text, mod_start)
        if word.lower() in lex.modifiers and lex.modifiers[word.lower()] == "determiner":
            left_end = k
        lm = None
        # `Peter Hultqvist, who was minister for defence between 2014 and 2022`: a relative
        # clause is an appositive too, whatever follows the role
        who = _WHO_WAS.search(text, max(0, left_end - 40), left_end) if text[left_end - 1:left_end] == " " else None
        if who:
            left_end = who.start() + 1
        j = left_end
        while j > 0 and text[j - 1] in _SEPARATORS:
            j -= 1
        rule = "official.appositive"
        if j > 0 and text[j - 1] == "," and (who or _closes(text, end)):
            lm = lex.left_name.get().search(text, max(0, left_end - 80), left_end)
        elif not who and text[left_end - 1:left_end] == " " and text[left_end - 2:left_end - 1].isalpha():
            # `Jonas Petraitis was appointed defence minister`: the name is the verb's subject
            pred = _APPOINTED.search(text, max(0, left_end - 40), left_end)
            if pred:
                lm = lex.subject_name.get().search(text, max(0, pred.start() - 80), pred.start())
                rule = "official.predicate"
        if lm:
            words = _word_spans(text, lm.start(1), lm.end(1))
            tokens = _take_right([w for _, _, w in words], lex)
            if tokens:
                n_start, n_end = words[len(words) - len(tokens)][0], lm.end(1)
                k_prev, prev = _word_before(text, n_start)
                # `in Vilnius, the capital`: a place, not a person; but `according to X, ...` is
                if prev == "to" and _word_before(text, k_prev)[1].lower() == "according":
                    prev = ""
                if not (prev.islower() and prev in {"in", "at", "from", "to", "into", "near", "across",
                                                    "via", "outside", "inside", "of", "for", "with"}):
                    tail_m = _PORTFOLIO_TAIL.match(text, end + 1) if text[end:end + 1] == " " else None
                    if tail_m:   # the portfolio belongs to the role's words: `Minister of Digital ...`
                        role_text = text[mod_start:tail_m.end() - 1].rstrip()
                    # (the known name before it is this person, and would lose to this mention)
                    dup = known_at.pop((n_start, n_end), None)
                    if dup is not None:
                        del mentions[next(i for i, x in enumerate(mentions) if x is dup)]
                    mentions.append(Mention(n_start, n_end, tokens, rule,
                                            role, role_text, country, mod_start))
                    continue
        if left_country is not None and role not in ("official",):
            orphans.append((mod_start, end, role, left_country, role_text))
    return mentions, orphans


def _role_info(key: str, lex: Lexicon) -> tuple[tuple[str, str | None] | None, bool, str | None, str | None]:
    """(row of roles.tsv, is a rank, role, country the words name) of a role or rank anchor.
    Anchor keys are written with single spaces, so the lower-cased key is the lookup key."""
    low = key.lower()
    role_row = lex.roles.get(low)
    role = role_row[0] if role_row is not None else lex.ranks.get(low)
    return role_row, role_row is None and low in lex.ranks, role, lex.role_countries.get(low)


def _known_start(text: str, s: int, key: str, ix: tuple[int, ...], lex: Lexicon) -> int:
    """Where the mention of known name `key` at `s` starts: a surname alone takes the first
    name written before it; -1 when that first name is another's (`Melania Trump`)."""
    if " " in key or not s or text[s - 1] not in " \t\u00a0":
        return s                       # (speed: no word can stand just before it)
    k, prev = _word_before(text, s)
    if prev and prev[:1].isupper() and fold(prev).lower().rstrip(".") not in lex.blocked \
            and not (prev.endswith(".") and len(prev) > 2) and text[k:s].strip() == prev:
        if fold(prev)[:1] != fold(lex.known[ix[0]].name)[:1]:
            return -1
        return k
    return s


@cache
def _occupations() -> frozenset[str]:
    return frozenset(row[0] for row in load_tsv("occupations.tsv", 1))


def _near(doc: Document, lex: Lexicon, orphans, mentions: list[Mention]) -> list[Mention]:
    """A role phrase with a country and no name: the one full name in the rest of its sentence
    or the next sentence, when no other official is mentioned there."""
    text = doc.text
    out = []
    starts = doc.sentence_starts
    taken = sorted(m.start for m in mentions if m.role)
    for o_start, o_end, role, country, role_text in orphans:
        i = bisect_right(starts, o_end) - 1
        hi = starts[i + 2] if i + 2 < len(starts) else len(text)
        k = bisect_left(taken, o_end)
        if k < len(taken) and taken[k] < hi:
            continue
        found = []
        for m in lex.name_run.get().finditer(text, o_end, hi):
            words = _word_spans(text, m.start(), m.end())
            while words and not _good_token(words[0][2], lex):
                words = words[1:]
            toks = [w for _, _, w in words]
            if sum(not t.endswith(".") for t in toks) >= 2 and all(_good_token(t, lex) or t in _PARTICLE_SET for t in toks):
                start = words[0][0]
                if _word_before(text, start)[1].lower() in _occupations():
                    continue               # `Our correspondent Tom Reilly`: no office
                found.append(Mention(start, m.end(), toks, "official.near", role, role_text, country, o_start))
        if len(found) == 1:
            out.append(found[0])
    return out


# ---- people ---------------------------------------------------------------------------

def _given_ok(given: list[str], person: Person) -> bool:
    if not given or not person.given:
        return True
    g = fold(given[0]).lower().rstrip(".")
    for h in person.given:
        if g == h or (len(g) == 1 and h.startswith(g)) or (len(h) == 1 and g.startswith(h)):
            return True
    return False


def _split(tokens: list[str]) -> tuple[list[str], str]:
    sur = surname_of(" ".join(tokens))
    return tokens[: len(tokens) - len(sur.split())], sur


@lru_cache(maxsize=1 << 14)
def _name_parts(full: str) -> tuple[tuple[str, ...], str, frozenset[str]]:
    """(given names, surname key, folded given names) of a name written with single spaces."""
    given, sur = _split(full.split(" "))
    return (tuple(given), name_key(sur),
            frozenset(fold(g).lower().rstrip(".") for g in given if g not in _PARTICLE_SET))


def _known_of(tokens: list[str], lex: Lexicon) -> tuple[int, ...]:
    """The known official a written name is, if exactly one: full name or alias as written or
    without diacritics, else a surname that only one known official has, with a matching
    first name or initial when one is written."""
    full = " ".join(tokens)
    got = lex.known_cache.get(full)
    if got is not None:
        return got
    ix = lex.known_forms.get(full) or lex.known_forms.get(fold(full))
    if ix:
        got = ix if len(ix) == 1 else ()
    else:
        given, sur = _split(tokens)
        cands = lex.known_by_key.get(name_key(sur), ())
        if given:
            g = fold(given[0]).lower().rstrip(".")
            cands = tuple(i for i in cands if fold(lex.known[i].name).lower().startswith(g))
        got = cands if len(cands) == 1 else ()
    if len(lex.known_cache) > 100_000:      # bounded: names of arbitrary text
        lex.known_cache.clear()
    lex.known_cache[full] = got
    return got


def _group(mentions: list[Mention], lex: Lexicon) -> list[Person]:
    """Mentions of one person together: the same known official, or the same surname (up to
    diacritics and transliteration) with compatible first names."""
    people: list[Person] = []
    by_known: dict[int, Person] = {}          # (at most one person per known official)
    by_key: dict[str, list[Person]] = {}      # surname key -> people, in order of creation
    # In order of (start, -end): two stable sorts with C key functions (faster than a tuple key).
    ordered = sorted(mentions, key=_END, reverse=True)
    ordered.sort(key=_START)
    known_cache = lex.known_cache
    for m in ordered:
        full = " ".join(m.tokens)
        given, key, folded = _name_parts(full)
        known = m.known or known_cache.get(full) or _known_of(m.tokens, lex)
        person = by_known.get(known[0]) if known else None
        if person is None:
            for p in by_key.get(key, ()):
                if _given_ok(given, p) and not (known and p.known and p.known[0] != known[0]):
                    person = p
                    break
        if person is None:
            person = Person(key)
            people.append(person)
            by_key.setdefault(key, []).append(person)
        person.mentions.append(m)
        m.person = person
        person.given |= folded
        if known and not person.known:
            person.known = known
            by_known.setdefault(known[0], person)
    return people


def _office(k: Known, ref: date | None, role: str | None, country: str | None) -> Office | None:
    offices = list(k.offices)
    if role:
        offices = [o for o in offices if o.role == role or (role == "minister" and o.role.endswith("minister"))] or offices
    if country:
        offices = [o for o in offices if o.country == country] or offices
    if not offices:
        return None
    if ref is None:
        return max(offices, key=lambda o: o.start or date.min)
    held = [o for o in offices if (o.start or date.min) <= ref and (o.end is None or ref <= o.end)]
    if held:
        return max(held, key=lambda o: o.start or date.min)
    before = [o for o in offices if o.end is not None and o.end < ref]
    if before:
        return max(before, key=lambda o: o.end)
    return None


def _known_link(lex: Lexicon, i: int) -> tuple[set[str], set[str], set[str]]:
    """Surname keys, folded given names and search stems of known official `i` (cached)."""
    got = lex.link_cache.get(i)
    if got is None:
        k = lex.known[i]
        lasts, givens = set(), set()
        for full in (k.name, *k.aliases):
            words = full.split()
            lasts.add(words[-1])
            givens |= {fold(g).lower() for g in words[:-1]}
        got = ({name_key(w) for w in lasts}, givens,
               {_stem(w) for w in lasts} | {_stem(fold(w)) for w in lasts})
        lex.link_cache[i] = got
    return got


_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1 << 14)
def _stem(word: str) -> str:
    """What to look for to find `word` again however it is spelt: letters up to the first
    diacritic (`Anu` finds Anušauskas and Anusauskas), without a transliterated ending
    (`Zelensk` finds Zelensky, Zelenskyy, Zelenskiy)."""
    k = next((i for i, c in enumerate(word) if not c.isascii()), len(word)) or len(word)
    return word[: min(len(word), max(3, min(k, len(word) - 2)))]


def _later_mentions(text: str, person: Person, lex: Lexicon) -> list[Mention]:
    """Every other place the person's surname is written (diacritics or not, Zelensky or
    Zelenskyy), with first names or an initial before it when there are."""
    lasts = {m.tokens[-1] for m in person.mentions}
    givens = {fold(g).lower() for m in person.mentions for g in m.tokens[:-1]}
    keys = {name_key(w) for w in lasts}
    stems = {_stem(w) for w in lasts} | {_stem(fold(w)) for w in lasts}
    if person.known:
        k_keys, k_givens, k_stems = _known_link(lex, person.known[0])
        keys |= k_keys
        givens |= k_givens
        stems |= k_stems
    out = []
    found_ends = {m.end for m in person.mentions}    # already mentions: nothing to add
    for stem in stems:
        pos = text.find(stem)
        while pos != -1:
            m = _NAME_WORD.match(text, pos)
            end = m.end()
            if end not in found_ends and (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "-'’")) \
                    and name_key(m.group()) in keys:
                start = pos
                for _ in range(4):
                    k, prev = _word_before(text, start)
                    if not prev or text[k + len(prev):start] != " ":
                        break
                    p = fold(prev).lower()
                    if p in givens or prev in _PARTICLE_SET or (
                            len(p) == 2 and p[1] == "." and any(g[:1] == p[0] for g in givens)):
                        start = k
                    else:
                        break
                out.append(Mention(start, end, text[start:end].split(), "official.mention"))
                found_ends.add(end)
            pos = text.find(stem, end)
    return out


_RULE_RANK = {"official.known": 1, "official.mention": 2}


_START = attrgetter("start")
_END = attrgetter("end")


def _keep_longest(cands: list[Mention]) -> list[Mention]:
    """Overlapping mentions: the longer wins, then the one a rule found over a linked one."""
    # Speed: most documents have no overlap at all; then every mention is kept, in text order.
    cands.sort(key=_START)
    prev_s, prev_e = -1, -1
    for c in cands:
        s = c.start
        if s <= prev_s or s < prev_e:
            break
        prev_s, prev_e = s, c.end
    else:
        return cands
    cands.sort(key=lambda c: (c.start - c.end, _RULE_RANK.get(c.rule, 0), c.start))
    starts: list[int] = []
    ends: list[int] = []
    kept = []
    for c in cands:
        s, e = c.start, c.end
        i = bisect_right(starts, s)
        if (i and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        kept.append(c)
    kept.sort(key=_START)
    return kept


def _office_of(lex: Lexicon, i: int, ref: date | None, role: str | None, country: str | None) -> Office | None:
    """`_office` of known official `i`, cached (a pure function of its arguments)."""
    key = (i, ref, role, country)
    try:
        return lex.office_cache[key]
    except KeyError:
        pass
    if len(lex.office_cache) > 100_000:
        lex.office_cache.clear()
    got = lex.office_cache[key] = _office(lex.known[i], ref, role, country)
    return got


_NAMES_PORTFOLIO = re.compile(r"[Mm]inister[ \t]+(?:of|for)[ \t]")
_FORMER = re.compile(r"(?:the[ \t]+)?(?:former|ex-|ex[ \t]|then-|then[ \t])", re.I)


def _role_and_country(p: Person, doc: Document, lex: Lexicon) -> tuple[str | None, str | None, str | None]:
    """The most specific role the text states, the first country it states, and what the text
    leaves out from the office of the known-officials file at the reference date."""
    best = None
    country = None
    # A past office (`the former Dutch prime minister`) yields to a present one stated elsewhere.
    # (Speed: with no past office stated, that is every mention.)
    pool = p.mentions
    for m in pool:
        if m.role_text is not None and _FORMER.match(m.role_text):
            current = [m for m in pool if not _FORMER.match(m.role_text or "")]
            for c in current:
                if c.role:
                    pool = current
                    break
            break
    for m in pool:
        if m.role and (best is None or GENERIC_ROLES.get(m.role, 0) < GENERIC_ROLES.get(best.role, 0)
                       or (best.rule == "official.rank" and m.rule != "official.rank")):
            best = m
        if country is None and m.country:
            country = m.country
    role = best.role if best else None
    role_text = best.role_text if best else None
    if p.known:
        person = lex.known[p.known[0]]
        office = _office_of(lex, p.known[0], doc.reference_date, role, country)
        if office:
            # A bare generic title is made specific by the known office (`Minister X`), but not
            # one that names its own portfolio (`Minister of Digital Transformation`).
            if role is None or (role in GENERIC_ROLES and office.role != "official"
                                and (role == "official" or office.role.endswith("minister"))
                                and not (role_text is not None and _NAMES_PORTFOLIO.search(role_text))):
                role = office.role
            country = country or office.country
        elif country is None and person.offices:
            # Not in office at that date: the state served is still the one of the file, unless
            # it is an organisation (a NATO or EU post came after a national one).
            country = _office_of(lex, p.known[0], None, role, None).country
            if country in ORGANISATIONS:
                country = None
    return role, role_text, country


def _resolve(doc: Document, people: list[Person], lex: Lexicon) -> list[Fact]:
    text = doc.text
    known_forms = lex.known_forms
    cands: list[Mention] = []
    for p in people:
        cands += p.mentions
        if p.known:
            for m in p.mentions:
                if m.tokens[-1] not in known_forms:
                    break
            else:
                # (a known official written only in the file's spellings: the scan found them all)
                continue
        later = _later_mentions(text, p, lex)
        for m in later:
            m.person = p
        cands += later
    kept = _keep_longest(cands)
    with_values = []
    for p in people:
        if not p.known:
            for m in p.mentions:
                if m.role:
                    break
            else:
                continue               # no role stated, not a known official: not an official
        p.value = list(_role_and_country(p, doc, lex))
        with_values.append(p)
    if not with_values:
        return []
    # Coordination: "Budrys and Defense Minister Dovilė Šakalienė" share Budrys's country.
    # The same pass writes down each person's fullest written name.
    person_at_end = None
    out = []
    for m in kept:
        p = m.person
        v = p.value
        if v is None:
            continue
        written = text[m.start:m.end]
        toks = m.tokens
        n = len(toks)
        # Full words before initials (tokens ending with a dot; the written span holds the tokens)
        score = (n - sum(1 for t in toks if t[-1] == ".") if "." in written else n, n, not written.isascii())
        cur = p.name
        if cur is None or score > cur[0]:
            p.name = (score, " ".join(written.split()))
        out.append((m, written))
        if v[2] is None and m.role_start > 0:
            if person_at_end is None:
                person_at_end = {m.end: m.person for m in kept}
            for sep in (" and ", ", "):
                other = person_at_end.get(m.role_start - len(sep))
                if other is not None and other is not p and text.endswith(sep, 0, m.role_start):
                    ov = other.value
                    if ov and ov[2]:
                        v[2] = ov[2]
                        break
    # Still no country for a title: the state named before it in its sentence, or the one the
    # document is about (`Interior Minister X said` in a story about Lithuania).
    found: list = []                   # the country words of the whole text, read when needed
    served = None
    for p in with_values:
        v = p.value
        if v[2] is None:
            stated = [m for m in p.mentions if m.role]
            if stated:
                if served is None:
                    served = [q.value[2] for q in with_values if q.value[2]]
                v[2] = _country_from_context(doc, stated[0].role_start if stated[0].role_start >= 0
                                             else stated[0].start, found, served, lex)
    facts = []
    for m, written in out:
        p = m.person
        role, role_text, country = p.value
        facts.append(Fact("official", m.start, m.end, written,
                          {"name": p.name[1], "role": role, "role_text": role_text, "country": country},
                          m.rule))
    return facts


# `X, chairman of the Riigikogu's national defence committee,`: a committee chair of a
# parliament is a member of parliament. The pattern opens with the comma, so the scan skips
# other text at C speed; bounded, no nested repeats.
_COMMITTEE_CHAIR = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?:deputy[ \t]+|vice[- ])?(?:chair(?:man|woman|person)?|head)[ \t]+of[ \t]+the[ \t]+"
    r"(?P<body>[^,.;:()\n]{0,80}?)(?<![\w])[Cc]ommittee(?![\w])")
_PARLIAMENT_WORDS = ("parliament", "Seimas", "Saeima", "Riigikogu", "Sejm", "Bundestag", "Congress",
                     "Senate", "House", "Verkhovna Rada", "Rada", "Committee on")


# The commander of a country's whole armed forces is its chief of defence.
_WHOLE_FORCES = re.compile(r"(?:Armed|Defen[cs]e)[ \t]+Forces\Z")


def _committee_chairs(text: str, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    if "ommittee" not in text:
        return []
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _COMMITTEE_CHAIR.finditer(text):
        body = m.group("body")
        committee_end = m.end()
        # A parliamentary committee: named so, or "Committee on ..." (the parliaments' style).
        if not (any(w in body for w in _PARLIAMENT_WORDS) or text.startswith(" on ", committee_end)
                or "defence" in body.lower() or "defense" in body.lower() or "foreign affairs" in body.lower()):
            continue
        lm = lex.left_name.get().search(text, max(0, m.start() - 80), m.start() + 1)
        if not lm:
            continue
        words = _word_spans(text, lm.start(1), lm.end(1))
        tokens = _take_right([w for _, _, w in words], lex)
        if len(tokens) < 2:
            continue   # a full name only: `Stoicescu, chairman of ...` alone is too weak
        n_start, n_end = words[len(words) - len(tokens)][0], lm.end(1)
        if (n_start, n_end) in taken:
            continue
        found_c = _country_words(text, lex, m.start("body"), m.end("body"))
        country = found_c[0][1] if found_c else None
        role_start = m.start() + 1
        while text[role_start] in " \t":
            role_start += 1
        out.append(Mention(n_start, n_end, tokens, "official.committee", "member of parliament",
                           text[role_start:committee_end], country, role_start))
    return out


def find(doc: Document, lex: Lexicon | None = None) -> Iterable[Fact]:
    """Official mentions of `doc`, one person per name, every mention linked.

    >>> from lituania_facts.document import make_document
    >>> [(f.text, f["role"], f["country"]) for f in find(make_document(
    ...     "Lithuanian Defence Minister Arvydas Anušauskas met Ukrainian President Volodymyr Zelensky."))]
    [('Arvydas Anušauskas', 'defence minister', 'Lithuania'), ('Volodymyr Zelensky', 'president', 'Ukraine')]
    """
    lex = lex or lexicon()
    mentions, orphans = _find_mentions(doc, lex)
    mentions += _committee_chairs(doc.text, lex, mentions)
    if orphans:
        mentions += _near(doc, lex, orphans, mentions)
    if not mentions:
        return []
    return _resolve(doc, _group(mentions, lex), lex)
