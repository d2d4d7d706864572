"""The extractors, one module per fact type, each exposing `find(doc) -> Iterable[Fact]`.

Modules are imported on first use so `facts --version` stays fast.
"""
from __future__ import annotations

import importlib
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


def finder(fact_type: str) -> Callable[[Document], Iterable[Fact]]:
    module = importlib.import_module(f"{__name__}.{MODULES[fact_type]}")
    return module.find
