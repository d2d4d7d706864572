"""Weapons: named systems and generic weapon mentions (FACTS.md section 2, `weapon`).

Data (documented in data/README-weapons.md):
  data/weapons.jsonl        named systems: name, aliases, category, origin, needs_context, any_case
  data/generic_weapons.tsv  generic terms: surface forms -> singular name, category, flag
  data/not_weapons.tsv      phrases that hide a weapon word (`think tank`, `drone maker`)

How a document is read, in one pass:
  1. The text is folded to one byte per character (`str.encode("ascii", "replace")`, so
     offsets do not move), lower-cased, and every character other than a-z, 0-9, `-`, `.`
     and `,` becomes a space (one `bytes.translate`).
  2. One regex, a trie of every alias, generic form and not-weapon phrase, is searched for
     at word starts (a space, then the trie); the trie is greedy, so the longest phrase
     starting at a word wins, and `think tank` hides `tank`.
  3. Each hit is checked against the original text: named aliases are case-sensitive
     (`Patriot` yes, `patriot` no), ambiguous names need weapon context
     (`needs_context`), and the span grows to the right over head words (`NASAMS
     medium-range air defence system`: one fact) and to the left over a quantity
     (`12 Krab howitzers`, `two launchers for the NASAMS`, quantity 12 / 2).

Rules (the `rule` field): `weapon.named`, `weapon.named_context` (accepted because of
context), `weapon.generic`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterable, Iterator

from ..document import Document
from ..errors import DataError
from ..lexicon import FOLD_ASCII, data_text, load_tsv, trie_alternation
from ..model import Fact

CATEGORIES = frozenset((
    "air_defence", "drone", "counter_drone", "tank", "armoured_vehicle", "artillery",
    "rocket_artillery", "missile", "anti_tank", "mine", "ammunition", "small_arms",
    "electronic_warfare", "aircraft", "helicopter", "naval", "sensor", "nuclear"))
GENERIC_FLAGS = frozenset(("-", "qty", "det"))

# ---- folding: one byte per character, offsets unchanged --------------------------------

def _cased_table() -> bytes:
    """lexicon.FOLD_ASCII, keeping capitals: "SAMP/T," -> b"SAMP T,"."""
    t = bytearray(FOLD_ASCII)
    for c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        t[c] = c
    return bytes(t)


_FOLD = FOLD_ASCII             # "SAMP/T," -> b"samp t,"
_CASED = _cased_table()        # "SAMP/T," -> b"SAMP T,"


def fold(s: str) -> bytes:
    """The matching key of a phrase: lower case, separators collapsed to one space.

    >>> fold("SAMP/T"), fold("David's Sling"), fold("Heckler & Koch G36")
    (b'samp t', b'david s sling', b'heckler koch g36')
    >>> fold("J.J. Abrams")
    b'j.j. abrams'
    """
    return b" ".join(s.encode("ascii", "replace").translate(_FOLD).split())


def _cased(s: str) -> bytes:
    return b" ".join(s.encode("ascii", "replace").translate(_CASED).split())


_cased_mention = lru_cache(maxsize=1 << 14)(_cased)   # per mention: news repeats the same names


def _spellings(form: str) -> list[str]:
    """`T-72` -> T-72, T 72, T72: a hyphen may also be written as a space or nothing."""
    out = [form]
    if "-" in form:
        out += [form.replace("-", " "), form.replace("-", "")]
    return out


# ---- the lexicon -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Entry:
    kind: str                      # "named", "generic" or "stop"
    name: str = ""
    category: str = ""
    cases: frozenset | None = None  # accepted cased spellings (None: any case)
    context: str | None = None     # None, "near" or "adjacent"
    flag: str = "-"                # generic: "-", "qty" or "det"
    allcaps: bool = False          # named: an ALL-CAPS spelling is accepted too


@dataclass(frozen=True)
class Lexicon:
    entries: dict                  # folded key (bytes) -> Entry
    scan: re.Pattern               # b" " + trie, searched over the folded text
    suffixed: frozenset            # keys that may take a model suffix (T-72 -> T-72B3)
    next_starts: dict              # name -> {b" " + first byte of each of its keys}


def _single_word(alias: str) -> bool:
    return alias.isalpha()


def _named_entries(add) -> int:
    text = data_text("weapons.jsonl")
    seen_names: set[str] = set()
    count = 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"data/weapons.jsonl:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"{where}: not JSON: {e.msg}") from None
        name, aliases, category = rec.get("name"), rec.get("aliases", []), rec.get("category")
        if not isinstance(name, str) or not name.strip():
            raise DataError(f"{where}: missing name")
        if category not in CATEGORIES:
            raise DataError(f"{where}: unknown category {category!r}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise DataError(f"{where}: aliases must be a list of non-empty strings")
        if name in seen_names:
            raise DataError(f"{where}: duplicate name {name!r}")
        seen_names.add(name)
        ctx = rec.get("needs_context", False)
        if ctx is True:
            ctx_aliases = {a for a in [name, *aliases] if _single_word(a)}
            mode = "near"
        elif ctx == "adjacent":
            ctx_aliases = {a for a in [name, *aliases] if _single_word(a)}
            mode = "adjacent"
        elif isinstance(ctx, list):
            ctx_aliases = set(ctx)
            unknown = ctx_aliases - {name, *aliases}
            if unknown:
                raise DataError(f"{where}: needs_context names unknown aliases {sorted(unknown)}")
            mode = "near"
        elif ctx is False or ctx is None:
            ctx_aliases, mode = set(), None
        else:
            raise DataError(f"{where}: needs_context must be true, \"adjacent\" or a list of aliases")
        any_case = bool(rec.get("any_case", False))
        for alias in dict.fromkeys([name, *aliases]):
            spellings = _spellings(alias)
            cases = None if any_case else frozenset(
                c for s in spellings for c in (_cased(s), _cased(s) + b"s"))
            entry = Entry("named", name, category, cases,
                          mode if alias in ctx_aliases else None,
                          allcaps=not ctx_aliases)
            for s in spellings:
                add(fold(s), entry, where, plural=True)
        count += 1
    return count


def _generic_entries(add) -> None:
    for row in load_tsv("generic_weapons.tsv", 4):
        forms, name, category, flag = row
        where = f"data/generic_weapons.tsv: {forms[:40]}"
        if category not in CATEGORIES:
            raise DataError(f"{where}: unknown category {category!r}")
        if flag not in GENERIC_FLAGS:
            raise DataError(f"{where}: unknown flag {flag!r}")
        for form in forms.split("|"):
            acronym = sum(c.isupper() for c in form) >= 2
            spellings = _spellings(form)
            cases = frozenset(_cased(s) for s in spellings) if acronym else None
            for s in spellings:
                add(fold(s), Entry("generic", name, category, cases, flag=flag), where)


def _stop_entries(add) -> None:
    for forms, _why in load_tsv("not_weapons.tsv", 2):
        for form in forms.split("|"):
            for s in _spellings(form):
                add(fold(s), Entry("stop"), "data/not_weapons.tsv", stop=True)


_TRIE_LIT = tuple(b" +" if b == 32 else re.escape(bytes([b])) for b in range(256))
_TRIE_END = -1     # a key ends at this node (sorts before every byte)


def _trie_regex(keys: Iterable[bytes], suffixed: frozenset) -> bytes:
    """A regex matching exactly `keys`, as a trie (each node branches on its next byte).

    A space in a key matches a run of spaces; a key in `suffixed` may be followed by a
    model suffix (`t-72` + `b3`). Alternatives at a node start with distinct bytes, so at
    most one can match and the greedy `?` makes the longest key win.

    Start-up: `_spellings` writes most designations three times (`t-72`, `t 72`, `t72`).
    Where a node's space, hyphen and no-separator continuations are the same subtree they
    are written once, `(?:(?: +|-|)<subtree>)`: the same matches, tried in the same order
    (the three alternatives open with different bytes, so at most one can go on; the model
    suffix alternative stays last), and a third less pattern for `re` to parse and compile.
    """
    root: dict = {}
    for k in keys:
        node = root
        for b in k:
            child = node.get(b)
            if child is None:
                child = node[b] = {}
            node = child
        node[_TRIE_END] = k in suffixed
    lit = _TRIE_LIT

    def emit(node: dict) -> bytes:
        order = sorted(node)
        ends = order[0] == _TRIE_END
        if ends:
            del order[0]
        alts = []
        spaced, hyphened = node.get(32), node.get(45)
        if (spaced is not None and spaced == hyphened and _TRIE_END not in spaced
                and all(node.get(b) == sub for b, sub in spaced.items())):
            inner = [lit[b] + emit(spaced[b]) for b in sorted(spaced)]
            alts.append(b"(?:(?: +|\\-|)" + (inner[0] if len(inner) == 1 else b"(?:" + b"|".join(inner) + b")") + b")")
            order = [b for b in order if b != 32 and b != 45 and b not in spaced]
        alts += [lit[b] + emit(node[b]) for b in order]
        if ends and node[_TRIE_END]:
            alts.append(rb"[a-z][a-z0-9]{0,5}")
        if not alts:
            return b""
        body = alts[0] if len(alts) == 1 else b"(?:" + b"|".join(alts) + b")"
        if ends:
            if len(alts) == 1 and len(body) > 1 and not body.startswith(b"(?:"):
                body = b"(?:" + body + b")"
            body += b"?"
        return body

    return emit(root)


@cache
def lexicon() -> Lexicon:
    entries: dict[bytes, Entry] = {}
    explicit: set[bytes] = set()
    plurals: list[tuple[bytes, Entry]] = []

    def add(key: bytes, entry: Entry, where: str, plural: bool = False, stop: bool = False) -> None:
        if not key:
            raise DataError(f"{where}: empty alias")
        old = entries.get(key)
        if old is not None and not stop:
            if old.kind != entry.kind or old.name != entry.name:
                raise DataError(f"{where}: {key.decode()!r} is claimed twice "
                                f"({old.name or old.kind} and {entry.name or entry.kind})")
            # `IRIS-T` and `Iris-T`: one key, both spellings accepted
            cases = None if old.cases is None or entry.cases is None else old.cases | entry.cases
            entry = Entry(old.kind, old.name, old.category, cases, old.context or entry.context,
                          old.flag, old.allcaps and entry.allcaps)
        entries[key] = entry
        explicit.add(key)
        if plural and key[-1:].isalnum() and not key.endswith(b"s"):
            plurals.append((key + b"s", entry))

    n = _named_entries(add)
    _generic_entries(add)
    _stop_entries(add)
    for key, entry in plurals:   # `F-16s`, `Leopards`: only where the plural is not a word of its own
        if key not in explicit:
            entries[key] = entry
    if n == 0:
        raise DataError("data/weapons.jsonl: no systems")
    suffixed = frozenset(k for k, e in entries.items() if e.kind == "named" and k[-1:].isdigit())
    pattern = b" (?:" + _trie_regex(entries, suffixed) + rb")(?![a-z0-9])"
    next_starts: dict[str, set] = {}
    for k, e in entries.items():
        next_starts.setdefault(e.name, set()).add(b" " + k[:1])
    return Lexicon(entries, re.compile(pattern), suffixed,
                   {name: frozenset(s) for name, s in next_starts.items()})


# ---- right of a mention: head words it absorbs ------------------------------------------

# e.g. "NASAMS| medium-range air defence system", "Bayraktar TB2| drone", "Abrams M1A2| tanks"
_MODIFIERS = (
    "short-range", "medium-range", "long-range", "mid-range", "very short-range", "extended-range",
    "self-propelled", "towed", "wheeled", "tracked", "surface-to-air", "surface-to-surface",
    "air-to-air", "air-to-surface", "anti-aircraft", "anti-ship", "anti-tank", "anti-drone",
    "anti-missile", "counter-drone", "counter-battery", "air defence", "air defense", "air-defence",
    "air-defense", "missile defence", "missile defense", "main battle", "multiple launch rocket",
    "multiple rocket", "rocket", "missile", "guided", "ballistic", "cruise", "hypersonic", "combat",
    "attack", "strike", "reconnaissance", "surveillance", "kamikaze", "loitering", "unmanned",
    "infantry fighting", "armoured", "armored", "personnel", "fighting", "tactical", "light",
    "heavy", "mobile", "portable", "man-portable", "shoulder-fired", "fighter", "multirole",
    "multi-role", "military", "artillery", "howitzer", "mortar", "naval", "coastal", "radar",
    "electronic warfare", "interceptor", "ground-based", "coastal defence", "coastal defense",
    "strategic", "stealth", "transport", "utility", "amphibious", "early warning", "early-warning", "awacs", "grenade", "machine",
    "sniper", "assault", "nuclear", "nuclear-capable", "mlrs", "sam", "manpads", "atgm", "ifv",
    "apc", "mbt", "uav", "drone", "tank", "helicopter", "anti-tank guided", "launch", "firing",
)
# heads any system may absorb: "HIMARS launchers", "Patriot missiles", "Leopard 2 tanks"
_HEADS_NAMED = (
    "system", "systems", "complex", "complexes", "launcher", "launchers", "battery", "batteries",
    "unit", "units", "missile", "missiles", "drone", "drones", "uav", "uavs", "tank", "tanks",
    "vehicle", "vehicles", "howitzer", "howitzers", "gun", "guns", "interceptor", "interceptors",
    "rocket", "rockets", "jet", "jets", "fighter", "fighters", "aircraft", "plane", "planes",
    "bomber", "bombers", "helicopter", "helicopters", "gunship", "gunships", "boat", "boats",
    "ship", "ships", "vessel", "vessels", "submarine", "submarines", "frigate", "frigates",
    "corvette", "corvettes", "destroyer", "destroyers", "radar", "radars", "carrier", "carriers",
    "apc", "apcs", "ifv", "ifvs", "mbt", "mbts", "mlrs", "rifle", "rifles", "weapon", "weapons",
    "platform", "platforms", "munition", "munitions", "round", "rounds", "shell", "shells",
    "ammunition", "warhead", "warheads", "bomb", "bombs", "kit", "kits", "torpedo", "torpedoes",
    "atgm", "atgms", "manpads", "mrap", "mraps", "icbm", "icbms", "class", "variant", "variants",
    "station", "stations", "model", "models", "capability", "capabilities",
)
# heads too weak to be weapon context for an ambiguous name ("the K9 unit", "a Tiger model")
_WEAK_HEADS = frozenset(b"unit units model models variant variants station stations capability "
                        b"capabilities platform platforms kit kits class".split())
# heads a generic term may absorb: "air defense capabilities", "anti-drone systems"
_HEADS_GENERIC = (
    "system", "systems", "complex", "complexes", "capability", "capabilities", "unit", "units",
    "battery", "batteries", "model", "models", "platform", "platforms", "equipment", "assets",
    "network", "networks", "umbrella", "shield", "means", "station", "stations", "launcher",
    "launchers",
)


def _alt(words: Iterable[str]) -> str:
    """The words as one alternation, a space matching a run of spaces; the longest word that
    lets the rest match wins. A prefix tree (`trie_alternation`) tries exactly the words a
    longest-first list would, in the same order (the words that match at one place are
    prefixes of each other), but the engine tests one branch per character instead of
    every word: the tails are matched once per mention."""
    return trie_alternation(set(words), space=" +")


def _tail(heads: tuple[str, ...]) -> re.Pattern:
    words = _alt((*_MODIFIERS, *heads))
    return re.compile(rf"(?: +(?:{words})(?![a-z0-9])){{0,4}} +(?:{_alt(heads)})(?![a-z0-9-])".encode())


_TAIL_NAMED = _tail(_HEADS_NAMED)
_TAIL_GENERIC = _tail(_HEADS_GENERIC)

# ---- left of a mention: a quantity, read backwards over the reversed folded text --------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "one thousand": 1000, "a dozen": 12, "one dozen": 12, "two dozen": 24, "three dozen": 36,
    "a pair of": 2, "a single": 1,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9}
_UNITS = ("unit", "units", "launcher", "launchers", "battery", "batteries", "system", "systems",
          "set", "sets", "piece", "pieces", "item", "items", "kit", "kits", "complex",
          "complexes", "pcs", "squadron", "squadrons", "round", "rounds", "shell", "shells")
_ADJECTIVES = (
    "additional", "more", "new", "brand-new", "used", "modern", "modernised", "modernized",
    "refurbished", "upgraded", "extra", "further", "second-hand", "surplus", "old", "older",
    "decommissioned", "operational", "serviceable", "donated", "promised", "pledged",
    "advanced", "heavy", "light", "american", "us", "german", "british", "french", "polish",
    "swedish", "norwegian", "soviet", "russian", "ukrainian", "lithuanian", "latvian",
    "estonian", "dutch", "danish", "finnish", "czech", "slovak", "italian", "spanish", "korean",
    "south korean", "turkish", "israeli", "canadian", "western", "iranian", "north korean",
)


def _rev_alt(words: Iterable[str]) -> str:
    """Reversed literal alternation, for the verbose prefix regex (a space: `[ ]+`); a
    prefix tree, as `_alt`."""
    return trie_alternation({w[::-1] for w in words}, space="[ ]+")


# Forward shape: QTY (UNIT of|for (the)?)? (ADJ ){0,3} (CALIBRE )? <weapon>, written reversed.
# e.g. "3 million units of ammunition", "two launchers for the NASAMS", "12 Krab howitzers",
#      "40 new CV90", "20,000 155mm shells", "a dozen drones"
_PREFIX = rf"""
    \ +
    (?:(?P<cal>(?:mm|mm-|mm\ |ertemillim-|retemillim-|ertemillim\ +|retemillim\ +)[0-9]{{2,3}})(?![0-9])\ +)?
    (?P<adj>(?:(?:{_rev_alt(_ADJECTIVES)}|edam-[a-z]+|tliub-[a-z]+|are-[a-z]+)\ +){{0,3}})
    (?:(?:eht\ +)?(?:fo|rof)\ +(?:{_rev_alt(_UNITS)})\ +)?
    (?:
        (?:(?P<scale>{_rev_alt(_SCALES)})\ +)?
        (?:(?P<num>(?:[0-9]{{3}},)+[0-9]{{1,3}}|[0-9]+(?:\.[0-9]+)?)
          |(?P<word>{_rev_alt(_NUMBER_WORDS)}))
        (?![a-z0-9.,]|[ ]+[0-9])       # "20 000": no quantity rather than a wrong one
    )?
