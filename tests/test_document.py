"""Decoding as the scorer reads files, reference-date detection, sentences."""
from __future__ import annotations

from datetime import date

import pytest

from lituania_facts.document import decode, detect_reference_date, read_document, sentence_starts
from lituania_facts.errors import SkippedDocument


@pytest.mark.parametrize("text, expected, source", [
    (" date 2023-02-28 Russia's victory would put the region at risk.", date(2023, 2, 28), "header"),
    ("---\ntitle: Aid\ndate: 2024-05-06\n---\nText.", date(2024, 5, 6), "front_matter"),
    ("2022.12.30 09:38\nVilnius sends aid.", date(2022, 12, 30), "dateline"),
    ("27. September 2024 - 16:38\nVilnius sends aid.", date(2024, 9, 27), "dateline"),
    ("Source: Xinhua 2018-03-21 02:47:58\nText.", date(2018, 3, 21), "dateline"),
    ("VILNIUS, March 5, 2024\nThe minister said.", date(2024, 3, 5), "dateline"),
    ("RIGA, Feb. 14, 2025 (LETA) – Latvia has signed a contract worth EUR 350 million for "
     "infantry fighting vehicles, the defence minister announced on Thursday.", date(2025, 2, 14), "dateline"),
    ("Lithuania said on March 4, 2025 – unexpectedly – that it would buy more drones and other "
     "equipment for the army in the coming years.", None, None),
    ("Lithuania urges stronger alliance\n\nOn November 22, 2023 the army said a lot of things "
     "about many other things that make this line long enough to be prose and not a dateline.",
     None, None),
    ("Plain text with no date at all.", None, None),
    (" date 2023-02-31 impossible date", None, None),
    # found by fuzzing: a misspelt month the pattern lets through must not crash
    ("KYIV, 14 Sepember 2025 (Ukrinform) – drones struck the refinery.", date(2025, 9, 14), "dateline"),
])
def test_reference_date(text, expected, source):
    assert detect_reference_date(text) == (expected, source)


def test_crlf_and_lone_cr_become_newlines_like_read_text():
    text, enc, _ = decode(b"a\r\nb\rc\n", "x.txt")
    assert (text, enc) == ("a\nb\nc\n", "utf-8")


def test_utf8_bom_is_kept_as_the_scorer_keeps_it():
    text, _, _ = decode("\ufeffEUR".encode("utf-8"), "x.txt")
    assert text == "\ufeffEUR"


def test_utf16_with_bom():
    text, enc, _ = decode("Šakalienė €5".encode("utf-16"), "x.txt")
    assert (text, enc) == ("Šakalienė €5", "utf-16")


def test_cp1252_fallback_warns():
    text, enc, warnings = decode("Café £5 €6".encode("cp1252"), "x.txt")
    assert (text, enc) == ("Café £5 €6", "cp1252")
    assert warnings and "x.txt" in warnings[0] and "not UTF-8" in warnings[0]


def test_binary_is_skipped():
    with pytest.raises(SkippedDocument, match="binary"):
        decode(b"PK\x03\x04\x00\x00binary", "a.zip.txt")


def test_read_document_uses_the_given_reference_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2023-02-28 text", encoding="utf-8")
    assert read_document(str(p)).reference_date == date(2023, 2, 28)
    doc = read_document(str(p), reference_date=date(2020, 1, 1))
    assert (doc.reference_date, doc.reference_source) == (date(2020, 1, 1), "user")


def test_sentences_do_not_break_after_titles_and_initials():
    text = "Lt. Gen. Rupšys met V. Zelenskyy in Kyiv. The U.S. President spoke. Then they left."
    starts = sentence_starts(text)
    assert [text[s:e].strip() for s, e in zip(starts, starts[1:] + [len(text)])] == [
        "Lt. Gen. Rupšys met V. Zelenskyy in Kyiv.", "The U.S. President spoke.", "Then they left."]
