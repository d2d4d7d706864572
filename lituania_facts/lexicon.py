"""Load the data files in lituania_facts/data (read once, cached) and build patterns from them.

TSV files: a `# FORMAT: ...` comment first, `#` comments, blank lines ignored, TAB-separated
cells. JSONL files: one JSON object per line. Malformed rows raise DataError naming
`data/<file>:<line>`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Iterable

from .errors import DataError


def data_text(name: str) -> str:
    return resources.files("lituania_facts").joinpath("data", name).read_text(encoding="utf-8")


def _fold_table() -> bytes:
    table = bytearray(b" " * 256)
    for c in b"abcdefghijklmnopqrstuvwxyz0123456789-.,":   # `.` `,` kept for 1.5 and 20,000
        table[c] = c
    for c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[c] = c + 32
    return bytes(table)


FOLD_ASCII = _fold_table()


def fold_ascii(text: str) -> bytes:
    """`text` as one byte per character, for fast scans: ASCII letters lower-cased, digits and
    `-.,` kept, everything else (other ASCII, any non-ASCII character) a space; one leading
    space, so `fold_ascii(text)[i + 1]` stands for `text[i]` and a scan can open with ` `.

    >>> fold_ascii("Šakalienė: €6.5M")
    b'  akalien    6.5m'
    """
    return b" " + text.encode("ascii", "replace").translate(FOLD_ASCII)


@cache
def load_tsv(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of `data/<name>`, each exactly `columns` non-empty cells (trailing ones may be empty
    only when written as an explicit empty cell)."""
    rows = []
    for n, line in enumerate(data_text(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != columns:
            raise DataError(f"data/{name}:{n}: expected {columns} TAB-separated cells, got {len(cells)}")
        if not cells[0]:
            raise DataError(f"data/{name}:{n}: empty first cell")
        rows.append(cells)
    return tuple(rows)


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    rows = []
    for n, line in enumerate(data_text(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"data/{name}:{n}: not JSON: {e.msg}") from None
        if not isinstance(row, dict):
            raise DataError(f"data/{name}:{n}: expected a JSON object")
        row["_line"] = n
        rows.append(row)
    return tuple(rows)


def alternation(words: Iterable[str], flexible_space: bool = True) -> str:
    """A regex alternation of literal `words`, longest first so `bn` wins over `b`.

    With `flexible_space`, a space in a word matches any run of spaces/tabs/NBSP and a
    hyphen also matches a space or an en dash (`TB-2`, `TB 2`).
    """
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        e = re.escape(w)
        if flexible_space:
            e = e.replace("\\ ", r"[ \t\u00a0]+")
        out.append(e)
    return "|".join(out) if out else r"(?!x)x"


@lru_cache(maxsize=None)
def _escape(ch: str) -> str:
    # Cached: big tries escape the same few hundred characters tens of thousands of times.
    return re.escape(ch)


def trie_alternation(words: Iterable[str], *, space: str | None = None, end: str = "") -> str:
    """Literal `words` as a prefix tree (`b(?:illion|n)?`): the same matches as a longest-first
    alternation, but the regex engine tries one branch per character instead of one per
    word, which is several times faster over long texts.

    `space`: a pattern for a space inside a word (e.g. any run of blanks); `end`: a pattern
    that must follow every word (longer words still win, by backtracking).

    >>> trie_alternation(["jan", "june", "july", "ju"])
    'j(?:an|u(?:ly|ne)?)'
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(space if space and ch == " " else _escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return end
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:   # a word may stop here
            if end:
                return "(?:" + body + "|" + end + ")"
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(root) or r"(?!x)x"


_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                             "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


@lru_cache(maxsize=1 << 16)
def fold_diacritics(s: str) -> str:
    """Letters without diacritics, case kept: `Šakalienė` -> `Sakaliene`, `Suwałki` -> `Suwalki`."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD_EXTRA))
    return "".join(c for c in s if not unicodedata.combining(c))
