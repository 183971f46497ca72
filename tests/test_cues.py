"""Epistemic cues and cited sources on real news sentences, including ones that must not match."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.errors import InputError, LoadError
from mediakit.framing.cues import cues_table, find_cues, find_sources, load_cues

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "newsweek-2024-10-28-russia-responds-trump-moscow.txt"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The alleged attack took place on Monday.", [("alleged", "hedge")]),
        ("He purportedly said it.", [("purportedly", "hedge")]),
        ("The minister reportedly resigned.", [("reportedly", "hedge")]),
        ("The so-called peace plan collapsed.", [("so-called", "hedge")]),
        ("She may have been right.", [("may have been", "hedge")]),
        ("He clearly lied.", [("clearly", "booster")]),
        ("In fact, the figures were wrong.", [("In fact", "booster")]),
        ("The company did not respond to a request for comment.",
         [("did not respond to a request", "non_substantiation")]),
        ("The claims could not be independently verified.",
         [("claims", "hedge"), ("could not be independently verified", "non_substantiation")]),
        ("Officials spoke on condition of anonymity.", [("on condition of anonymity", "anonymity")]),
        # senses that are not cues
        ("He believed in God.", []),
        ("Trump believed the report.", []),
        ("The group claimed responsibility for the attack.", []),
        ("The fire claimed the lives of three people.", []),
        ("The talks ended on Friday.", []),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str]]) -> None:
    cues = find_cues(text)
    assert [(c.text, c.category) for c in cues] == expected
    for c in cues:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The figures were published by Reuters.", [("Reuters", "reported")]),
        ("According to police, two men were arrested.", [("police", "according_to")]),
        ("Sources told CNN the deal was close.", [("CNN", "told")]),
        ("The BBC reported that the talks had failed.", [("BBC", "reported")]),
        ("In an interview with the Guardian, she said no.", [("the Guardian", "interview")]),
        ("Citing unnamed officials, the Times said the plan was dead.", [("unnamed officials", "citing")]),
        ("Peskov said so, according to Russian state media reports.", [("Russian state media", "according_to")]),
        # recipients and pronouns are not sources
        ("He told reporters he would stay.", []),
        ("She told him to leave.", []),
    ],
)
def test_sources(text: str, expected: list[tuple[str, str]]) -> None:
    sources = find_sources(text)
    assert [(s.name, s.kind) for s in sources] == expected
    for s in sources:
        assert text[s.name_start : s.name_end] == s.name
        assert text[s.start : s.end] == s.text


def test_bundled_article_cues_and_sources() -> None:
    article = mk.load_article(ARTICLE)
    cues = {(c.text.lower(), c.category) for c in find_cues(article)}
    assert {("alleged", "hedge"), ("purportedly", "hedge"), ("reportedly", "hedge"),
            ("did not elaborate", "non_substantiation")} <= cues
    names = [s.name for s in find_sources(article)]
    assert "The Wall Street Journal" in names and "Russian state outlet RBC" in names
    assert "state media" not in names  # already cited as "Russian state media"


def test_user_lexicon_from_list_file_and_frame(tmp_path: Path) -> None:
    text = "The minister was accused of lying, critics insist."
    assert [c.text for c in find_cues(text, lexicon=["accused of", "insist"])] == ["accused of", "insist"]
    path = tmp_path / "mine.tsv"
    path.write_text("# my cues\npattern\tcategory\naccused of\taccusation\n", encoding="utf-8")
    assert [(c.text, c.category) for c in find_cues(text, lexicon=path)] == [("accused of", "accusation")]
    frame = pd.DataFrame({"pattern": ["insist"], "category": ["emphasis"]})
    assert cues_table(text, lexicon=frame)["category"].tolist() == ["emphasis"]
    assert len(load_cues()) > 50


def test_bad_lexicons_name_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("pattern\tcategory\tnote\na\tb\tc\td\n", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_cues(bad)
    assert err.value.line == 2 and "bad.tsv" in str(err.value)
    with pytest.raises(InputError):
        load_cues(pd.DataFrame({"word": ["x"]}))
    with pytest.raises(InputError):
        find_cues(42)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 6)), max_size=25), st.integers(-2, 60),
       st.integers(0, 8))
def test_spans_overlap_answers_as_a_scan(raw: list[tuple[int, int]], a: int, width: int) -> None:
    from mediakit.framing.cues import _Spans

    spans = [(lo, lo + size) for lo, size in raw]  # in any order: sorted ones take the bisection
    for given_spans in (spans, sorted(spans)):
        b = a + width
        assert _Spans(given_spans).overlaps(a, b) == any(lo <= b and a <= hi for lo, hi in given_spans)


def test_a_long_sentence_citing_many_sources() -> None:
    text = " ".join(f"according to the ministry {i} died, Reuters reported" for i in range(1500))
    found = find_sources(text)
    assert [s.kind for s in found[:2]] == ["according_to", "reported"] and len(found) == 3000


def test_a_shipped_name_loads_the_same_lexicon_as_its_path() -> None:
    from mediakit.framing._match import shipped_file
    from mediakit.framing.frames import load_frames
    from mediakit.lexicon import lexicon_path

    assert load_cues() is load_cues("cues") is load_cues(str(lexicon_path("cues")))
    assert load_frames("generic") is load_frames(lexicon_path("frames_generic"))
    assert shipped_file("cues") == str(lexicon_path("cues"))
    # paths, names with a suffix and unknown names are resolved on every call, as before
    assert shipped_file("cues.tsv") is None and shipped_file("./cues") is None and shipped_file("no_such") is None
