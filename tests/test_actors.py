"""find_actors and actors_table on real news sentences, including ones that must not yield an actor."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import mediakit as mk
from mediakit.framing.actors import actors_table, find_actors

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "newsweek-2024-10-28-russia-responds-trump-moscow.txt"


def _actors(text: str) -> dict[str, tuple[str, list[str]]]:
    return {a.name: (a.kind, [m.text for m in a.mentions]) for a in find_actors(text)}


@pytest.mark.parametrize(
    "text, name, kind, mentions",
    [
        (
            "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Tuesday. "
            "Scholz said the talks were useful.",
            "Olaf Scholz", "person", ["Olaf Scholz", "Scholz"],
        ),
        (
            "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Tuesday.",
            "Emmanuel Macron", "person", ["Emmanuel Macron"],
        ),
        ("Angela Merkel spoke first. The former chancellor said she was worried.",
         "Angela Merkel", "person", ["Angela Merkel", "The former chancellor", "she"]),
        ("Labour leader Keir Starmer visited Manchester. Starmer, the opposition leader, promised change.",
         "Keir Starmer", "person", ["Keir Starmer", "Starmer", "the opposition leader"]),
        ("Labour leader Keir Starmer visited Manchester.", "Manchester", "place", ["Manchester"]),
        ("When the storm hit, residents of New Orleans fled.", "New Orleans", "place", ["New Orleans"]),
        ("Floods hit Karachi on Monday.", "Karachi", "place", ["Karachi"]),
        ("The Pentagon said the strike killed two militants.", "Pentagon", "organisation", ["Pentagon"]),
        ("Apple Inc. reported record profits, and Tim Cook praised the team.", "Tim Cook", "person", ["Tim Cook"]),
        ("Kremlin spokesperson Dmitry Peskov said on Monday that talks had stalled. Peskov told reporters "
         "he would not comment.", "Dmitry Peskov", "person", ["Dmitry Peskov", "Peskov", "he"]),
    ],
)
def test_actor_found_with_kind_and_mentions(text: str, name: str, kind: str, mentions: list[str]) -> None:
    found = _actors(text)
    assert name in found, found
    assert found[name] == (kind, mentions)


def test_former_and_current_holder_are_told_apart() -> None:
    found = _actors("President Joe Biden met Donald Trump. The former president said he would win. "
                    "The president disagreed.")
    assert "The former president" in found["Donald Trump"][1]
    assert "The president" in found["Joe Biden"][1]


@pytest.mark.parametrize(
    "text",
    [
        "The Republican candidate spoke. Russian state media reported it.",  # adjectives, not actors
        "Unfortunately, nobody came. However, Monday was quiet.",  # capitalised by position
        "\"I'm going to win,\" he said. \"We're friends. Way.\"",  # contractions and quoted sentence starts
        "the talks continue.",
    ],
)
def test_sentences_that_name_no_actor(text: str) -> None:
    assert _actors(text) == {}


def test_bundled_article_actors_and_labels() -> None:
    article = mk.load_article(ARTICLE)
    actors = {a.name: a for a in find_actors(article)}
    trump = actors["Donald Trump"]
    assert {"the former president", "the Republican candidate"} <= set(trump.labels)
    assert {"Russian President", "the Russian leader"} <= set(actors["Vladimir Putin"].labels)
    assert "Kremlin spokesperson" in actors["Dmitry Peskov"].labels
    assert actors["Moscow"].kind == "place" and actors["Kremlin"].kind == "organisation"
    assert not {"I'm", "We're", "Way"} & set(actors)
    for a in actors.values():
        for m in a.mentions:
            assert article.text[m.start : m.end] == m.text


def test_actors_table_joins_voice_and_tone() -> None:
    table = actors_table(mk.load_article(ARTICLE)).set_index("name")
    assert table.loc["Donald Trump", "quoted_words_direct"] > table.loc["Dmitry Peskov", "quoted_words_direct"] > 0
    assert table.loc["Moscow", "quoted_words_direct"] == 0
    # shares are of all quoted words; speakers that are not actors ("the data") hold the rest
    assert 0.5 < table["share_of_voice"].sum() <= 1.0
    assert table.loc["Donald Trump", "n_mentions"] >= 15


def test_many_people_stay_linear() -> None:
    def run(n: int) -> float:
        text = " ".join(f"Minister John Smith{i} met the president. The former president said so." for i in range(n))
        t = time.perf_counter()
        find_actors(text)
        return time.perf_counter() - t

    run(50)
    small, large = run(300), run(1200)
    assert large < 12 * small + 1.0, (small, large)  # 4x the text: linear gives ~4x, quadratic ~16x


def test_first_word_lookup_agrees_with_textblob_tagger() -> None:
    """The cached look-up that decides whether a capitalised first word is a name gives the tagger's answer."""
    from textblob.en import tag

    from mediakit.framing.actors import _is_proper_at_start
    from mediakit.segment import tokenize

    text = mk.load_article(ARTICLE).text + (
        " Under AFL-CIO rules, workers vote. Despite that, Meanwhile Mexican Americans, Party,said "
        "Gartner, Trump's U.S. Don't Washington-based XD Ängström said. Japan’s Isn't Consumers' Aren't "
        "McDonald's O'Brien Nazi\" “Quoted” Under\nThe Tom"
    )
    n = 0
    for t in tokenize(text):
        if t.text[:1].isupper():
            s = text[t.start : t.start + 80]
            want = tag(s)[0][1].startswith("NNP")
            assert _is_proper_at_start(t.text, s) == want, s
            n += 1
    assert n > 80


