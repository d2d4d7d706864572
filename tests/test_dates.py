"""Dates and durations (FACTS.md section 2, `date`; extractor: lituania_facts/extractors/dates.py).

Each row is a news-style sentence and every date fact it must give, as
(text, kind, value, value_end), in document order: nothing else may be found.
REF (conftest) is Thursday 2 March 2023. New rows: a new wording of a known thing goes in
its block; a bug found in the wild goes in `# bugs caught`; a known miss goes in XFAIL.
"""
from __future__ import annotations

import functools
import importlib.util
import json
from datetime import date

import pytest
from conftest import REF, SHARED, facts_of, need_shared

from lituania_facts.extractors import dates
from lituania_facts.lexicon import load_tsv


def case(text, *expected, id=None, ref=REF):
    return pytest.param(text, list(expected), ref, id=id or text[:40])


def D(text, value, value_end=None):
    return (text, "date", value, value_end)


def P(text, value):
    return (text, "duration", value, None)


def got(text, ref):
    return [(f.text, f["kind"], f["value"], f["value_end"]) for f in facts_of(text, "date", reference_date=ref)]


# ---- with the reference date (REF = Thursday 2023-03-02) -----------------------------

WITH_REF = [
    case("The share rose from 23% in 2021 to 41% in January.", D("2021", "2021"), D("January", "2023-01"),
         id="year-then-percentage-not-a-range"),
    case("In 2022 it took the army a year to build it.", D("2022", "2022"), P("a year", "P1Y"),
         id="a-year-after-a-verb-is-a-duration"),
    case("Troops will stay for at least another month.", P("at least another month", "P1M"),
         id="another-unit-is-one-more"),
    case("They extended the mission for another two weeks.", P("another two weeks", "P2W"),
         id="another-number-unit"),
    case("It is another matter.", id="another-without-a-unit-is-nothing"),
    case("Losses from 24.02.22 to 12.06.22 were counted.", D("24.02.22", "2022-02-24"),
         D("12.06.22", "2022-06-12"), id="day-month-two-digit-year"),
    case("Section 03.01.22 of the notice and version 2.10.22 apply.", id="section-and-version-numbers"),
    case("Turnover of at least €15 million in each of the years 2022, 2023 and 2024.", D("2022", "2022"),
         D("2023", "2023"), D("2024", "2024"), id="list-of-years"),
    case("If 2024 was the year of promises, 2025 is the year of deliveries.", D("2024", "2024"),
         D("2025", "2025"), id="year-as-subject-after-if"),
    case("The missile stayed in Polish airspace for 39 seconds.", P("39 seconds", "PT39S"), id="seconds"),
    case("Half a minute later it fell.", P("Half a minute", "PT30S"), id="half-a-minute-in-seconds"),
    case("A second round of talks began on the second day.", id="ordinal-second-is-no-duration"),
    case("Spending rose 2 percentage points compared with 2021.", D("2021", "2021"), id="compared-with-year"),
    case("Rutte took over at NATO on October 1 last year.", D("October 1 last year", "2022-10-01"),
         id="day-month-relative-year"),
    case("The deal is due in January next year.", D("January next year", "2024-01"), id="month-next-year"),
    case("Production started in early December 2022.", D("early December 2022", "2022-12"),
         id="modifier-month-year"),
    # reported future: `would` after `said` looks forward from the reference date
    case("The minister said on Monday that the army would hold a parade in August.",
         D("Monday", "2023-02-27"), D("August", "2023-08"), id="reported-future-month"),
    case("I expect the contract to be signed in December.", D("December", "2023-12"),
         id="present-expect-is-future"),
    case("Deliveries arrived in January, earlier than expected.", D("January", "2023-01"),
         id="than-expected-is-not-future"),
    case("Under a decision taken in January, Lithuania intends to spend more.", D("January", "2023-01"),
         id="irregular-past-participle"),
    case("Talks will be held in August.", D("August", "2023-08"), id="future-passive-of-irregular"),
    case("The vote is expected in August.", D("August", "2023-08"), id="is-expected-is-future"),
    case("The fund needs about EUR 1.2 billion in additional revenue a year.", id="revenue-a-year-is-a-rate"),
    case("NATO jets scrambled five times in a week.", id="times-in-a-week-is-a-frequency"),
    case("The talks ended in late May, 2021.", D("late May, 2021", "2021-05"), id="modifier-month-comma-year"),
    # absolute dates
    case("Lithuania signed the NASAMS contract on November 10, 2023 in Vilnius.",
         D("November 10, 2023", "2023-11-10"), id="month-day-year"),
    case("The Seimas approved the defence budget on 10 November 2023.",
         D("10 November 2023", "2023-11-10"), id="day-month-year"),
    case("The first howitzers arrived on Tuesday, 10 November 2023 at 14:05 in Klaipėda.",
         D("Tuesday, 10 November 2023", "2023-11-10"), id="weekday-date-time"),
    case("NATO's decision of 2023-11-10 was welcomed in Vilnius.",
         D("2023-11-10", "2023-11-10"), id="iso"),
    case("The order dated 2023.11.10 lists 300 anti-tank mines.",
         D("2023.11.10", "2023-11-10"), id="ymd-dots"),
    case("The tender closed on 10.11.2023 and the award followed on 10/11/2023.",
         D("10.11.2023", "2023-11-10"), D("10/11/2023", "2023-11-10"), id="dmy-default"),
    case("A US invoice dated 02/22/2016 and a Lithuanian one dated 13/05/2015 were audited.",
         D("02/22/2016", "2016-02-22"), D("13/05/2015", "2015-05-13"), id="dmy-forced-order"),
    case("Ministers meet again on the 4th of May and sign on May 4th.",
         D("the 4th of May", "2022-05-04"), D("May 4th", "2022-05-04"), id="ordinals"),
    case("Defence chiefs met in Riga on Nov. 10.", D("Nov. 10", "2022-11-10"), id="abbr-month-day"),
    case("The brigade plan was presented in March 2024.", D("March 2024", "2024-03"), id="month-year"),
    # partial dates, resolved against REF
    case("On November 22, Lithuania transferred a new aid package to Ukraine.",
         D("November 22", "2022-11-22"), id="day-month-past"),
    case("Lithuania will hand over the launchers on November 22.",
         D("November 22", "2023-11-22"), id="day-month-future"),
    case("In January, Lithuania revealed its plans to raise defence spending.",
         D("January", "2023-01"), id="month-past"),
    case("The ministry will publish the tender in May.", D("May", "2023-05"), id="month-future"),
    case("The last Soviet troops left in late last July.", D("late last July", "2022-07"), id="late-last-month"),
    case("The first mines were bought in early December.", D("early December", "2022-12"), id="early-month"),
    # years in context
    case("In 2022, Lithuanians crowdfunded a Bayraktar drone for Ukraine.", D("2022", "2022"), id="in-year"),
    case("Lithuania wants 3% of GDP for defence by 2030.", D("2030", "2030"), id="by-year"),
    case("Vilnius has raised its defence budget every year since 2014.", D("2014", "2014"), id="since-year"),
    case("The 2022 budget was smaller than 2024's budget.", D("2022", "2022"), D("2024", "2024"),
         id="year-as-adjective"),
    case("By mid-2024 the German brigade had its staff in Vilnius.", D("2024", "2024"), id="mid-year"),
    case("In spring 2025 troops arrived in Rūdninkai.", D("2025", "2025"), id="season-year-before-count-word"),
    case("2024 was a record year for Lithuanian defence spending.", D("2024", "2024"), id="year-as-subject"),
    # ranges
    case("Spending will rise to 5% of GDP annually from 2026 through 2030.",
         D("from 2026 through 2030", "2026", "2030"), id="from-through"),
    case("The 2026-2030 plan and the 2026–30 programme were adopted.",
         D("2026-2030", "2026", "2030"), D("2026–30", "2026", "2030"), id="year-dash-ranges"),
    case("Germany will station the brigade between 2024 and 2027.",
         D("between 2024 and 2027", "2024", "2027"), id="between-years"),
    case("Exercises are held 10-12 May near the Suwałki Gap.",
         D("10-12 May", "2022-05-10", "2022-05-12"), id="day-range"),
    case("Iron Wolf ran from May 10 to June 2 in Pabradė.",
         D("from May 10 to June 2", "2022-05-10", "2022-06-02"), id="date-range"),
    # relative
    case("Today the ministry signed; yesterday it tested; tomorrow it reports.",
         D("Today", "2023-03-02"), D("yesterday", "2023-03-01"), D("tomorrow", "2023-03-03"), id="today"),
    case("The drone crossed the border the day before yesterday.",
         D("the day before yesterday", "2023-02-28"), id="day-before-yesterday"),
    case("The talks resume the day after tomorrow.",
         D("the day after tomorrow", "2023-03-04"), id="day-after-tomorrow"),
    case("Lithuania's defence minister said on Tuesday that support will continue.",
         D("Tuesday", "2023-02-28"), id="weekday-past"),
    case("The minister will travel to Kyiv on Tuesday.", D("Tuesday", "2023-03-07"), id="weekday-future"),
    case("Budrys announced on Thursday that a drone had crossed the border.",
         D("Thursday", "2023-03-02"), id="weekday-same-day"),
    case("The Seimas voted last Tuesday and meets again next Friday.",
         D("last Tuesday", "2023-02-28"), D("next Friday", "2023-03-03"), id="last-next-weekday"),
    case("Spending rose last year, grows this year and will grow next year.",
         D("last year", "2022"), D("this year", "2023"), D("next year", "2024"), id="last-this-next-year"),
    case("Earlier this month, the ministry ordered mines; prices rose last month.",
         D("Earlier this month", "2023-03"), D("last month", "2023-02"), id="this-last-month"),
    case("The brigade arrived three days ago, its staff two months ago, the plan four years ago.",
         D("three days ago", "2023-02-27"), D("two months ago", "2023-01"), D("four years ago", "2019"),
         id="ago"),
    case("Last year's partnership with Baykar was praised.", D("Last year", "2022"), id="last-years"),
    case("The FAA must cut $600 million from its budget this fiscal year.",
         D("this fiscal year", "2023"), id="fiscal-year"),
    # durations
    case("Lithuanians collected €6 million in three days.", P("three days", "P3D"), id="three-days"),
    case("Lithuania will invest 1.1 billion euros over the next ten years.",
         P("the next ten years", "P10Y"), id="next-ten-years"),
    case("The brigade needs 18 months and two weeks to deploy.",
         P("18 months", "P18M"), P("two weeks", "P2W"), id="months-weeks"),
    case("Ukraine's worst winter in a decade tested its air defence.", P("a decade", "P10Y"), id="a-decade"),
    case("Troops rotate for half a year under a six-month contract.",
         P("half a year", "P6M"), P("six-month", "P6M"), id="half-year-adjective"),
    case("Two incidents in less than a month raised fears in Vilnius.",
         P("less than a month", "P1M"), id="less-than-a-month"),
    case("The reserve will be ready in twenty-five years.", P("twenty-five years", "P25Y"), id="compound-number"),
    case("Air defence will be modernised over the next decade.", P("the next decade", "P10Y"), id="next-decade"),
    case("Recruits train for between 12 and 18 months.", P("12", "P12M"), P("18 months", "P18M"),
         id="duration-range"),
    case("Radar tracked the drone for 12 minutes; the strike lasted 48 hours.",
         P("12 minutes", "PT12M"), P("48 hours", "PT48H"), id="minutes-hours"),
    case("A 24-hour strike ended after half an hour.", P("24-hour", "PT24H"), P("half an hour", "PT30M"),
         id="hour-adjective-half-hour"),
    # bugs caught
    case("Russia's war, which just entered its second year, goes on.", id="ordinal-year-is-nothing"),
    case("Lithuania presented a 10-point plan on Monday.", D("Monday", "2023-02-27"), id="ten-point-plan"),
    case("May I ask the minister about the May 9 parade?", D("May 9", "2022-05-09"), id="may-verb-then-month"),
    case("Children aged 6 months and older are vaccinated.", id="age-in-months"),
    case("The battalion rotates every six months.", id="every-six-months-is-a-rate"),
    case("Crews train seven days a week and 24 hours a day.", id="days-a-week-is-a-rate"),
    case("Lithuania's 2025 budget, due in October, was discussed.",
         D("2025", "2025"), D("October", "2023-10"), id="possessive-year-due-in"),
    case("The 2022/23 rotation ended; the 1990s reforms did not.",
         D("2022/23", "2022", "2023"), id="slash-years-not-decades"),
    case("Ministers meet on May 5 and 6 in Riga.",
         D("May 5", "2022-05-05"), D("6", "2022-05-06"), id="and-is-two-dates"),
    case("That January day in 2011 she was sworn in.",
         D("January", "2011-01"), D("2011", "2011"), id="month-day-in-year"),
]


