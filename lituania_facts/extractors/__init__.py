"""The extractors, one module per fact type, each exposing `find(doc) -> Iterable[Fact]`.

Modules are imported on first use so `facts --version` stays fast.
"""
from __future__ import annotations

import importlib
from functools import cache
from typing import Callable, Iterable

from ..document import Document
from ..model import Fact

MODULES = {
    "money": "money",
    "percentage": "percentage",
    "date": "dates",
    "official": "officials",
    "weapon": "weapons",
}


@cache
def _module(fact_type: str):
    return importlib.import_module(f"{__name__}.{MODULES[fact_type]}")


def finder(fact_type: str) -> Callable[[Document], Iterable[Fact]]:
    return _module(fact_type).find   # looked up per call: tests may replace `find`