def test_tagger_without_nltk_gives_textblobs_tags() -> None:
    """mediakit's copy of TextBlob's tagger (its own _text.py, loaded without NLTK) tags as textblob.en.tag does."""
    from textblob.en import parser, tag

    from mediakit._textblob_tagger import _parser, tag_lexicon, tagger

    assert _parser() is not None  # the installed TextBlob is laid out as expected: the fast path is in use
    ours = tagger()
    text = mk.load_article(ARTICLE).text
    openings = [text[m.start() : m.start() + 80] for m in re.finditer(r"(?<![\w'’-])[A-Z]", text)]
    openings += ["Anti-virus firms said so.", "No-one knew.", "U2's Bono sang.", "Don't go!", "R&B rules"]
    assert len(openings) > 40
    for s in openings:
        assert ours(s) == tag(s), s
    assert dict(tag_lexicon()) == dict(parser.lexicon)


def test_analysis_does_not_import_nltk() -> None:
    """TextBlob's package __init__ imports NLTK (about a second); an analysis needs neither."""
    code = (
        "import sys, mediakit as mk; "
        "mk.analyze('Anti-virus firms warned on Monday. \"It is bad,\" said John Smith of Acme Corp.'); "
        "print('nltk' in sys.modules, 'textblob' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_sentence_initial_function_word_and_nationality_are_not_part_of_names() -> None:
    actors = {a.name: a for a in mk.analyze(
        "Under AFL-CIO rules, workers vote. Australian Lynton Crosby ran the campaign. Crosby said it was over."
    ).actors}
    assert set(actors) == {"AFL-CIO", "Lynton Crosby"}
    crosby = actors["Lynton Crosby"]
    assert crosby.kind == "person" and "Australian" in crosby.labels
    assert [m.text for m in crosby.mentions] == ["Lynton Crosby", "Crosby"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Although Diageo cut prices, sales fell.", {"Diageo"}),
        ("Despite Downing Street denials, the row grew.", {"Downing Street"}),
        ("Russian Nadia Petrova beat American Abigail Spears.", {"Nadia Petrova", "Abigail Spears"}),
        ("Welsh patients wait longer than English ones, the French say.", set()),
        # kept whole: a modal is not a function word here, an organisation is not a person, nor a nationality
        ("Will Smith starred in the film.", {"Will Smith"}),
        ("British American Tobacco raised prices.", {"British American Tobacco"}),
        ("British Retail Consortium figures fell.", {"British Retail Consortium"}),
        ("Maybe I'll go, Kevin said.", {"Kevin"}),
    ],
)
def test_names_start_at_the_name(text: str, names: set[str]) -> None:
    assert set(_actors(text)) == names


