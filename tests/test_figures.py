"""Figures: amounts with value, unit, what they count, who they come from; dates and names excluded."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.article import Article
from mediakit.errors import InputError
from mediakit.framing.figures import Figure, figures_table, find_figures


def _one(text: str) -> Figure:
    figs = find_figures(text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "counts"),
    [
        ("Police said 1,740 men were killed.", "1,740 men", 1740.0, None, "men"),
        ("The total reached 675,800 by October.", "675,800", 675800.0, None, None),
        ("The US pledged $3.5 billion in military aid.", "$3.5 billion in military aid", 3.5e9, "$", "military aid"),
        ("The firm posted a profit of €1.2bn this year.", "€1.2bn", 1.2e9, "€", None),
        ("Support for the plan rose to 45% in March.", "45%", 45.0, "%", None),
        ("Turnout was 61.5 per cent.", "61.5 per cent", 61.5, "%", None),
        ("Unemployment fell by 0.3 percentage points.", "0.3 percentage points", 0.3, "percentage points", None),
        ("It has been two and a half years since the invasion.", "two and a half years", 2.5, "years", None),
        ("Elections are now just two weeks away.", "two weeks", 2.0, "weeks", None),
        ("Half a million people fled the city.", "Half a million people", 5e5, None, "people"),
        ("Twenty-five soldiers were wounded.", "Twenty-five soldiers", 25.0, None, "soldiers"),
        ("The army lost a dozen tanks.", "a dozen tanks", 12.0, None, "tanks"),
        ("Two-thirds of Americans support stricter gun laws.", "Two-thirds of Americans", 2 / 3, "share", "Americans"),
        ("A 17-year-old boy was charged with murder.", "17-year-old", 17.0, "years old", None),
        ("Mutu, 25, was banned by the club.", "25", 25.0, "years old", None),
        ("Farmers harvested 10 tonnes of grain a day.", "10 tonnes of grain", 10.0, "tonnes", "grain"),
        ("The pipeline carries 1.2 million barrels a day.", "1.2 million barrels", 1.2e6, "barrels", None),
        ("Roma were 400 times more likely to be stopped.", "400 times", 400.0, "times", None),
        ("Shares saw a 3.3% fall in profits.", "3.3% fall in profits", 3.3, "%", "profits"),
        ("The team cut A$68m from its budget.", "A$68m", 68e6, "$", None),
        ("The show drew 1.2m viewers last night.", "1.2m viewers", 1.2e6, None, "viewers"),
        ("She won the 100m final.", "100m", 100.0, "metres", None),
        ("Only one in five voters trusts the government.", "one in five voters", 0.2, "share", "voters"),
        ("The death toll rose to 58 on Monday.", "58", 58.0, None, "deaths"),
    ],
)
def test_values_units_counts(text: str, figure: str, value: float, unit: str | None, counts: str | None) -> None:
    f = _one(text)
    assert (f.text, f.unit, f.counts) == (figure, unit, counts)
    assert f.value == pytest.approx(value)
    assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("text", "figure", "approximate"),
    [
        ("The war has caused at least 1 million combined casualties.", "at least 1 million combined casualties", True),
        ("About 1,500 troops were deployed.", "About 1,500 troops", True),
        ("More than 50 people were hurt.", "More than 50 people", True),
        ("Some 300 families were evacuated.", "Some 300 families", True),
        ("Nearly half of voters backed the plan.", "Nearly half of voters", True),
        ("Up to 15 years in prison.", "Up to 15 years", True),
        ("Thousands of protesters marched on Sunday.", "Thousands of protesters", True),
        ("The fund lost 200 clients.", "200 clients", False),
        # "over" before a time span means "during", not "more than"
        ("Prices rose over two years.", "two years", False),
    ],
)
def test_approximate(text: str, figure: str, approximate: bool) -> None:
    f = _one(text)
    assert (f.text, f.approximate) == (figure, approximate)


def test_vague_amount_has_no_value() -> None:
    f = _one("Tens of thousands of people signed the petition.")
    assert (f.text, f.value, f.counts, f.approximate) == ("Tens of thousands of people", None, "people", True)


@pytest.mark.parametrize(
    "text",
    [
        "The summit was held on May 12, 2024.",  # date and year
        "Results are due on 12 May.",
        "They play between 6 and 12 December.",
        "The 1990s were different; in 2019 things changed.",
        "The meeting starts at 10:30 and ends at 3 p.m.",
        "Covid-19 and the G7 dominated talks about F-16 jets.",  # names with numbers
        "Article 5 of the treaty and Flight 370 were discussed.",
        "Microsoft's Xbox 2 will follow the Commodore 64.",
        "No. 10 said it was one of the best days.",  # bare "one", "No. 10"
        "The ceasefire lasted 10-15 days and the score was 3-1.",  # ranges and scores
        "He came first in the race, the 1st time since the Six Nations.",
        "It is one of the top 10 toys.",
        "The vote was held on Oct. 7 in Ohio.",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == ()


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At least 1,740 men were killed, according to the ministry.", "the ministry"),
        ("According to an index sourced from the Armed Forces of Ukraine, 1,740 men were killed.",
         "an index sourced from the Armed Forces of Ukraine"),
        ("Police said 12 people were killed.", "Police"),
        ("Twelve people were killed, police said.", "police"),
        ("Twelve people were killed, said Peskov.", "Peskov"),
        ("Inflation hit 9.1%, the Labor Department reported.", "the Labor Department"),
        ("More than 6 million people died, the WHO said.", "the WHO"),
        ('"We lost 300 soldiers," the commander said.', "the commander"),
        # a figure between the subject and its verb is the writer's apposition, not the speaker's claim
        ("Trump, the candidate in elections two weeks away, told reporters he would win.", None),
        ("Others found themselves tied into 12-month contracts.", None),
        ("Gallup found that 45% of adults back the ban.", "Gallup"),
        ("Gunmen killed at least 20 people, a local official told Reuters.", "a local official"),
        ("Russia has lost roughly 5,000 tanks since February 2022, Oryx estimates.", "Oryx"),
        ("The plan would cost £2.3 billion.", None),
    ],
)
def test_source(text: str, source: str | None) -> None:
    assert find_figures(text)[0].source == source


def test_in_quote_and_quote_speaker() -> None:
    from dataclasses import dataclass

    @dataclass
    class Q:  # the fields find_figures reads from a Quote
        start: int
        end: int
        speaker: str | None

    text = 'He added: "We lost 300 soldiers in a week." Separately, 40 firefighters arrived.'
    figs = find_figures(text)
    assert [(f.text, f.in_quote) for f in figs] == [("300 soldiers", True), ("40 firefighters", False)]
    assert figs[0].source is None
    inside = text.index("We")
    figs = find_figures(text, quotes=[Q(inside, text.index('."') + 1, "Gen. Ivan Petrov")])
    assert figs[0].source == "Gen. Ivan Petrov"
    assert figs[1].source is None


def test_bundled_article(bundled_article: Article) -> None:
    figs = find_figures(bundled_article)
    text = bundled_article.text
    by_text = {f.text: f for f in figs}
    for f in figs:
        assert text[f.start : f.end] == f.text
    men = by_text["1,740 men"]
    assert (men.value, men.counts, men.in_quote) == (1740.0, "men", False)
    assert men.source == "an index sourced from the Armed Forces of Ukraine"
    total = by_text["675,800"]
    assert (total.value, total.counts, total.source) == (675800.0, "lost Russian military personnel", "the data")
    casualties = by_text["at least 1 million combined casualties"]
    assert (casualties.value, casualties.counts, casualties.approximate) == (1e6, "combined casualties", True)
    span = by_text["more than two and a half years"]
    assert (span.value, span.unit, span.approximate) == (2.5, "years", True)
    assert by_text["two weeks"].unit == "weeks"
    # May 12 is a date and "one day" is not counted
    assert not any("12" == f.text or "May" in f.text or "one day" in f.text for f in figs)
    assert [f.sentence for f in figs] == sorted(f.sentence for f in figs)


def test_figures_table_columns() -> None:
    df = figures_table("Police said 12 people died and 30 were hurt.")
    assert list(df.columns) == ["start", "end", "text", "value", "unit", "counts", "source", "sentence",
                                "approximate", "in_quote"]
    assert df["text"].tolist() == ["12 people", "30"]
    assert figures_table("No numbers here.").empty


def test_empty_and_bad_input() -> None:
    assert find_figures("") == ()
    with pytest.raises(InputError, match="expected a str or an Article"):
        find_figures(12)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$€£-:aAbmkhalf onethwy\"'\n")), max_size=60))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.start < f.end


_LONG_RUNS = {
    "numbers": lambda n: " ".join(str(i) for i in range(n)),
    "quoted numbers": lambda n: " ".join(f'"{i} died"' for i in range(n // 2)),
    "cited numbers": lambda n: " ".join(f"according to the ministry {i} died," for i in range(n // 6)),
    "inverted subjects": lambda n: " ".join(f"{i} died, said Peskov," for i in range(n // 4)),
}


@pytest.mark.parametrize("shape", sorted(_LONG_RUNS))
def test_a_long_sentence_of_figures_finishes(shape: str) -> None:
    # ~40,000 characters without a full stop: every figure, source and speaker is looked up by
    # bisection, not by a scan of the sentence; the bound is generous, the failure mode is a hang
    import time

    from mediakit.framing.quotes import extract_quotes

    text = _LONG_RUNS[shape](8000)
    t = time.process_time()
    figs = find_figures(text, quotes=extract_quotes(text))
    assert time.process_time() - t < 30
    assert len(figs) > 1000 and all(text[f.start : f.end] == f.text for f in figs)


_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_spans, st.integers(-5, 80), st.lists(st.sampled_from([None, "", "A", "B"]), min_size=30, max_size=30))
def test_lookups_answer_as_a_scan_in_order(spans: list[tuple[int, int]], pos: int, speakers: list[str | None]) -> None:
    from types import SimpleNamespace

    from mediakit.framing.figures import _covered, _nearest, _speaker_at

    items = [SimpleNamespace(start=a, end=b, speaker=sp) for (a, b), sp in zip(spans, speakers)]
    assert _covered(spans)(pos) == any(lo <= pos < hi for lo, hi in spans)
    first_speaker = next((str(q.speaker) for q in items if q.start <= pos < q.end and q.speaker), None)
    assert _speaker_at(items)(pos) == first_speaker
    if items:
        nearest = min(items, key=lambda s: min(abs(s.start - pos), abs(s.end - pos)))
        assert _nearest(items, lambda s: (s.start, s.end))(pos) is nearest


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 3)), max_size=12), st.integers(0, 70))
def test_subject_lookup_answers_as_a_scan_in_order(kinds: list[tuple[bool, int]], i: int) -> None:
    from mediakit.framing.figures import _subject_for

    subjects = []  # (first, last, verb) in verb order: a subject before its verb, or an inverted one after it
    for k, (before, size) in enumerate(kinds):
        verb = 6 * k + 4
        subjects.append((verb - 1 - size, verb - 1, verb) if before else (verb + 1, verb + 1 + size, verb))
    expected = next((s for s in subjects if (s[1] < s[2] and (i > s[2] or i < s[0])) or (s[2] < s[0] and i < s[2])),
                    None)
    assert _subject_for(subjects)(i) == expected


def test_number_sentences_answer_as_the_pattern_searched_per_sentence() -> None:
    # read from the word tokens, each sentence's answer is what _MAYBE_NUMBER.search over the sentence
    # answers: digits (any script), number words where a word begins (also after a hyphen), in any case
    # (also the letters the re module folds to ASCII ones), and sentences that do not sit between spaces
    import random

    from mediakit.framing._tokens import _sentence_tokens, text_words
    from mediakit.framing.figures.amounts import _MAYBE_NUMBER, _number_sentences

    rng = random.Random(5)
    pieces = ["one", "Two", "SEVENTEEN", "seven", "thirds", "half", "tens", "dozen", "someone", "often", "x", "_",
              " ", " ", ". ", ". ", "-", "'", "3", "٣", "1,740", "é", "Ωone", "oNe", "twenty-one", "ſix", "İ", "K"]
    n_true = n_false = 0
    for n in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        if n % 3:
            tw = text_words(text)
        else:  # paragraphs cutting through words
            cut = rng.randrange(len(text) + 1)
            tw = _sentence_tokens(text, ((0, 0, cut), (1, cut, len(text))))
        got = _number_sentences(text, tw)
        want = [_MAYBE_NUMBER.search(text, s.start, s.end) is not None for s in tw.sentences]
        assert got == want, text
        n_true += sum(want)
        n_false += len(want) - sum(want)
    assert n_true > 1000 and n_false > 1000


def test_a_token_that_may_not_begin_an_amount_is_passed_over() -> None:
    # _amounts skips, in C, the tokens _may_begin rules out, by their lower-cased form: lower-casing
    # never makes or unmakes a leading digit, and the same sentence read token by token gives the same
    from mediakit.framing.figures.amounts import _amounts, _may_begin
    from mediakit.segment import tokenize

    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert not [c for c in chars if c.isdigit() != c.lower()[:1].isdigit()]
    text = "Some US$5bn, €3 and two-thirds of 1,200 adults: twenty-one of them, a dozen more, half a million."
    toks = tokenize(text)
    lows = [t.text.lower().replace("’", "'") for t in toks]
    assert [lows[a.i] for a in _amounts(text, toks, lows)] == ["us", "€", "two-thirds", "1,200", "twenty-one", "a",
                                                              "half"]
    assert not _may_begin("adults") and not _may_begin("some") and _may_begin("5bn") and _may_begin("dozens")