@pytest.mark.parametrize("text, expected, ref", WITH_REF)
def test_with_reference_date(text, expected, ref):
    assert got(text, ref) == expected


# ---- without a reference date: XXXX for year-less dates, null for relative ones ---------

WITHOUT_REF = [
    case("On November 22, Lithuania sent ammunition.", D("November 22", "XXXX-11-22"), ref=None, id="noref-day-month"),
    case("In January, Vilnius announced the plan.", D("January", "XXXX-01"), ref=None, id="noref-month"),
    case("Exercises are held 10-12 May.", D("10-12 May", "XXXX-05-10", "XXXX-05-12"), ref=None, id="noref-day-range"),
    case("The minister met Zelensky on Monday.", D("Monday", None), ref=None, id="noref-weekday"),
    case("The proposed budget for next year falls short.", D("next year", None), ref=None, id="noref-next-year"),
    case("Today, I met the Ukrainian defence minister.", D("Today", None), ref=None, id="noref-today"),
    case("The drone crossed two days ago.", D("two days ago", None), ref=None, id="noref-ago"),
    case("In 2022, the crowdfunding began.", D("2022", "2022"), ref=None, id="noref-year"),
    case("It lasted three days.", P("three days", "P3D"), ref=None, id="noref-duration"),
    case("The deal was signed on 10 November 2023.", D("10 November 2023", "2023-11-10"), ref=None,
         id="noref-full-date"),
]