def test_actor_table_tone_towards_reads_each_actor_apart() -> None:
    text = "Critics praised Maria Lopez on Monday after John Barker resigned in disgrace over the scandal."
    table = mk.actors_table(text).set_index("name")
    lopez, barker = table.loc["Maria Lopez"], table.loc["John Barker"]
    assert lopez["tone_mentions"] == barker["tone_mentions"]  # the same sentence: the old column cannot tell them apart
    assert lopez["tone_towards"] > barker["tone_towards"]
    assert barker["tone_towards"] < 0


def test_every_lazy_export_is_what_it_names_after_its_modules_load() -> None:
    """A submodule named like an export (mediakit.target_tone the module vs the function) would shadow it."""
    import importlib

    for module in set(mk._EXPORTS.values()):
        importlib.import_module(f"mediakit.{module}")
    for name in mk._EXPORTS:
        assert not isinstance(getattr(mk, name), type(mk)), f"mk.{name} is a module"


def test_a_description_before_a_name_is_its_label_and_later_resolves_to_it() -> None:
    text = ("The minister, John Smith, said on Monday that taxes would rise. Jane Doe, a teacher, disagreed. "
            "The minister added that it was fair. The former president met with Ukrainian leader, Volodymyr Zelensky , "
            "in New York.\n\nA debt crisis\n\nHer lawyer, Mary Roe, told reporters she would appeal.")
    actors = {a.name: a for a in mk.find_actors(text)}
    assert "The minister" in actors["John Smith"].labels
    # the later "The minister" is John Smith, not the last person named (Jane Doe)
    later = text.index("The minister added")
    assert any(m.start == later for m in actors["John Smith"].mentions)
    assert "The minister" not in actors["Jane Doe"].labels
    # no determiner: the description starts after the verb and preposition, not at "The former president"
    assert "Ukrainian leader" in actors["Volodymyr Zelensky"].labels
    assert not any("met with" in lb for a in actors.values() for lb in a.labels)
    # a paragraph break ends the description
    assert "Her lawyer" in actors["Mary Roe"].labels
    assert not any("\n" in lb for a in actors.values() for lb in a.labels)


# The scans of pronouns and descriptions are written for speed (a set of first letters, the word
# boundary as a lookbehind, the role words as a prefix tree); they must find what the plain patterns find.
_SCAN_TEXTS = [
    "He said she told him his plan was hers. THEY met them at their house; tHeIr car, HIM, hE.",
    "other there these the his-tory _he he_ 3she she3 éthey ſhe hİm thıs İt the\nthey",
    "The president met a spokesman and an adviser. The former US president and a senior Kremlin spokesperson.",
    "_the president 1a spokesman éthe minister The vice-president a-president an  former  chairman",
    "the president's aide, the presidents, the presidential race, a minister-designate, the ministers",
    "Atheist the", "the", "a", "", "The  a president", "the the the minister", "ask the a an the minister",
]


@pytest.mark.parametrize("text", [*_SCAN_TEXTS, mk.load_article(ARTICLE).text])
def test_pronoun_and_description_scans_match_the_plain_patterns(text: str) -> None:
    import re

    from mediakit.framing.actors import words

    heads = sorted((w for w in words._lex().titles if w.isalpha() and w not in words._NOT_DESCRIPTION_HEADS),
                   key=len, reverse=True)
    plain_desc = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[\w-]+\s+){0,3}?)(" + "|".join(heads) + r")\b")
    plain_pron = re.compile(r"\b(?:he|she|him|his|her|they|them|their)\b", re.IGNORECASE)

    def found(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
        return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]

    assert found(words._descriptions(text)) == found(plain_desc.finditer(text))
    assert found(words._pronouns(text)) == found(plain_pron.finditer(text))


