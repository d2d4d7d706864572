"""`make bench`: throughput of each extractor and of the whole pipeline on real news text.

The corpus is the seeds (and tests/texts, when present) replicated to at least 5 MB, one
document per copy. Also a one-pass regex floor (`re.finditer(r"\\d", text)`) over the same
text, to show how far the pipeline is from the cheapest possible scan.

    python -m lituania_facts.bench [--mb 5] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from .document import make_document
from .model import FACT_TYPES
from .pipeline import extract_document


def corpus(root: Path, megabytes: float) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/texts")
             for p in sorted((root / d).glob("*.txt"))]
    if not texts:
        sys.exit("bench: no seeds/*.txt found; run from the project's root")
    out, size = [], 0
    while size < megabytes * 1e6:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def timed(fn, docs) -> float:
    t0 = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args(argv)
    texts = corpus(Path.cwd(), a.mb)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    docs = [make_document(t, f"doc{i}.txt") for i, t in enumerate(texts)]
    extract_document(docs[0])   # warm up: compile patterns, load data files
    rows = []
    floor = timed(lambda d: sum(1 for _ in re.finditer(r"\d", d.text)), docs)
    rows.append(("regex floor (\\d)", floor))
    for t in FACT_TYPES:
        rows.append((t, timed(lambda d: extract_document(d, (t,)), docs)))
    rows.append(("whole pipeline", timed(extract_document, docs)))
    result = {"documents": len(docs), "megabytes": round(mb, 2), "rows": []}
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB (seeds replicated)")
    print(f"{'what':<20}{'seconds':>9}{'MB/s':>9}{'docs/s':>10}{'x floor':>9}")
    for name, secs in rows:
        fresh = name != "regex floor (\\d)"
        row = {"what": name, "seconds": round(secs, 3), "mb_per_s": round(mb / secs, 1),
               "docs_per_s": round(len(docs) / secs), "times_floor": round(secs / floor, 1)}
        result["rows"].append(row)
        print(f"{name:<20}{secs:>9.2f}{mb / secs:>9.1f}{len(docs) / secs:>10.0f}"
              f"{(secs / floor if fresh else 1):>9.1f}")
    if a.json:
        Path(a.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
