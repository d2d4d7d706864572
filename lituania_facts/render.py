"""Facts to bytes (json, jsonl, csv) and to Rich tables. Renderers never extract."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from .api import DocumentResult
from .model import FIELDS, Fact

CSV_COLUMNS = ["doc", "type", "start", "end", "text",
               *dict.fromkeys(k for fields in FIELDS.values() for k in fields), "sentence", "rule"]


# One encoder for every line: `json.dumps` with any option builds a new one per call, which
# cost more than the encoding itself (~10,000 facts per MB of news).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dumps(obj) -> str:
    return _ENCODE(obj)


def write_jsonl(results: Iterable[DocumentResult], out: IO[str], explain: bool = False):
    encode = _ENCODE
    for r in results:
        if r.facts:
            out.write("".join([encode(f.to_dict(explain)) + "\n" for f in r.facts]))
        yield r


def document_header(r: DocumentResult) -> dict:
    doc = r.document
    return {"doc": r.name,
            "reference_date": doc.reference_date.isoformat() if doc and doc.reference_date else None,
            "reference_source": doc.reference_source if doc else None,
            "encoding": doc.encoding if doc else None,
            "error": r.error.problem if r.error else None}


def write_json(results: Iterable[DocumentResult], out: IO[str], explain: bool = False):
    """`{"documents": [{doc, reference_date, ..., facts: [...]}]}`, streamed one document at a time."""
    out.write('{"documents": [')
    first = True
    for r in results:
        body = {**document_header(r), "facts": [f.to_dict(explain) for f in r.facts]}
        out.write(("\n  " if first else ",\n  ") + dumps(body))
        first = False
        yield r
    out.write("\n]}\n" if not first else "]}\n")


def write_csv(results: Iterable[DocumentResult], out: IO[str], explain: bool = False):
    columns = CSV_COLUMNS if explain else CSV_COLUMNS[:-1]
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in results:
        for f in r.facts:
            w.writerow({k: ("" if v is None else v) for k, v in f.to_dict(explain).items()})
        yield r


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")


def value_summary(f: Fact) -> str:
    """The normalized value of a fact, for people."""
    v = f.values
    if f.type == "money":
        s = f"{v.get('currency') or '?'} {_num(v['amount'])}"
        if v.get("amount_max") is not None:
            s += f" – {_num(v['amount_max'])}"
    elif f.type == "percentage":
        s = f"{v['value']:g}" + (f"–{v['value_max']:g}" if v.get("value_max") is not None else "")
        s += " pp" if v.get("unit") == "percentage_point" else " %"
        if v.get("of"):
            s += f" of {v['of']}"
    elif f.type == "date":
        s = v.get("value") or "unresolved"
        if v.get("value_end"):
            s += f" → {v['value_end']}"
        if v.get("kind") == "duration":
            s = f"duration {s}"
    elif f.type == "official":
        s = " · ".join(x for x in (v.get("name"), v.get("role") or "role?", v.get("country") or "country?") if x)
    else:
        s = f"{v.get('name')} [{v.get('category')}]"
        if v.get("generic"):
            s += " (generic)"
        if v.get("quantity") is not None:
            s += f" ×{v['quantity']}"
    if v.get("qualifier"):
        s += f" ({v['qualifier']})"
    return s


COLOURS = {"money": "green", "percentage": "cyan", "date": "yellow", "official": "magenta",
           "weapon": "red"}


def table_rows(facts: list[Fact]) -> list[tuple[Fact, int]]:
    """Facts for the table: an official once per document (first mention, mention count)."""
    rows: list[tuple[Fact, int]] = []
    officials: dict[str, int] = {}
    for f in facts:
        if f.type == "official":
            key = f.values.get("name") or f.text
            if key in officials:
                fact, n = rows[officials[key]]
                rows[officials[key]] = (fact, n + 1)
                continue
            officials[key] = len(rows)
        rows.append((f, 1))
    return rows


def write_table(results: Iterable[DocumentResult], console, explain: bool = False):
    from rich.table import Table
    from rich.text import Text

    for r in results:
        if r.error and not r.document:
            yield r
            continue
        doc = r.document
        ref = doc.reference_date.isoformat() if doc and doc.reference_date else "none"
        title = Text(f"{r.name}  (reference date: {ref}, {len(r.facts)} facts)", style="bold")
        console.print(title)
        table = Table(expand=False, show_lines=False)
        table.add_column("type", no_wrap=True)
        table.add_column("text", overflow="fold")
        table.add_column("value", overflow="fold")
        table.add_column("at", justify="right", no_wrap=True)
        if explain:
            table.add_column("rule", no_wrap=True)
        for f, n in table_rows(r.facts):
            text = f.text if n == 1 else f"{f.text} (+{n - 1} mentions)"
            # Text objects: a "[" in a document is text, never Rich markup.
            cells = [Text(f.type, style=COLOURS[f.type]), Text(text), Text(value_summary(f)),
                     Text(str(f.start))]
            if explain:
                cells.append(Text(f.rule))
            table.add_row(*cells)
        console.print(table)
        yield r