def test_description_and_pronoun_scans_find_what_they_should() -> None:
    from mediakit.framing.actors import words

    text = "The former US president met them. ſhe said a spokesman, the vice-president and Theresa spoke."
    assert [m.group(0) for m in words._descriptions(text)] == ["The former US president", "a spokesman"]
    assert [m.group(0) for m in words._pronouns(text)] == ["them", "ſhe"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("The report was written by Christopher M. Shelton, a former analyst. Shelton said it was fine.",
         {"Christopher M. Shelton"}),
        ("President George W. Bush met troops. The attack was carried out by the U.S. Army.",
         {"George W. Bush", "U.S. Army"}),
        ("Former president George H. W. Bush died on Friday.", {"George H. W. Bush"}),
        ("The war was lost, said Anna K. Berg. Berg is a historian.", {"Anna K. Berg"}),
        ("FBI Director James B. Comey said the emails were mishandled.", {"James B. Comey"}),
        # not initials: a sentence ends after the letter, or the letter ends a phrase
        ("It ended in World War I. Germany lost the war.", {"Germany"}),
        ("He took vitamin C. Doctors agree.", set()),
        ("He spoke of Malcolm X. Attallah Shabazz said so.", {"Attallah Shabazz"}),
        ("It was Malcolm X. The crowd cheered.", set()),
        ("He met John A.\nSmith was not there.", {"Smith"}),
    ],
)
def test_a_middle_initial_stays_inside_the_name(text: str, names: set[str]) -> None:
    found = {a.name for a in find_actors(text)}
    assert names <= found, found
    assert not any(n.endswith((" M", " W", " K", " B")) for n in found), found  # no name cut at its initial
    assert not any(n.startswith(("Germany", "Doctors", "Attallah")) and n not in names for n in found), found
    assert not any("." in n and n not in names and n != "U.S. Army" for n in found), found
    christopher = [a for a in find_actors(text) if a.name == "Christopher M. Shelton"]
    if christopher:
        assert [m.text for m in christopher[0].mentions] == ["Christopher M. Shelton", "a former analyst", "Shelton"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("The Food and Drug Administration approved it.", {"Food and Drug Administration"}),
        ("The US Securities and Exchange Commission said so.", {"US Securities and Exchange Commission"}),
        ("The Department of Health and Human Services agreed.", {"Department of Health and Human Services"}),
        ("The Transport and General Workers Union (TGWU) voted.", {"Transport and General Workers Union", "TGWU"}),
        # two names side by side stay two
        ("Trump and Putin met.", {"Trump", "Putin"}),
        ("Citizens Bank and Canal Bank merged.", {"Citizens Bank", "Canal Bank"}),
        ("Deutsche Bank and Credit Suisse Group fell.", {"Deutsche Bank", "Credit Suisse Group"}),
        ("The Treasury and Bank of England disagreed.", {"Treasury", "Bank of England"}),
        ("Peter Marion of Maritime Seafood Processors and First Choice Foods spoke.",
         {"Peter Marion of Maritime Seafood Processors", "First Choice Foods"}),
    ],
)
def test_an_organisation_name_runs_on_over_and(text: str, names: set[str]) -> None:
    assert {a.name for a in find_actors(text)} == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("Prime Minister Theresa May said the deal was done.", {"Theresa May"}),
        ("Guitarist Brian May's solo opened the show, and Kevin June spoke.", {"Brian May", "Kevin June"}),
        # a month with a day or year after it is a date, and a month after a common word stays out
        ("Voters in Washington May 3 stayed home. Talks resume in May.", {"Washington"}),
        ("It rained on Friday May 12, Peter Smith said.", {"Peter Smith"}),
    ],
)
def test_a_month_name_after_a_given_name_is_its_surname(text: str, names: set[str]) -> None:
    found = {a.name for a in find_actors(text)}
    assert {n.removeprefix("Guitarist ") for n in found} == names, found


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("United Technologies said profits fell. Shares in Sony Pictures rose.",
         {"United Technologies": "organisation", "Sony Pictures": "organisation"}),
        ("Wealth-X said the number of billionaires rose. T-Mobile said it would appeal.",
         {"Wealth-X": "organisation", "T-Mobile": "organisation"}),
        # an acronym stays an organisation before a speech verb; an unknown word is still promoted
        ("The NHS said waiting times rose. Peskov said the talks had stalled.",
         {"NHS": "organisation", "Peskov": "person"}),
        # a person named "of" an organisation, and hyphenated given names, stay persons
        ("Alan Patricof of Greycroft Partners said no. Jean-Pierre Raffarin said yes.",
         {"Alan Patricof of Greycroft Partners": "person", "Jean-Pierre Raffarin": "person"}),
    ],
)
def test_organisation_names_are_not_persons(text: str, kinds: dict[str, str]) -> None:
    found = {a.name: a.kind for a in find_actors(text)}
    assert {n: found.get(n) for n in kinds} == kinds


