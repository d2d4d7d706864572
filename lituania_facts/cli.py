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


def build_app():
    import typer

    app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
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
        type: Optional[str] = typer.Option(
            None, "--type", "-t", help="Comma-separated fact types to keep: money, percentage, "
                                       "date, official, weapon (default: all)."),
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
    ):
        """Extract facts from documents.

        Example: facts extract seeds/ --format jsonl | jq -c 'select(.type=="money")'
        """
        from .model import FACT_TYPES

        types = FACT_TYPES
        if type:
            types = tuple(t.strip() for t in type.split(",") if t.strip())
            bad = [t for t in types if t not in FACT_TYPES]
            if bad:
                raise typer.BadParameter(f"unknown type {bad[0]!r}; choose from {', '.join(FACT_TYPES)}",
                                         param_hint="--type")
        ref = None
        if reference_date:
            try:
                ref = date.fromisoformat(reference_date)
            except ValueError:
                raise typer.BadParameter(f"{reference_date!r} is not a date (YYYY-MM-DD)",
                                         param_hint="--reference-date") from None
        try:
            code = run_extract(paths, fmt=format, types=types, output=output, reference_date=ref,
                               globs=tuple(glob) if glob else None, explain=explain, quiet=quiet,
                               jobs=jobs)
        except KeyboardInterrupt:
            sys.stderr.write("facts: interrupted\n")
            code = ExitCode.INTERRUPTED
        raise typer.Exit(int(code))

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
                jobs: int = 1) -> ExitCode:
    from rich.console import Console

    from .api import DEFAULT_GLOBS, expand_paths, process_paths
    from .errors import FactsError, SkippedDocument

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        names = expand_paths(paths, globs or DEFAULT_GLOBS)
    except FactsError as e:
        _err(stderr, f"error: {e}")
        return ExitCode.USAGE
    if fmt is None:
        fmt = Format.table if (output is None and sys.stdout.isatty()) else Format.jsonl

    status = {"code": ExitCode.SUCCESS}

    def results():
        for r in process_paths(names, reference_date=reference_date, types=types, jobs=jobs):
            if not quiet:
                for w in r.warnings:
                    _err(stderr, f"warning: {w}")
            if isinstance(r.error, SkippedDocument):
                if not quiet:
                    _err(stderr, f"warning: {r.error}")
            elif r.error:
                _err(stderr, f"error: {r.error}")
                status["code"] = ExitCode.INPUT_ERROR
            yield r

    from . import render

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
    return status["code"]


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
