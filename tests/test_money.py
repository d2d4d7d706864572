"""Money: table-driven cases, our own news-style sentences (FACTS.md section 2)."""
from __future__ import annotations

import pytest

from conftest import facts_of


def case(text, span, amount, currency, amount_max=None, qualifier=None, id=None):
    return pytest.param(text, span, amount, currency, amount_max, qualifier, id=id or span)


POSITIVE = [
    # symbols and codes, before and after
    case("Vilnius pledged €6 million for drones.", "€6 million", 6_000_000, "EUR"),
    case("The package is worth EUR 250 mln this year.", "EUR 250 mln", 250_000_000, "EUR"),
    case("Washington added US $75 million in aid.", "US $75 million", 75_000_000, "USD"),
    case("The bonds raised $ 75 million on Monday.", "$ 75 million", 75_000_000, "USD"),
    case("Ottawa sent C$40 million in equipment.", "C$40 million", 40_000_000, "CAD"),
    case("Canberra approved A$100 million.", "A$100 million", 100_000_000, "AUD"),
    case("The fund holds USD 1.5bn in reserve.", "USD 1.5bn", 1_500_000_000, "USD"),
    case("A ticket costs 10 € at the door.", "10 €", 10, "EUR"),
    case("The base cost £300m to build.", "£300m", 300_000_000, "GBP"),
    case("Kyiv received ₴2 billion from the reserve.", "₴2 billion", 2_000_000_000, "UAH"),
    case("The order is worth 45 million PLN.", "45 million PLN", 45_000_000, "PLN"),
    case("Sanctions froze ₽300 billion of assets.", "₽300 billion", 300_000_000_000, "RUB"),
    # currency words, singular and plural, historic currencies
    case("Lithuania will spend 5 million euros on ammunition.", "5 million euros", 5_000_000, "EUR"),
    case("In 2014 the army got 300 million litas.", "300 million litas", 300_000_000, "LTL"),
    case("Warsaw signed for 1.2 billion zlotys.", "1.2 billion zlotys", 1_200_000_000, "PLN"),
    case("The ministry paid 40 million złotych.", "40 million złotych", 40_000_000, "PLN"),
    case("Kyiv set aside 20 billion hryvnias.", "20 billion hryvnias", 20_000_000_000, "UAH"),
    case("Moscow spent 3 trillion rubles on defence.", "3 trillion rubles", 3e12, "RUB"),
    case("Tallinn once budgeted 90 million kroons.", "90 million kroons", 90_000_000, "EEK"),
    case("Oslo gave 500 million Norwegian kroner.", "500 million Norwegian kroner", 500_000_000, "NOK"),
    case("Stockholm pledged 2 billion Swedish kronor.", "2 billion Swedish kronor", 2e9, "SEK"),
    case("India signed for ₹3.2 crore.", "₹3.2 crore", 32_000_000, "INR"),
    # separators and decimals
    case("The contract is worth $1,200,000.", "$1,200,000", 1_200_000, "USD"),
    case("A grant of 1 200 000 euros was approved.", "1 200 000 euros", 1_200_000, "EUR"),
    case("The rise was €1,5 million, officials said.", "€1,5 million", 1_500_000, "EUR"),
    # written numbers
    case("Donors gave five million euros to the fund.", "five million euros", 5_000_000, "EUR"),
    case("The plan costs a billion dollars over ten years.", "a billion dollars", 1e9, "USD"),
    case("It will cost half a billion euros.", "half a billion euros", 5e8, "EUR"),
    case("The budget is about two and a half billion euros.", "about two and a half billion euros",
         2.5e9, "EUR", None, "approx"),
    case("The radar cost one and a quarter million dollars.", "one and a quarter million dollars",
         1.25e6, "USD"),
    # hyphenated
    case("The army signed a $12.5-million deal.", "$12.5-million", 12_500_000, "USD"),
    case("It was a 450 million-euro contract.", "450 million-euro", 450_000_000, "EUR"),
    # ranges
    case("It costs between €1 and €2 million.", "between €1 and €2 million", 1_000_000, "EUR", 2_000_000),
    case("Estimates run at €1-2 million.", "€1-2 million", 1_000_000, "EUR", 2_000_000),
    case("The price is roughly 80 to 95 million euros.", "roughly 80 to 95 million euros", 80e6, "EUR",
         95e6, "approx"),
    case("It will cost from $500 to $2 million.", "$500 to $2 million", 500, "USD", 2_000_000),
    # qualifiers
    case("Aid stands at around 500 million euros.", "around 500 million euros", 5e8, "EUR", None, "approx"),
    case("The fund holds more than $3 billion.", "more than $3 billion", 3e9, "USD", None, "over"),
    case("Loans of up to €100 million are planned.", "up to €100 million", 1e8, "EUR", None, "up_to"),
    case("It needs at least €40 million.", "at least €40 million", 4e7, "EUR", None, "at_least"),
    case("It spent less than €1 million.", "less than €1 million", 1e6, "EUR", None, "under"),
    # crowns without a country: the one candidate country the document names
    case("Copenhagen gave 800 million kroner.", "800 million kroner", 800_000_000, "DKK"),
    case("Sweden's Riksdag approved 3.2 billion kronor.", "3.2 billion kronor", 3.2e9, "SEK"),
    case("Norway's Kongsberg said the state set aside 10 billion kroner.", "10 billion kroner", 1e10, "NOK"),
    # no recognisable currency: no country named, or two that share the word
    case("The fund holds 5 billion kroner.", "5 billion kroner", 5e9, None),
    case("Denmark and Norway each gave 1 billion kroner.", "1 billion kroner", 1e9, None),
]