def test_first_word_of_an_organisation_joins_it() -> None:
    text = "Shares in Cairn Energy rose. Cairn said output would double."
    (cairn,) = find_actors(text)
    assert (cairn.name, cairn.kind, [m.text for m in cairn.mentions]) == (
        "Cairn Energy", "organisation", ["Cairn Energy", "Cairn"])


@pytest.mark.parametrize(
    "text, names",
    [
        # a one-word name before a verb is a name, whatever its ending
        ("Erdogan has pushed for a new constitution.", {"Erdogan"}),
        ("Mr. Rahami handled the register.", {"Rahami"}),
        ("Djokovic won in straight sets, and Ryan said it was deserved.", {"Djokovic", "Ryan"}),
        ("Nissan said sales rose.", {"Nissan"}),
        # adjectives of nationality, party, faith or place before a noun are not names
        ("Iraqi forces and Islamic militants clashed; Republican senators and Saudi officials met.", set()),
        ("Anglo-American talks, a California-based firm and Eurosceptic members.", set()),
        ("The Welshman scored, and Caribbean islands were hit.", set()),
    ],
)
def test_one_word_names_and_adjectives_before_a_noun(text: str, names: set[str]) -> None:
    assert {a.name for a in find_actors(text)} == names


@pytest.mark.parametrize(
    "text, kinds",
    [
        # an honorific or abbreviated title before a one-word name says "person" (and is no name itself)
        ("Mr. Ryan came closer than anyone to stripping Mrs. Pelosi of her title.",
         {"Ryan": "person", "Pelosi": "person"}),
        ("Later, Mrs. Long spoke to Sen. Cruz and Dr Fauci.", {"Long": "person", "Cruz": "person", "Fauci": "person"}),
        ("Mr Blair said so.", {"Blair": "person"}),
        # without one, an unknown one-word name stays an organisation
        ("Shares in Vodafone rose.", {"Vodafone": "organisation"}),
    ],
)
def test_an_honorific_makes_a_one_word_name_a_person(text: str, kinds: dict[str, str]) -> None:
    assert {a.name: a.kind for a in find_actors(text)} == kinds


def test_a_word_seen_alone_first_joins_the_person_an_honorific_names_later() -> None:
    (allard,) = find_actors("Allard said prices would rise. Later, Mr Allard said they would not.")
    assert (allard.name, allard.kind, allard.labels) == ("Allard", "person", ("Allard",))  # "Mr" tells only the gender
    assert [m.text for m in allard.mentions] == ["Allard", "Allard"]


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Guitarist Brian May played the solo.", "Brian May", "Guitarist"),
        ("Counsel James A. Baker spoke.", "James A. Baker", "Counsel"),
        ("Labour MSP Christine May and others voted.", "Christine May", "Labour MSP"),
        ("Comedian Chris Morris made the film.", "Chris Morris", "Comedian"),
    ],
)
def test_a_role_before_a_name_is_its_label(text: str, name: str, label: str) -> None:
    actors = {a.name: a for a in find_actors(text)}
    assert name in actors, actors
    assert actors[name].kind == "person" and label in actors[name].labels


@pytest.mark.parametrize(
    "text, names",
    [
        # not a role: the name does not start with a given name, or the group starts with one
        ("The New York Marathon and White Hart Lane were full.", {"New York Marathon", "White Hart Lane"}),
        ("Will Smith met Rose Mary Woods.", {"Will Smith", "Rose Mary Woods"}),
    ],
)
def test_names_that_are_not_a_role_and_a_name_stay_whole(text: str, names: set[str]) -> None:
    assert names <= {a.name for a in find_actors(text)}


def test_an_initial_or_a_role_with_the_surname_joins_the_full_name() -> None:
    text = ("G Henson kicked. Later Gavin Henson scored, and G Thomas ran. Jonathan Thomas watched. "
            "Baroness Susan Greenfield spoke. Baroness Greenfield said so.")
    actors = {a.name: [m.text for m in a.mentions] for a in find_actors(text)}
    assert actors["Gavin Henson"] == ["G Henson", "Gavin Henson"]
    assert actors["G Thomas"] == ["G Thomas"] and actors["Jonathan Thomas"] == ["Jonathan Thomas"]
    assert actors["Susan Greenfield"] == ["Susan Greenfield", "Baroness Greenfield"]


