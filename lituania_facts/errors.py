"""Exit codes and the errors the CLI turns into one-line messages."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    SUCCESS = 0          # also when no fact is found
    INPUT_ERROR = 1      # some input could not be read or processed; the rest was printed
    USAGE = 2            # bad option, bad --reference-date, missing path
    INTERRUPTED = 130    # 128 + SIGINT


class FactsError(Exception):
    """A problem with one input, reported as `PATH: problem`."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class SkippedDocument(FactsError):
    """Not text (binary, empty of characters): skipped with a warning."""


class UnreadableDocument(FactsError):
    """Could not be read at all (permissions, vanished, a directory)."""


class DataError(Exception):
    """A data file in lituania_facts/data is malformed: `file:line: problem`."""