""".encode()
# the last word of anything _PREFIX can match, reversed ("launchers for the" -> b"eht")
_PREFIX_TOKENS = frozenset(w.split()[-1][::-1].encode() for w in (
    *_NUMBER_WORDS, *_SCALES, *_UNITS, *_ADJECTIVES, "of", "for", "the", "mm"))
# _PREFIX is tried only where the word before the mention can end it: one of _PREFIX_TOKENS,
# a word starting with a digit, or `US-made`, `German-built`, `Soviet-era`. That test is a
# lookahead in front of it, so each mention costs one `match` and no Python-side slicing.
_QUANTITY_R = re.compile(
    rb"(?=[ ]++(?:" + trie_alternation({t.decode() for t in _PREFIX_TOKENS}).encode()
    + rb")(?![^ ])|[ ]++[^ ]*[0-9](?![^ ])|[ ]++(?:edam-|tliub-|are-))" + _PREFIX, re.X)
assert list(_QUANTITY_R.groupindex) == ["cal", "adj", "scale", "num", "word"]   # _left's m.groups()
_BLANKS = frozenset(" \t\n\u00a0")   # a quantity is read only across these
_GAP_PUNCT = re.compile(r"[^\w\s\-]")
_YEAR_R = re.compile(rb"[0-9]{2}(?:91|02)")     # 19xx, 20xx reversed: "In 2022 drones" has no quantity
_DETERMINERS = frozenset(b"a an the one each every another this that".split())

# ---- context for ambiguous names -------------------------------------------------------

_CONTEXT_WINDOW = 120
_CONTEXT = re.compile(rb"""(?<![a-z])(?:missile|rocket|launcher|drone|uav|tank|armou?r|howitzer
    |artillery|air[ -]defen[cs]e|anti-aircraft|anti-tank|anti-drone|weapon|munition|ammunition
    |shell|fighter|jet|warplane|aircraft|helicopter|warship|frigate|corvette|submarine|radar
    |interceptor|batter(?:y|ies)|manpads|atgm|mlrs|ifv|apc|infantry\ fighting|military\ aid
    |arsenal|shot\ down|intercept|army|troops|navy|air\ force|armed\ forces|sam\ |torpedo
    |bomb|warhead|nuclear|icbm|counter-battery|mortar|rifle|machine\ gun|sniper|firepower)""", re.X)


def _quantity(num: bytes | None, word: bytes | None, scale: bytes | None) -> int | float | None:
    """The value of _QUANTITY_R's groups (each reversed), e.g. b"000,02" -> 20000."""
    if num:
        value = float(num[::-1].replace(b",", b""))
    elif word:
        value = _NUMBER_WORDS[" ".join(word[::-1].decode().split())]
    else:
        return None
    if scale:
        value *= _SCALES[scale[::-1].decode()]
    return int(value) if value == int(value) else value