def test_a_month_name_alone_is_the_surname_of_a_person_named_in_full() -> None:
    text = ("Theresa May met MPs in May. Later, May told MPs she was sorry. May I ask? "
            "Mrs May said on May 3 that May's deal stood.")
    (may,) = [a for a in find_actors(text) if a.kind == "person"]
    assert [(m.text, m.start) for m in may.mentions if m.form != "pronoun"] == [
        ("Theresa May", 0), ("May", 35), ("May", 78), ("May", 101)]
    # no person of that surname: a month stays a month
    assert find_actors("Talks begin in May. May told them.") == ()


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("The Bureau of Alcohol, Tobacco, Firearms and Explosives said so.",
         {"Bureau of Alcohol, Tobacco, Firearms and Explosives": "organisation"}),
        ("The Ministry of Agriculture, Fisheries and Food agreed.",
         {"Ministry of Agriculture, Fisheries and Food": "organisation"}),
        # places listed, or people after the name, are not fields of it
        ("The Bank of England, France and Germany agreed.",
         {"Bank of England": "organisation", "France": "place", "Germany": "place"}),
        ("The Department of Health, Sally Smith and Tom Jones spoke.",
         {"Department of Health": "organisation", "Sally Smith": "person", "Tom Jones": "person"}),
        ("The Royal Society and the Countryside Alliance met the Federal Bureau of Investigation.",
         {"Royal Society": "organisation", "Countryside Alliance": "organisation",
          "Federal Bureau of Investigation": "organisation"}),
    ],
)
def test_an_organisation_that_lists_its_fields_is_one_organisation(text: str, kinds: dict[str, str]) -> None:
    assert {a.name: a.kind for a in find_actors(text)} == kinds


def test_executive_heads_a_public_body_but_stays_a_title_before_a_name() -> None:
    text = ("The Health and Safety Executive and the Scottish Executive agreed, said BBC Chief Executive "
            "Mark Thompson. Chief Executive Officer John Smith said so.")
    found = {a.name: (a.kind, a.labels) for a in find_actors(text)}
    assert found["Health and Safety Executive"][0] == "organisation"
    assert found["Scottish Executive"][0] == "organisation"
    assert found["Mark Thompson"] == ("person", ("Mark Thompson", "BBC Chief Executive"))
    assert found["John Smith"] == ("person", ("John Smith", "Chief Executive Officer"))
    assert set(found) == {"Health and Safety Executive", "Scottish Executive", "Mark Thompson", "John Smith"}


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Putin, 64, met Trump's wife.", {"Putin": "person", "Trump": "person"}),
        ("Cruz (R-Tex.) spoke of the Obama presidency.", {"Cruz": "person", "Obama": "person"}),
        # what an organisation has too says nothing
        ("Apple's profits rose and Microsoft's lawyers and the Labour administration agreed.",
         {"Apple": "organisation", "Microsoft": "organisation", "Labour": "organisation"}),
    ],
)
def test_what_only_a_person_has_makes_a_one_word_name_a_person(text: str, kinds: dict[str, str]) -> None:
    found = {a.name: a.kind for a in find_actors(text)}
    assert {n: found.get(n) for n in kinds} == kinds


@pytest.mark.parametrize(
    "text, names",
    [
        ("Sean Spicer Under Fire As Spicer Falsely Claims Nazis Never Used Poison Gas", {"Sean Spicer": 2}),
        ("Hillary Clinton Selects Tim Kaine as Running Mate", {"Hillary Clinton": 1, "Tim Kaine": 1}),
        # a given name before a common word is not a name in a headline
        ("Bill Passes Senate After Long Debate", {}),
    ],
)
def test_a_headline_alone_names_people_by_given_name_and_surname(text: str, names: dict[str, int]) -> None:
    assert {a.name: a.n_mentions for a in find_actors(text) if a.kind == "person"} == names


def test_an_honorific_gives_the_gender_that_pronouns_agree_with() -> None:
    found = {a.name: (a.labels, [m.text for m in a.mentions])
             for a in find_actors("Mrs Pelosi met Mr Ryan. She said the talks went well, and he agreed.")}
    assert found == {"Pelosi": (("Pelosi",), ["Pelosi", "She"]), "Ryan": (("Ryan",), ["Ryan", "he"])}