@pytest.mark.parametrize("text, span, amount, currency, amount_max, qualifier", POSITIVE)
def test_money(text, span, amount, currency, amount_max, qualifier):
    facts = facts_of(text, "money")
    assert [f.text for f in facts] == [span]
    f = facts[0].to_dict()
    assert f["amount"] == pytest.approx(amount)
    assert f["currency"] == currency
    assert f["amount_max"] == (pytest.approx(amount_max) if amount_max is not None else None)
    assert f["qualifier"] == qualifier


NEGATIVE = [
    "The aid package includes 3 million units of ammunition.",
    "The country, population 2.8 million, is a former Soviet republic.",
    "Germany will deploy 5,000 soldiers in Lithuania.",
    "The border fence is 500 km long.",
    "The war entered its second year in 2023.",
    "The march lasted 4,5 hours.",
    "A twenty-pound bag of rice was delivered.",
    "One pound of explosives was found.",
    "ALL 5 solutions are wrong.",
    "I counted the dollars thousand of times.",
    "The Lithuanian Army received 12 Krab howitzers.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_money(text):
    assert facts_of(text, "money") == []


def test_two_amounts_side_by_side():
    facts = facts_of("They collected €6 million ($6.38 million) in three days.", "money")
    assert [(f.text, f["currency"]) for f in facts] == [("€6 million", "EUR"), ("$6.38 million", "USD")]


def test_and_without_between_is_not_a_range():
    facts = facts_of("It costs $4.25 and 32 are ordered.", "money")
    assert [(f.text, f["amount"], f["amount_max"]) for f in facts] == [("$4.25", 4.25, None)]


def test_integral_amounts_are_json_integers():
    [f] = facts_of("It pledged €6 million.", "money")
    d = f.to_dict()
    assert d["amount"] == 6_000_000 and isinstance(d["amount"], int)


def test_words_after_a_currency_that_are_not_cents():
    # found by fuzzing: "per" was read as a number word after "$25 and"
    facts = facts_of("It costs $25 and per cent of the rest.", "money")
    assert [(f.text, f["amount"]) for f in facts] == [("$25", 25)]


def test_cents_are_numbers_only():
    facts = facts_of("It cost 25 dollars and per cent more, or thirteen dollars and forty-five cents.", "money")
    assert [(f.text, f["amount"]) for f in facts] == [
        ("25 dollars", 25), ("thirteen dollars and forty-five cents", 13.45)]


def test_unicode_case_folding_in_scale_words():
    # found by fuzzing: `(?i)` lets the long s `ſ` match `s`; the lookup must fold the same way
    facts = facts_of("It cost about EUR 152 millionſ in all.", "money")
    assert [(f.text, f["amount"]) for f in facts] == [("about EUR 152 millionſ", 152_000_000)]


@pytest.mark.parametrize("words, value", [
    ("two and a half", 2.5), ("one and a quarter million", 1.25e6), ("twenty-five and a half", 25.5),
    ("half a billion", 5e8), ("a dozen", 12),
    ("two a half", None), ("five and a", None), ("two half", None), ("a", None),
])
def test_number_words_with_a_fraction(words, value):
    from lituania_facts.extractors._numbers import parse_words
    assert parse_words(words) == value
