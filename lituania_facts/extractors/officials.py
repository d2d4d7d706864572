"""Placeholder: the extractor for this type is being built."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..model import Fact


def find(doc: Document) -> Iterable[Fact]:
    return ()
