"""Officials: table-driven cases, our own news-style sentences (FACTS.md section 2, `official`).

Span policy: a fact is a mention of the person's name; the title is in `role_text`. Every
mention of one person carries the same name (the fullest form written), role and country.
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from conftest import REF, facts_of, need_shared
from lituania_facts.document import make_document
from lituania_facts.extractors import officials as O
from lituania_facts.lexicon import data_text

ANY = object()   # "do not check this value"


def case(text, span, name=None, role=ANY, country=ANY, role_text=ANY, ref=REF, id=None):
    return pytest.param(text, span, name or span, role, country, role_text, ref, id=id or span)


def one(facts, span):
    got = [f for f in facts if f.text == span]
    assert got, f"no official {span!r} in {[f.text for f in facts]}"
    return got[0]


POSITIVE = [
    # title before the name
    case("Lithuanian Defence Minister Arvydas Anušauskas opened the range.", "Arvydas Anušauskas",
         role="defence minister", country="Lithuania", role_text="Lithuanian Defence Minister"),
    case("The bill was presented by Sweden's Minister for Finance Elisabeth Svantesson.",
         "Elisabeth Svantesson", role="finance minister", country="Sweden", role_text="Sweden's Minister for Finance"),
    case("Danish Minister for Economic Affairs Stephanie Lose opened the fund.", "Stephanie Lose",
         role="economy minister", country="Denmark"),
    case("Peter Hultqvist, who was minister for defence between 2014 and 2022, argued for more.",
         "Peter Hultqvist", role="defence minister", role_text="minister for defence"),
    case("Kęstutis Budrys, who became foreign minister in December, spoke.", "Kęstutis Budrys",
         role="foreign minister", country="Lithuania"),
    case("Deputy Interior Minister Wiesław Leśniakiewicz toured fire stations.", "Wiesław Leśniakiewicz",
         role="deputy minister", role_text="Deputy Interior Minister"),
    case("Interior and Administration Minister Tomasz Siemoniak promised shelters.", "Tomasz Siemoniak",
         role="interior minister", role_text="Interior and Administration Minister"),
    case("Podlaskie Voivode Jacek Brzozowski said the money had arrived.", "Jacek Brzozowski", role="governor"),
    case("Peter Stano, the EU's lead spokesperson for foreign affairs, said it.", "Peter Stano",
         role="spokesperson", country="European Union"),
    case("Dan Jørgensen, the EU Energy Commissioner, said on Thursday.", "Dan Jørgensen",
         role="official", country="European Union", role_text="EU Energy Commissioner"),
    case("Commander-in-Chief Oleksandr Syrskyi said Russian forces had lost armour.", "Oleksandr Syrskyi",
         role="commander", country="Ukraine", ref=date(2024, 6, 12)),
    case("Paweł Bejda, Secretary of State at the MoD, signed the contract.", "Paweł Bejda",
         role="deputy defence minister", role_text="Secretary of State at the MoD"),
    case("The committee's chair, Heikki Autto (NCP), said the law was at the limit.", "Heikki Autto",
         role="member of parliament", role_text="committee's chair"),
    case("Chair of the Committee on National Security and Defence Giedrimas Jeglinskas said so.",
         "Giedrimas Jeglinskas", role="member of parliament"),
    case("Alexei Besprozvannykh, the governor of the Kaliningrad region, posted pictures.",
         "Alexei Besprozvannykh", role="governor", country="Russia",
         role_text="governor of the Kaliningrad region"),
    case("Marjorie Taylor Greene, the congresswoman from Georgia, had filed a motion.", "Marjorie Taylor Greene",
         role="member of parliament", role_text="congresswoman from Georgia"),
    case("Chuck Schumer, the majority leader, called it a message.", "Chuck Schumer",
         role="member of parliament"),
    # the subject of an appointment verb
    case("Jonas Petraitis was appointed defence minister in December.", "Jonas Petraitis",
         role="defence minister", role_text="defence minister"),
    case("Gen. Raimundas Vaikšnoras became Lithuania's Chief of Defence in July.", "Raimundas Vaikšnoras",
         role="chief of defence", country="Lithuania", role_text="Lithuania's Chief of Defence"),
    case("Ona Kazlauskienė was named deputy foreign minister.", "Ona Kazlauskienė",
         role="deputy foreign minister"),
    case("Jonas Petraitis served as ambassador to Poland until 2021.", "Jonas Petraitis", role="ambassador"),
    case("NATO Secretary General Jens Stoltenberg arrived in Vilnius.", "Jens Stoltenberg",
         role="secretary general", country="NATO", role_text="NATO Secretary General"),
    case("President Zelenskyy thanked the Lithuanian people.", "Zelenskyy", role="president",
         country="Ukraine", role_text="President", id="president-title-known-country"),
    case("Ex-Deputy Defense Minister Pavel Popov was moved to a hospital.", "Pavel Popov",
         role="deputy defence minister", country=None, role_text="Ex-Deputy Defense Minister"),
    case("The speech by former U.S. President Donald Trump was short.", "Donald Trump",
         role="president", country="United States", role_text="former U.S. President"),
    case("Prime Minister Ingrida Šimonytė opened the session.", "Ingrida Šimonytė",
         role="prime minister", role_text="Prime Minister"),
    case("Chief of Defence Gen. Valdemaras Rupšys inspected the brigade.", "Valdemaras Rupšys",
         role="chief of defence", role_text="Chief of Defence Gen."),
    case("Lithuania's Foreign Minister Kęstutis Budrys met his Latvian counterpart.",
         "Kęstutis Budrys", role="foreign minister", country="Lithuania",
         role_text="Lithuania's Foreign Minister"),
    case("Ukrainian President Volodymyr Zelensky addressed the Seimas.", "Volodymyr Zelensky",
         role="president", country="Ukraine"),
    case("He met Minister of Defence of Ukraine Rustem Umerov in Kyiv.", "Rustem Umerov",
         role="defence minister", country="Ukraine", role_text="Minister of Defence of Ukraine"),
    case("Poland's defence minister Władysław Kosiniak-Kamysz closed the border crossing.",
         "Władysław Kosiniak-Kamysz", role="defence minister", country="Poland", id="hyphenated"),
    case("European Commission President Ursula von der Leyen visited Kyiv.", "Ursula von der Leyen",
         role="president", country="European Union", id="particles"),
    case("Lithuania's top diplomat Gabrielius Landsbergis called for sanctions.",
         "Gabrielius Landsbergis", role="foreign minister", country="Lithuania"),
    case("U.S. Secretary of State Antony Blinken arrived in Vilnius.", "Antony Blinken",
         role="foreign minister", country="United States"),
    case("Kremlin spokesman Dmitry Peskov declined to comment.", "Dmitry Peskov",
         role="spokesperson", country="Russia"),
    case("German Chancellor Olaf Scholz promised a brigade.", "Olaf Scholz", role="prime minister",
         country="Germany"),
    case("Latvian Interior Minister Rihards Kozlovskis visited the border.", "Rihards Kozlovskis",
         role="interior minister", country="Latvia", id="latvian-names"),
    case("Estonian Prime Minister Kristen Michal met the troops.", "Kristen Michal",
         role="prime minister", country="Estonia"),
    case("Vilnius Mayor Valdas Benkunskas welcomed the troops.", "Valdas Benkunskas", role="mayor",
         country="Lithuania"),
    case("The Seimas Speaker Saulius Skvernelis opened the session.", "Saulius Skvernelis",
         role="speaker", country="Lithuania"),
    case("U.S. Ambassador to Lithuania Kara McDonald visited the base.", "Kara McDonald",
         role="ambassador", country="United States", role_text="U.S. Ambassador to Lithuania"),
    case("Vice-Minister of National Defence Vilius Semėška signed the contract.", "Vilius Semėška",
         role="deputy defence minister"),
    # the commander of a country's whole armed forces is its chief of defence
    case("Commander of the Lithuanian Armed Forces Gen. Raimundas Vaikšnoras spoke.",
         "Raimundas Vaikšnoras", role="chief of defence", country="Lithuania"),
    case("Commander of the Ukrainian Ground Forces Gen. Oleksandr Pavliuk spoke.",
         "Oleksandr Pavliuk", role="commander", country="Ukraine", id="commander-of-one-branch"),
    case("Leningrad region governor Alexander Drozdenko confirmed the fire.",
         "Alexander Drozdenko", role="governor", country="Russia", id="region-gives-country"),
    case("Defence Commissioner Andrius Kubilius called it a turning point.", "Andrius Kubilius",
         role="official", country="European Union", ref=date(2025, 3, 1), id="known-eu-commissioner"),
    case("Zelensky's chief of staff Andriy Yermak arrived in Washington.", "Andriy Yermak",
         role="chief of staff", country="Ukraine"),
    case("Former defence minister Raimundas Karoblis said the plan was sound.",
         "Raimundas Karoblis", role="defence minister", role_text="Former defence minister"),
    case("He met defence minister Arvydas Anušauskas in Vilnius.", "Arvydas Anušauskas",
         role="defence minister", role_text="defence minister", id="bare-lower-case-title"),
    case("Lithuania's defense chief Arvydas Anušauskas spoke.", "Arvydas Anušauskas",
         role="defence minister", country="Lithuania", id="defense-chief-minister"),
    case("Lithuanian defence chief Gen. Valdemaras Rupšys spoke.", "Valdemaras Rupšys",
         role="chief of defence", country="Lithuania", id="defence-chief-with-rank"),
    case("The head of state, Gitanas Nausėda, signed the law.", "Gitanas Nausėda", role="president",
         role_text="head of state"),
    # ranks, MPs
    case("Lt. Gen. Raimundas Vaikšnoras visited the troops.", "Raimundas Vaikšnoras",
         role="commander", role_text="Lt. Gen.", id="lt-gen"),
    case("Maj. Gen. Mindaugas Steponavičius spoke to reporters.", "Mindaugas Steponavičius",
         role="commander", id="maj-gen"),
    case("Col. Jonas Petraitis commands the battalion.", "Jonas Petraitis", role="commander",
         id="col"),
    case("MP Laurynas Kasčiūnas criticised the plan.", "Laurynas Kasčiūnas",
         role="member of parliament", role_text="MP"),
    case("Seimas member Giedrimas Jeglinskas asked for more funding.", "Giedrimas Jeglinskas",
         role="member of parliament", country="Lithuania"),
    # name, then role (appositives)
    case("Gabrielius Landsbergis, Minister of Foreign Affairs of Lithuania, spoke in Brussels.",
         "Gabrielius Landsbergis", role="foreign minister", country="Lithuania",
         role_text="Minister of Foreign Affairs of Lithuania"),
    case("The plan was defended by Kasčiūnas, the defence minister, on Tuesday.", "Kasčiūnas",
         role="defence minister", role_text="defence minister"),
    case("Yesterday the minister, Dovilė Šakalienė, said the budget would grow.", "Dovilė Šakalienė",
         role="minister", role_text="minister", id="role-comma-name"),
    case("The border is closed, said Agnė Bilotaitė, the country's interior minister.",
         "Agnė Bilotaitė", role="interior minister", id="country's-no-country"),
    case("Lithuania shut two crossings, said Agnė Bilotaitė, the country's interior minister.",
         "Agnė Bilotaitė", role="interior minister", country="Lithuania", id="country's-resolved"),
    case("A spokesperson for the ministry, Ilona Mažeikienė, said the drones had arrived.",
         "Ilona Mažeikienė", role="spokesperson"),
    case("Vladimir Putin's spokesman, Dmitry Peskov, said Moscow would respond.", "Dmitry Peskov",
         role="spokesperson", country="Russia"),
    case("Wang Lei, the spokeswoman for the National People's Congress, said the law would pass.",
         "Wang Lei", role="spokesperson", role_text="spokeswoman for the National People's Congress",
         id="appositive-long-tail"),
    # role near, not next to the name
    case("Lithuania will buy tanks, said Lithuania's defense minister on Tuesday. "
         "In an interview, Arvydas Anusauskas added that talks went well.", "Arvydas Anusauskas",
         role="defence minister", country="Lithuania", role_text="Lithuania's defense minister"),
    # known officials without a title
    case("Putin said the war would go on.", "Putin", role="president", country="Russia"),
    case("Troops left Siversk. Putin said the war would go on.", "Putin", role="president",
         id="known-after-sentence-end"),
    case("Trump spoke to reporters on the plane.", "Trump", role="president", country="United States",
         ref=date(2025, 6, 1)),
    case("The Kremlin uses Dmitry Medvedev to make threats.", "Dmitry Medvedev", country="Russia"),
    # coordination: a title without a country next to one with it
    case("Budrys and Defense Minister Dovilė Šakalienė wrote to NATO.", "Dovilė Šakalienė",
         role="defence minister", country="Lithuania", ref=date(2025, 3, 1)),
    case("The delegation flew to Poland. President Jonas Petraitis greeted it.", "Jonas Petraitis",
         role="president", role_text="President", country=None, id="sentence-end-not-a-modifier"),
    case("Lithuania closed its border.\n\nRelated posts\n\nEx-Deputy Defense Minister Ivan Orlov "
         "Transferred to Hospital Amid Health Concerns\n", "Ivan Orlov", country=None,
         id="no-context-country-in-headline"),
    # no country in the title: the state named before it in the sentence, else the document's
    case("Spain won a carve-out, with Prime Minister Pablo Ruiz insisting 2.1% was enough.",
         "Pablo Ruiz", role="prime minister", country="Spain", id="context-same-sentence"),
    case("Lithuania will spend €12 million on its border with Belarus, Interior Minister Jonas "
         "Petraitis said. Belarus denied sending balloons. Lithuania closed two checkpoints.",
         "Jonas Petraitis", role="interior minister", country="Lithuania", id="context-first-state"),
    case("Russia fired 40 missiles at Ukraine overnight, Ukrainian President Volodymyr Zelenskyy "
         "said. Lt. Gen. Ivan Petrenko said Russia makes 2,700 drones a month. Ukraine's Foreign "
         "Minister Andrii Sybiha called for more air defence.", "Ivan Petrenko", role="commander",
         country="Ukraine", id="context-officials-majority"),
    case("Ukrainian President Volodymyr Zelensky and Defence Minister Oleh Petrenko met.",
         "Oleh Petrenko", role="defence minister", country="Ukraine", id="coordination-unknown"),
    # a role phrase, a comma, then rank and name: the role phrase wins over the rank
    case("Latvia's chief of defence, Maj. Gen. Jānis Ozols, said the brigade was ready.",
         "Jānis Ozols", role="chief of defence", country="Latvia", id="role-comma-rank"),
    case("The chief of the general staff, Gen. Tomasz Nowak, asked for more drones.",
         "Tomasz Nowak", role="chief of staff", id="chief-of-staff-comma-rank"),
    # a capital city as the only state named before a title
    case("In Oslo, Foreign Minister Kari Nordmann welcomed the decision.", "Kari Nordmann",
         role="foreign minister", country="Norway", id="capital-gives-country"),
    # committee chairs of a parliament are members of parliament
    case("Rūta Miliūtė, chairwoman of the Seimas' foreign affairs committee, backed the plan.",
         "Rūta Miliūtė", role="member of parliament", country="Lithuania", id="committee-chair-seimas"),
    case("Anna Schmidt, the chair of the Bundestag's defence committee, warned of costs.",
         "Anna Schmidt", role="member of parliament", country="Germany", id="committee-chair-bundestag"),
    case("According to Laima Petrauskienė, a member of the Seimas, the vote was close.",
         "Laima Petrauskienė", role="member of parliament", country="Lithuania", id="according-to-appositive"),
    case("Vytautas Landsbergis, Chairman of the Supreme Council, appealed to the world.",
         "Vytautas Landsbergis", role="speaker", id="supreme-council-chairman"),
    case("Kyiv's human rights commissioner, Dmytro Kovalenko, said the men were freed.", "Dmytro Kovalenko",
         role="official", country="Ukraine", id="human-rights-commissioner"),
    case("Commander-in-Chief Oleksandr Petrenko said drones inflict most losses.", "Oleksandr Petrenko",
         role="commander", id="commander-in-chief-title-case"),
    case("Committee chairman Tomas Jonaitis opened the hearing in the Seimas.", "Tomas Jonaitis",
         role="member of parliament", id="committee-chairman-title"),
    case("Mykhailo Fedorov, Ukraine's Minister of Digital Transformation, praised the drone makers.",
         "Mykhailo Fedorov", role="minister", country="Ukraine",
         role_text="Ukraine's Minister of Digital Transformation", ref=None, id="portfolio-not-refined"),
    # a present office wins over a former one stated elsewhere
    case("Secretary General Mark Rutte called it a leap. Rutte, the former Dutch prime minister, cut "
         "the text.", "Mark Rutte", role="secretary general", country="NATO", ref=date(2025, 6, 26),
         id="present-office-over-former"),
    case("Minister of the Armed Forces Sébastien Lecornu visited the camp.", "Sébastien Lecornu",
         role="defence minister", id="minister-of-the-armed-forces"),
    # an appositive role with a lower-case portfolio after it
    case("Rasa Jankauskienė, the EU's first commissioner for fisheries and oceans, spoke in Vilnius.",
         "Rasa Jankauskienė", role="official", country="European Union", id="appositive-portfolio-tail"),
]


@pytest.mark.parametrize("text, span, name, role, country, role_text, ref", POSITIVE)
def test_official(text, span, name, role, country, role_text, ref):
    f = one(facts_of(text, "official", reference_date=ref), span)
    assert f["name"] == name
    if role is not ANY:
        assert f["role"] == role
    if country is not ANY:
        assert f["country"] == country
    if role_text is not ANY:
        assert f["role_text"] == role_text


NEGATIVE = [
    "Press office - General Secretariat of the Council",
    "Jets fired in what Poland's prime minister called a violation. Our correspondent Tom Reilly is in Warsaw.",
    "General Dynamics was named prime contractor, and Reuters became the official partner.",
    "He became president in 2019; she was appointed defence minister.",
    "Jonas Smith, who is a defence analyst at the institute, said the plan was late.",
    "Jonas Jonaitis, head of the organising committee, thanked the volunteers.",
    pytest.param("Lithuania Seeks NATO Support Following Russian Drone Violations", id="headline"),
    pytest.param("Turkish drone maker Baykar delivered the drone, Anadolu reported.", id="company-media"),
    pytest.param("Baykar Technology later announced it would provide a TB2.", id="company"),
    pytest.param("The Institute for the Study of War said Russian forces advanced near Kupyansk.",
                 id="think-tank"),
    pytest.param("Both countries guard the Suwałki Gap, reports TVP World.", id="place-media"),
    pytest.param("Analyst Marius Laurinavičius said the threat was real.", id="analyst"),
    pytest.param("Jonas Jonaitis, a farmer from Rukla, said the drills were loud.", id="no-office"),
    pytest.param("In Kyiv, the defence minister met soldiers.", id="place-before-role"),
    pytest.param("Speaking in Rukla, the defence minister said the brigade was ready.", id="place-comma"),
    pytest.param("The President's Office said the decision was final.", id="office"),
    pytest.param("The Defence Ministry announced the purchase of tanks.", id="ministry"),
    pytest.param("Prime Minister's Office spokesperson declined to comment.", id="pm-office"),
    pytest.param("Lithuanian Foreign Minister Says NATO Must Act", id="headline-title"),
    pytest.param("Defence Minister Monday announced a new plan.", id="weekday"),
    pytest.param("The ministers discussed the situation.", id="plural"),
    pytest.param("General Dynamics will build the plant.", id="general-company"),
    pytest.param("Austin is the capital of Texas.", id="ambiguous-surname"),
    pytest.param("In May, the Seimas approved the budget.", id="may"),
    pytest.param("Melania Trump attended the dinner.", id="other-first-name"),
    pytest.param("Hunter Biden spoke to reporters.", id="other-first-name-2"),
    pytest.param("Lithuanian defence minister: we need more air defence", id="no-name"),
    pytest.param("A spokeswoman for the National People's Congress declined to comment.",
                 id="tail-then-capitalised"),
    pytest.param("BP chairman Carl Svensson said the deal would pay off.", id="company-chairman"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_official(text):
    assert facts_of(text, "official", reference_date=REF) == []


# Known misses, kept honest: a fix shows up as XPASS.
XFAIL = [
    pytest.param("Jan Vos, the president of the Eurogroup of finance ministers, spoke.", "Jan Vos",
                 "official", id="unknown-organisation-tail",
                 marks=pytest.mark.xfail(strict=True, reason="`of the Eurogroup`: organisation not listed")),
    pytest.param("Gen. Ivan Orlov, chief of Russia's General Staff, spoke.", "Ivan Orlov",
                 "chief of staff", id="genitive-inside-role",
                 marks=pytest.mark.xfail(strict=True, reason="role words split by a genitive")),
    pytest.param("The Speaker of Parliament, Jussi Halla-aho, closed the session.", "Jussi Halla-aho",
                 "speaker", id="lower-case-after-hyphen",
                 marks=pytest.mark.xfail(strict=True, reason="a name part after a hyphen must be "
                                         "capitalised (`Šimonytė-led` is no name)")),
]


@pytest.mark.parametrize("text, span, role", XFAIL)
def test_known_misses(text, span, role):
    f = one(facts_of(text, "official", reference_date=REF), span)
    assert f["role"] == role


# ---- linking --------------------------------------------------------------------------

def test_later_mentions_share_name_role_country():
    text = ("Lithuanian Defence Minister Arvydas Anušauskas met Ukrainian President Volodymyr "
            "Zelensky in Kyiv. Anušauskas thanked V. Zelenskyy. Later Anusauskas said Zelenskiy "
            "agreed.")
    facts = facts_of(text, "official", reference_date=REF)
    by_text = {f.text: f for f in facts}
    assert set(by_text) == {"Arvydas Anušauskas", "Volodymyr Zelensky", "Anušauskas",
                            "V. Zelenskyy", "Anusauskas", "Zelenskiy"}
    for t in ("Arvydas Anušauskas", "Anušauskas", "Anusauskas"):
        assert (by_text[t]["name"], by_text[t]["role"], by_text[t]["country"]) == \
            ("Arvydas Anušauskas", "defence minister", "Lithuania")
    for t in ("Volodymyr Zelensky", "V. Zelenskyy", "Zelenskiy"):
        assert (by_text[t]["name"], by_text[t]["role"], by_text[t]["country"]) == \
            ("Volodymyr Zelensky", "president", "Ukraine")


ROUNDUP = """NORDIC-BALTIC BRIEF

