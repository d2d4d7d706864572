"""The one `Fact` shape every extractor produces (FACTS.md section 1 and 2)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

FACT_TYPES = ("money", "percentage", "date", "official", "weapon")

# Per-type value fields, always emitted (None -> null) so jq filters behave.
FIELDS: dict[str, tuple[str, ...]] = {
    "money": ("amount", "amount_max", "currency", "qualifier"),
    "percentage": ("value", "value_max", "unit", "of", "qualifier"),
    "date": ("kind", "value", "value_end"),
    "official": ("name", "role", "role_text", "country"),
    "weapon": ("name", "generic", "category", "quantity"),
}


def _plain_number(x: Any) -> Any:
    """6000000.0 -> 6000000 so JSON says `6000000`, not `6000000.0`."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**63:
        return int(x)
    return x


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact mention: `text == document_text[start:end]`, always."""

    type: str
    start: int
    end: int
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)
    rule: str = ""
    doc: str = ""
    sentence: str | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def with_doc(self, doc: str, sentence: str | None) -> "Fact":
        # Direct construction: dataclasses.replace costs ~3x more in this hot path.
        return Fact(self.type, self.start, self.end, self.text, self.values, self.rule, doc, sentence)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """Every key of FACTS.md for this type, in a stable order."""
        d: dict[str, Any] = {"type": self.type, "doc": self.doc, "text": self.text,
                             "start": self.start, "end": self.end}
        for key in FIELDS[self.type]:
            d[key] = _plain_number(self.values.get(key))
        d["sentence"] = self.sentence
        if explain:
            d["rule"] = self.rule
        return d
