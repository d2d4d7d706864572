"""`facts show` (a document with its facts marked) and `facts summary` (across documents)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from .api import DocumentResult
from .evaluate import fold
from .model import Fact
from .render import COLOURS, value_summary

LABEL_STYLE = "dim"


def show_text(doc_text: str, facts: list[Fact], colour: bool):
    """The document as Rich Text: each mention styled by type and followed by its value.

    Without colour, mentions are marked `[mention]{type: value}` so they still stand out.
    """
    from rich.text import Text

    out = Text()
    pos = 0
    for f in facts:
        if f.start < pos:   # never overlapping after the pipeline; defensive
            continue
        out.append(doc_text[pos:f.start])
        label = f"{f.type}: {value_summary(f)}"
        if colour:
            out.append(f.text, style=f"bold {COLOURS[f.type]} underline")
            out.append(f" ⟨{value_summary(f)}⟩", style=LABEL_STYLE)
        else:
            out.append(f"[{f.text}]{{{label}}}")
        pos = f.end
    out.append(doc_text[pos:])
    return out


def legend(types: Iterable[str], colour: bool):
    from rich.text import Text

    t = Text("legend: ")
    for fact_type in types:
        t.append(fact_type, style=f"bold {COLOURS[fact_type]}" if colour else "")
        t.append("  ")
    if not colour:
        t.append("(marked [mention]{type: value})")
    return t


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def person_key(name: str) -> str:
    """Surname folded, transliteration endings merged: Zelensky/Zelenskyy/Zelenskiy -> zelensky."""
    from .extractors.officials import name_key

    words = fold(name).split()
    return name_key(words[-1]) if words else ""


def _fullness(name: str) -> tuple[int, int]:
    """Longer names win; at equal length the one with diacritics (the native spelling)."""
    return len(name), sum(not c.isascii() for c in name)


def summarize(results: Iterable[DocumentResult]) -> dict:
    """Aggregate facts across documents: officials, money, percentages, timeline, weapons."""
    people: dict[str, dict] = {}
    money: dict[str, dict] = {}
    shares: dict[str, list] = defaultdict(list)
    timeline: Counter = Counter()
    weapons: dict[str, dict] = {}
    n_docs = n_facts = 0
    for r in results:
        if r.document is None:
            continue
        n_docs += 1
        n_facts += len(r.facts)
        doc = _base(r.name)
        for f in r.facts:
            v = f.values
            if f.type == "official":
                key = person_key(v.get("name") or f.text)
                p = people.setdefault(key, {"name": v.get("name") or f.text, "roles": set(),
                                            "countries": set(), "documents": set(), "variants": set()})
                if _fullness(v.get("name") or "") > _fullness(p["name"]):
                    p["name"] = v["name"]
                p["variants"].update({v.get("name") or f.text, f.text})
                p["roles"].update({v.get("role")} - {None})
                p["countries"].update({v.get("country")} - {None})
                p["documents"].add(doc)
            elif f.type == "money":
                cur = v.get("currency") or "?"
                m = money.setdefault(cur, {"count": 0, "min": None, "max": None, "total": 0.0, "largest": []})
                amount = v["amount"]
                m["count"] += 1
                m["min"] = amount if m["min"] is None else min(m["min"], amount)
                m["max"] = amount if m["max"] is None else max(m["max"], amount)
                m["total"] += amount
                m["largest"].append((amount, f.text, doc))
            elif f.type == "percentage":
                shares[v.get("of") or "(unstated)"].append({"value": v["value"], "value_max": v.get("value_max"),
                                                           "unit": v["unit"], "text": f.text, "doc": doc})
            elif f.type == "date" and v.get("kind") == "date" and v.get("value") and not v["value"].startswith("X"):
                timeline[v["value"][:4]] += 1
            elif f.type == "weapon":
                cat = weapons.setdefault(v["category"], {"mentions": 0, "systems": {}, "generic": Counter()})
                cat["mentions"] += 1
                if v.get("generic"):
                    cat["generic"][v["name"]] += 1
                else:
                    s = cat["systems"].setdefault(v["name"], {"mentions": 0, "documents": set(), "quantity": 0})
                    s["mentions"] += 1
                    s["documents"].add(doc)
                    s["quantity"] += v.get("quantity") or 0
    for m in money.values():
        m["largest"] = [{"amount": a, "text": t, "doc": d}
                        for a, t, d in sorted(m["largest"], key=lambda x: (-x[0], x[2], x[1]))[:3]]
    return {
        "documents": n_docs,
        "facts": n_facts,
        "officials": sorted(({"name": p["name"], "roles": sorted(p["roles"]), "countries": sorted(p["countries"]),
                              "documents": len(p["documents"]), "variants": sorted(p["variants"])}
                             for p in people.values()), key=lambda p: (-p["documents"], fold(p["name"]))),
        "money": {c: money[c] for c in sorted(money)},
        "percentages": {k: shares[k] for k in sorted(shares)},
        "timeline": dict(sorted(timeline.items())),
        "weapons": {c: {"mentions": w["mentions"],
                        "systems": {n: {"mentions": s["mentions"], "documents": len(s["documents"]),
                                        "quantity": s["quantity"] or None}
                                    for n, s in sorted(w["systems"].items())},
                        "generic": dict(sorted(w["generic"].items()))}
                    for c, w in sorted(weapons.items())},
    }


def render_summary(summary: dict, console) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text(f"{summary['documents']} documents, {summary['facts']} facts", style="bold"))
    def table(title: str, *columns: str) -> Table:
        console.print()
        console.print(Text(title, style="bold"))
        t = Table()
        for col in columns:
            t.add_column(col, overflow="fold")
        return t

    t = table("Officials", "name", "role", "country", "docs", "also written")
    for p in summary["officials"]:
        t.add_row(Text(p["name"]), Text(", ".join(p["roles"]) or "?"), Text(", ".join(p["countries"]) or "?"),
                  str(p["documents"]), Text(", ".join(v for v in p["variants"] if v != p["name"])))
    console.print(t)

    t = table("Money by currency", "currency", "mentions", "min", "max", "largest mention")
    for cur, m in summary["money"].items():
        top = m["largest"][0]
        t.add_row(cur, str(m["count"]), f"{m['min']:,.0f}", f"{m['max']:,.0f}",
                  Text(f"{top['text']} ({top['doc']})"))
    console.print(t)

    t = table("Percentages, by what they are a share of", "share of", "values")
    for of, items in summary["percentages"].items():
        vals = ", ".join(f"{i['value']:g}" + (f"–{i['value_max']:g}" if i["value_max"] is not None else "")
                         + ("pp" if i["unit"] == "percentage_point" else "%") for i in items)
        t.add_row(Text(of), Text(vals))
    console.print(t)

    if summary["timeline"]:
        t = table("Timeline of resolved dates (per year)", "year", "mentions")
        peak = max(summary["timeline"].values())
        for year, n in summary["timeline"].items():
            t.add_row(year, Text("█" * max(1, round(20 * n / peak)) + f" {n}", style="yellow"))
        console.print(t)

    t = table("Weapons by category", "category", "mentions", "named systems (docs, quantity)", "generic")
    for cat, w in summary["weapons"].items():
        systems = ", ".join(f"{n} ({s['documents']}" + (f", ×{s['quantity']})" if s["quantity"] else ")")
                            for n, s in w["systems"].items())
        t.add_row(cat, str(w["mentions"]), Text(systems), Text(", ".join(w["generic"])))
    console.print(t)
