"""`make bench`: how fast, on real news text and on pathological text.

One table: MB/s of each extractor alone (on documents already made), of making the documents
(reference date, sentences), of the whole pipeline (text in, facts out), and of writing the
facts as JSON Lines; a one-pass regex floor
(`re.finditer(r"\\d", text)`) over the same text in the same run and each row's ratio to
it; the pathological texts of the robustness tests; start-up (`facts --version`,
`facts --help`, median of 10); peak RSS; 1 vs 2 worker processes over files on disk.
The corpus is the seeds and tests/texts replicated to `--mb` MB, one document per copy.

    python -m lituania_facts.bench [--mb 10] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .document import make_document
from .extractors import finder
from .model import FACT_TYPES
from .api import BATCH_DOCUMENTS
from .pipeline import extract_document, extract_documents
from .render import dumps

PATHOLOGICAL = {
    "digit runs": "7" * 200 + " ",
    "1,1,1,...": "1," * 100 + " ",
    "currency symbols": "$€£ " * 50,
    "between between": "between " * 50,
    "capitalised runs": "Minister President General Anušauskas Defence Chief " * 10,
    "punctuation": "!?.,;:-–()[]" * 20,
}


def news_corpus(root: Path, megabytes: float) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/texts")
             for p in sorted((root / d).glob("*.txt"))]
    if not texts:
        sys.exit("bench: no seeds/*.txt found; run from the project's root")
    return replicate(texts, megabytes)


def replicate(texts: list[str], megabytes: float) -> list[str]:
    out, size = [], 0
    while size < megabytes * 1e6:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def mb_of(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def timed(fn, items) -> float:
    t0 = time.perf_counter()
    for x in items:
        fn(x)
    return time.perf_counter() - t0


def startup_ms(args: list[str], runs: int = 10) -> float:
    exe = shutil.which("facts") or str(Path(sys.executable).with_name("facts"))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def workers(texts: list[str], jobs: int) -> float:
    from .api import process_paths

    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, t in enumerate(texts):
            p = os.path.join(tmp, f"{i:06d}.txt")
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(t)
            names.append(p)
        t0 = time.perf_counter()
        for _ in process_paths(names, jobs=jobs):
            pass
        return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="news corpus size in MB (default 10)")
    ap.add_argument("--json", help="also write the figures to this file, for keeping a history")
    a = ap.parse_args(argv)

    texts = news_corpus(Path.cwd(), a.mb)
    one_seed = str(sorted(Path("seeds").glob("*.txt"))[0])
    mb = mb_of(texts)
    docs = [make_document(t, f"doc{i}.txt") for i, t in enumerate(texts)]
    extract_document(docs[0])   # warm up: compile patterns, load data files
    rows = []

    def row(what: str, seconds: float, size: float, n: int, floor: float | None):
        rows.append({"what": what, "seconds": round(seconds, 3), "mb_per_s": round(size / seconds, 2),
                     "docs_per_s": round(n / seconds), "x_floor": round(seconds / floor, 1) if floor else None})

    floor = timed(lambda d: sum(1 for _ in re.finditer(r"\d", d.text)), docs)
    row("regex floor \\d", floor, mb, len(docs), None)
    for t in FACT_TYPES:
        find = finder(t)
        # Alone: what extractors share on a document (doc.derived) is made afresh for each.
        row(t, timed(lambda d: (d.derived.clear(), list(find(d))), docs), mb, len(docs), floor)
    names = [f"doc{i}.txt" for i in range(len(texts))]
    row("documents (reference date, sentences)",
        timed(lambda i: make_document(texts[i], names[i]).sentence_starts, range(len(texts))), mb, len(docs), floor)
    # Text in, facts out: the document, every extractor, overlaps, doc names and sentences; in
    # batches as `facts extract` runs it (api.BATCH_DOCUMENTS), and one document at a time.
    batches = [range(i, min(i + BATCH_DOCUMENTS, len(texts))) for i in range(0, len(texts), BATCH_DOCUMENTS)]
    row("whole pipeline", timed(lambda b: extract_documents([make_document(texts[i], names[i]) for i in b]),
                                batches), mb, len(docs), floor)
    # The replicated corpus is dense in facts (tests/texts were written to hold many): the
    # five seed articles alone show the speed on real news, with about a third as many facts.
    seeds = replicate([p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt"))],
                      min(a.mb, 2.0))
    seed_batches = [seeds[i:i + BATCH_DOCUMENTS] for i in range(0, len(seeds), BATCH_DOCUMENTS)]
    row("whole pipeline, seed articles only",
        timed(lambda b: extract_documents([make_document(t, "seed.txt") for t in b]), seed_batches),
        mb_of(seeds), len(seeds), timed(lambda t: sum(1 for _ in re.finditer(r"\d", t)), seeds))
    row("whole pipeline, one document at a time",
        timed(lambda i: extract_document(make_document(texts[i], names[i])), range(len(texts))), mb, len(docs), floor)
    facts = [extract_document(d) for d in docs]
    row("JSON Lines output", timed(lambda fs: [dumps(f.to_dict()) for f in fs], facts), mb, len(docs), floor)
    for name, unit in PATHOLOGICAL.items():
        ptexts = replicate([unit * max(1, 2000 // len(unit))], 1.0)
        pfloor = timed(lambda t: sum(1 for _ in re.finditer(r"\d", t)), ptexts)
        row(f"pathological: {name}", timed(lambda t: extract_document(make_document(t, "p.txt")), ptexts),
            mb_of(ptexts), len(ptexts), pfloor)
    # Files on disk, read, extracted and returned (each worker also starts and compiles the
    # patterns: a few MB make that cost small).
    sample = texts[: max(1, int(len(texts) * min(1.0, 4.0 / a.mb)))]
    w1, w2 = workers(sample, 1), workers(sample, 2)
    size = mb_of(sample)
    row("files, --jobs 1", w1, size, len(sample), None)
    row("files, --jobs 2", w2, size, len(sample), None)

    result = {
        "corpus": {"documents": len(docs), "megabytes": round(mb, 2)},
        "rows": rows,
        "startup_ms": {"--version": round(startup_ms(["--version"])), "--help": round(startup_ms(["--help"])),
                       "extract one seed": round(startup_ms(["extract", one_seed, "-f", "jsonl"], runs=5))},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "speedup_2_workers": round(w1 / w2, 2),
    }
    print(f"news corpus: {len(docs)} documents, {mb:.1f} MB (seeds and tests/texts replicated), "
          f"{round(sum(map(len, facts)) / mb)} facts per MB")
    print(f"{'what':<42}{'seconds':>9}{'MB/s':>9}{'docs/s':>10}{'x floor':>9}")
    for r in rows:
        xf = f"{r['x_floor']:.1f}" if r["x_floor"] is not None else "-"
        print(f"{r['what']:<42}{r['seconds']:>9.2f}{r['mb_per_s']:>9.2f}{r['docs_per_s']:>10}{xf:>9}")
    print(f"start-up (median of 10): facts --version {result['startup_ms']['--version']} ms, "
          f"facts --help {result['startup_ms']['--help']} ms, "
          f"facts extract of one seed {result['startup_ms']['extract one seed']} ms")
    print(f"peak RSS {result['peak_rss_mb']} MB; 2 workers vs 1: {result['speedup_2_workers']}x")
    if a.json:
        Path(a.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
