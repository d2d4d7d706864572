"""The `facts` command: parses options, calls the library, renders, maps errors to exit codes.

Exit codes: 0 success (also with no facts), 1 some input could not be read or processed
(the rest is still printed), 2 usage error (bad option or value, missing path),
130 interrupted.
"""
from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from typing import List, Optional

from . import __version__
from .errors import ExitCode

EXIT_CODES_HELP = ("Exit codes: 0 success (also when nothing is found), 1 some input could not "
                   "be read or processed (the rest is still printed), 2 usage error, 130 interrupted.")


def main() -> None:
    """Console entry point; `--version` answers before Typer and Rich are imported."""
    if sys.argv[1:] == ["--version"]:
        print(f"facts {__version__}")
        return
    try:
        app = build_app()
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write("facts: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitCode.SUCCESS)


def _silence_stdout() -> None:
    """After the reader of our stdout left, point it at /dev/null so the final flush at
    exit cannot raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _err(console, message: str) -> None:
    from rich.text import Text

    console.print(Text(f"facts: {message}"), soft_wrap=True, highlight=False)


def parse_types(option: str | None) -> tuple[str, ...]:
    import typer

    from .model import FACT_TYPES

    if not option:
        return FACT_TYPES
    types = tuple(t.strip() for t in option.split(",") if t.strip())
    bad = [t for t in types if t not in FACT_TYPES]
    if bad:
        raise typer.BadParameter(f"unknown type {bad[0]!r}; choose from {', '.join(FACT_TYPES)}",
                                 param_hint="--type")
    return types


def _parse_date(value: str | None) -> date | None:
    import typer

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)",
                                 param_hint="--reference-date") from None


TYPE_HELP = "Comma-separated fact types to keep: money, percentage, date, official, weapon (default: all)."


def build_app():
    import typer

    # Plain Click help and errors: Rich-formatted help costs ~90 ms of imports at start-up.
    app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                      rich_markup_mode=None,
                      context_settings={"help_option_names": ["-h", "--help"]},
                      help="Facts from defence and security news: money, percentages, dates, "
                           "officials and weapons systems, normalized.\n\n" + EXIT_CODES_HELP)

    def version_callback(value: bool):
        if value:
            typer.echo(f"facts {__version__}")
            raise typer.Exit()

    @app.callback()
    def _root(version: bool = typer.Option(False, "--version", callback=version_callback,
                                           is_eager=True, help="Show the version and exit.")):
        pass

    @app.command()
    def extract(
        paths: List[str] = typer.Argument(..., metavar="PATH...",
                                          help="Files, directories (recursive) or - for stdin."),
        format: Optional[Format] = typer.Option(
            None, "--format", "-f",
            help="Output format; default: table on a terminal, jsonl in a pipe."),
        type: Optional[str] = typer.Option(None, "--type", "-t", help=TYPE_HELP),
        output: Optional[str] = typer.Option(
            None, "--output", "-o", help="Write here (atomically: a temporary file renamed at the end)."),
        reference_date: Optional[str] = typer.Option(
            None, "--reference-date", metavar="YYYY-MM-DD",
            help="Resolve relative dates against this date instead of the detected one."),
        glob: Optional[List[str]] = typer.Option(
            None, "--glob", help="File patterns inside directories (repeatable; default *.txt and *.md)."),
        explain: bool = typer.Option(False, "--explain", help="Add the rule that produced each fact."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings on stderr (errors still show)."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=0,
                                 help="Worker processes (0 = every core); the output is the same bytes."),
        fail_on_empty: bool = typer.Option(False, "--fail-on-empty",
                                           help="Exit 1 when no fact at all is found (for CI checks)."),
    ):
        """Extract facts from documents.

        Example: facts extract seeds/ --format jsonl | jq -c 'select(.type=="money")'
        """
        types = parse_types(type)
        ref = _parse_date(reference_date)
        try:
            code = run_extract(paths, fmt=format, types=types, output=output, reference_date=ref,
                               globs=tuple(glob) if glob else None, explain=explain, quiet=quiet,
                               jobs=jobs, fail_on_empty=fail_on_empty)
        except KeyboardInterrupt:
            sys.stderr.write("facts: interrupted\n")
            code = ExitCode.INTERRUPTED
        raise typer.Exit(int(code))

    @app.command()
    def show(
        path: str = typer.Argument(..., metavar="FILE", help="The document to show (or - for stdin)."),
        type: Optional[str] = typer.Option(None, "--type", "-t", help=TYPE_HELP),
        reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD",
                                                     help="Resolve relative dates against this date."),
    ):
        """Print a document with every fact marked and its normalized value beside it.

        Example: facts show seeds/000_07728f128194e19f.txt --type money,date
        """
        from rich.console import Console

        from .api import process_path
        from .views import legend, show_text

        types = parse_types(type)
        ref = _parse_date(reference_date)
        r = process_path(path, reference_date=ref, types=types)
        if r.error:
            _err(Console(stderr=True), f"error: {r.error}")
            raise typer.Exit(int(ExitCode.USAGE if r.document is None and not os.path.exists(path)
                                  else ExitCode.INPUT_ERROR))
        console = Console()
        colour = console.is_terminal and not console.no_color
        ref_text = r.document.reference_date.isoformat() if r.document.reference_date else "none"
        console.print(f"{path}  (reference date: {ref_text}, {len(r.facts)} facts)", style="bold",
                      highlight=False, markup=False)
        console.print(legend(types, colour))
        console.print()
        console.print(show_text(r.document.text, r.facts, colour), highlight=False)

    @app.command()
    def summary(
        paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files or directories."),
        format: Optional[Format] = typer.Option(None, "--format", "-f",
                                                help="table (default) or json."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes (0 = every core)."),
    ):
        """Aggregate facts across documents: officials roster, money by currency, percentages,
        a timeline of dates, weapons by category.

        Example: facts summary seeds/ --format json | jq '.officials[] | {name, countries}'
        """
        from rich.console import Console

        from .api import expand_paths, process_paths
        from .errors import FactsError
        from .views import render_summary, summarize

        stderr = Console(stderr=True)
        try:
            names = expand_paths(paths)
        except FactsError as e:
            _err(stderr, f"error: {e}")
            raise typer.Exit(int(ExitCode.USAGE)) from None
        if format not in (None, Format.table, Format.json):
            raise typer.BadParameter("summary is a table or json", param_hint="--format")
        failed = []

        def results():
            for r in process_paths(names, jobs=jobs):
                if report_problems(stderr, r, quiet=False):
                    failed.append(r.name)
                yield r
        data = summarize(results())
        if format == Format.json:
            import json

            print(json.dumps(data, ensure_ascii=False, indent=2, default=sorted))
        else:
            render_summary(data, Console())
        raise typer.Exit(int(ExitCode.INPUT_ERROR if failed else ExitCode.SUCCESS))

    @app.command()
    def schema():
        """Print the JSON Schema (draft 2020-12) of one fact, as `--format jsonl` writes it."""
        from importlib import resources

        sys.stdout.write(resources.files("lituania_facts").joinpath("schema", "fact.schema.json")
                         .read_text(encoding="utf-8"))

    @app.command("eval")
    def eval_(
        gold: str = typer.Option(..., "--gold", help="Gold file (the format of ../shared/gold/seeds.json)."),
        paths: List[str] = typer.Argument(..., metavar="PATH...", help="The documents the gold file describes."),
        min_f1: Optional[float] = typer.Option(None, "--min-f1", help="Exit 1 when any category's F1 is below this."),
        json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    ):
        """Score extraction against a gold file: precision, recall and F1 per category (FACTS.md §3).

        Example: facts eval --gold tests/gold_seeds.json seeds/ --min-f1 0.95
        """
        from .evaluate import evaluate_paths, format_report

        try:
            report = evaluate_paths(gold, paths)
        except (OSError, ValueError) as e:
            from rich.console import Console

            _err(Console(stderr=True), f"error: {gold}: {e}")
            raise typer.Exit(int(ExitCode.USAGE)) from None
        if json_out:
            import json

            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            print(format_report(report))
        failing = [c for c, r in report["categories"].items()
                   if min_f1 is not None and r["gold"] + r["pred"] and r["f1"] < min_f1]
        if failing or report["offset_errors"]:
            raise typer.Exit(int(ExitCode.INPUT_ERROR))

    return app


def run_extract(paths, *, fmt, types, output, reference_date, globs, explain, quiet,
                jobs: int = 1, fail_on_empty: bool = False) -> ExitCode:
    from rich.console import Console

    from .api import DEFAULT_GLOBS, expand_paths, process_paths
    from .errors import FactsError

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        names = expand_paths(paths, globs or DEFAULT_GLOBS)
    except FactsError as e:
        _err(stderr, f"error: {e}")
        return ExitCode.USAGE
    if fmt is None:
        fmt = Format.table if (output is None and sys.stdout.isatty()) else Format.jsonl

    status = {"code": ExitCode.SUCCESS, "facts": 0}
    progress = None if quiet or not sys.stderr.isatty() or len(names) < 50 else _progress(stderr)

    def results():
        stream = process_paths(names, reference_date=reference_date, types=types, jobs=jobs)
        if progress is not None:
            stream = progress(stream, len(names))
        for r in stream:
            status["facts"] += len(r.facts)
            if report_problems(stderr, r, quiet):
                status["code"] = ExitCode.INPUT_ERROR
            yield r

    if output is None:
        try:
            _render(fmt, results(), sys.stdout, explain)
            sys.stdout.flush()
        except BrokenPipeError:
            # `facts extract big/ | head -1`: the reader has all it wanted; leave quietly.
            _silence_stdout()
            return ExitCode.SUCCESS
    else:
        import tempfile

        directory = os.path.dirname(os.path.abspath(output))
        fd, tmp = tempfile.mkstemp(prefix=".facts-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                _render(fmt, results(), out, explain)
            os.replace(tmp, output)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    if fail_on_empty and status["facts"] == 0 and status["code"] == ExitCode.SUCCESS:
        _err(stderr, "error: no facts found (--fail-on-empty)")
        return ExitCode.INPUT_ERROR
    return status["code"]


def report_problems(stderr, r, quiet: bool) -> bool:
    """One stderr line per warning or error of a document; True when it is an error (exit 1):
    a skipped binary file is a warning, an unreadable or failed document an error."""
    from .errors import SkippedDocument

    if not quiet:
        for w in r.warnings:
            _err(stderr, f"warning: {w}")
    if isinstance(r.error, SkippedDocument):
        if not quiet:
            _err(stderr, f"warning: {r.error}")
        return False
    if r.error:
        _err(stderr, f"error: {r.error}")
        return True
    return False


def _progress(console):
    """Files done, MB/s and ETA on a terminal's stderr; never on stdout or in a pipe."""
    def wrap(stream, total: int):
        import time

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        t0, size = time.perf_counter(), 0
        columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("extract", total=total, rate="")
            for r in stream:
                size += len(r.document.text) if r.document else 0
                rate = size / 1e6 / max(time.perf_counter() - t0, 1e-6)
                bar.update(task, advance=1, rate=f"{rate:.1f} MB/s")
                yield r
    return wrap


def _render(fmt, results, out, explain: bool) -> None:
    from . import render

    if fmt == Format.table:
        from rich.console import Console

        console = Console(file=out, soft_wrap=False) if out is not sys.stdout else Console()
        stream = render.write_table(results, console, explain)
    else:
        writer = {Format.json: render.write_json, Format.jsonl: render.write_jsonl,
                  Format.csv: render.write_csv}[fmt]
        stream = writer(results, out, explain)
    for _ in stream:
        pass