@pytest.mark.parametrize("text, expected, ref", WITHOUT_REF)
def test_without_reference_date(text, expected, ref):
    assert got(text, ref) == expected


# ---- negatives: no date fact at all ---------------------------------------------------

NEGATIVES = [
    "Lithuania will deploy 2030 soldiers to the border.",
    "The fund spent €2025 and later €2,030 on fuel.",
    "Russia's invasion, which just entered its second year, continues.",
    "Landsbergis presented a 10-point plan to NATO.",
    "The population is 2.8 million, with 8,000 civilians killed.",
    "A 45-year-old soldier was detained at 14:05.",
    "The drills start at 14:05 sharp.",
    "It may be too late. May God protect Ukraine.",
    "May I ask what the ministry plans?",
    "The March on Washington was recalled by Ms March.",
    "Call the ministry on +370 5 273 0000 or 2023 1110.",
    "Ukraine asked for F-16, T-72 and 2S19 systems.",
    "Install version 2.1.2023 of the software.",
    "Lithuania is now currently spending annually, every day.",
    "The unit holds 3 million units of ammunition.",
    "A brigade of 5,000 soldiers was deployed.",
    "Last week the minister met NATO officials.",
    "The Sun reported that Sat and Wed are abbreviations.",
    "Two weeks ago the ministers met in Brussels.",
    "The reforms of the 1990s were costly.",
    # a rate, not a duration
    "Spending will grow by 0.3 percentage points a year.",
    "Deficits may exceed the rules by 1.5% of GDP a year.",
    "Ukraine now makes more than 1,000 of them a day.",
    "Windfall profits of roughly €3bn a year go to Kyiv.",
    "Output doubled compared with the previous year.",
    # a modifier glued to a month name (found by fuzzing: it crashed the extractor)
    "Baykar lateMay announced it would provide a drone.",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_negative(text):
    assert got(text, REF) == []


# ---- the two phases, directly ----------------------------------------------------------

@pytest.mark.parametrize("partial, future, expected", [
    (dates._Partial(None, 1, None), False, "2023-01"),
    (dates._Partial(None, 3, None), False, "2023-03"),
    (dates._Partial(None, 4, None), False, "2022-04"),
    (dates._Partial(None, 4, None), True, "2023-04"),
    (dates._Partial(None, 2, None), True, "2024-02"),
    (dates._Partial(None, 3, 2), True, "2023-03-02"),
    (dates._Partial(None, 3, 2), False, "2023-03-02"),
    (dates._Partial(None, 11, 22), False, "2022-11-22"),
    (dates._Partial(2021, 11, 22), False, "2021-11-22"),
])
def test_resolve_partial(partial, future, expected):
    assert dates.resolve_partial(partial, REF, future) == expected


def test_resolve_partial_without_reference():
    assert dates.resolve_partial(dates._Partial(None, 1, None), None) == "XXXX-01"
    assert dates.resolve_partial(dates._Partial(None, 11, 22), None) == "XXXX-11-22"


@pytest.mark.parametrize("weekday, direction, expected", [
    (4, "past", "2023-03-02"),    # a Thursday in a Thursday article is that day either way
    (4, "future", "2023-03-02"),
    (2, "past", "2023-02-28"),
    (2, "future", "2023-03-07"),
    (4, "last", "2023-02-23"),
    (4, "next", "2023-03-09"),
    (1, "this", "2023-02-27"),
])
def test_resolve_weekday(weekday, direction, expected):
    assert dates.resolve_weekday(weekday, REF, direction) == expected


def test_resolve_without_reference_is_null():
    assert dates.resolve_weekday(2, None, "past") is None
    assert dates.resolve_offset("year", -1, None) is None


def test_data_files_load_and_are_consistent():
    months = load_tsv("months.tsv", 2)
    assert {int(n) for _, n in months} == set(range(1, 13))
    assert {int(n) for _, n in load_tsv("weekdays.tsv", 2)} == set(range(1, 8))
    assert {d for _, d, _ in load_tsv("durations.tsv", 3)} <= {"D", "W", "M", "Y", "TH", "TM", "TS"}
    assert {k for _, _, k in load_tsv("dates_numbers.tsv", 3)} == {"cardinal", "ordinal"}


def test_every_month_row_is_matched():
    for word, n in load_tsv("months.tsv", 2):
        text = f"The contract was signed on 3 {word.capitalize()} 2021."
        facts = facts_of(text, "date")
        assert [f["value"] for f in facts] == [f"2021-{int(n):02d}-03"], word


# ---- conformance (../shared/conformance/date.jsonl, read in place) -----------------------

# Known misses, by input. strict: a fix shows up as XPASS and the row is removed.
XFAIL = {
    # holidays are not in FACTS.md's scope; the year alone is found
    "I'll go back on black friday 2010": "holidays are not recognised",
    "I'll go back on easter 2018": "holidays are not recognised",
    "I'll go back on saint patrick 2020": "holidays are not recognised",
    # lower-case april/august/september/october are not anchors (speed; news capitalises them)
    "I went back to China in the april.": "lower-case `april` alone is not an anchor",
    "i am off april 9th through 17th": "lower-case `april` without a year is not an anchor",
    "I'll be out between september 4th through september 8th": "lower-case `september` is not an anchor",
    "schedule me a 1:1 meeting on 14 nov": "lower-case `nov` without a year is not an anchor",
}


def _conformance_params():
    path = SHARED / "conformance" / "date.jsonl"
    if not path.exists():
        return [pytest.param(None, id="conformance-date")]
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        c = json.loads(line)
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[c["input"]])] if c["input"] in XFAIL else []
        out.append(pytest.param(c, id=f"L{n}:{c['input'][:40]}", marks=marks))
    return out


@functools.cache
def _score():
    """../shared/score.py, whose FACTS.md section 3 keys decide what counts as the same fact."""
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _keys(items):
    return [k for f in items for k in _score().date_keys({**f, "kind": f.get("kind", "date")})]


@pytest.mark.parametrize("c", _conformance_params())
def test_conformance(c):
    need_shared("conformance", "date.jsonl")
    ref = date.fromisoformat(c["reference_date"]) if c.get("reference_date") else None
    facts = facts_of(c["input"], "date", reference_date=ref)
    expected = sorted(set(_keys(c["expected"])))
    found = sorted(set(_keys([f.to_dict() for f in facts])))
    assert found == expected, [(f.text, f["value"], f["value_end"]) for f in facts]
