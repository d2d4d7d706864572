"""Percentages: table-driven cases, our own news-style sentences (FACTS.md section 2)."""
from __future__ import annotations

import pytest

from conftest import facts_of


def case(text, span, value, value_max=None, unit="percent", of=None, qualifier=None):
    return pytest.param(text, span, value, value_max, unit, of, qualifier, id=span)


POSITIVE = [
    case("Lithuania will spend 4% of GDP on defence.", "4%", 4, of="GDP"),
    case("The budget falls short at 2.71%.", "2.71%", 2.71),
    case("Inflation fell 27 % in a year.", "27 %", 27),
    case("Spending rose 3 percent last year.", "3 percent", 3),
    case("Support rose five per cent in March.", "five per cent", 5),
    case("Spending grew by two and a half per cent.", "two and a half per cent", 2.5),
    case("Output grew 12 pct in the quarter.", "12 pct", 12),
    case("The party won a 3-percent share.", "3-percent", 3),
    case("Turnout fell by minus five percent.", "minus five percent", -5),
    case("Spending will reach between 5% and 6% of GDP.", "between 5% and 6%", 5, 6, of="GDP"),
    case("Costs rose 5-6% over the year.", "5-6%", 5, 6),
    case("Approval moved from 50 to 80% in a month.", "50 to 80%", 50, 80),
    case("Support climbed 2.5 percentage points.", "2.5 percentage points", 2.5, unit="percentage_point"),
    case("The gap narrowed by 1.2 pp.", "1.2 pp", 1.2, unit="percentage_point"),
    case("Experts say it should be at least 3%.", "at least 3%", 3, qualifier="at_least"),
    case("Nearly 40% of voters agreed.", "Nearly 40%", 40, qualifier="approx"),
    case("It spends 2% of gross domestic product.", "2%", 2, of="GDP"),
    case("Defence takes 15% of the budget.", "15%", 15, of="budget"),
    case("It was a five percentage-point jump.", "five percentage-point", 5, unit="percentage_point"),
    case("Spending rose by more than a percentage point.", "more than a percentage point", 1,
         unit="percentage_point", qualifier="over"),
]


@pytest.mark.parametrize("text, span, value, value_max, unit, of, qualifier", POSITIVE)
def test_percentage(text, span, value, value_max, unit, of, qualifier):
    facts = facts_of(text, "percentage")
    assert [f.text for f in facts] == [span]
    f = facts[0].to_dict()
    assert (f["value"], f["value_max"], f["unit"], f["of"], f["qualifier"]) == (value, value_max, unit, of, qualifier)


NEGATIVE = [
    "Only a small percent of soldiers attain the top ranks.",
    "The table shows the % of increase.",
    "See https://example.com/search?q=30%25%2020% for details.",
    "Germany will deploy 5,000 soldiers.",
    "The march lasted 4,5 hours.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_percentage(text):
    assert facts_of(text, "percentage") == []


def test_two_percentages_without_between_stay_apart():
    facts = facts_of("Support was 5% and 6% in two polls.", "percentage")
    assert [(f.text, f["value"], f["value_max"]) for f in facts] == [("5%", 5, None), ("6%", 6, None)]