1. LITHUANIA: tanks
Lithuanian Defence Minister Rasa Mileikė and Lithuania's Foreign Minister Tomas Kairys signed the deal.

2. DENMARK: "Buy, buy, buy"
Prime Minister Anna Berg unveiled a fund on Wednesday.

3. Sweden — a record year
Defence Minister Jonas Lind welcomed the results.
"""


def test_a_roundup_section_label_gives_the_state():
    facts = {f.text: f for f in facts_of(ROUNDUP, "official", reference_date=REF)}
    assert facts["Anna Berg"]["country"] == "Denmark"
    assert facts["Jonas Lind"]["country"] == "Sweden"
    assert facts["Rasa Mileikė"]["country"] == "Lithuania"


def test_one_topic_label_is_no_roundup():
    # a title over the whole text (`Estonia: Military Equipment`) is not a section by state
    text = ("Estonia: Military Equipment\n\nAnswered by Defence Minister Jonas Lind, who said the "
            "United Kingdom would send more troops. Lind spoke in London.")
    [f, *_] = facts_of(text, "official", reference_date=REF)
    assert f["country"] != "Estonia"


def test_fullest_name_wins_even_when_later():
    facts = facts_of("Minister Umerov arrived. Minister of Defence of Ukraine Rustem Umerov spoke.",
                     "official", reference_date=REF)
    assert {f["name"] for f in facts} == {"Rustem Umerov"}
    assert {f["role"] for f in facts} == {"defence minister"}


def test_quote_attribution_is_a_mention():
    text = "Lithuania's Foreign Minister Kęstutis Budrys spoke.\n\n“We need air defence.” – Kęstutis Budrys"
    facts = facts_of(text, "official", reference_date=REF)
    assert [f.text for f in facts] == ["Kęstutis Budrys", "Kęstutis Budrys"]
    assert facts[1]["role"] == "foreign minister"


def test_two_people_same_surname_stay_apart():
    text = ("Former president Vytautas Landsbergis and Foreign Minister Gabrielius Landsbergis "
            "spoke.")
    facts = facts_of(text, "official", reference_date=REF)
    assert {(f["name"], f["role"]) for f in facts} == {
        ("Vytautas Landsbergis", "president"), ("Gabrielius Landsbergis", "foreign minister")}


# ---- known officials and reference dates ------------------------------------------------

def known(name: str) -> O.Known:
    person = next((k for k in O.lexicon().known if k.name == name), None)
    assert person is not None, f"{name} is not in data/officials.jsonl"
    return person


@pytest.mark.parametrize("ref, role, country", [
    (date(2022, 5, 1), "foreign minister", "Latvia"),
    (date(2024, 5, 1), "president", "Latvia"),
    (None, "president", "Latvia"),
])
def test_office_at_reference_date(ref, role, country):
    known("Edgars Rinkēvičs")
    f = one(facts_of("Rinkēvičs said the Baltic states must act.", "official", reference_date=ref),
            "Rinkēvičs")
    assert (f["role"], f["country"]) == (role, country)


@pytest.mark.parametrize("ref, role", [(date(2022, 3, 1), None), (date(2025, 3, 1), "defence minister")])
def test_lithuanian_defence_minister_by_date(ref, role):
    # Šakalienė took office in December 2024: in a 2022 text she is known, with no office yet.
    known("Dovilė Šakalienė")
    f = one(facts_of("Šakalienė said the army needs drones.", "official", reference_date=ref), "Šakalienė")
    assert (f["role"], f["country"]) == (role, "Lithuania")


def test_former_office_before_reference_date():
    known("Arvydas Anušauskas")
    f = one(facts_of("Anušauskas said the army needs drones.", "official",
                     reference_date=date(2025, 3, 1)), "Anušauskas")
    assert (f["role"], f["country"]) == ("defence minister", "Lithuania")


def test_text_role_wins_over_known_office():
    f = one(facts_of("MP Arvydas Anušauskas said the army needs drones.", "official",
                     reference_date=date(2022, 3, 1)), "Arvydas Anušauskas")
    assert (f["role"], f["country"]) == ("member of parliament", "Lithuania")


# Policy with fictional people, so it does not move when data/officials.jsonl does.
FICTION = (
    O.Known("Jonas Testaitis", (), (
        O.Office("defence minister", "Lithuania", date(2016, 1, 1), date(2020, 1, 1)),
        O.Office("prime minister", "Lithuania", date(2020, 1, 2), None))),
    O.Known("Ona Bandaitė", (), (
        O.Office("secretary general", "NATO", date(2030, 1, 1), None),)),
)


@pytest.mark.parametrize("ref, role, country", [
    (date(2018, 6, 1), "defence minister", "Lithuania"),   # held at that date
    (date(2020, 1, 1), "defence minister", "Lithuania"),   # last day counts
    (date(2023, 6, 1), "prime minister", "Lithuania"),
    (date(2010, 6, 1), None, "Lithuania"),                 # before any office: no role
    (None, "prime minister", "Lithuania"),                 # no date: the office that began last
])
def test_office_policy(ref, role, country):
    lex = O.build_lexicon(FICTION)
    doc = make_document("Testaitis spoke to reporters.", "t.txt", ref)
    [f] = O.find(doc, lex)
    assert (f.text, f["name"], f["role"], f["country"]) == ("Testaitis", "Testaitis", role, country)


def test_no_organisation_guessed_before_its_office():
    lex = O.build_lexicon(FICTION)
    [f] = O.find(make_document("Bandaitė spoke.", "t.txt", date(2025, 1, 1)), lex)
    assert (f["role"], f["country"]) == (None, None)


def test_generic_title_refined_by_known_office():
    lex = O.build_lexicon(FICTION)
    [f] = O.find(make_document("Minister Jonas Testaitis spoke.", "t.txt", date(2018, 1, 1)), lex)
    assert (f["role"], f["country"]) == ("defence minister", "Lithuania")


# ---- data files -----------------------------------------------------------------------

def test_roles_are_those_of_facts_md():
    facts_md = need_shared("FACTS.md").read_text(encoding="utf-8")
    section = facts_md[facts_md.index("**official**"):facts_md.index("**weapon**")]
    listed = section[section.index("from:"):section.index("`null` when unknown")]
    assert tuple(re.findall(r"`([a-z ]+)`", listed)) == O.ROLES


def tsv_rows(name):
    return [line.split("\t") for line in data_text(name).splitlines()
            if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name, roles_from", [("roles.tsv", 1), ("ranks.tsv", 1)])
def test_tsv_roles_canonical_and_unique(name, roles_from):
    seen = {}
    for cells in tsv_rows(name):
        surface = cells[0].lower()
        assert surface not in seen, f"{name}: {cells[0]!r} listed twice"
        seen[surface] = cells[roles_from:]
        for role in cells[roles_from:]:
            if role:
                assert role in O.ROLES, f"{name}: {role!r} not in FACTS.md"


def test_countries_unique():
    seen = {}
    for surface, country in tsv_rows("countries.tsv"):
        assert seen.setdefault(surface, country) == country, surface


def test_every_role_phrase_is_found():
    # Round trip: each row of roles.tsv, in lower case and Title Case, before a name.
    for cells in tsv_rows("roles.tsv"):
        for phrase in (cells[0], " ".join(w[:1].upper() + w[1:] for w in cells[0].split())):
            text = f"On Monday the {phrase} Jonas Petraitis said so."
            got = [(f.text, f["role"]) for f in facts_of(text, "official")]
            assert got == [("Jonas Petraitis", cells[1])], (phrase, got)


def test_every_rank_is_found():
    for surface, role in tsv_rows("ranks.tsv"):
        got = [(f.text, f["role"]) for f in facts_of(f"On Monday {surface} Jonas Petraitis said so.",
                                                     "official")]
        assert got == [("Jonas Petraitis", role)], (surface, got)


def test_every_country_word_is_read():
    for surface, country in tsv_rows("countries.tsv"):
        got = [f["country"] for f in facts_of(f"Then {surface} Defence Minister Jonas Petraitis spoke.",
                                              "official")]
        assert got == [country], (surface, got)


def test_modifier_and_nonperson_kinds():
    assert {k for _, k in tsv_rows("role_modifiers.tsv")} <= set(O.MODIFIER_KINDS)
    assert {k for _, k in tsv_rows("nonpersons.tsv")} <= set(O.NONPERSON_KINDS)


def officials_rows():
    return [json.loads(line) for line in data_text("officials.jsonl").splitlines()
            if line.strip() and not line.startswith("#")]


def test_officials_file_is_valid():
    iso = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
    for row in officials_rows():
        assert row["name"].strip() and row["offices"], row
        for o in row["offices"]:
            assert o["role"] in O.ROLES, row["name"]
            assert iso.match(o["start"]), row["name"]
            assert o["end"] is None or iso.match(o["end"]), row["name"]
            assert o["end"] is None or o["start"] <= o["end"], row["name"]


def test_officials_names_unique_across_people():
    owner = {}
    for row in officials_rows():
        for form in {O.fold(n).lower() for n in (row["name"], *row["aliases"])}:
            assert owner.setdefault(form, row["name"]) == row["name"], \
                f"{form!r} names both {owner[form]} and {row['name']}"


def test_no_known_name_word_is_blocked():
    # A blocked word (nonpersons.tsv, countries, roles) inside a known name would cut it short.
    lex = O.lexicon()
    for k in lex.known:
        for full in (k.name, *k.aliases):
            for w in full.split():
                assert w in O._PARTICLE_SET or O.fold(w).lower() not in lex.blocked, (full, w)


def test_a_portfolio_word_is_not_a_name():
    facts = facts_of("Answered by the Minister for Defence Procurement and Industry.", "official",
                     reference_date=REF)
    assert [f.text for f in facts] == []