def _left(text: str, n: int, start: int, m: re.Match) -> tuple[int, int | float | None]:
    """Where the mention really starts, and its quantity: `12 Krab` -> (start of 12, 12).

    `m` is _QUANTITY_R matched on the folded text reversed, at the blank before the
    mention: text index t is rev index n - 1 - t, so it reads leftwards from the mention.
    """
    cal, _adj, scale, num, word = m.groups()
    if num or word:
        number = 4 if num else 5          # the group's number in _QUANTITY_R
        new_start = n - m.end()
        # between the number and the weapon: no punctuation ("In 2022, drones") and no
        # money or percentage before or after it ("$6 million drones", "30% drones")
        after = text[n - m.start(number):start]
        before = text[new_start - 1] if new_start > 0 else " "
        year = num and _YEAR_R.fullmatch(num)
        if not _GAP_PUNCT.search(after) and before not in "$€£¥₴₽" and not year:
            return new_start, _quantity(num, word, scale)
    if cal:
        return n - m.end(1), None
    return start, None


def find(doc: Document) -> Iterator[Fact]:
    """Weapon facts of `doc`, in document order, never two for one span.

    >>> from lituania_facts.document import make_document
    >>> [(f.text, f["name"], f["quantity"]) for f in find(make_document(
    ...     "Lithuania sent two launchers for the NASAMS air defence system and 12 Krab howitzers."))]
    [('two launchers for the NASAMS air defence system', 'NASAMS', 2), ('12 Krab howitzers', 'Krab', 12)]
    """
    text = doc.text
    if not text:
        return
    lex = lexicon()
    folded = doc.folded()    # shared with the number-word scan of money and percentages
    entries = lex.entries
    next_starts = lex.next_starts
    rev: bytes | None = None
    n = len(text)
    last_end = 0      # end of the last fact or not-weapon phrase: nothing may overlap it
    last_fact = -1    # end of the last fact
    for m in lex.scan.finditer(folded):
        start, end = m.span()        # folded has one leading space: folded[i + 1] == text[i]
        if start < last_end or (start and text[start - 1].isalnum()):   # "Anušauskas"
            continue
        end -= 1
        key = folded[start + 1:end + 1]
        entry = entries.get(key)
        if entry is None:
            if b"  " in key:
                key = b" ".join(key.split())
                entry = entries.get(key)
            if entry is None:
                entry, key = _strip_suffix(key, entries, lex.suffixed)
                if entry is None:
                    continue
        kind = entry.kind
        if kind == "stop":
            last_end = end
            continue
        if entry.cases is not None and not _case_ok(entry, text, start, end, key):
            # A longer alias failed on case (`a Bradley fighting vehicle` is not the alias
            # `Bradley Fighting Vehicle`): the shorter aliases it starts with may still fit.
            while b" " in key:
                key = key.rsplit(b" ", 1)[0]
                end = start + len(key)
                entry = entries.get(key)
                if entry is not None and entry.kind != "stop" and _case_ok(entry, text, start, end, key):
                    break
            else:
                continue
            kind = entry.kind
        if kind == "generic" and entry.flag == "det" and not _after_determiner(folded, start + 1):
            continue
        if kind == "named" and _number_compound(text, end, key):
            continue
        while end < n and text[end].isalnum():   # a non-ASCII letter ends the word: "Akıncı"
            end += 1
        if kind == "named":
            # "AH-64E Apache", "Abrams M1A2": one system, one fact. Tried only where the
            # next word starts like one of this system's keys (the scan needs " " + key).
            if folded[end + 1:end + 3] in next_starts[entry.name]:
                nxt = lex.scan.match(folded, end + 1)
                if nxt and entries.get(nxt.group()[1:]) is not None and \
                        entries[nxt.group()[1:]].name == entry.name:
                    end = nxt.end() - 1
            tail = _TAIL_NAMED.match(folded, end + 1)
        else:
            tail = _TAIL_GENERIC.match(folded, end + 1)
        if tail:
            end = tail.end() - 1
        qstart, qty = start, None
        if start and text[start - 1] in _BLANKS:
            if rev is None:
                rev = folded[::-1]   # with folded's leading space at its end
            q = _QUANTITY_R.match(rev, n - start)
            if q:
                qstart, qty = _left(text, n, start, q)
                if qstart < last_end:   # never reach back into the previous fact
                    qstart, qty = start, None
        if kind == "generic":
            if entry.flag == "qty" and (qty is None and qstart == start
                                        or folded.startswith(b" of ", end + 1)):
                continue
            rule = "weapon.generic"
        elif entry.context is not None and qty is None and not (
                tail and tail.group().rsplit(None, 1)[-1] not in _WEAK_HEADS):
            if entry.context == "adjacent":
                continue
            lo = max(0, start - _CONTEXT_WINDOW)
            if not (last_fact > lo                      # another weapon just before
                    or _CONTEXT.search(folded, lo, start + 1)
                    or _CONTEXT.search(folded, end + 1, end + 1 + _CONTEXT_WINDOW)):
                continue
            rule = "weapon.named_context"
        else:
            rule = "weapon.named"
        last_end = last_fact = end
        yield Fact("weapon", qstart, end, text[qstart:end],
                   {"name": entry.name, "generic": kind == "generic",
                    "category": entry.category, "quantity": qty},
                   rule)


