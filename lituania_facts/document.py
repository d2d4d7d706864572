"""Documents: decoding files the way the scorer reads them, reference dates, sentences.

Decoding follows `Path.read_text(encoding="utf-8")` (what score.py does), so offsets agree:
universal newlines (`\\r\\n` and lone `\\r` become `\\n`) and a UTF-8 BOM kept as U+FEFF.
A file that is not valid UTF-8 is decoded as cp1252 (the WHATWG fallback, a superset of
Latin-1's printable range, with `€` at 0x80) and a warning names it. UTF-16 with a BOM is
decoded as such. NUL bytes, or mostly undecodable bytes, mean binary: the file is skipped.
"""
from __future__ import annotations

import bisect
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .errors import SkippedDocument, UnreadableDocument

FALLBACK_ENCODING = "cp1252"
# A newline-free stretch is read whole; this only bounds what a single read may allocate.
MAX_BYTES = 512 * 1024 * 1024


# Signatures of files that are often misnamed .txt in scraped corpora.
BINARY_MAGIC = ((b"%PDF-", "PDF"), (b"PK\x03\x04", "zip archive"), (b"\x89PNG", "PNG image"),
                (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip archive"),
                (b"BZh", "bzip2 archive"), (b"7z\xbc\xaf", "7z archive"), (b"Rar!", "RAR archive"),
                (b"\x7fELF", "executable"), (b"\xd0\xcf\x11\xe0", "MS Office document"))


@dataclass
class Document:
    """A decoded text with what the extractors need to know about it."""

    name: str
    text: str
    reference_date: date | None = None
    reference_source: str | None = None   # "user", "header", "front_matter", "dateline"
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    # What extractors derive from the text and share (the folded text, where numbers start),
    # computed once per document; emptied when its facts are done (pipeline.finish_document).
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def folded(self) -> bytes:
        """`lexicon.fold_ascii(self.text)`, made once for the scans that read it."""
        folded = self.derived.get("folded")
        if folded is None:
            from .lexicon import fold_ascii
            folded = self.derived["folded"] = fold_ascii(self.text)
        return folded

    @cached_property
    def sentence_starts(self) -> list[int]:
        return sentence_starts(self.text)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding character `pos`."""
        starts = self.sentence_starts
        i = bisect.bisect_right(starts, pos) - 1
        s = starts[i] if i >= 0 else 0
        e = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return s, e

    def sentence(self, pos: int) -> str:
        s, e = self.sentence_span(pos)
        return self.text[s:e].strip()


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """bytes -> (text, encoding, warnings); raises SkippedDocument for binary data."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalize_newlines(data.decode("utf-16")), "utf-16", warnings
        except UnicodeDecodeError:
            raise SkippedDocument(name, "binary file (invalid UTF-16 after a UTF-16 BOM), skipped") from None
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            raise SkippedDocument(name, f"binary file ({kind}), skipped")
    head = data[:65536]
    nuls = head.count(0)
    if nuls > max(2, len(head) // 100) and (utf16 := _bomless_utf16(data)):
        return normalize_newlines(utf16[0]), utf16[1], warnings
    if nuls > max(2, len(head) // 100):
        raise SkippedDocument(name, "binary file (NUL bytes), skipped")
    if nuls:   # a few stray NULs in text: kept, so offsets stay exact
        warnings.append(f"{name}: contains NUL bytes, read as text")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as e:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        encoding = FALLBACK_ENCODING
        if _looks_binary(text):
            raise SkippedDocument(name, "binary file (mostly undecodable bytes), skipped") from None
        warnings.append(f"{name}: not UTF-8 (byte 0x{data[e.start]:02x} at {e.start}), "
                        f"decoded as {FALLBACK_ENCODING}")
    return normalize_newlines(text), encoding, warnings


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: ASCII letters leave NULs at every other byte."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    encoding = "utf-16-le" if odd > 0.6 * half and even == 0 else (
        "utf-16-be" if even > 0.6 * half and odd == 0 else None)
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for c in sample if c == "\ufffd" or (c < " " and c not in "\t\n\r\f"))
    return bad / len(sample) > 0.05


def read_document(path: str, reference_date: date | None = None) -> Document:
    """Read one file (or `-` for stdin) into a Document with its reference date."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                # Sized by the file: read(MAX_BYTES + 1) would allocate that much first (~45 µs).
                size = os.fstat(fh.fileno()).st_size
                data = fh.read(size + 1) if 0 < size <= MAX_BYTES else b""
                if len(data) > size or not data:   # growing, special or empty: read on
                    data += fh.read(MAX_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise UnreadableDocument(path, "no such file (vanished?)") from None
    except IsADirectoryError:
        raise UnreadableDocument(path, "is a directory") from None
    except PermissionError:
        raise UnreadableDocument(path, "permission denied") from None
    except OSError as e:
        raise UnreadableDocument(path, e.strerror or str(e)) from None
    if len(data) > MAX_BYTES:
        raise SkippedDocument(path, f"larger than {MAX_BYTES // 2**20} MiB, skipped")
    text, encoding, warnings = decode(data, path)
    return make_document(text, path, reference_date, encoding=encoding, warnings=warnings)


def make_document(text: str, name: str = "-", reference_date: date | None = None,
                  encoding: str = "utf-8", warnings: list[str] | None = None) -> Document:
    """A Document from text already decoded; the reference date is detected unless given."""
    if reference_date is not None:
        ref, source = reference_date, "user"
    else:
        ref, source = detect_reference_date(text)
    return Document(name=name, text=text, reference_date=ref, reference_source=source,
                    encoding=encoding, warnings=warnings or [])


# ---- reference date -------------------------------------------------------

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], 1) for m in names}
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

HEADER_RE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b")
FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n(.{0,4000}?)\n---[ \t]*(?:\n|\Z)", re.S)
FRONT_DATE_RE = re.compile(r"^date[ \t]*:[ \t]*[\"']?(\d{4})-(\d{2})-(\d{2})", re.M | re.I)
# A full date on a dateline: numeric (Y-M-D, Y.M.D, D.M.Y) or with a month name.
DATELINE_DATE_RE = re.compile(
    r"(?<!\d)(?:(?P<y1>\d{4})[-./](?P<m1>\d{1,2})[-./](?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})"
    rf"|(?P<d3>\d{{1,2}})\.?\s+(?P<mn3>{_MONTH_RE})\s+(?P<y3>\d{{4}})"
    rf"|(?P<mn4>{_MONTH_RE})\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}}))(?!\d)",
    re.I)
# A wire dateline opens the story's first paragraph: `RIGA, Feb. 14, 2025 (LETA) – Latvia ...`.
WIRE_PLACE_RE = re.compile(r"[ \t]*[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3},[ \t]+")
WIRE_AFTER_RE = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[–—-]")
DATELINE_MAX_LINES = 5
DATELINE_MAX_EXTRA_WORDS = 6   # clock time, place or source name beside the date


def _safe_date(y: str, m: str | int, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _dateline_match(m: re.Match) -> date | None:
    g = m.groupdict()
    if g["y1"]:
        return _safe_date(g["y1"], g["m1"], g["d1"])
    if g["y2"]:
        return _safe_date(g["y2"], g["m2"], g["d2"])
    # By the first three letters: the pattern also lets through `Sepember` (sep-t?-ember).
    if g["y3"]:
        return _safe_date(g["y3"], _MONTHS[g["mn3"][:3].lower()], g["d3"])
    return _safe_date(g["y4"], _MONTHS[g["mn4"][:3].lower()], g["d4"])


_DIGIT_RUN_RE = re.compile(r"\d+")


def _dateline_search(line: str, endpos: int) -> re.Match | None:
    """`DATELINE_DATE_RE.search(line, 0, endpos)`, tried only where a match can start: at a
    run of digits, or 3 to 10 characters (a month name) before the blanks before one. A
    search tries every position, which made a dateless document cost ~100 µs (speed)."""
    starts: set[int] = set()
    for d in _DIGIT_RUN_RE.finditer(line, 0, endpos):
        q = d.start()
        starts.add(q)
        w = q
        while w > 0 and line[w - 1].isspace():
            w -= 1
        if w < q:
            starts.update(range(max(0, w - 10), max(0, w - 2)))
    match = DATELINE_DATE_RE.match
    for p in sorted(starts):
        m = match(line, p, endpos)
        if m:
            return m
    return None


def detect_reference_date(text: str) -> tuple[date | None, str | None]:
    """FACTS.md order: a ` date YYYY-MM-DD` header, front matter `date:`, then a dateline."""
    m = HEADER_RE.match(text)
    if m and (d := _safe_date(*m.groups())):
        return d, "header"
    fm = FRONT_MATTER_RE.match(text)
    if fm and (m := FRONT_DATE_RE.search(fm.group(1))) and (d := _safe_date(*m.groups())):
        return d, "front_matter"
    lines = [ln for ln in text[:2000].split("\n", 12)[:12] if ln.strip()][:DATELINE_MAX_LINES]
    for line in lines:
        m = _dateline_search(line, 120)
        if not m:
            continue
        rest = (line[:m.start()] + " " + line[m.end():])
        words = re.findall(r"[^\W\d_]{2,}", rest)
        wire = WIRE_PLACE_RE.fullmatch(line, 0, m.start()) and WIRE_AFTER_RE.match(line, m.end())
        if (len(words) <= DATELINE_MAX_EXTRA_WORDS or wire) and (d := _dateline_match(m)):
            return d, "dateline"
    return None, None


# ---- sentences ------------------------------------------------------------

# A sentence ends at . ! ? (plus closing quotes/brackets) before white space, or at a line break.
_SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[^\W_a-z])|(?<=\n)\n*)")
# (It opens with one character class, never an alternation: the regex engine then skips
# to candidate characters at C speed, about ten times faster.)
_ABBREVIATIONS = (
    "mr mrs ms dr prof gen lt col maj capt cpt sgt adm st no vs jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s u.k e.g i.e etc inc corp ltd jr sr rep sen gov pres min dept").split()
# The word before a full stop that does not end a sentence: a title, a month, an initial.
_ABBREVIATION_BEFORE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
    + r"|[^\W\d_])\Z", re.I)


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END_RE.finditer(text):
        k = m.start()
        if text[k] == "." and _ABBREVIATION_BEFORE.search(text, max(0, k - 6), k):
            continue   # "Gen. Rupšys", "V. Zelenskyy": not a sentence end
        starts.append(m.end())
    return starts
