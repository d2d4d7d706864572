"""`facts eval`: precision, recall and F1 per category against a gold file (FACTS.md section 3).

The gold format is the one of ../shared/gold/seeds.json: a list of documents, each with
`doc` (file name), lists per category (`money`, `percentage`, `date`, `duration`,
`official`, `weapon_system`, `weapon_category`) and an `optional` block of items that are
neither rewarded nor punished. Facts are compared as unique keys per document.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .lexicon import fold_diacritics

CATEGORIES = ("money", "percentage", "date", "duration", "official", "weapon_system", "weapon_category")
def fold(s: str | None) -> str:
    """Diacritics and case folded, punctuation to spaces: 'Šakalienė' -> 'sakaliene'."""
    s = fold_diacritics(s or "").lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def _num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _date_text(text: str | None) -> str:
    t = " ".join((text or "").lower().split())
    while True:
        for p in ("on ", "in ", "the "):
            if t.startswith(p):
                t = t[len(p):]
                break
        else:
            return t


def keys(category: str, item: dict) -> list:
    """The comparison keys of one fact or gold item for `category`."""
    if category == "money":
        return [("money", _num(a), item.get("currency"))
                for a in (item.get("amount"), item.get("amount_max")) if _num(a) is not None]
    if category == "percentage":
        unit = item.get("unit") or "percent"
        return [("percentage", round(_num(v), 6), unit)
                for v in (item.get("value"), item.get("value_max")) if _num(v) is not None]
    if category == "duration":
        return [("duration", item.get("value") if item.get("value") is not None else _date_text(item.get("text")))]
    if category == "date":
        if item.get("value") is None:
            return [("date", "text:" + _date_text(item.get("text")))]
        return [("date", str(v)) for v in (item.get("value"), item.get("value_end")) if v]
    raise ValueError(category)


def _same(a, b) -> bool:
    if a[0] == "money" == b[0]:
        return a[2] == b[2] and abs(a[1] - b[1]) <= 0.001 * max(abs(a[1]), abs(b[1]), 1e-9)
    return a == b


def _match(gold: list, pred: list, optional: list, same=_same) -> tuple[int, list, list]:
    gold, pred = list(dict.fromkeys(gold)), list(dict.fromkeys(pred))
    pred = [p for p in pred if not any(same(p, o) for o in optional)]
    used, fp = set(), []
    for p in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and same(p, g)), None)
        if hit is None:
            fp.append(p)
        else:
            used.add(hit)
    return len(used), [g for i, g in enumerate(gold) if i not in used], fp


def _person_match(name: str, person: dict) -> bool:
    names = [person["name"], *person.get("aliases", [])]
    last = (fold(name).split() or [""])[-1]
    return fold(name) in {fold(n) for n in names} or last in {(fold(n).split() or [""])[-1] for n in names}


def _system_match(name: str, system: dict) -> bool:
    return fold(name) in {fold(n) for n in [system["name"], *system.get("aliases", [])]}


def _match_named(gold: list[dict], names: list[str], optional: list[dict], matches):
    names = [n for n in dict.fromkeys(names) if not any(matches(n, o) for o in optional)]
    used, pairs, fp = set(), {}, []
    for n in names:
        hit = next((i for i, g in enumerate(gold) if matches(n, g)), None)
        if hit is None:
            fp.append(n)
        elif hit not in used:
            used.add(hit)
            pairs[hit] = n
    return len(used), [g["name"] for i, g in enumerate(gold) if i not in used], fp, pairs


def score(gold_docs: list[dict], facts_by_doc: dict[str, list[dict]],
          texts: dict[str, str] | None = None) -> dict:
    totals = {c: {"gold": 0, "pred": 0, "tp": 0} for c in CATEGORIES}
    role = [0, 0]
    country = [0, 0]
    offset_errors, details = [], []
    for g in gold_docs:
        doc, opt = g["doc"], g.get("optional", {})
        facts = facts_by_doc.get(doc, [])
        text = (texts or {}).get(doc)
        if text is not None:
            offset_errors += [f"{doc}: {f['type']} {f['text']!r} at {f['start']}:{f['end']}"
                              for f in facts if text[f["start"]:f["end"]] != f["text"]]
        of_type = {t: [f for f in facts if f["type"] == t] for t in ("money", "percentage", "date", "official", "weapon")}
        pred = {
            "money": [k for f in of_type["money"] for k in keys("money", f)],
            "percentage": [k for f in of_type["percentage"] for k in keys("percentage", f)],
            "date": [k for f in of_type["date"] if f.get("kind") != "duration" for k in keys("date", f)],
            "duration": [k for f in of_type["date"] if f.get("kind") == "duration" for k in keys("duration", f)],
        }
        for c in ("money", "percentage", "date", "duration"):
            gk = [k for item in g.get(c, []) for k in keys(c, item)]
            ok = [k for item in opt.get(c, []) for k in keys(c, item)]
            tp, fn, fp = _match(gk, pred[c], ok)
            totals[c]["gold"] += len(dict.fromkeys(gk))
            totals[c]["pred"] += tp + len(fp)
            totals[c]["tp"] += tp
            details += [[doc, c, "missed", str(k)] for k in fn] + [[doc, c, "spurious", str(k)] for k in fp]

        people = g.get("official", [])
        names = [f.get("name") or f["text"] for f in of_type["official"]]
        tp, fn, fp, pairs = _match_named(people, names, opt.get("official", []), _person_match)
        totals["official"]["gold"] += len(people)
        totals["official"]["pred"] += tp + len(fp)
        totals["official"]["tp"] += tp
        details += [[doc, "official", "missed", n] for n in fn] + [[doc, "official", "spurious", n] for n in fp]
        for i in pairs:
            person = people[i]
            said = [f for f in of_type["official"] if _person_match(f.get("name") or f["text"], person)]
            for field, tally in (("role", role), ("country", country)):
                if person.get(field):
                    tally[1] += 1
                    got = {f.get(field) for f in said} - {None}
                    if got == {person[field]}:
                        tally[0] += 1
                    else:
                        details.append([doc, "official", field, f"{person['name']}: {sorted(got)} != {person[field]}"])

        systems = g.get("weapon_system", [])
        opt_systems = [{"name": s} if isinstance(s, str) else s for s in opt.get("weapon_system", [])]
        named = [f.get("name") or f["text"] for f in of_type["weapon"] if f.get("generic") is False]
        tp, fn, fp, _ = _match_named(systems, named, opt_systems, _system_match)
        totals["weapon_system"]["gold"] += len(systems)
        totals["weapon_system"]["pred"] += tp + len(fp)
        totals["weapon_system"]["tp"] += tp
        details += [[doc, "weapon_system", "missed", n] for n in fn] + [[doc, "weapon_system", "spurious", n] for n in fp]

        gc = list(dict.fromkeys(g.get("weapon_category", [])))
        tp, fn, fp = _match(gc, [f["category"] for f in of_type["weapon"] if f.get("category")],
                            opt.get("weapon_category", []), lambda a, b: a == b)
        totals["weapon_category"]["gold"] += len(gc)
        totals["weapon_category"]["pred"] += tp + len(fp)
        totals["weapon_category"]["tp"] += tp
        details += [[doc, "weapon_category", "missed", k] for k in fn] + [[doc, "weapon_category", "spurious", k] for k in fp]

    def prf(t):
        p = t["tp"] / t["pred"] if t["pred"] else (1.0 if not t["gold"] else 0.0)
        r = t["tp"] / t["gold"] if t["gold"] else (1.0 if not t["pred"] else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {**t, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    return {"categories": {c: prf(totals[c]) for c in CATEGORIES},
            "role_accuracy": round(role[0] / role[1], 4) if role[1] else None,
            "country_accuracy": round(country[0] / country[1], 4) if country[1] else None,
            "offset_errors": offset_errors, "details": details}


def evaluate_paths(gold_path: str, paths: list[str]) -> dict:
    """Extract from `paths` and score against the gold file (matched by file name)."""
    from .api import extract_paths

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if not isinstance(gold, list):
        raise ValueError("a gold file is a JSON list of documents")
    facts_by_doc: dict[str, list[dict]] = {}
    texts: dict[str, str] = {}
    for r in extract_paths(paths):
        if r.document is None:
            continue
        base = os.path.basename(r.name)
        texts[base] = r.document.text
        facts_by_doc[base] = [f.to_dict() for f in r.facts]
    return score(gold, facts_by_doc, texts)


def format_report(report: dict) -> str:
    lines = [f"{'category':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for c, r in report["categories"].items():
        lines.append(f"{c:<16}{r['gold']:>6}{r['pred']:>6}{r['tp']:>6}"
                     f"{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}")
    lines.append(f"role accuracy {report['role_accuracy']}   country accuracy {report['country_accuracy']}"
                 f"   offset errors {len(report['offset_errors'])}")
    lines += [f"offset error: {e}" for e in report["offset_errors"][:20]]
    return "\n".join(lines)