def _case_ok(entry, text: str, start: int, end: int, key: bytes) -> bool:
    """Is the mention written in one of the entry's cases (`Patriot`, not `patriot`)?"""
    if entry.cases is None:
        return True
    cased = _cased_mention(text[start:end])[:len(key)]
    return cased in entry.cases or (entry.allcaps and cased.isupper() and len(cased) >= 4
                                    and cased.lower() == key)


def _number_compound(text: str, end: int, key: bytes) -> bool:
    """`A 10-year contract`: a one-letter designation written with a space (`A-10` as
    `A 10`) whose digits run on into a hyphenated word is an article and a number
    compound (`10-year`, `50-strong`), not the system. `A-10-style` and `Leopard 2-based` stay."""
    return (key[1:2] == b" " and text[end - 1:end].isdigit() and text[end:end + 1] == "-"
            and text[end + 1:end + 2].islower())


def _after_determiner(folded: bytes, pos: int) -> bool:
    """Is the word before folded[pos] an article or determiner? (`a mine`, not `of mine`)"""
    j = pos - 1
    while j > 0 and folded[j - 1] == 32:
        j -= 1
    i = folded.rfind(b" ", 0, j)
    return folded[i + 1:j] in _DETERMINERS


def _strip_suffix(key: bytes, entries: dict, suffixed: frozenset) -> tuple[Entry | None, bytes]:
    """`t-72b3` -> the entry of `t-72` (a model suffix after a designation ending in a digit)."""
    for i in range(len(key) - 1, 0, -1):
        if key[i - 1:i].isdigit() and key[:i] in suffixed:
            return entries[key[:i]], key[:i]
    return None, key
